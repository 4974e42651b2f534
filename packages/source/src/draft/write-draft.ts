import { numberFormatYaml } from '../fields/number-format.ts';
import type { Encoding } from '../read/file-items.ts';
import type { FormatGuess } from './guess-format.ts';
import type { TableScore } from './match-columns.ts';
import type { DraftPlan, FieldPlan, Shared, TablePlan, UnassignedFile } from './plan-draft.ts';
import { planDraft } from './plan-draft.ts';
import type { SampledFile } from './sampled-file.ts';
import { MAX_MAP_ENTRIES } from './value-maps.ts';
import { commentText, yamlList, yamlString, yamlValue } from './yaml-text.ts';

/** How the draft is labelled. */
export interface DraftOptions {
  /** The source's `id`, recorded in provenance. */
  id: string;
  /** Where the `$schema` comment on the first line points. */
  schema: string;
  /** How many records of each file were sampled, as the opening comment says. */
  sampleRows: number;
  /**
   * The `timezone` to fill in, with a comment line in each language saying where it comes from;
   * a null `zone` leaves the key commented out, the note saying why. Without it, the key is
   * commented out with no note.
   */
  timezone?: DraftTimezone;
  /**
   * The policy's scorecard roles, which the agents' `role` column is mapped to, with a comment
   * line in each language saying where they come from; null `names` (not known) leaves the column
   * as it is, the note saying why. Without it, the column is taken as it is with no note.
   */
  roles?: DraftRoles;
}

/** The roles the draft maps the agents' `role` to (null: not known) and where they come from, in both languages. */
export interface DraftRoles {
  names: readonly string[] | null;
  note: { zh: string; en: string };
}

/** The draft's `timezone`: the zone to write (null: left commented out) and why, in both languages. */
export interface DraftTimezone {
  zone: string | null;
  note: { zh: string; en: string };
}

/**
 * The text of a draft `source.yaml` for sampled files (pure: the same files and options give the
 * same bytes). See `planDraft` for what is decided and `docs/sources.md` for the layout.
 */
export function draftSource(files: readonly SampledFile[], options: DraftOptions): string {
  return writeDraft(planDraft(files, { roles: options.roles?.names ?? null }), options);
}

/**
 * How many lines of a draft say what is left to do: the lines that contain `TODO`, the opening
 * comment (up to `scorebook: 1`, which only tells to complete them) left out. This is the count
 * `source init` prints, so that a search for TODO below the opening finds exactly that many.
 */
export function draftTodoLines(draft: string): number {
  const lines = draft.split('\n');
  const start = lines.indexOf('scorebook: 1');
  return lines.slice(start + 1).filter((line) => line.includes('TODO')).length;
}

/** The text of a draft `source.yaml` from its plan: YAML with comments in Chinese and English. */
function writeDraft(plan: DraftPlan, options: DraftOptions): string {
  const n = options.sampleRows;
  const lines = [
    `# yaml-language-server: $schema=${options.schema}`,
    `# Scorebook 数据源草稿,由 scorebook source init 根据每个文件的表头和前 ${n} 行生成。`,
    '# 请逐行核对,完成每个 TODO,再运行 scorebook source check。map 中每项后的数字是该值在样本中出现的次数。',
    `# A draft source written by scorebook source init from each file's header and first ${n} rows.`,
    '# Check every line, complete each TODO, then run scorebook source check. The number after each',
    '# map entry is how often the sample has that value.',
    'scorebook: 1',
    'kind: source',
    `id: ${yamlString(options.id)}`,
    '# 没有时区偏移的时间按 timezone 读取,不写则按考核策略的时区。',
    "# Timestamps without an offset are read in this timezone; without it, in the policy's.",
    ...timezoneLines(options.timezone),
    `ignore: ${yamlList(plan.ignore)}`,
    plan.tables.length ? 'tables:' : 'tables: {}',
    ...plan.tables.flatMap((t) => tableLines(t, options.roles)),
    ...unassignedLines(plan.unassigned),
  ];
  return `${lines.join('\n')}\n`;
}

function timezoneLines(timezone: DraftTimezone | undefined): string[] {
  if (timezone === undefined) return ['# timezone: Asia/Shanghai'];
  const note = [`# ${commentText(timezone.note.zh)}`, `# ${commentText(timezone.note.en)}`];
  return [
    ...note,
    timezone.zone === null ? '# timezone: Asia/Shanghai' : `timezone: ${yamlString(timezone.zone)}`,
  ];
}

