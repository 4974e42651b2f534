import { isDateFormat } from './xlsx-serial.ts';
import { decodeXstring, type PartCheck, parseXmlPart, stop } from './xlsx-xml.ts';

/** A relationship of a part: its type (the last segment of the type URI) and target part. */
export interface Relationship {
  id: string;
  type: string;
  /** The target part's name, resolved against the source part, without a leading `/`. */
  target: string;
}

/** A sheet as the workbook lists it, in workbook order. */
interface SheetEntry {
  name: string;
  /** The relationship id that leads to the sheet's part. */
  rid: string;
  hidden: boolean;
}

/** What the workbook part says: its sheets in order and the date system. */
export interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
}

/** For each cell style (`s` attribute), whether its number format shows a date or a time. */
export type DateStyles = boolean[];

/** The part a relationships part (`xl/_rels/workbook.xml.rels`) describes (`xl/workbook.xml`). */
export function relsSource(relsPart: string): string | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsPart);
  return m === null ? null : `${m[1]}${m[2]}`;
}

/** The relationships of a `.rels` part; external targets (hyperlinks) are left out. */
export async function readRelationships(
  part: string,
  bytes: AsyncIterable<Uint8Array>,
  check: PartCheck | null,
): Promise<Relationship[]> {
  const source = relsSource(part) ?? '';
  const base = source.slice(0, source.lastIndexOf('/') + 1);
  const out: Relationship[] = [];
  await parseXmlPart(
    part,
    bytes,
    {
      open(name, a) {
        if (name !== 'Relationship' || a.TargetMode === 'External' || !a.Target) return;
        out.push({
          id: a.Id ?? '',
          type: a.Type?.slice(a.Type.lastIndexOf('/') + 1) ?? '',
          target: resolve(base, a.Target),
        });
      },
      close() {},
      text() {},
    },
    check,
  );
  return out;
}

/** The sheets and date system of the workbook part. */
export async function readWorkbook(
  part: string,
  bytes: AsyncIterable<Uint8Array>,
  check: PartCheck | null,
): Promise<WorkbookInfo> {
  const info: WorkbookInfo = { sheets: [], date1904: false };
  await parseXmlPart(
    part,
    bytes,
    {
      open(name, a) {
        if (name === 'workbookPr') info.date1904 = a.date1904 === '1' || a.date1904 === 'true';
        if (name !== 'sheet') return;
        const rid = Object.entries(a).find(([key]) => key.endsWith(':id'))?.[1] ?? '';
        info.sheets.push({
          name: a.name ?? '',
          rid,
          hidden: a.state === 'hidden' || a.state === 'veryHidden',
        });
      },
      close() {},
      text() {},
    },
    check,
  );
  return info;
}

/** Which cell styles of the styles part show dates: `cellXfs` entries and their number formats. */
export async function readDateStyles(
  part: string,
  bytes: AsyncIterable<Uint8Array>,
  check: PartCheck | null,
): Promise<DateStyles> {
  const codes = new Map<number, string>();
  const xfs: number[] = [];
  let parent = '';
  await parseXmlPart(
    part,
    bytes,
    {
      open(name, a) {
        if (name === 'numFmts' || name === 'cellXfs' || name === 'cellStyleXfs' || name === 'dxfs')
          parent = name;
        else if (name === 'numFmt' && parent === 'numFmts') codes.set(Number(a.numFmtId), a.formatCode ?? '');
        else if (name === 'xf' && parent === 'cellXfs') xfs.push(Number(a.numFmtId ?? '0'));
      },
      close(name) {
        if (name === parent) parent = '';
      },
      text() {},
    },
    check,
  );
  return xfs.map((id) => isDateFormat(id, codes.get(id)));
}

/**
 * The shared strings table: each `<si>` as its text, the `<t>` runs joined, phonetic readings
 * (`<rPh>`) left out, `_xHHHH_` escapes decoded. An item longer than `maxChars` stops the run.
 */
export async function readSharedStrings(
  part: string,
  bytes: AsyncIterable<Uint8Array>,
  check: PartCheck | null,
  maxChars: number,
): Promise<string[]> {
  const strings: string[] = [];
  let text = '';
  let inText = false;
  let phonetic = 0;
  await parseXmlPart(
    part,
    bytes,
    {
      open(name) {
        if (name === 'si') text = '';
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && phonetic === 0) inText = true;
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si') strings.push(decodeXstring(text));
      },
      text(t) {
        if (!inText) return;
        text += t;
        if (text.length > maxChars)
          throw stop('XLSX_ROW_TOO_LARGE', { line: null, column: null }, { limit: maxChars });
      },
    },
    check,
  );
  return strings;
}

/** A relationship target resolved against the folder of its source part (`/` = the package root). */
function resolve(base: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `${base}${target}`;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}
