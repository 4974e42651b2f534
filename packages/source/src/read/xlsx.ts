import { once } from 'node:events';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { messageOf, ScorebookError } from '@scorebook/problems';
import unzipper, { type Entry } from 'unzipper';
import { type Cell, type FileItem, MAX_RECORD_BYTES, type ReadFileOptions, WallClock } from './file-items.ts';
import { headerRepeated, totalRow } from './read-errors.ts';
import { trimText } from './white-space.ts';
import { type NotZipLooks, XLSX_ERRORS } from './xlsx-errors.ts';
import {
  type DateStyles,
  type Relationship,
  readDateStyles,
  readRelationships,
  readSharedStrings,
  readWorkbook,
  relsSource,
  type WorkbookInfo,
} from './xlsx-parts.ts';
import { type SheetRow, sheetHandlers } from './xlsx-sheet.ts';
import { corrupt, type PartCheck, stop, XlsxStop, xmlChunks } from './xlsx-xml.ts';

/**
 * Reads one sheet of an `.xlsx` workbook as a stream, never holding the sheet in memory: yields
 * the header (the row at `options.headerRow`; rows above it are skipped) and then a `record` per
 * non-empty row below it, `cells` aligned to the header's columns and padded with null, `line` the
 * sheet's row number. A value in a column past the header's last is a `bad` item (FIELD_COUNT).
 * The sheet is `options.sheet`, or the first worksheet in workbook order when null. Every byte of
 * the file goes to `options.onBytes` once, in order. A file that is not a readable workbook, a
 * missing sheet or an empty header row throws a `ScorebookError('input')` whose problem names the
 * file. Cell values and the order of reading are as `docs/sources.md` ("Reading xlsx") describes.
 */
export async function* readXlsx(options: ReadFileOptions): AsyncGenerator<FileItem> {
  for await (const batch of readXlsxBatches(options)) yield* batch;
}

/** {@link readXlsx} in batches (fresh arrays, never empty), one per chunk of sheet XML. */
export async function* readXlsxBatches(options: ReadFileOptions): AsyncGenerator<FileItem[]> {
  const file = createReadStream(options.path, { highWaterMark: 64 * 1024 });
  // The limit is looked up when a sheet is first spooled: by then the file is open.
  const spool = new Spool(() => options.maxSpoolBytes ?? spoolLimit(statSync(options.path).size));
  try {
    const chunks = file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const head = await readHead(chunks);
    if (!isZip(head.bytes)) throw await notZip(head, chunks);
    // A workbook cut off (a download or copy that did not finish) ends before its zip's last
    // record; reading it entry by entry would wait for the rest of an entry forever.
    if (!(await endsWholeZip(options.path))) throw cutOffZip();
    const zip = unzipper.Parse({ forceStream: true });
    const feeding = feed(head.chunks, chunks, zip, options.onBytes);
    feeding.catch(() => {});
    yield* readEntries(zip, options, spool);
    await feeding;
  } catch (error) {
    throw toScorebookError(error, options.name);
  } finally {
    file.destroy();
    await spool.remove();
  }
}

interface Workbook {
  /** Relationships by source part (lower case). */
  rels: Map<string, Relationship[]>;
  /** The workbook part (lower case), from the package relationships or by its usual name. */
  workbookPart: string;
  info: WorkbookInfo | null;
  sharedStrings: string[] | null;
  dateStyles: DateStyles | null;
}

interface Target {
  name: string;
  part: string;
}