function tableLines(t: TablePlan, roles: DraftRoles | undefined): string[] {
  const lines = [`  ${t.table}:`];
  const c = (text: string) => lines.push(`    # ${commentText(text)}`);
  const hint = t.best.hinted ? ', 文件名 file name' : '';
  c(`依据 / matched by: 必填字段 ${t.best.requiredMatched}/${t.best.requiredTotal} required fields${hint}`);
  if (t.runnersUp.length) {
    c(`也可能是 / could also be: ${t.runnersUp.map(scoreText).join(', ')}; 本表 this table ${t.best.score}`);
  }
  const generalised = t.globs.filter((g) => g.paths.length !== 1 || g.paths[0] !== g.glob);
  const paths = generalised.flatMap((g) => g.paths);
  // A folder of daily files is named by its first and last file, not 31 names on one line.
  const named =
    paths.length > 3
      ? `${paths[0]} … ${paths[paths.length - 1]} (${paths.length} 个文件 / files)`
      : paths.join(', ');
  const sampled = paths.length > 0 ? ` # ${commentText(named)}` : '';
  lines.push(`    files: ${yamlList(t.globs.map((g) => g.glob))}${sampled}`);
  for (const l of t.lacking) c(`TODO: ${l.path} 缺少列 / lacks columns: ${l.columns.join(', ')}`);
  for (const b of t.badRecords)
    c(
      `注意 / note: ${b.path} 样本中有 ${b.count} 条记录无法读取 / records of the sample that could not be read: ${b.count}`,
    );
  if (t.encoding) {
    if (t.encoding.value === null)
      c('TODO encoding: 既不是 UTF-8 也不是 GB18030 / neither UTF-8 nor GB18030');
    else lines.push(`    encoding: ${t.encoding.value}`);
    differing(t.encoding, '编码不一致 / encodings differ', c);
  }
  if (t.headerRow && (t.headerRow.value !== 1 || t.headerRow.others.length)) {
    const above = t.headerRow.value - 1;
    const note =
      above > 0 ? ` # 上面 ${above} 行是标题 / ${above} title row${above > 1 ? 's' : ''} above` : '';
    lines.push(`    header_row: ${t.headerRow.value}${note}`);
    differing(t.headerRow, '表头所在行不一致 / header rows differ', c);
  }
  if (t.sheet) {
    if (t.sheet.value !== null) lines.push(`    sheet: ${yamlString(t.sheet.value)}`);
    differing(t.sheet, '工作表不一致 / sheets differ', c);
    for (const o of t.otherSheets) c(`未读取的工作表 / sheets not read: ${o.sheets.join(', ')} (${o.path})`);
  }
  lines.push('    fields:');
  for (const f of t.fields) {
    const role = t.table === 'agents' && f.field === 'role';
    lines.push(...fieldLines(f, role), ...(role ? roleLines(f, roles) : []));
  }
  const f = (text: string) => lines.push(`      # ${commentText(text)}`);
  for (const field of t.missingRequired)
    f(`TODO ${field}: 必填字段,未找到对应的列 / required field, no column found`);
  if (t.missingOptional.length)
    f(`未找到的可选字段 / optional fields with no column: ${t.missingOptional.join(', ')}`);
  for (const u of t.unmapped) {
    const also = u.alsoMatches.length ? ` (也像 / also looks like: ${u.alsoMatches.join(', ')})` : '';
    f(`TODO 未对应的列 / unmapped column: ${u.column}${also}`);
  }
  return lines;
}

// `role`: the agents' role, whose map and values roleLines explains.
function fieldLines(p: FieldPlan, role: boolean): string[] {
  const notes: string[] = [];
  if (p.generic) notes.push(`${p.field}: 通用列名,请确认 / a generic column name: check it`);
  let head: string;
  const block: string[] = [];
  if (p.map) {
    head = `      ${p.field}:`;
    block.push(`        column: ${yamlString(p.column)}`, '        map:');
    for (const e of p.map.entries) {
      block.push(
        `          ${yamlString(e.key)}: ${e.value === null ? 'TODO' : yamlValue(e.value)} # ${e.count}`,
      );
    }
    if (p.map.entries.some((e) => e.value === null) && !role) {
      notes.push(`${p.field}: 把每个 TODO 换成字段的取值 / replace each TODO with the field's value`);
    }
    if (p.map.omitted) {
      notes.push(
        `${p.field}: 还有 ${p.map.omitted} 个不同取值未列出,这一列对吗? / ${p.map.omitted} more distinct values not listed: is this the right column?`,
      );
    }
  } else if (p.number !== null) {
    head = `      ${p.field}: { column: ${yamlString(p.column)}, number: ${numberFormatYaml(p.number)} }`;
  } else if (p.format?.format) {
    const format = p.format.format;
    const text = Array.isArray(format) ? yamlList(format) : formatText(format);
    head = `      ${p.field}: { column: ${yamlString(p.column)}, format: ${text} }`;
  } else {
    head = `      ${p.field}: ${yamlString(p.column)}`;
  }
  const listed = p.map === null && !role && p.values?.length ? p.values.slice(0, MAX_MAP_ENTRIES) : [];
  const more = (p.values?.length ?? 0) - listed.length;
  const valuesNote = listed.length
    ? [
        `      # ${commentText(`取值 / values: ${listed.map((v) => `${v.value} (${v.count})`).join(', ')}${more > 0 ? ` … +${more}` : ''}`)}`,
      ]
    : [];
  const readsNote = p.format ? readsLine(p.field, p.format) : [];
  if (p.format?.dayMonthAmbiguous) {
    notes.push(
      `${p.field}: 样本无法区分日和月的顺序,请确认 / the sample cannot tell day from month: check the order`,
    );
  }
  if (p.format?.unmatched.length) {
    notes.push(
      `${p.field}: 这些值不符合任何格式 / these values match no format: ${p.format.unmatched.map(quote).join(', ')}`,
    );
  }
  if (p.notNumbers.length) {
    notes.push(
      `${p.field}: 这些值不是数字 / these values are not plain numbers: ${p.notNumbers.map(quote).join(', ')}`,
    );
  }
  return [head, ...block, ...valuesNote, ...readsNote, ...notes.map((n) => `      # TODO ${commentText(n)}`)];
}

