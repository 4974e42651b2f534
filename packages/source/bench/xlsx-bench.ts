// Benchmark: reading one sheet of an .xlsx workbook, 10 columns (ids, shared and inline strings,
// numbers, date-time cells, booleans) in Excel's part order (the sheet before the shared strings,
// so it is spooled to a temporary file first). Each size is read in a fresh child process, which
// reports its wall time, its CPU time (steadier than wall time on a shared machine) and its peak
// RSS; then again with --expose-gc for the largest live heap after a full collection (sampled
// every 25,000 rows): bounded memory shows as a live heap that does not grow with the rows,
// except for the shared strings table. Run: npm run bench -w @scorebook/source
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readXlsx } from '../src/index.ts';
import { buildXlsx } from '../test/xlsx-fixture.ts';

const COLUMNS = [
  '会话ID',
  '客服工号',
  '渠道',
  '开始时间',
  '结束时间',
  '满意度',
  '是否解决',
  '金额',
  '备注',
  '客户留言',
];
const CHANNELS = ['在线', '电话', '工单', '邮件'];

const [, , mode, path = ''] = process.argv;
if (mode === '--read') {
  // With --expose-gc: the live heap after a full collection every 25,000 rows, at most.
  const gc = (globalThis as { gc?: () => void }).gc;
  let liveHeap = 0;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let records = 0;
  let bytes = 0;
  for await (const item of readXlsx({
    path,
    name: 'bench.xlsx',
    format: 'xlsx',
    encoding: 'utf-8',
    headerRow: 1,
    sheet: null,
    onBytes: (b) => {
      bytes += b.length;
    },
  })) {
    if (item.kind === 'record' && ++records % 25_000 === 0 && gc) {
      gc();
      liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
    }
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    JSON.stringify({ records, bytes, ms, cpuMs, maxRssKb: process.resourceUsage().maxRSS, liveHeap }),
  );
} else {
  const dir = mkdtempSync(join(tmpdir(), 'scorebook-xlsx-bench-'));
  const self = fileURLToPath(import.meta.url);
  try {
    const baseline = JSON.parse(
      execFileSync(process.execPath, ['-e', 'console.log(JSON.stringify(process.resourceUsage().maxRSS))'], {
        encoding: 'utf8',
      }),
    ) as number;
    console.log(
      `xlsx reading, 10 columns; a bare node process peaks at ${(baseline / 1024).toFixed(0)} MiB RSS`,
    );
    for (const [rows, shared] of [
      [100_000, true],
      [300_000, true],
      [100_000, false],
      [300_000, false],
    ] as const) {
      const path = join(dir, `bench-${rows}-${shared}.xlsx`);
      writeFileSync(path, workbook(rows, shared));
      const size = statSync(path).size;
      const run = (flags: string[]) =>
        JSON.parse(
          execFileSync(process.execPath, [...flags, self, '--read', path], { encoding: 'utf8' }),
        ) as {
          records: number;
          bytes: number;
          ms: number;
          cpuMs: number;
          maxRssKb: number;
          liveHeap: number;
        };
      const out = run([]);
      if (out.records !== rows || out.bytes !== size) {
        throw new Error(`read ${out.records} rows, ${out.bytes} bytes`);
      }
      const { liveHeap } = run(['--expose-gc']);
      console.log(
        `  ${rows.toLocaleString('en')} rows, messages ${shared ? 'shared (as Excel writes)' : 'inline'}` +
          ` (${(size / 2 ** 20).toFixed(1)} MiB file): ` +
          `${Math.round(rows / (out.ms / 1000)).toLocaleString('en')} rows/s, wall ${(out.ms / 1000).toFixed(2)} s ` +
          `(CPU ${(out.cpuMs / 1000).toFixed(2)} s: ${Math.round(rows / (out.cpuMs / 1000)).toLocaleString('en')} rows per CPU second), ` +
          `peak RSS ${(out.maxRssKb / 1024).toFixed(0)} MiB, largest live heap ${(liveHeap / 2 ** 20).toFixed(0)} MiB`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A workbook of `rows` data rows. 客户留言 is unique per row: a shared string as Excel writes it
 * (so the shared strings table grows with the rows), or an inline string as streaming writers do.
 */
function workbook(rows: number, shared: boolean): Buffer {
  const strings = [...COLUMNS, ...CHANNELS, '已回访', '无'];
  const fixed = strings.length;
  const parts: string[] = [
    `<row r="1">${COLUMNS.map((_, i) => `<c r="${letter(i)}1" t="s"><v>${i}</v></c>`).join('')}</row>`,
  ];
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    const start = 46_296 + i / 1_440 + (i % 997) / 86_400_000;
    parts.push(
      `<row r="${r}">` +
        `<c r="A${r}"><v>${1_000_000 + i}</v></c>` +
        `<c r="B${r}" t="inlineStr"><is><t>A${String(i % 60).padStart(3, '0')}</t></is></c>` +
        `<c r="C${r}" t="s"><v>${COLUMNS.length + (i % CHANNELS.length)}</v></c>` +
        `<c r="D${r}" s="2"><v>${start}</v></c>` +
        `<c r="E${r}" s="3"><v>${start + 0.003_472_222_222_222_222}</v></c>` +
        `<c r="F${r}"><v>${1 + (i % 5)}</v></c>` +
        `<c r="G${r}" t="b"><v>${i % 3 === 0 ? 0 : 1}</v></c>` +
        `<c r="H${r}" s="7"><v>${((i * 37) % 100_000) / 100}</v></c>` +
        `<c r="I${r}" t="s"><v>${COLUMNS.length + CHANNELS.length + (i % 2)}</v></c>` +
        (shared
          ? `<c r="J${r}" t="s"><v>${fixed + i}</v></c>`
          : `<c r="J${r}" t="inlineStr"><is><t>${message(i)}</t></is></c>`) +
        `</row>`,
    );
  }
  if (shared) for (let i = 0; i < rows; i++) strings.push(message(i));
  return buildXlsx({ sheets: [{ name: '会话', rows: parts.join('') }], sharedStrings: strings });
}

function message(i: number): string {
  return `第 ${i} 位客户:订单 ${i * 7} 的物流进度`;
}

function letter(i: number): string {
  return String.fromCharCode(65 + i);
}