async function* readEntries(
  zip: AsyncIterable<Entry>,
  options: ReadFileOptions,
  spool: Spool,
): AsyncGenerator<FileItem[]> {
  const book: Workbook = {
    rels: new Map(),
    workbookPart: 'xl/workbook.xml',
    info: null,
    sharedStrings: null,
    dateStyles: null,
  };
  const maxChars = options.maxRecordBytes ?? MAX_RECORD_BYTES;
  const spooled = new Map<string, { path: string; check: PartCheck | null }>();
  let done = false;
  for await (const entry of zip) {
    const name = entry.path.replace(/^\/+/, '');
    const key = name.toLowerCase();
    if ((entry.vars.flags & 1) !== 0) throw stop('XLSX_ENCRYPTED', NOWHERE);
    const check = checkOf(entry);
    const role = done ? 'other' : roleOf(book, key);
    if (role === 'rels') {
      const rels = await readRelationships(name, entry, check);
      const source = (relsSource(key) ?? '').toLowerCase();
      book.rels.set(source, rels);
      if (source === '') {
        const main = rels.find((r) => r.type === 'officeDocument');
        if (main !== undefined) book.workbookPart = main.target.toLowerCase();
      }
    } else if (role === 'workbook') {
      const info = await readWorkbook(name, entry, check);
      book.info = info;
      if (book.rels.has(book.workbookPart)) targetOf(book, info, options);
    } else if (role === 'sharedStrings') {
      book.sharedStrings = await readSharedStrings(name, entry, check, maxChars);
    } else if (role === 'styles') {
      book.dateStyles = await readDateStyles(name, entry, check);
    } else if (role === 'worksheet') {
      const target =
        book.info !== null && book.rels.has(book.workbookPart) ? targetOf(book, book.info, options) : null;
      if (target !== null && target.part !== key) {
        await drain(entry);
      } else if (target !== null && ready(book)) {
        yield* sheetItems(name, entry, check, book, target, options);
        done = true;
      } else {
        const path = await spool.file(spooled.size);
        await pipeline(entry, spool.guard(name), createWriteStream(path));
        spooled.set(key, { path, check });
      }
    } else {
      await drain(entry);
    }
  }
  if (done) return;
  const info = book.info;
  if (info === null) throw stop('XLSX_NOT_WORKBOOK', NOWHERE);
  if (!book.rels.has(book.workbookPart)) {
    throw corrupt(
      '缺少工作簿的关系部件(xl/_rels/workbook.xml.rels)',
      'the workbook relationships part (xl/_rels/workbook.xml.rels) is missing',
    );
  }
  const target = targetOf(book, info, options);
  const saved = spooled.get(target.part);
  if (saved === undefined) {
    throw corrupt(
      `缺少工作表 "${target.name}" 的部件 ${target.part}`,
      `the part ${target.part} of sheet "${target.name}" is missing`,
    );
  }
  yield* sheetItems(target.part, createReadStream(saved.path), saved.check, book, target, options);
}

/** The items of the target sheet, a batch after each chunk of its XML. */
async function* sheetItems(
  part: string,
  bytes: AsyncIterable<Uint8Array>,
  check: PartCheck | null,
  book: Workbook,
  target: Target,
  options: ReadFileOptions,
): AsyncGenerator<FileItem[]> {
  const items: FileItem[] = [];
  const rows = new RowsToItems(target.name, options.headerRow, items);
  const handlers = sheetHandlers(
    {
      sharedStrings: book.sharedStrings ?? [],
      dateStyles: book.dateStyles ?? [],
      date1904: book.info?.date1904 ?? false,
      maxChars: options.maxRecordBytes ?? MAX_RECORD_BYTES,
    },
    (row) => rows.push(row),
  );
  for await (const _ of xmlChunks(part, bytes, handlers, check)) {
    if (items.length > 0) yield items.splice(0);
  }
  rows.end();
}

/** Turns sheet rows into file items: rows above the header skipped, the header, then records. */
class RowsToItems {
  private width = -1;
  private readonly sheet: string;
  private readonly headerRow: number;
  private readonly items: FileItem[];
  /** The header's names, trimmed; null until it is read, and for a header whose names are all empty. */
  private names: string[] | null = null;

  constructor(sheet: string, headerRow: number, items: FileItem[]) {
    this.sheet = sheet;
    this.headerRow = headerRow;
    this.items = items;
  }

