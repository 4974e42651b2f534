import { type ArgsOf, defineCatalogue, messageOf, type Problem, ScorebookError } from '@scorebook/problems';
import type { Cell, Encoding, FileItem } from './file-items.ts';
import { trimText } from './white-space.ts';

/** What a path names when it is not a regular file. */
export type SpecialFileKind = 'directory' | 'fifo' | 'socket' | 'device' | 'other';

/** The kind of a JSON value that is not an object, for BAD_JSON. */
export type JsonKind = 'array' | 'string' | 'number' | 'boolean' | 'null';

/**
 * What a message about bytes that do not decode suggests: the encoding a byte-order mark
 * announces, or GB18030 when the bytes decode as GB18030 (with the line as it then reads).
 */
export type EncodingHint =
  | { kind: 'bom'; encoding: Encoding }
  | { kind: 'gb18030'; preview: string | null }
  | { kind: 'utf-8' }
  | { kind: 'none' };

interface BadBytes {
  file: string;
  /** The table the file belongs to, when known: the hint names `tables.<table>`. */
  table: string | null;
  line: number;
  offset: number;
  /** The first bad bytes, in hex (`0xB1 0xED`). */
  bytes: string;
  hint: EncodingHint;
}

const q = (v: string) => `"${v}"`;
const mib = (bytes: number) =>
  bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;

/**
 * Problems of reading a CSV or JSON Lines file (`readFile`): the file problems that stop the
 * run, then the messages of bad records (each a rejected row; the file goes on). Codes are
 * permanent. Messages name the file and line (the CLI shows the place apart too) and say what
 * to do.
 */
