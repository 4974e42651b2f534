import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Evaluation, evaluate, serializeEvaluation } from '../src/index.ts';

// A file cut off inside its last line (a download or copy that did not finish) loses every row
// after it, while its last line is one rejected row, far under the rejected-row limit: the run
// says so with a FILE_CUT_OFF warning per such file, and gives the files as data (`cutOff`).

const golden = fileURLToPath(new URL('./fixtures/golden/', import.meta.url));
const policiesDir = `${golden}policies/ecommerce-cs`;

// A copy of the golden data, whose file `name` is cut inside the line holding the byte at `share`
// of it, `keep` characters into that line; the folder and the line cut.
function cutCopy(cuts: ReadonlyArray<{ name: string; share: number; keep: number }>): {
  dataDir: string;
  lines: number[];
} {
  const dataDir = mkdtempSync(join(tmpdir(), 'scorebook-cut-'));
  cpSync(`${golden}data`, dataDir, { recursive: true });
  const lines = cuts.map(({ name, share, keep }) => {
    const text = readFileSync(join(dataDir, name), 'utf8');
    const start = text.lastIndexOf('\n', Math.floor(text.length * share)) + 1;
    writeFileSync(join(dataDir, name), text.slice(0, start + keep));
    return text.slice(0, start).split('\n').length;
  });
  return { dataDir, lines };
}

const run = (dataDir: string, threads = 1): Promise<Evaluation> =>
  evaluate({ policiesDir, dataDir, period: '2026-10', parallel: { threads } });