  push(row: SheetRow): void {
    if (row.line < this.headerRow || row.cells.length === 0) return;
    if (this.width === -1) {
      if (row.line > this.headerRow) throw this.noHeader(row.line);
      const columns = row.cells.map(headerText);
      this.width = columns.length;
      this.names = columns.some((c) => trimText(c) !== '') ? columns.map(trimText) : null;
      this.items.push({ kind: 'header', line: row.line, columns });
      return;
    }
    if (row.cells.length > this.width) {
      const first = row.cells.findIndex((c, i) => i >= this.width && c !== null);
      const cell = `${columnName(first + 1)}${row.line}`;
      this.items.push({
        kind: 'bad',
        line: row.line,
        code: 'FIELD_COUNT',
        message: messageOf(XLSX_ERRORS, 'XLSX_BEYOND_HEADER', { cell, columns: this.width }),
      });
      return;
    }
    const cells = row.cells;
    while (cells.length < this.width) cells.push(null);
    if (this.isHeader(cells)) {
      // Two exports pasted into one sheet: the second one's header is no data (as in a CSV file).
      this.items.push(headerRepeated(row.line, false));
      return;
    }
    this.items.push(totalRow(cells, row.line) ?? { kind: 'record', line: row.line, cells });
  }

  // Whether a row's cells (as many as the header's), as header text and trimmed, are the header's names.
  private isHeader(cells: readonly Cell[]): boolean {
    const names = this.names;
    if (names === null) return false;
    for (let i = 0; i < names.length; i++)
      if (trimText(headerText(cells[i] ?? null)) !== names[i]) return false;
    return true;
  }

  end(): void {
    if (this.width === -1) throw this.noHeader(null);
  }

  private noHeader(next: number | null): XlsxStop {
    return stop(
      'XLSX_HEADER_MISSING',
      { line: this.headerRow, column: null },
      { sheet: this.sheet, row: this.headerRow, next },
    );
  }
}

type Role = 'rels' | 'workbook' | 'sharedStrings' | 'styles' | 'worksheet' | 'other';

/** What a zip entry is, from the workbook's relationships once known, else by its usual name. */
function roleOf(book: Workbook, key: string): Role {
  if (key.endsWith('.rels')) return 'rels';
  if (key === book.workbookPart) return 'workbook';
  const rels = book.rels.get(book.workbookPart);
  if (rels !== undefined) {
    const type = rels.find((r) => r.target.toLowerCase() === key)?.type;
    return type === 'sharedStrings' || type === 'styles' || type === 'worksheet' ? type : 'other';
  }
  if (key.endsWith('/sharedstrings.xml')) return 'sharedStrings';
  if (key.endsWith('/styles.xml')) return 'styles';
  return /\/worksheets\/[^/]+\.xml$/.test(key) ? 'worksheet' : 'other';
}

/** Whether every part the sheet's cells need has been read (or the workbook has none). */
function ready(book: Workbook): boolean {
  const rels = book.rels.get(book.workbookPart) ?? [];
  return (
    (book.sharedStrings !== null || !rels.some((r) => r.type === 'sharedStrings')) &&
    (book.dateStyles !== null || !rels.some((r) => r.type === 'styles'))
  );
}

/** The sheet to read; stops when it is missing or is not a worksheet. */
function targetOf(book: Workbook, info: WorkbookInfo, options: ReadFileOptions): Target {
  const rels = book.rels.get(book.workbookPart) ?? [];
  const relOf = (rid: string) => rels.find((r) => r.id === rid);
  const labels = info.sheets.map((s) => ({ name: s.name, hidden: s.hidden }));
  const sheet =
    options.sheet === null
      ? info.sheets.find((s) => relOf(s.rid)?.type === 'worksheet')
      : info.sheets.find((s) => s.name === options.sheet);
  if (sheet === undefined) {
    if (options.sheet === null) throw stop('XLSX_NO_WORKSHEET', NOWHERE, { sheets: labels });
    throw stop('XLSX_SHEET_MISSING', NOWHERE, { sheet: options.sheet, sheets: labels });
  }
  const rel = relOf(sheet.rid);
  if (rel === undefined) {
    throw corrupt(`工作表 "${sheet.name}" 没有对应的部件`, `sheet "${sheet.name}" has no part`);
  }
  if (rel.type !== 'worksheet') throw stop('XLSX_NOT_WORKSHEET', NOWHERE, { sheet: sheet.name });
  return { name: sheet.name, part: rel.target.toLowerCase() };
}