export const READ_ERRORS = defineCatalogue({
  // The file itself.
  FILE_UNREADABLE: {
    zh: (p: { file: string; reason: string }) => `无法读取 ${p.file}:${p.reason}。请检查路径和权限。`,
    en: (p: { file: string; reason: string }) =>
      `${p.file} cannot be read: ${p.reason}. Check the path and the permissions.`,
  },
  FILE_NOT_REGULAR: {
    zh: (p: { file: string; kind: SpecialFileKind }) =>
      `${p.file} 是${KIND_ZH[p.kind]},不是普通文件,无法作为数据读取。请把导出文件本身放在这里,或在 source.yaml 的 ignore 中列出它。`,
    en: (p: { file: string; kind: SpecialFileKind }) =>
      `${p.file} is ${KIND_EN[p.kind]}, not a regular file, and cannot be read as data. Put the export file itself here, or list it under ignore in source.yaml.`,
  },
  FILE_EMPTY: {
    zh: (p: { file: string }) =>
      `${p.file} 是空文件,没有表头行。没有数据的表要写成只有表头的一行;请检查导出是否成功。`,
    en: (p: { file: string }) =>
      `${p.file} is empty: it has no header row. A table without rows is written as its header line alone; check that the export succeeded.`,
  },
  NO_HEADER_ROW: {
    zh: (p: { file: string; headerRow: number; rows: number }) =>
      `${p.file} 只有 ${p.rows} 行,第 ${p.headerRow} 行及以后没有表头(header_row: ${p.headerRow})。请检查 source.yaml 中的 header_row。`,
    en: (p: { file: string; headerRow: number; rows: number }) =>
      `${p.file} has ${p.rows} rows and no header at or after row ${p.headerRow} (header_row: ${p.headerRow}). Check header_row in source.yaml.`,
  },
  FILE_NOT_UTF8: {
    zh: (p: BadBytes) =>
      `${p.file} 不是有效的 UTF-8:第 ${p.line} 行(字节偏移 ${p.offset})的字节 ${p.bytes} 无法按 UTF-8 解码。${hintZh(p)}`,
    en: (p: BadBytes) =>
      `${p.file} is not valid UTF-8: the bytes ${p.bytes} on line ${p.line} (byte offset ${p.offset}) do not decode as UTF-8. ${hintEn(p)}`,
  },
  FILE_BAD_ENCODING: {
    zh: (p: BadBytes & { encoding: Encoding }) =>
      `${p.file} 不是有效的 ${p.encoding}:第 ${p.line} 行(字节偏移 ${p.offset})的字节 ${p.bytes} 无法按 ${p.encoding} 解码。${hintZh(p)}`,
    en: (p: BadBytes & { encoding: Encoding }) =>
      `${p.file} is not valid ${p.encoding}: the bytes ${p.bytes} on line ${p.line} (byte offset ${p.offset}) do not decode as ${p.encoding}. ${hintEn(p)}`,
  },
  FILE_TRUNCATED: {
    zh: (p: { file: string; line: number; offset: number; bytes: string; encoding: Encoding }) =>
      `${p.file} 在第 ${p.line} 行的一个字符中间结束:最后的字节 ${p.bytes}(字节偏移 ${p.offset})是一个 ${p.encoding} 字符的开头,文件却到此为止。导出多半被截断了(下载或复制没有完成),编码本身没有问题。请重新导出或重新复制这个文件。`,
    en: (p: { file: string; line: number; offset: number; bytes: string; encoding: Encoding }) =>
      `${p.file} ends in the middle of a character on line ${p.line}: its last bytes ${p.bytes} (byte offset ${p.offset}) begin a ${p.encoding} character, and the file stops there. The export was most likely cut off (a download or copy that did not finish); the encoding is right. Export or copy the file again.`,
  },
  FILE_BOM_MISMATCH: {
    zh: (p: { file: string; table: string | null; declared: Encoding; found: Encoding }) =>
      `${p.file} 以 ${p.found} 的字节顺序标记(BOM)开头,但声明的编码是 ${p.declared}。请把 source.yaml 中${whereZh(p.table)}的 encoding 改为 ${p.found}。`,
    en: (p: { file: string; table: string | null; declared: Encoding; found: Encoding }) =>
      `${p.file} begins with the byte-order mark of ${p.found} but is declared ${p.declared}. Change encoding ${whereEn(p.table)} in source.yaml to ${p.found}.`,
  },
  RECORD_TOO_LONG: {
    zh: (p: { file: string; line: number; limit: number; openQuoteLine: number | null }) =>
      `${p.file} 从第 ${p.line} 行开始的记录超过 ${mib(p.limit)} 的上限,不像是导出的数据${p.openQuoteLine === null ? '(可能整个文件没有换行符)。请检查这是否是正确的文件' : `:第 ${p.openQuoteLine} 行以引号开始的单元格一直没有闭合,之后的内容都被读进了这个单元格。请检查这一行的引号(单元格中的引号要写成两个 "")`}。`,
    en: (p: { file: string; line: number; limit: number; openQuoteLine: number | null }) =>
      `${p.file}: the record starting on line ${p.line} is longer than the limit of ${mib(p.limit)}, which no export's record is${p.openQuoteLine === null ? ' (the file may have no line breaks at all). Check that this is the right file.' : `: the quoted cell opened on line ${p.openQuoteLine} is never closed, so everything after it is read into that cell. Check the quotes on that line (a quote inside a cell is written twice, "").`}`,
  },
  LINE_TOO_LONG: {
    zh: (p: { file: string; line: number; limit: number }) =>
      `${p.file} 第 ${p.line} 行超过 ${mib(p.limit)} 的上限,不像是 JSON Lines 的一行(可能整个文件没有换行符)。请检查这是否是正确的文件:JSON Lines 每行一个对象。`,
    en: (p: { file: string; line: number; limit: number }) =>
      `${p.file}: line ${p.line} is longer than the limit of ${mib(p.limit)}, which no JSON Lines record is (the file may have no line breaks at all). Check that this is the right file: JSON Lines holds one object per line.`,
  },
  UNCLOSED_QUOTE: {
    zh: (p: { file: string; line: number }) =>
      `${p.file} 第 ${p.line} 行有一个以引号开始的单元格,直到文件末尾都没有闭合。请检查这一行的引号:单元格中的引号要写成两个("")。`,
    en: (p: { file: string; line: number }) =>
      `${p.file}: a cell opened with a quote on line ${p.line} is never closed before the end of the file. Check the quotes on that line: a quote inside a cell is written twice ("").`,
  },
  DUPLICATE_COLUMN: {
    zh: (p: { file: string; line: number; name: string; first: number; second: number }) =>
      `${p.file} 第 ${p.line} 行的表头中,列名 ${q(p.name)} 出现了两次:第 ${p.first} 列(${letters(p.first)})和第 ${p.second} 列(${letters(p.second)})。请重命名或删除其中一列。`,
    en: (p: { file: string; line: number; name: string; first: number; second: number }) =>
      `In the header of ${p.file} (line ${p.line}) the column name ${q(p.name)} appears twice: column ${p.first} (${letters(p.first)}) and column ${p.second} (${letters(p.second)}). Rename or remove one of them.`,
  },
  CR_LINE_BREAKS: {
    zh: (p: { file: string }) =>
      `${p.file} 的行以单独的回车符(CR)结束(旧版 Mac 的 CSV),整个文件读成了一行表头。请在 Excel 中另存为"CSV UTF-8",或把换行改为 LF 或 CR LF。`,
    en: (p: { file: string }) =>
      `The lines of ${p.file} end with a lone carriage return (CR, old Mac CSV), so the whole file reads as one header line. Save it from Excel as "CSV UTF-8", or convert its line breaks to LF or CR LF.`,
  },
  HEADER_BAD_QUOTE: {
    zh: (p: { file: string; line: number; column: number }) =>
      `${p.file} 第 ${p.line} 行的表头第 ${p.column} 列在闭合引号后还有文字。请修正表头的引号:列名中的引号要写成两个("")。`,
    en: (p: { file: string; line: number; column: number }) =>
      `In the header of ${p.file} (line ${p.line}), column ${p.column} has text after its closing quote. Fix the quotes of the header: a quote inside a name is written twice ("").`,
  },

  // Bad records: each is a rejected row, shown with its file and line.
  BAD_JSON: {
    zh: (p: { found: JsonKind | null; detail: string }) =>
      p.found === null
        ? `这一行不是有效的 JSON:${p.detail}。JSON Lines 每行写一个完整的 JSON 对象。`
        : `这一行是 JSON ${JSON_KIND_ZH[p.found]},不是对象 {…}。JSON Lines 每行写一个 JSON 对象。`,
    en: (p: { found: JsonKind | null; detail: string }) =>
      p.found === null
        ? `the line is not valid JSON: ${p.detail}. JSON Lines holds one complete JSON object per line.`
        : `the line is a JSON ${p.found}, not an object {…}. JSON Lines holds one JSON object per line.`,
  },
  FIELD_COUNT: {
    zh: (p: { found: number; expected: number }) =>
      `这一行有 ${p.found} 个单元格,表头有 ${p.expected} 列。含逗号的单元格要用双引号括起来。`,
    en: (p: { found: number; expected: number }) =>
      `the row has ${p.found} cell${p.found === 1 ? '' : 's'}, the header ${p.expected} column${p.expected === 1 ? '' : 's'}. A cell that contains a comma is written in double quotes.`,
  },
  FIELD_COUNT_LAST_LINE: {
    zh: (p: { found: number; expected: number }) =>
      `这一行有 ${p.found} 个单元格,表头有 ${p.expected} 列;它是文件的最后一行,文件末尾也没有换行符:文件多半在这一行中间被截断了(下载或复制没有完成)。请重新导出或重新复制这个文件。`,
    en: (p: { found: number; expected: number }) =>
      `the row has ${p.found} cell${p.found === 1 ? '' : 's'}, the header ${p.expected} column${p.expected === 1 ? '' : 's'}; it is the file's last line and the file does not end with a line break: the file was most likely cut off inside this line (a download or copy that did not finish). Export or copy the file again.`,
  },
  BAD_QUOTE: {
    zh: (p: { column: number; name: string | null }) =>
      `第 ${p.column} 列${p.name === null || p.name === '' ? '' : `(${p.name})`}的单元格在闭合引号后还有文字。引号内的引号要写成两个(""),例如 "5"" 屏幕"。`,
    en: (p: { column: number; name: string | null }) =>
      `the cell of column ${p.column}${p.name === null || p.name === '' ? '' : ` (${p.name})`} has text after its closing quote. A quote inside a quoted cell is written twice (""), e.g. "5"" screen".`,
  },
  HEADER_REPEATED: {
    zh: (p: { bom: boolean }) =>
      `这一行与文件的表头完全相同${p.bom ? '(行首还有一个字节顺序标记 BOM,\\uFEFF)' : ''}:这个文件很可能是两个导出拼接而成。这一行不是数据,只作为被拒绝的行列出;请删除这一行(或把两个导出分别存为两个文件),并确认两段导出没有重复的记录。`,
    en: (p: { bom: boolean }) =>
      `this line repeats the file's header${p.bom ? ' (after a byte-order mark, \\uFEFF)' : ''}: the file is most likely two exports joined. The line is not data and is only listed as a rejected row; remove it (or save the two exports as two files), and check that the two exports do not hold the same records twice.`,
  },
  TOTAL_ROW: {
    zh: (p: { column: number; word: string }) =>
      `这一行是导出表格的合计行(第 ${p.column} 列为“${p.word}”),不是一条记录:只作为被拒绝的行列出,并计入被拒绝行的上限。请导出时不带合计行,或删除这一行;若只因它超出上限,可用 --max-rejected 放宽。`,
    en: (p: { column: number; word: string }) =>
      `this row is the export's totals row (column ${p.column} reads "${p.word}"), not a record: it is only listed as a rejected row, and counts toward the rejected-row limit. Export without the totals row, or delete it; if it alone takes the table over the limit, raise --max-rejected.`,
  },
  BOM_INSIDE_FILE: {
    zh: () =>
      '这一行以字节顺序标记(BOM,\\uFEFF)开头,而 BOM 只应出现在文件开头:这个文件很可能是两个导出拼接而成。这一行没有读取;请删除这个不可见字符(或把两个导出分别存为两个文件)后重新运行。',
    en: () =>
      'this line starts with a byte-order mark (BOM, \\uFEFF), which belongs only at the start of a file: the file is most likely two exports joined. The line was not read; remove the invisible character (or save the two exports as two files) and run again.',
  },
});

