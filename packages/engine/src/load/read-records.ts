import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { EvaluationError } from '../problems.ts';
import { decodeUtf8 } from './decode.ts';

/** One record of a file: its values by column, or why the line could not be read as a record. */
export type RawRecord =
  | { line: number; values: Record<string, unknown>; error?: undefined }
  | {
      line: number;
      values?: undefined;
      error: { code: 'BAD_JSON' | 'FIELD_COUNT'; detail: Record<string, string> };
    };

/**
 * Streams the records of a CSV (RFC 4180, header row) or JSON Lines file. CSV values are the
 * cell texts; JSON values are as parsed. A file that is not readable at all (bad quoting, a
 * header with a repeated column) stops the run; a bad line is yielded as an error.
 * `requiredColumns` are checked against a CSV header.
 */
export async function* readRecords(
  file: string,
  requiredColumns: readonly string[],
  onBytes?: (bytes: Uint8Array) => void,
): AsyncGenerator<RawRecord> {
  if (file.endsWith('.jsonl')) yield* readJsonLines(file, onBytes);
  else yield* readCsv(file, requiredColumns, onBytes);
}

async function* readJsonLines(
  file: string,
  onBytes?: (bytes: Uint8Array) => void,
): AsyncGenerator<RawRecord> {
  let pending = '';
  let line = 0;
  const handle = (text: string): RawRecord | null => {
    line++;
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (trimmed.trim() === '') return null;
    try {
      const value = JSON.parse(trimmed) as unknown;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { line, error: { code: 'BAD_JSON', detail: { reason: 'not an object' } } };
      }
      return { line, values: value as Record<string, unknown> };
    } catch (error) {
      return { line, error: { code: 'BAD_JSON', detail: { reason: (error as Error).message } } };
    }
  };
  for await (const chunk of decodeUtf8(file, onBytes)) {
    pending += chunk;
    let start = 0;
    let newline = pending.indexOf('\n', start);
    while (newline !== -1) {
      const record = handle(pending.slice(start, newline));
      if (record !== null) yield record;
      start = newline + 1;
      newline = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
  }
  if (pending.length > 0) {
    const record = handle(pending);
    if (record !== null) yield record;
  }
}

async function* readCsv(
  file: string,
  requiredColumns: readonly string[],
  onBytes?: (bytes: Uint8Array) => void,
): AsyncGenerator<RawRecord> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  const source = Readable.from(decodeUtf8(file, onBytes));
  // pipe() does not forward a source's error; hand it to the parser so iteration stops with it.
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let header: string[] | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (header === null) {
        header = record.map((h) => h.trim());
        checkHeader(file, header, requiredColumns);
        continue;
      }
      if (record.length !== header.length) {
        yield {
          line: info.lines,
          error: {
            code: 'FIELD_COUNT',
            detail: { value: String(record.length), expected: String(header.length) },
          },
        };
        continue;
      }
      const values: Record<string, unknown> = {};
      for (let i = 0; i < header.length; i++) values[header[i]!] = record[i];
      yield { line: info.lines, values };
    }
  } catch (error) {
    if (error instanceof EvaluationError) throw error;
    const e = error as Error & { code?: string; lines?: number };
    throw new EvaluationError([
      {
        code: 'FILE_NOT_CSV',
        file,
        line: e.lines ?? null,
        message: {
          zh: `${file} 不是可读的 CSV 文件:${e.message}。请检查引号是否成对、分隔符是否为逗号。`,
          en: `${file} is not a readable CSV file: ${e.message}. Check that quotes are paired and the separator is a comma.`,
        },
      },
    ]);
  }
}

function checkHeader(file: string, header: readonly string[], required: readonly string[]): void {
  const problems = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) {
      problems.push({
        code: 'DUPLICATE_COLUMN',
        file,
        line: 1,
        message: {
          zh: `${file} 的表头中列 "${name}" 出现了两次。`,
          en: `Column "${name}" appears twice in the header of ${file}.`,
        },
      });
    }
    seen.add(name);
  }
  for (const name of required) {
    if (!seen.has(name)) {
      problems.push({
        code: 'MISSING_COLUMN',
        file,
        line: 1,
        message: {
          zh: `${file} 缺少必填列 "${name}"。表头有:${header.join(', ')}。请在导出时加上这一列,或改列名。`,
          en: `${file} lacks the required column "${name}". The header has: ${header.join(', ')}. Add the column to the export or rename it.`,
        },
      });
    }
  }
  if (problems.length > 0) throw new EvaluationError(problems);
}