const NOWHERE = { line: null, column: null };

function checkOf(entry: Entry): PartCheck | null {
  const vars = entry.vars as Entry['vars'] & { uncompressedSize: number };
  if ((vars.flags & 8) !== 0 || vars.uncompressedSize === 0xffffffff) return null;
  return { crc32: vars.crc32, size: vars.uncompressedSize };
}

async function drain(entry: Entry): Promise<void> {
  await entry.autodrain().promise();
}

/** The first bytes of the file (at least 8 unless the file is shorter) and the chunks read. */
async function readHead(chunks: AsyncIterator<Buffer>): Promise<{ bytes: Buffer; chunks: Buffer[] }> {
  const read: Buffer[] = [];
  let length = 0;
  while (length < 8) {
    const next = await chunks.next();
    if (next.done) break;
    read.push(next.value);
    length += next.value.length;
  }
  return { bytes: Buffer.concat(read), chunks: read };
}

/** The end of central directory record's signature, `PK\x05\x06`, and its length without its comment. */
const EOCD = 0x06054b50;
const EOCD_BYTES = 22;

/**
 * True when the file's last 22 + 65,535 bytes (the record with its longest comment) hold a zip
 * archive's end of central directory record: its signature, with its comment within the file.
 * Every whole zip has it (bytes appended after the archive, read as before, are allowed while
 * the record stays in that window); a file cut anywhere before the record's end has not, but for
 * the chance of those four bytes inside the compressed data of its last 64 KiB.
 */
async function endsWholeZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, EOCD_BYTES + 0xffff);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    for (let at = length - EOCD_BYTES; at >= 0; at--) {
      if (tail.readUInt32LE(at) === EOCD && at + EOCD_BYTES + tail.readUInt16LE(at + 20) <= length)
        return true;
    }
    return false;
  } finally {
    await handle.close();
  }
}

function cutOffZip(): XlsxStop {
  return corrupt(
    '文件末尾缺少 zip 压缩包的结束记录(中央目录结束记录),文件多半在下载或复制中途被截断了',
    "the file does not end with the zip archive's end record (the end of central directory): it was most likely cut off (a download or copy that did not finish)",
  );
}

function isZip(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
}

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** Why a file that is not a zip archive is no workbook: encrypted, an old `.xls`, or not Excel. */
async function notZip(
  head: { bytes: Buffer; chunks: Buffer[] },
  chunks: AsyncIterator<Buffer>,
): Promise<XlsxStop> {
  if (!head.bytes.subarray(0, 8).equals(OLE_SIGNATURE)) {
    return stop('XLSX_NOT_ZIP', NOWHERE, { looks: looksOf(head.bytes) });
  }
  // An encrypted OOXML file is an OLE2 compound file with an EncryptedPackage stream; scan for its
  // directory entry name, keeping the tail of each chunk for a name split across two chunks.
  let tail = Buffer.alloc(0);
  const scan = (chunk: Buffer) => {
    const window = Buffer.concat([tail, chunk]);
    tail = window.subarray(Math.max(0, window.length - ENCRYPTED_PACKAGE.length));
    return window.includes(ENCRYPTED_PACKAGE);
  };
  for (const chunk of head.chunks) if (scan(chunk)) return stop('XLSX_ENCRYPTED', NOWHERE);
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    if (scan(next.value)) return stop('XLSX_ENCRYPTED', NOWHERE);
  }
  return stop('XLSX_LEGACY_XLS', NOWHERE);
}