/** A permanent code of {@link READ_ERRORS}. */
export type ReadErrorCode = keyof typeof READ_ERRORS;

/**
 * The bad item of a record repeating its file's header (two exports joined), in a CSV file or an
 * xlsx sheet; `bom` when a byte-order mark started it (CSV).
 */
export function headerRepeated(line: number, bom: boolean): FileItem {
  return {
    kind: 'bad',
    line,
    code: 'HEADER_REPEATED',
    message: messageOf(READ_ERRORS, 'HEADER_REPEATED', { bom }),
  };
}

/**
 * The words a spreadsheet's totals row starts with (合计, Total, …), as {@link totalRow} compares
 * them: trimmed, without spaces or a final colon, Latin letters in lower case.
 */
const TOTAL_WORDS = new Set([
  '合计',
  '合計',
  '总计',
  '總計',
  '小计',
  '小計',
  '汇总',
  '彙總',
  '总合计',
  '總合計',
  'total',
  'totals',
  'subtotal',
  'grandtotal',
  'sum',
]);
/** The first code units of {@link TOTAL_WORDS} (either case): any other first character is no totals row. */
const TOTAL_FIRST = new Set(
  [...TOTAL_WORDS].flatMap((w) => [w.charCodeAt(0), w.toUpperCase().charCodeAt(0)]),
);

