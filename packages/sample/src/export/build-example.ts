import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { localDateOf, parseTimestamp, Zone } from '@scorebook/time';
import { type ContractRow, cell, readContractTables } from './contract-tables.ts';
import { encodeCsv, encodeJsonLines, encodeXlsx, type WorkbookTime } from './encode-files.ts';
import { type ExportCell, type ExportContext, type ExportTable, helpdeskLayout } from './export-layout.ts';
import { exampleReadme } from './readme-text.ts';
import { cellOf } from './render-cells.ts';
import { selectMonth } from './select-month.ts';
import { sourceYaml } from './source-yaml.ts';

/** Options of {@link buildHelpdeskExample}. */
export interface ExampleOptions {
  /** A contract-shaped folder (`data/sample`). */
  sampleDir: string;
  /** The month exported, `YYYY-MM`. */
  month: string;
  /** Where times are local: the export's wall clock and the source's `timezone`. */
  timezone: string;
  /** The source's `id`. */
  id: string;
  /** The published JSON Schema, relative to the example folder. */
  schema: string;
}

/**
 * The files of a help-desk export of one month of a contract-shaped folder, by path relative to
 * the export's folder (`/`-separated), in lexical order: the month's rows (`selectMonth`) in the
 * files of `helpdeskLayout`, its `source.yaml` and a `README.txt`. Deterministic: the same
 * folder and options give the same bytes, workbooks included (`docs/example-export.md`).
 */
export async function buildHelpdeskExample(options: ExampleOptions): Promise<Map<string, Buffer>> {
  const zone = new Zone(options.timezone);
  const tables = selectMonth(readContractTables(options.sampleDir), options.month, zone);
  const context: ExportContext = { agents: new Map(tables.agents.map((a) => [cell(a, 'agent_id'), a])) };
  const layout = helpdeskLayout(options.month);
  const made = workbookTime(options.month);
  const files = new Map<string, Buffer>();
  const rowCounts = new Map<string, number>();
  for (const table of layout) {
    for (const [path, rows] of splitFiles(table, tables[table.table], zone)) {
      const cells = rows.map((row) => table.columns.map((c) => cellOf(c, row, context, zone)));
      const leading = table.leadingSheet?.rows(rows, context) ?? null;
      files.set(path, await encodeFile(table, cells, leading, made));
      rowCounts.set(path, rows.length);
    }
  }
  const source = sourceYaml(
    {
      id: options.id,
      timezone: options.timezone,
      ignore: ['README.txt'],
      schema: options.schema,
      comment: [
        `一家电商客服中心 ${options.month} 的导出文件怎样读成 Scorebook 的数据表(docs/sources.md)。`,
        'How the exports of this folder become the tables of the data contract (docs/sources.md).',
      ],
    },
    layout,
  );
  files.set('source.yaml', Buffer.from(source, 'utf8'));
  files.set('README.txt', Buffer.from(exampleReadme(options.month, layout, rowCounts), 'utf8'));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Makes `dir` hold exactly `files`: writes each (creating folders), then removes every other
 * file and every emptied folder below `dir`.
 */
export function writeFolder(dir: string, files: ReadonlyMap<string, Buffer>): void {
  for (const [path, bytes] of files) {
    const target = join(dir, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (entry.isFile() && !files.has(path)) rmSync(join(dir, path));
  }
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).reverse()) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory() && readdirSync(path).length === 0) rmSync(path, { recursive: true });
  }
}

function splitFiles(
  table: ExportTable,
  rows: readonly ContractRow[],
  zone: Zone,
): Map<string, ContractRow[]> {
  const files = new Map<string, ContractRow[]>();
  if (table.files.kind === 'single') {
    files.set(table.files.name, [...rows]);
    return files;
  }
  const { folder, by, extension } = table.files;
  for (const row of rows) {
    const ms = parseTimestamp(row[by] ?? '', zone);
    if (ms === null) throw new Error(`${table.table}: "${row[by]}" in ${by} is not a timestamp`);
    const path = `${folder}/${localDateOf(ms, zone)}${extension}`;
    const list = files.get(path) ?? [];
    list.push(row);
    files.set(path, list);
  }
  return files;
}

function encodeFile(
  table: ExportTable,
  cells: ExportCell[][],
  leading: ExportCell[][] | null,
  made: WorkbookTime,
): Buffer | Promise<Buffer> {
  switch (table.format) {
    case 'csv':
      return encodeCsv(table, cells);
    case 'jsonl':
      return encodeJsonLines(table, cells);
    case 'xlsx':
      return encodeXlsx(table, cells, leading, made);
  }
}

// Workbooks are dated the first day after the month, when such an export would be made.
function workbookTime(month: string): WorkbookTime {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  return mm === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: mm + 1, day: 1 };
}