function looksOf(head: Buffer): NotZipLooks {
  if (head.length === 0) return 'empty';
  const text = head
    .toString('latin1')
    .replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '')
    .trimStart();
  if (text.startsWith('<')) return 'html';
  return head.some((b) => b < 0x09 || (b > 0x0d && b < 0x20)) ? 'binary' : 'text';
}

/**
 * Writes the file's chunks into the zip parser, each to `onBytes` first; once the parser has
 * read the end of the archive, the rest of the file still goes to `onBytes`.
 */
async function feed(
  first: readonly Buffer[],
  rest: AsyncIterator<Buffer>,
  zip: Writable,
  onBytes: ((bytes: Uint8Array) => void) | undefined,
): Promise<void> {
  const closed = once(zip, 'close').catch(() => {});
  const write = async (chunk: Buffer) => {
    onBytes?.(chunk);
    if (zip.writableEnded || zip.destroyed) return;
    if (!zip.write(chunk)) await Promise.race([once(zip, 'drain').catch(() => {}), closed]);
  };
  try {
    for (const chunk of first) await write(chunk);
    for (let next = await rest.next(); !next.done; next = await rest.next()) await write(next.value);
    if (!zip.writableEnded && !zip.destroyed) zip.end();
  } catch (error) {
    zip.destroy(error as Error);
    throw error;
  }
}

/** Temporary files for sheets that come before the parts they need; removed when reading ends. */
/**
 * The most bytes a workbook's spooled sheets may unpack to: 200 times the file's size, and at
 * least 2 GiB. Sheet XML compresses 5–20 times; far beyond that is a zip bomb, not a table.
 */
function spoolLimit(fileBytes: number): number {
  return Math.max(2 * 1024 ** 3, 200 * fileBytes);
}

function bytesText(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GiB` : `${bytes} bytes`;
}

/** Where sheets that come before the shared strings wait, bounded by a byte limit over all of them. */
class Spool {
  private dir: string | null = null;
  private written = 0;
  readonly #limitOf: () => number;
  #limit: number | null = null;

  constructor(limitOf: () => number) {
    this.#limitOf = limitOf;
  }

  /** A pass-through that stops with XLSX_PART_TOO_LARGE once the spool would exceed its limit. */
  guard(part: string): Transform {
    this.#limit ??= this.#limitOf();
    const limit = this.#limit;
    return new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.written += chunk.length;
        if (this.written > limit)
          done(stop('XLSX_PART_TOO_LARGE', NOWHERE, { part, limit: bytesText(limit) }));
        else done(null, chunk);
      },
    });
  }

  async file(index: number): Promise<string> {
    this.dir ??= await mkdtemp(join(tmpdir(), 'scorebook-xlsx-'));
    return join(this.dir, `sheet-${index}.xml`);
  }

  async remove(): Promise<void> {
    if (this.dir !== null) await rm(this.dir, { recursive: true, force: true });
  }
}

function toScorebookError(error: unknown, file: string): unknown {
  if (error instanceof ScorebookError) return error;
  if (error instanceof XlsxStop) return new ScorebookError('input', [{ ...error.problem, file }]);
  const e = error as NodeJS.ErrnoException;
  const problem =
    typeof e?.syscall === 'string'
      ? stop('XLSX_UNREADABLE', NOWHERE, { reason: e.code ?? e.message }).problem
      : corrupt(
          `zip 数据无法解读(${String(e?.message ?? e)})`,
          `the zip data cannot be read (${String(e?.message ?? e)})`,
        ).problem;
  return new ScorebookError('input', [{ ...problem, file }]);
}

function headerText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof WallClock) return new Date(cell.ms).toISOString().replace(/T00:00:00\.000Z$|Z$/, '');
  return JSON.stringify(cell);
}

/** The letters of a 1-based column number (1 → A, 28 → AB). */
function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