/**
 * The bad item of a totals row (`TOTAL_ROW`, docs/sources.md): a CSV record or xlsx row whose
 * first cell that is not empty (after trimming white space) is text that, without its spaces and
 * a final `:` or `：`, is one of {@link TOTAL_WORDS} (Latin letters in any case); null for any
 * other row. A totals row of an export is furniture, not data.
 */
export function totalRow(cells: readonly Cell[], line: number): FileItem | null {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === null || cell === undefined || cell === '') continue;
    if (typeof cell !== 'string') return null;
    const text = trimText(cell);
    if (text === '') continue;
    if (!TOTAL_FIRST.has(text.charCodeAt(0)) || text.length > 16) return null;
    const word = text
      .replace(/\s+/gu, '')
      .replace(/[:：]$/u, '')
      .toLowerCase();
    if (!TOTAL_WORDS.has(word)) return null;
    return {
      kind: 'bad',
      line,
      code: 'TOTAL_ROW',
      message: messageOf(READ_ERRORS, 'TOTAL_ROW', { column: i + 1, word: text }),
    };
  }
  return null;
}

/**
 * The error that stops a run on a file problem of {@link READ_ERRORS}: a ScorebookError('input')
 * with one problem at the file and line (`line` null when the problem has no line).
 */
export function readError<K extends ReadErrorCode>(
  file: string,
  line: number | null,
  code: K,
  ...args: ArgsOf<(typeof READ_ERRORS)[K]>
): ScorebookError {
  const problem: Problem = {
    code,
    severity: 'error',
    message: messageOf(READ_ERRORS, code, ...args),
    file,
    line,
    column: null,
  };
  return new ScorebookError('input', [problem]);
}

