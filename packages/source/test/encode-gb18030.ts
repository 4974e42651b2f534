// Tests need GBK bytes and Node only encodes UTF-8: the two-byte table is built once by decoding
// every two-byte sequence, which covers every Chinese character of the tests.
let table: Map<string, Uint8Array> | null = null;

/** Encodes text as GB18030 (ASCII and the two-byte range); throws on a character outside them. */
export function encodeGb18030(text: string): Uint8Array {
  table ??= buildTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = table.get(ch);
    if (!bytes) throw new RangeError(`no two-byte GB18030 code for ${ch}`);
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}

function buildTable(): Map<string, Uint8Array> {
  const decoder = new TextDecoder('gb18030');
  const map = new Map<string, Uint8Array>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const bytes = Uint8Array.of(lead, trail);
      const ch = decoder.decode(bytes);
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, bytes);
    }
  }
  return map;
}
