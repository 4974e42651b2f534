import { defineCatalogue } from '@scorebook/problems';

const q = (v: string | number) => `"${String(v)}"`;

/** The parameters of HEADER_ROW_MISPLACED: the row read, the row the header looks to be on. */
interface MisplacedHeader {
  file: string;
  table: string;
  headerRow: number;
  row: number;
  found: number;
  expected: number;
  header: string;
}

/**
 * Problems of a source (`source.yaml`) and of the files of a data folder: the meaning checks
 * after the schema, and locating each table's files. Codes are permanent.
 */
export const SOURCE_ERRORS = defineCatalogue({
  // source.yaml, after its schema.
  SOURCE_UNKNOWN_TIMEZONE: {
    zh: (p: { timezone: string }) => `未知的时区 ${q(p.timezone)}。请使用 IANA 时区名,例如 Asia/Shanghai。`,
    en: (p: { timezone: string }) =>
      `Unknown timezone ${q(p.timezone)}. Use an IANA name such as Asia/Shanghai.`,
  },
  SOURCE_BAD_GLOB: {
    zh: (p: { glob: string; why: string }) =>
      `通配符 ${q(p.glob)} 不可用:${globWhyZh(p.why)}。通配符相对数据目录,可用 *、? 和 **。`,
    en: (p: { glob: string; why: string }) =>
      `The glob ${q(p.glob)} cannot be used: ${globWhyEn(p.why)}. Globs are relative to the data folder and use *, ? and **.`,
  },
  SOURCE_TYPE_ON_CONTRACT_FIELD: {
    zh: (p: { table: string; field: string; type: string }) =>
      `${p.table}.${p.field} 是数据合同中的字段,类型固定为 ${p.type};type 只用于声明额外字段。请删除 type。`,
    en: (p: { table: string; field: string; type: string }) =>
      `${p.table}.${p.field} is a field of the data contract, of type ${p.type}; type declares extra fields only. Remove it.`,
  },
  SOURCE_FORMAT_NOT_TIME: {
    zh: (p: { table: string; field: string; type: string }) =>
      `format 只用于时间和日期字段,而 ${p.table}.${p.field} 的类型是 ${p.type}。请删除 format,或给额外字段写 type: timestamp。`,
    en: (p: { table: string; field: string; type: string }) =>
      `format is for timestamp and date fields; ${p.table}.${p.field} is of type ${p.type}. Remove format, or declare the extra field with type: timestamp.`,
  },
  SOURCE_BAD_TIME_FORMAT: {
    zh: (p: { format: string; why: { zh: string; en: string } }) =>
      `时间格式 ${q(p.format)} 不可用:${p.why.zh}。请写 luxon 记号,例如 "yyyy/M/d H:mm:ss",或 excel、unix_s、unix_ms。`,
    en: (p: { format: string; why: { zh: string; en: string } }) =>
      `The time format ${q(p.format)} cannot be used: ${p.why.en}. Write luxon tokens such as "yyyy/M/d H:mm:ss", or excel, unix_s, unix_ms.`,
  },
  SOURCE_NUMBER_NOT_NUMBER: {
    zh: (p: { table: string; field: string; type: string }) =>
      `number 只用于数字字段(number、int),而 ${p.table}.${p.field} 的类型是 ${p.type}。请删除 number,或给额外字段写 type: number。`,
    en: (p: { table: string; field: string; type: string }) =>
      `number is for number and int fields; ${p.table}.${p.field} is of type ${p.type}. Remove number, or declare the extra field with type: number.`,
  },
  SOURCE_NUMBER_WITH_MAP: {
    zh: (p: { table: string; field: string }) =>
      `${p.table}.${p.field} 同时写了 number 和 map:map 是完整的对照表(未列出的值被拒绝),number 不会起作用。请只保留其中一个。`,
    en: (p: { table: string; field: string }) =>
      `${p.table}.${p.field} has both number and map: a map is total (a value it does not list is rejected), so number would never apply. Keep one of them.`,
  },
  SOURCE_NUMBER_BAD_STRIP: {
    zh: (p: { text: string; why: { zh: string; en: string } }) =>
      `strip 中的 ${q(p.text)} 不能去掉:${p.why.zh}。strip 只写数值前后的货币符号或单位,例如 ["¥", "元"]。`,
    en: (p: { text: string; why: { zh: string; en: string } }) =>
      `${q(p.text)} in strip cannot be removed: ${p.why.en}. strip lists currency signs or units written before or after the number, e.g. ["¥", "元"].`,
  },
  SOURCE_MAP_ON_TIME: {
    zh: (p: { table: string; field: string }) =>
      `${p.table}.${p.field} 是时间字段,不能用 map;请用 format 说明它的写法。`,
    en: (p: { table: string; field: string }) =>
      `${p.table}.${p.field} is a time field and takes no map; say how it is written with format.`,
  },
  SOURCE_MAP_VALUE_TYPE: {
    zh: (p: { field: string; key: string; value: string; type: string }) =>
      `map 中 ${q(p.key)} 对应的值 ${p.value} 不是 ${p.field} 的类型(${p.type})。`,
    en: (p: { field: string; key: string; value: string; type: string }) =>
      `In the map, ${q(p.key)} gives ${p.value}, which is not of the type of ${p.field} (${p.type}).`,
  },
  SOURCE_MAP_VALUE_NOT_ALLOWED: {
    zh: (p: { field: string; key: string; value: string; allowed: string }) =>
      `map 中 ${q(p.key)} 对应的值 ${q(p.value)} 不是 ${p.field} 允许的值。允许:${p.allowed}。`,
    en: (p: { field: string; key: string; value: string; allowed: string }) =>
      `In the map, ${q(p.key)} gives ${q(p.value)}, which ${p.field} does not allow. Allowed: ${p.allowed}.`,
  },
  SOURCE_MAP_TODO: {
    zh: (p: { field: string; key: string; role: boolean; allowed: string | null }) =>
      `${p.field} 的 map 中 ${q(p.key)} 还是草稿留下的 TODO。${p.role ? '请写出这个岗位对应的角色:策略中某个考核表 roles 里的一个(草稿在 map 下的注释列出了它们),没有考核表考核的岗位写它自己的名称。' : p.allowed !== null ? `请写出它对应的值,${p.field} 只能是:${p.allowed}(或 null 表示缺失)。` : `请写出它对应的值(或 null 表示缺失):${p.field} 的值不限于固定的几个,请写策略的条件里比较它时用的写法(例如条件写 channel 等于 chat,这里就写 chat),否则这些行不会满足那些条件。`}`,
    en: (p: { field: string; key: string; role: boolean; allowed: string | null }) =>
      `In the map of ${p.field}, ${q(p.key)} is still the draft's TODO. ${p.role ? "Write the role this position stands for: one of the roles of a scorecard of the policy (the draft's comment below the map lists them), or a name of its own for a position no scorecard rates." : p.allowed !== null ? `Write the value it stands for: ${p.field} is one of ${p.allowed} (or null for missing).` : `Write the value it stands for (or null for missing): ${p.field} takes any value, so write it as the policy's conditions compare it (a condition channel equal chat wants chat here), or these rows meet none of those conditions.`}`,
  },
  SOURCE_FIELD_MISSPELT: {
    zh: (p: { table: string; field: string; near: string }) =>
      `${q(p.field)} 不是 ${p.table} 的字段,是否想写 ${q(p.near)}?如果它确实是导出中的额外列,请声明类型:${p.field}: { column: …, type: string }。`,
    en: (p: { table: string; field: string; near: string }) =>
      `${q(p.field)} is not a field of ${p.table}: did you mean ${q(p.near)}? If it truly is an extra column of the export, declare its type: ${p.field}: { column: …, type: string }.`,
  },
  SOURCE_MAP_DUPLICATE_KEY: {
    zh: (p: { key: string }) => `map 的键 ${q(p.key)} 去掉首尾空白后与另一个键相同。请合并。`,
    en: (p: { key: string }) => `The map key ${q(p.key)} equals another key once trimmed. Merge them.`,
  },
  SOURCE_FIELD_SHADOWS_DERIVED: {
    zh: (p: { table: string; field: string }) =>
      `${q(p.field)} 是 Scorebook 为 ${p.table} 推导的字段,不能从导出读取。请给这一列换个名字。`,
    en: (p: { table: string; field: string }) =>
      `${q(p.field)} is a field Scorebook derives for ${p.table}; it cannot be read from an export. Give the column another name.`,
  },
  // The data folder.
  DATA_DIR_UNREADABLE: {
    zh: (p: { dir: string; reason: string }) => `无法读取数据目录 ${p.dir}(${p.reason})。`,
    en: (p: { dir: string; reason: string }) => `The data directory ${p.dir} cannot be read (${p.reason}).`,
  },
  AGENTS_MISSING: {
    zh: (p: { dir: string }) =>
      `数据目录 ${p.dir} 中没有 agents 表(agents.csv、agents.jsonl 或 source.yaml 中 tables.agents 的 files)。客服名单是唯一必需的表。`,
    en: (p: { dir: string }) =>
      `The data directory ${p.dir} has no agents table (agents.csv, agents.jsonl, or files of tables.agents in source.yaml). It is the one table that is required.`,
  },
  TABLE_GIVEN_TWICE: {
    zh: (p: { table: string; forms: string }) =>
      `表 ${p.table} 同时以 ${p.forms} 给出。每张表只能有一种形式;请删除多余的,或在 source.yaml 中用 files 指定。`,
    en: (p: { table: string; forms: string }) =>
      `The table ${p.table} is given as ${p.forms}. Give each table once: remove the extra, or name its files in source.yaml.`,
  },
  STRAY_FILE: {
    zh: (p: { file: string; count: number; last: string; table: string; fix: string }) =>
      `${p.count === 1 ? `文件 ${p.file}` : `${p.count} 个文件 ${p.file} … ${p.last}`} 不属于任何表${p.table ? `(看起来像 ${p.table})` : ''}。${p.fix === '' ? '' : `在 source.yaml 中加上(列表已有时并入其中):\n${p.fix}`}`,
    en: (p: { file: string; count: number; last: string; table: string; fix: string }) =>
      `${p.count === 1 ? `The file ${p.file}` : `${p.count} files ${p.file} … ${p.last}`} belong${p.count === 1 ? 's' : ''} to no table${p.table ? ` (it looks like ${p.table})` : ''}.${p.fix === '' ? '' : ` Add to source.yaml (into the list when it has one already):\n${p.fix}`}`,
  },
  SOURCE_NEEDED: {
    zh: (p: { dir: string; groups: number; draft: string }) =>
      `数据目录 ${p.dir} 没有 source.yaml,有 ${p.groups} 处文件不属于任何表(各自列出)。运行 npx scorebook source init ${p.dir} 起草一份(它读取表头和样本行,对应列名、编码和取值);或新建 ${p.dir}/source.yaml,至少写:\n${p.draft}`,
    en: (p: { dir: string; groups: number; draft: string }) =>
      `The data folder ${p.dir} has no source.yaml, and ${p.groups} file group(s) belong to no table (each listed). Draft one with npx scorebook source init ${p.dir} (it reads the headers and sample rows, and maps columns, encodings and values); or create ${p.dir}/source.yaml with at least:\n${p.draft}`,
  },
  FILE_IN_TWO_TABLES: {
    zh: (p: { file: string; first: string; second: string }) =>
      `文件 ${p.file} 同时被表 ${p.first} 和 ${p.second} 的 files 匹配。一个文件只能属于一张表;请收窄通配符。`,
    en: (p: { file: string; first: string; second: string }) =>
      `The file ${p.file} is matched by the files of both ${p.first} and ${p.second}. A file belongs to one table; narrow the globs.`,
  },
  UNKNOWN_EXTENSION: {
    zh: (p: { file: string; table: string }) =>
      `文件 ${p.file}(表 ${p.table})的扩展名无法识别。可读取 .csv、.jsonl 和 .xlsx;其他文件请放进 ignore。`,
    en: (p: { file: string; table: string }) =>
      `The file ${p.file} (table ${p.table}) has an extension Scorebook cannot read. It reads .csv, .jsonl and .xlsx; list other files under ignore.`,
  },
  NOT_A_FILE: {
    zh: (p: { file: string; kind: string }) =>
      `${p.file} 不是普通文件(${p.kind}),不能作为数据读取。请移走它,或放进 ignore。`,
    en: (p: { file: string; kind: string }) =>
      `${p.file} is not a regular file (${p.kind}) and cannot be read as data. Move it away, or list it under ignore.`,
  },
  GLOB_MATCHES_NOTHING: {
    zh: (p: { table: string; globs: string }) =>
      `表 ${p.table} 的 files(${p.globs})没有匹配到任何文件,这张表视为缺失。`,
    en: (p: { table: string; globs: string }) =>
      `The files of table ${p.table} (${p.globs}) match no file; the table is absent.`,
  },
  // Columns of a file.
  REQUIRED_COLUMN_MISSING: {
    zh: (p: { file: string; table: string; field: string; header: string; fix: string }) =>
      `${p.file} 没有必填字段 ${p.table}.${p.field} 的列。表头有:${p.header}。在 source.yaml 中写出它来自哪一列:\n${p.fix}`,
    en: (p: { file: string; table: string; field: string; header: string; fix: string }) =>
      `${p.file} has no column for the required field ${p.table}.${p.field}. The header has: ${p.header}. In source.yaml, say which column it comes from:\n${p.fix}`,
  },
  HEADER_OF_ANOTHER_TABLE: {
    zh: (p: { file: string; table: string; others: string }) =>
      `${p.file} 作为表 ${p.table} 读取,但它的表头有表 ${p.others} 的全部必填列,而缺少 ${p.table} 的:这个文件多半放错了文件夹。请把它移到 ${p.others} 的位置(或在 source.yaml 中把它列在 ${p.others} 的 files 下)。`,
    en: (p: { file: string; table: string; others: string }) =>
      `${p.file} is read as the table ${p.table}, but its header has every required column of ${p.others} and lacks those of ${p.table}: the file is probably in the wrong folder. Move it to where ${p.others} is read from (or list it under the files of ${p.others} in source.yaml).`,
  },
  HEADER_ROW_MISPLACED: {
    zh: (p: MisplacedHeader) =>
      `${p.file} 的表头看起来在第 ${p.row} 行(有 source.yaml 读取的 ${p.expected} 列中的 ${p.found} 列),而不是第 ${p.headerRow} 行(header_row: ${p.headerRow},读到的是:${p.header})。请在 source.yaml 中${p.table ? `表 ${p.table} 下` : ''}写 header_row: ${p.row}。`,
    en: (p: MisplacedHeader) =>
      `The header of ${p.file} looks like row ${p.row} (it has ${p.found} of the ${p.expected} columns source.yaml reads), not row ${p.headerRow} (header_row: ${p.headerRow}, which reads: ${p.header}). Write header_row: ${p.row}${p.table ? ` under the table ${p.table}` : ''} in source.yaml.`,
  },
  MAPPED_COLUMN_MISSING: {
    zh: (p: { file: string; field: string; column: string; header: string }) =>
      `source.yaml 说 ${p.field} 来自列 ${q(p.column)},但 ${p.file} 没有这一列。表头有:${p.header}。`,
    en: (p: { file: string; field: string; column: string; header: string }) =>
      `source.yaml reads ${p.field} from the column ${q(p.column)}, which ${p.file} lacks. The header has: ${p.header}.`,
  },
  SOURCE_ROWS_NOT_READ: {
    zh: (p: { tables: string }) =>
      p.tables === ''
        ? 'source.yaml 有错误(见本次列出的问题),数据尚未读取:改正后再运行,才会检查文件的表头和每一行数据(被拒绝的行)。'
        : `source.yaml 有错误(见本次列出的问题),数据行尚未读取:已检查 ${p.tables} 的表头;改正后再运行,才会检查其余的表头和每一行数据(被拒绝的行)。`,
    en: (p: { tables: string }) =>
      p.tables === ''
        ? 'source.yaml has errors (listed in this run), so no data was read: fix them and run again to have the headers and every row checked (rejected rows).'
        : `source.yaml has errors (listed in this run), so no rows were read: the headers of ${p.tables} were checked; fix the errors and run again to have the other headers and every row checked (rejected rows).`,
  },
});

/** A permanent code of a source or data-folder problem. */
export type SourceErrorCode = keyof typeof SOURCE_ERRORS;

function globWhyZh(why: string): string {
  return (
    {
      empty: '为空',
      absolute: '不能是绝对路径',
      parent: '不能用 .. 离开数据目录',
      braces: '不支持 {…} 和 […]',
    }[why] ?? why
  );
}

function globWhyEn(why: string): string {
  return (
    {
      empty: 'it is empty',
      absolute: 'it is an absolute path',
      parent: 'it leaves the data folder with ..',
      braces: '{…} and […] are not supported',
    }[why] ?? why
  );
}
