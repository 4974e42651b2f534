import { ScorebookError } from '@scorebook/problems';
import { type FileItem, type ReadFileOptions, readXlsx } from '@scorebook/source';
import { decodeUtf8 } from './interim-decode.ts';

// The v1 readers, kept until the readers of @scorebook/source land (CSV and JSON Lines, UTF-8).
type RawRecord = FileItem;

/** Streams the items of a CSV or JSON Lines file (UTF-8), each with the line it starts on. */
export async function* readFile(options: ReadFileOptions): AsyncGenerator<FileItem> {
  if (options.format === 'xlsx') yield* readXlsx(options);
  else if (options.format === 'jsonl') yield* readJsonLines(options.path, options.onBytes);
  else yield* readCsv(options.path, [], options.onBytes);
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
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        return bad(line, 'not an object');
      return { kind: 'object', line, values: value as Record<string, unknown> };
    } catch (error) {
      return bad(line, (error as Error).message);
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
  let header: string[] | null = null;
  let pending = '';
  let line = 0;
  // A record spans lines while it has an odd number of quotes (inside a quoted field).
  let record: string | null = null;
  let recordLine = 0;
  const emit = (text: string, at: number): RawRecord | null => {
    const cells = text.includes('"') ? splitQuoted(text, file, at) : text.split(',');
    if (header === null) {
      header = cells.map((h) => h.trim());
      checkHeader(file, header, requiredColumns);
      return { kind: 'header', line: at, columns: header };
    }
    if (cells.length !== header.length) {
      return {
        kind: 'bad',
        line: at,
        code: 'FIELD_COUNT',
        message: {
          zh: `这一行有 ${cells.length} 个字段,表头有 ${header.length} 个`,
          en: `the row has ${cells.length} fields, the header has ${header.length}`,
        },
      };
    }
    return { kind: 'record', line: at, cells };
  };
  const take = (text: string): RawRecord | null => {
    line++;
    const body = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (record !== null) {
      record += `\n${body}`;
      if (quotes(record) % 2 !== 0) return null;
      const done = record;
      record = null;
      return emit(done, recordLine);
    }
    if (body === '') return null;
    if (body.includes('"') && quotes(body) % 2 !== 0) {
      record = body;
      recordLine = line;
      return null;
    }
    return emit(body, line);
  };
  for await (const chunk of decodeUtf8(file, onBytes)) {
    pending += chunk;
    let start = 0;
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      const result = take(pending.slice(start, newline));
      if (result !== null) yield result;
      start = newline + 1;
      newline = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
  }
  if (pending.length > 0) {
    const result = take(pending);
    if (result !== null) yield result;
  }
  if (record !== null) throw notCsv(file, recordLine, 'a quoted field is never closed');
}

function quotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n++;
  return n;
}

// RFC 4180 fields of one record that has quotes: "" inside quotes is a quote.
function splitQuoted(text: string, file: string, line: number): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) throw notCsv(file, line, 'a quoted field is never closed');
        value += text.slice(i, close);
        if (text[close + 1] === '"') {
          value += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      if (i < text.length && text[i] !== ',') throw notCsv(file, line, 'text follows a closing quote');
      cells.push(value);
    } else {
      const comma = text.indexOf(',', i);
      cells.push(comma === -1 ? text.slice(i) : text.slice(i, comma));
      i = comma === -1 ? text.length : comma;
    }
    if (i >= text.length) return cells;
    i++;
    if (i === text.length) {
      cells.push('');
      return cells;
    }
  }
}

function bad(line: number, reason: string): FileItem {
  return {
    kind: 'bad',
    line,
    code: 'BAD_JSON',
    message: {
      zh: `这一行不是有效的 JSON 对象:${reason}`,
      en: `the line is not a valid JSON object: ${reason}`,
    },
  };
}

function notCsv(file: string, line: number, why: string): ScorebookError {
  return new ScorebookError('input', [
    {
      code: 'FILE_NOT_CSV',
      severity: 'error',
      file,
      line,
      column: null,
      message: {
        zh: `${file} 第 ${line} 行不是有效的 CSV(${why === 'a quoted field is never closed' ? '引号没有闭合' : '闭合引号后还有文字'})。请检查引号是否成对、分隔符是否为逗号。`,
        en: `${file} line ${line} is not valid CSV (${why}). Check that quotes are paired and the separator is a comma.`,
      },
    },
  ]);
}

function checkHeader(file: string, header: readonly string[], required: readonly string[]): void {
  const problems: ScorebookError['problems'] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) {
      problems.push({
        code: 'DUPLICATE_COLUMN',
        severity: 'error',
        file,
        line: 1,
        column: null,
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
        severity: 'error',
        file,
        line: 1,
        column: null,
        message: {
          zh: `${file} 缺少必填列 "${name}"。表头有:${header.join(', ')}。请在导出时加上这一列,或改列名。`,
          en: `${file} lacks the required column "${name}". The header has: ${header.join(', ')}. Add the column to the export or rename it.`,
        },
      });
    }
  }
  if (problems.length > 0) throw new ScorebookError('input', problems);
}