describe('a file cut off inside its last line', { timeout: 120_000 }, () => {
  it('is said once, naming its table, file and line, first among the data warnings; the result files are as they were', async () => {
    const whole = await run(`${golden}data`);
    expect(whole.cutOff).toEqual([]);
    expect(whole.warnings.map((w) => w.code)).not.toContain('FILE_CUT_OFF');
    // surveys.csv cut at 60%, after the first 20 characters of a row (its id and part of its agent).
    const { dataDir, lines } = cutCopy([{ name: 'surveys.csv', share: 0.6, keep: 20 }]);
    expect(lines).toEqual([226]);
    const cut = await run(dataDir);
    expect(cut.cutOff).toEqual([{ table: 'surveys', file: 'surveys.csv', line: 226 }]);
    expect(cut.warnings.filter((w) => w.code === 'FILE_CUT_OFF')).toEqual([
      {
        code: 'FILE_CUT_OFF',
        severity: 'warning',
        message: {
          zh: '表 surveys 的文件 surveys.csv 多半被截断了(下载或复制没有完成):它的最后一行(第 226 行)比表头少了单元格,文件末尾也没有换行符。这一行作为被拒绝的行不计入,而它之后的行多半不在文件里:一行被拒绝远低于被拒绝行的上限,没有别的提示会说这个期间可能少了很多行。请重新导出或重新复制这个文件;如果文件确实完整、只是最后一行坏了,修正或删除这一行。publish 会拒绝发布这个期间,除非加 --allow-partial-data。',
          en: 'The file surveys.csv of table surveys was most likely cut off (a download or copy that did not finish): its last line, line 226, has fewer cells than the header, and the file does not end with a line break. That line is a rejected row, and the rows after it are most likely not in the file: one rejected row stays far under the rejected-row limit, and nothing else says that the period may be missing many rows. Export or copy the file again; if the file really is complete and only its last row is broken, fix or remove that line. publish refuses this period unless --allow-partial-data is given.',
        },
        file: 'surveys.csv',
        line: 226,
        column: null,
      },
    ]);
    // Before every warning of the data read (the golden data's own, which the cut does not change).
    expect(cut.warnings.map((w) => w.code)).toEqual(['FILE_CUT_OFF', ...whole.warnings.map((w) => w.code)]);
    // The cut line is one rejected row (FIELD_COUNT), and nothing of the results says more.
    expect(cut.rejected.map((r) => [r.table, r.file, r.line, r.code])).toEqual([
      ...whole.rejected.map((r) => [r.table, r.file, r.line, r.code]),
      ['surveys', 'surveys.csv', 226, 'FIELD_COUNT'],
    ]);
    expect(cut.results.inputs.surveys).toMatchObject({ rows: 225, rejected: 1 });
    expect(Object.keys(cut.results).sort()).toEqual(Object.keys(whole.results).sort());
  });

  it('is said per file, in contract order (CSV, JSON Lines), whatever the order the files are named in', async () => {
    const { dataDir, lines } = cutCopy([
      { name: 'surveys.csv', share: 0.5, keep: 9 },
      { name: 'messages.jsonl', share: 0.9, keep: 30 },
    ]);
    const cut = await run(dataDir);
    expect(cut.cutOff).toEqual([
      { table: 'messages', file: 'messages.jsonl', line: lines[1] },
      { table: 'surveys', file: 'surveys.csv', line: lines[0] },
    ]);
    const said = cut.warnings.filter((w) => w.code === 'FILE_CUT_OFF');
    expect(said.map((w) => [w.file, w.line])).toEqual([
      ['messages.jsonl', lines[1]],
      ['surveys.csv', lines[0]],
    ]);
    expect(said[0]?.message.en).toBe(
      `The file messages.jsonl of table messages was most likely cut off (a download or copy that did not finish): its last line, line ${lines[1]}, is not whole JSON, and the file does not end with a line break. That line is a rejected row, and the rows after it are most likely not in the file: one rejected row stays far under the rejected-row limit, and nothing else says that the period may be missing many rows. Export or copy the file again; if the file really is complete and only its last row is broken, fix or remove that line. publish refuses this period unless --allow-partial-data is given.`,
    );
    expect(said[0]?.message.zh).toContain(
      `它的最后一行(第 ${lines[1]} 行)不是完整的 JSON,文件末尾也没有换行符。`,
    );
  });

  it('is not said of a file whose last line is whole without a line break, nor of one cut right after a line break', async () => {
    const { dataDir } = cutCopy([{ name: 'surveys.csv', share: 0.6, keep: 0 }]);
    const text = readFileSync(join(dataDir, 'surveys.csv'), 'utf8');
    // Cut after a line break: every row kept is whole (rows are lost, and nothing can tell).
    expect(text.endsWith('\n')).toBe(true);
    expect((await run(dataDir)).cutOff).toEqual([]);
    writeFileSync(join(dataDir, 'surveys.csv'), text.slice(0, -1));
    const unterminated = await run(dataDir);
    expect(unterminated.cutOff).toEqual([]);
    expect(unterminated.warnings.map((w) => w.code)).not.toContain('FILE_CUT_OFF');
  });

  it('is said the same, at the same place, when the messages are read in pieces on worker threads', async () => {
    const { dataDir, lines } = cutCopy([
      { name: 'messages.jsonl', share: 0.7, keep: 25 },
      { name: 'surveys.csv', share: 0.6, keep: 20 },
    ]);
    const one = await run(dataDir);
    let pieces = 0;
    const spread = await evaluate({
      policiesDir,
      dataDir,
      period: '2026-10',
      parallel: { threads: 2, pieceBytes: 4096, minBytes: 0 },
      onProgress: (p) => {
        if ('table' in p && p.table === 'messages' && !p.done) pieces++;
      },
    });
    // Read in pieces indeed (each piece is reported as it is added).
    expect(pieces).toBeGreaterThan(10);
    expect(spread.warnings).toEqual(one.warnings);
    expect(spread.cutOff).toEqual(one.cutOff);
    expect(one.cutOff).toEqual([
      { table: 'messages', file: 'messages.jsonl', line: lines[0] },
      { table: 'surveys', file: 'surveys.csv', line: lines[1] },
    ]);
    expect([...serializeEvaluation(spread)]).toEqual([...serializeEvaluation(one)]);
  });
});
