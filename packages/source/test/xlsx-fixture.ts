// Builds .xlsx workbooks byte by byte for the tests and the benchmark, so that each test controls
// what a writer may legally vary: the order of the zip entries, stored or deflated entries, data
// descriptors, shared or inline strings, styles, the 1904 date system.
import { crc32, deflateRawSync } from 'node:zlib';

/** One entry of a zip archive. */
export interface ZipPart {
  name: string;
  data: string | Uint8Array;
  /** Default `deflate`. */
  method?: 'deflate' | 'store';
  /** Sizes and CRC after the data (general-purpose flag bit 3) instead of in the local header. */
  descriptor?: boolean;
  /** Marked as encrypted (flag bit 0), as a zip tool's password would. */
  encrypted?: boolean;
}

/** A zip archive of the parts, in the order given. */
export function zip(parts: readonly ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const raw = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : Buffer.from(part.data);
    const method = part.method === 'store' ? 0 : 8;
    const body = method === 8 ? deflateRawSync(raw) : raw;
    const crc = crc32(raw);
    const flags = 0x0800 | (part.descriptor ? 0x0008 : 0) | (part.encrypted ? 0x0001 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(part.descriptor ? 0 : crc, 14);
    local.writeUInt32LE(part.descriptor ? 0 : body.length, 18);
    local.writeUInt32LE(part.descriptor ? 0 : raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, body);
    let size = local.length + name.length + body.length;
    if (part.descriptor) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(body.length, 8);
      descriptor.writeUInt32LE(raw.length, 12);
      chunks.push(descriptor);
      size += descriptor.length;
    }
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(raw.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += size;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/** One sheet of a workbook to build. */
interface SheetSpec {
  name: string;
  /** The content of `<sheetData>`: `<row>` elements as a writer would put them. */
  rows: string;
  state?: 'hidden' | 'veryHidden';
  /** A chart sheet (no cells) instead of a worksheet. */
  chart?: boolean;
  /** Anything after `</sheetData>` (`<mergeCells>`, say). */
  after?: string;
}

/** What a workbook to build holds. */
export interface WorkbookSpec {
  sheets: readonly SheetSpec[];
  /** `<si>` contents: plain strings are escaped into `<t>`; `{ xml }` is put as it is. */
  sharedStrings?: ReadonlyArray<string | { xml: string }>;
  date1904?: boolean;
  /** Entry names in the order to write them; unlisted parts follow in Excel's order. */
  order?: readonly string[];
  method?: 'deflate' | 'store';
  descriptor?: boolean;
  /** Leave out the styles part (and its relationship). */
  noStyles?: boolean;
}

/**
 * The cell styles of every built workbook (`s` attribute → number format):
 * 0 General, 1 `14` (m/d/yyyy), 2 `22` (m/d/yyyy h:mm), 3 custom `yyyy/m/d h:mm:ss.000`,
 * 4 `31` (zh-CN builtin 年月日), 5 `46` ([h]:mm:ss, elapsed), 6 `49` (text @), 7 `2` (0.00),
 * 8 custom `"Day "0` (a quoted d is no date), 9 `21` (h:mm:ss).
 */
export const STYLES = {
  general: 0,
  date: 1,
  dateTime: 2,
  custom: 3,
  zhDate: 4,
  elapsed: 5,
  text: 6,
  fixed2: 7,
  quoted: 8,
  time: 9,
} as const;

/** The bytes of a workbook: its parts in Excel's order (sheets before styles and shared strings) unless `order` says otherwise. */
export function buildXlsx(spec: WorkbookSpec): Buffer {
  const parts = new Map<string, string>();
  const sheetRels = spec.sheets.map(
    (sheet, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${sheet.chart ? 'chartsheet' : 'worksheet'}" Target="${sheetPart(sheet, i).slice(3)}"/>`,
  );
  const n = spec.sheets.length;
  const otherRels = [
    spec.noStyles
      ? ''
      : `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`,
    spec.sharedStrings
      ? `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
      : '',
  ];
  parts.set(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
  );
  parts.set(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  parts.set(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${spec.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${spec.sheets
      .map(
        (s, i) =>
          `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
      )
      .join('')}</sheets></workbook>`,
  );
  parts.set(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${[...sheetRels, ...otherRels].join('')}</Relationships>`,
  );
  spec.sheets.forEach((s, i) => {
    parts.set(
      sheetPart(s, i),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${s.rows}</sheetData>${s.after ?? ''}</worksheet>`,
    );
  });
  parts.set(
    'xl/theme/theme1.xml',
    '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/>',
  );
  if (!spec.noStyles) parts.set('xl/styles.xml', STYLES_XML);
  if (spec.sharedStrings) {
    const items = spec.sharedStrings.map((s) =>
      typeof s === 'string' ? `<si><t xml:space="preserve">${escapeXml(s)}</t></si>` : `<si>${s.xml}</si>`,
    );
    parts.set(
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`,
    );
  }
  parts.set('docProps/core.xml', '<cp:coreProperties xmlns:cp="x"/>');
  const first = (spec.order ?? []).filter((name) => parts.has(name));
  const names = [...first, ...[...parts.keys()].filter((name) => !first.includes(name))];
  return zip(
    names.map((name) => ({
      name,
      data: parts.get(name)!,
      method: spec.method ?? 'deflate',
      descriptor: spec.descriptor ?? false,
    })),
  );
}

function sheetPart(sheet: SheetSpec, index: number): string {
  return `xl/${sheet.chart ? 'chartsheets' : 'worksheets'}/sheet${index + 1}.xml`;
}

/** Text escaped for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/m/d\\ h:mm:ss.000"/><numFmt numFmtId="165" formatCode="&quot;Day &quot;0"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="10"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/><xf numFmtId="22" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/><xf numFmtId="31" xfId="0" applyNumberFormat="1"/><xf numFmtId="46" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" xfId="0" applyNumberFormat="1"/><xf numFmtId="21" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;