const KIND_ZH: Record<SpecialFileKind, string> = {
  directory: '一个目录',
  fifo: '一个命名管道(FIFO)',
  socket: '一个套接字(socket)',
  device: '一个设备文件',
  other: '一个特殊文件',
};

const KIND_EN: Record<SpecialFileKind, string> = {
  directory: 'a directory',
  fifo: 'a named pipe (FIFO)',
  socket: 'a socket',
  device: 'a device',
  other: 'a special file',
};

const JSON_KIND_ZH: Record<JsonKind, string> = {
  array: '数组',
  string: '字符串',
  number: '数字',
  boolean: '布尔值',
  null: 'null',
};

function whereZh(table: string | null): string {
  return table === null ? '这个文件所属的表' : ` tables.${table} `;
}

function whereEn(table: string | null): string {
  return table === null ? "under this file's table" : `under tables.${table}`;
}

function hintZh(p: BadBytes): string {
  switch (p.hint.kind) {
    case 'bom':
      return `文件以 ${p.hint.encoding} 的字节顺序标记(BOM)开头,应是 ${p.hint.encoding} 编码。请在 source.yaml 中${whereZh(p.table)}写 encoding: ${p.hint.encoding}(已有 encoding 行时改它)。`;
    case 'gb18030':
      return `这些字节可以按 GB18030(GBK,中文版 Excel 的默认编码)解码${p.hint.preview === null ? '' : `,第 ${p.line} 行读作 ${q(p.hint.preview)}`}。请在 source.yaml 中${whereZh(p.table)}写 encoding: gb18030(已有 encoding 行时改它)。`;
    case 'utf-8':
      return `这个文件是有效的 UTF-8(从出错的这一行起按 UTF-8 可以解码)。请在 source.yaml 中${whereZh(p.table)}写 encoding: utf-8(或删去 encoding 行,默认即 UTF-8)。`;
    case 'none':
      return `请把文件另存为 UTF-8,或在 source.yaml 中${whereZh(p.table)}下用 encoding 声明它的编码(utf-8、gb18030、utf-16le 或 utf-16be)。`;
  }
}

function hintEn(p: BadBytes): string {
  switch (p.hint.kind) {
    case 'bom':
      return `The file begins with the byte-order mark of ${p.hint.encoding}. Set \`encoding: ${p.hint.encoding}\` ${whereEn(p.table)} in source.yaml (change the encoding line if there is one).`;
    case 'gb18030':
      return `The bytes decode as GB18030 (GBK, what Excel writes on Chinese Windows)${p.hint.preview === null ? '' : `; line ${p.line} then reads ${q(p.hint.preview)}`}. Set \`encoding: gb18030\` ${whereEn(p.table)} in source.yaml (change the encoding line if there is one).`;
    case 'utf-8':
      return `The file is valid UTF-8 (from the failing line on it decodes as UTF-8). Set \`encoding: utf-8\` ${whereEn(p.table)} in source.yaml (or remove the encoding line: UTF-8 is the default).`;
    case 'none':
      return `Save the file as UTF-8, or declare its encoding ${whereEn(p.table)} in source.yaml (utf-8, gb18030, utf-16le or utf-16be).`;
  }
}

// Excel's name of a 1-based column: A … Z, AA …
function letters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}
