// Benchmark: reading a generated 1M-row CSV export (and the same rows as JSON Lines) with the
// readers of this package, against v1's reader (packages/engine/src/load/read-records.ts at the
// commit below, taken with git show) as the baseline. Prints rows/s and MB/s; asserts nothing.
// Run: npm run bench -w @scorebook/source [-- --rows 1000000 --runs 3]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { FileItem } from '../src/read/file-items.ts';
import { readFile } from '../src/read/read-file.ts';

/** The last commit of main whose engine reads files with v1's reader. */
const BASELINE_COMMIT = 'a69b83c';
const BASELINE_FILES = ['src/load/read-records.ts', 'src/load/decode.ts', 'src/problems.ts'];

const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '5' } },
});
const rows = Number(args.rows);
const runs = Number(args.runs);
const dir = mkdtempSync(join(tmpdir(), 'scorebook-csv-bench-'));

type OldRecord = { line: number; values?: Record<string, unknown>; error?: unknown };
type OldReader = (file: string, required: readonly string[]) => AsyncGenerator<OldRecord>;

try {
  const csv = join(dir, 'messages.csv');
  const jsonl = join(dir, 'messages.jsonl');
  writeExports(csv, jsonl, rows);
  const readOld = await baselineReader();
  const columns = ['conversation_id', 'sent_at', 'sender', 'agent_id', 'text'];
  for (const [file, format] of [
    [csv, 'csv'],
    [jsonl, 'jsonl'],
  ] as const) {
    const size = statSync(file).size;
    console.log(
      `${format}: ${rows.toLocaleString('en')} rows, ${(size / 1e6).toFixed(1)} MB; best of ${runs} interleaved runs (wall time; CPU time of this process)`,
    );
    const cases: Array<[string, () => Promise<number>]> = [
      ['v1 reader (records as objects)', () => countOld(readOld(file, []))],
      [
        format === 'csv' ? 'new reader (cells)' : 'new reader',
        () => countNew(readFile(options(file, format)), null),
      ],
    ];
    if (format === 'csv') {
      cases.push([
        'new reader + objects, as v1 yields',
        () => countNew(readFile(options(file, format)), columns),
      ]);
    }
    const best = cases.map(([label, run]) => ({
      label,
      run,
      wall: Number.POSITIVE_INFINITY,
      cpu: Number.POSITIVE_INFINITY,
      count: 0,
    }));
    // Interleaved, so that a busy moment of a shared machine does not favour one reader.
    for (let i = 0; i < runs; i++) {
      for (const c of best) {
        const start = process.hrtime.bigint();
        const used = process.cpuUsage();
        c.count = await c.run();
        const spent = process.cpuUsage(used);
        c.wall = Math.min(c.wall, Number(process.hrtime.bigint() - start) / 1e9);
        c.cpu = Math.min(c.cpu, (spent.user + spent.system) / 1e6);
      }
    }
    for (const { label, wall: w, cpu, count } of best) {
      console.log(
        `  ${label.padEnd(36)} ${w.toFixed(2)} s  ${Math.round(count / w).toLocaleString('en')} rows/s  ${(size / 1e6 / w).toFixed(1)} MB/s  (CPU ${cpu.toFixed(2)} s; ${count} records)`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function options(path: string, format: 'csv' | 'jsonl') {
  return { path, name: format, format, encoding: 'utf-8', headerRow: 1, sheet: null } as const;
}

async function countOld(records: AsyncGenerator<OldRecord>): Promise<number> {
  let n = 0;
  for await (const r of records) if (r.values !== undefined) n++;
  return n;
}

// Counts records; with `columns`, also builds each CSV record's object by column, as v1 did.
async function countNew(items: AsyncGenerator<FileItem>, columns: readonly string[] | null): Promise<number> {
  let n = 0;
  let header: string[] = [];
  let sink = 0;
  for await (const item of items) {
    if (item.kind === 'header') header = item.columns;
    else if (item.kind === 'record') {
      n++;
      if (columns !== null) {
        const values: Record<string, unknown> = {};
        for (const [i, name] of header.entries()) values[name] = item.cells[i];
        sink += Object.keys(values).length;
      }
    } else if (item.kind === 'object') n++;
  }
  return sink < 0 ? -1 : n;
}

// v1's reader, taken from git at BASELINE_COMMIT into a temporary folder.
async function baselineReader(): Promise<OldReader> {
  const root = fileURLToPath(new URL('../../engine/', import.meta.url));
  for (const file of BASELINE_FILES) {
    const text = execFileSync('git', ['show', `${BASELINE_COMMIT}:./${file}`], {
      cwd: root,
      encoding: 'utf8',
    });
    const target = join(dir, 'v1', file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  const module = (await import(pathToFileURL(join(dir, 'v1', 'src/load/read-records.ts')).href)) as {
    readRecords: OldReader;
  };
  return module.readRecords;
}

// Messages as contract-shaped data holds them (which v1 reads: no stray quotes): mostly short
// Chinese texts, one in 20 with a comma, one in 200 with a quote, one in 500 over two lines.
function writeExports(csv: string, jsonl: string, n: number): void {
  const texts = ['您好,请问有什么可以帮您?', '好的', '谢谢', '订单已经发货了', 'ok', '我查一下物流信息'];
  const csvParts: string[] = ['conversation_id,sent_at,sender,agent_id,text\n'];
  const jsonParts: string[] = [];
  for (let i = 0; i < n; i++) {
    const conversation = `c${String(Math.floor(i / 8)).padStart(7, '0')}`;
    const at = `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+08:00`;
    const agent = i % 2 === 0 ? `a${String(i % 500).padStart(3, '0')}` : '';
    const sender = agent === '' ? 'customer' : 'agent';
    let text = (texts[i % texts.length] ?? '').replace(',', i % 20 === 0 ? ',' : '');
    if (i % 200 === 7) text = '5" 屏幕';
    if (i % 500 === 3) text = '第一行\n第二行';
    const cell = /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    csvParts.push(`${conversation},${at},${sender},${agent},${cell}\n`);
    jsonParts.push(
      `${JSON.stringify({ conversation_id: conversation, sent_at: at, sender, agent_id: agent || null, text })}\n`,
    );
  }
  writeFileSync(csv, csvParts.join(''));
  writeFileSync(jsonl, jsonParts.join(''));
}