// The agents' role: where the roles come from (or why they are not known), and what to do with
// the map's TODOs, which the loader refuses (SOURCE_MAP_TODO) until they are replaced.
function roleLines(p: FieldPlan, roles: DraftRoles | undefined): string[] {
  if (roles === undefined) return [];
  const c = (text: string) => `      # ${commentText(text)}`;
  const lines = [c(roles.note.zh), c(roles.note.en)];
  const names = roles.names?.join(', ') ?? '';
  if (roles.names === null) {
    const values = (p.values ?? []).map((v) => v.value);
    if (values.length) lines.push(c(`取值 / values: ${values.join(', ')}`));
  } else if (p.map === null) {
    lines.push(c(`取值都是策略的角色 / every value is one of the policy's roles: ${names}`));
  } else if (p.map.entries.some((e) => e.value === null)) {
    lines.push(
      c(
        `TODO role: 把每个 TODO 换成策略的角色之一(${names}),或不参加考核的岗位自己的名称 / replace each TODO with one of the policy's roles (${names}), or a name of its own for a position no scorecard rates`,
      ),
    );
  }
  return lines;
}

// How many sampled cells each format read, when the column needs more than one reader (several
// formats, or xlsx date cells beside a format).
function readsLine(field: string, guess: FormatGuess): string[] {
  const parts = guess.reads.map((r) => `${formatText(r.format)} ${r.cells}`);
  if (guess.dateCells > 0) parts.push(`xlsx 日期单元格 / date cells ${guess.dateCells}`);
  if (parts.length < 2) return [];
  return [
    `      # ${commentText(`${field}: 样本中各格式读取的单元格 / sample cells each format read: ${parts.join(', ')}`)}`,
  ];
}

function differing<T extends Encoding | number | string | null>(
  s: Shared<T>,
  label: string,
  c: (text: string) => void,
): void {
  if (s.others.length) c(`TODO: ${label}: ${s.others.map((o) => `${o.path} ${o.value ?? '-'}`).join(', ')}`);
}

function unassignedLines(files: readonly UnassignedFile[]): string[] {
  if (!files.length) return [];
  const lines = [
    '# TODO 以下文件未能确定所属的表:把每个文件加到某张表的 files,或加到 ignore。',
    "# TODO These files were given no table: add each to a table's files, or to ignore.",
  ];
  for (const u of files) {
    const reason = {
      weak: '匹配太弱 / too weak a match',
      tie: '得分相同 / a tie',
      no_header: '未找到表头 / no header row found',
      problem: u.problem ? `${u.problem.zh} / ${u.problem.en}` : '',
    }[u.reason];
    const candidates = u.candidates.length
      ? `; 候选 / candidates: ${u.candidates.map(scoreText).join(', ')}`
      : '';
    lines.push(`#   ${commentText(`${u.path} — ${reason}${candidates}`)}`);
    if (u.columns.length) lines.push(`#     ${commentText(`列 / columns: ${u.columns.join(', ')}`)}`);
  }
  return lines;
}

function scoreText(s: TableScore): string {
  return `${s.table} (${s.score})`;
}

// `excel`, `unix_s`, `unix_ms` plain, luxon tokens double-quoted.
function formatText(format: string): string {
  return /^[a-z_]+$/.test(format) ? format : JSON.stringify(format);
}

function quote(text: string): string {
  return JSON.stringify(text);
}
