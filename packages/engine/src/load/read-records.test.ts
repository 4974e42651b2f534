import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvaluationError } from '../problems.ts';
import { type RawRecord, readRecords } from './read-records.ts';

async function read(text: string, ext = 'csv'): Promise<RawRecord[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'scorebook-csv-')), `t.${ext}`);
  writeFileSync(file, text);
  const out: RawRecord[] = [];
  for await (const r of readRecords(file, [])) out.push(r);
  return out;
}

describe('reading CSV (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, with the line each record starts on', async () => {
    const rows = await read(
      'a,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"two\nlines",\n3,,"" \n'.replace(' \n', '\n'),
    );
    expect(rows).toEqual([
      { line: 2, values: { a: '1', b: 'x, y', c: 'say "hi"' } },
      { line: 4, values: { a: '2', b: 'two\nlines', c: '' } },
      { line: 6, values: { a: '3', b: '', c: '' } },
    ]);
  });

  it('reports a row with the wrong number of fields, and stops on a quote never closed', async () => {
    expect(await read('a,b\n1,2,3\n')).toEqual([
      { line: 2, error: { code: 'FIELD_COUNT', detail: { value: '3', expected: '2' } } },
    ]);
    await expect(read('a,b\n1,"open\n2,3\n')).rejects.toBeInstanceOf(EvaluationError);
  });

  it('reads JSON Lines and reports a line that is not an object', async () => {
    const rows = await read('{"a":1}\n\n[1]\n{"a":', 'jsonl');
    expect(rows.map((r) => [r.line, r.error?.code ?? 'ok'])).toEqual([
      [1, 'ok'],
      [3, 'BAD_JSON'],
      [4, 'BAD_JSON'],
    ]);
  });
});
