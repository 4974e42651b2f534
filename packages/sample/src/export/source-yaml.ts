import type { ExportColumn, ExportTable } from './export-layout.ts';

/** What `source.yaml` says about the whole export. */
export interface SourceHeader {
  id: string;
  timezone: string;
  ignore: readonly string[];
  /** Where the published JSON Schema is, relative to the source file (for editors). */
  schema: string;
  /** Comment lines at the top. */
  comment: readonly string[];
}

/**
 * The `source.yaml` (`docs/sources.md`) that reads the files of `layout`: per table its glob,
 * the encoding of its CSV and JSON Lines files, the header row and sheet of its workbooks, and a
 * `fields` entry for every column that carries a contract field — the column's name alone, or
 * `{ column, map, format }` when the values are spelled by a map or the times by a format.
 * Columns of the help desk's own are left out (they are read as text extra fields).
 */
export function sourceYaml(header: SourceHeader, layout: readonly ExportTable[]): string {
  const lines = [
    `# yaml-language-server: $schema=${header.schema}`,
    ...header.comment.map((c) => `# ${c}`),
    'scorebook: 1',
    'kind: source',
    `id: ${scalar(header.id)}`,
    `timezone: ${scalar(header.timezone)}`,
    `ignore: [${header.ignore.map((g) => JSON.stringify(g)).join(', ')}]`,
    'tables:',
  ];
  for (const table of layout) {
    lines.push(`  # ${table.comment}`, `  ${table.table}:`, `    files: [${JSON.stringify(table.glob)}]`);
    if (table.format !== 'xlsx') lines.push(`    encoding: ${table.encoding}`);
    if (table.titleRows.length > 0) lines.push(`    header_row: ${table.titleRows.length + 1}`);
    if (table.sheet !== null) lines.push(`    sheet: ${scalar(table.sheet)}`);
    lines.push('    fields:');
    for (const column of table.columns)
      if (column.field !== null) lines.push(...fieldLines(column.field, column));
  }
  return `${lines.join('\n')}\n`;
}

// One line `field: column` or `field: { column, map, format }` when it fits the line width
// (Biome's YAML formatter, CJK counted double); else a block mapping, its map a block too if need be.
function fieldLines(field: string, column: ExportColumn): string[] {
  const map =
    column.map === undefined
      ? null
      : Object.entries(column.map).map(([k, v]) => `${scalar(k)}: ${scalar(v)}`);
  const format = column.time === undefined ? null : formatOf(column.time);
  if (map === null && format === null) return [`      ${field}: ${scalar(column.header)}`];
  const parts = [`column: ${scalar(column.header)}`];
  if (map !== null) parts.push(`map: { ${map.join(', ')} }`);
  if (format !== null) parts.push(`format: ${format}`);
  const line = `      ${field}: { ${parts.join(', ')} }`;
  if (width(line) <= LINE_WIDTH) return [line];
  const block = [`      ${field}:`, ...parts.map((p) => `        ${p}`)];
  if (block.every((l) => width(l) <= LINE_WIDTH) || map === null) return block;
  return block.flatMap((l) =>
    l.startsWith('        map: ') ? ['        map:', ...map.map((entry) => `          ${entry}`)] : [l],
  );
}

const LINE_WIDTH = 110;
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

function width(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) || (ch.codePointAt(0) ?? 0) > 0xffff ? 2 : 1;
  return n;
}

function formatOf(time: NonNullable<ExportColumn['time']>): string | null {
  switch (time.kind) {
    case 'tokens':
      return time.tokens.length === 1
        ? JSON.stringify(time.tokens[0])
        : `[${time.tokens.map((t) => JSON.stringify(t)).join(', ')}]`;
    case 'unix_ms':
    case 'excel':
      return time.kind;
    case 'iso':
    case 'cell':
      return null;
  }
}

// Letters, digits, `_`, `-`, `.` and `/` stand plain unless YAML would read them as something else.
const PLAIN = /^[\p{L}\p{N}_][\p{L}\p{N}_./-]*$/u;
const NOT_TEXT = /^(?:[-+]?[\d.]+(?:e[-+]?\d+)?|true|false|null|yes|no|on|off|y|n|~)$/i;

function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return PLAIN.test(value) && !NOT_TEXT.test(value) ? value : JSON.stringify(value);
}
