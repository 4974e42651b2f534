// Characters trimmed from both ends by `textIn`: punctuation (P), symbols (S, emoji included),
// separators (Z), controls (Cc), format characters (Cf), variation selectors and the keycap mark.
// Tested one character at a time, so a combining mark in the class cannot join a neighbour.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each test is on a single code point
const TRIM_CHAR = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\u{FE00}-\u{FE0F}\u{20E3}]/u;

/**
 * Normalises text for `textIn`: Unicode NFKC, then characters of categories P, S, Z, Cc, Cf,
 * U+FE00–U+FE0F and U+20E3 removed repeatedly from both ends, then lower case.
 */
export function normalizeText(text: string): string {
  if (plain(text)) return text.toLowerCase();
  const chars = Array.from(text.normalize('NFKC'));
  const kept = (c: string) => !TRIM_CHAR.test(c);
  const start = chars.findIndex(kept);
  if (start < 0) return '';
  return chars
    .slice(start, chars.findLastIndex(kept) + 1)
    .join('')
    .toLowerCase();
}

// True when NFKC leaves the text as it is and there is nothing to trim: only ASCII and CJK
// unified ideographs (U+4E00–U+9FFF, which have no decomposition), beginning and ending with a
// letter, a digit or an ideograph. Most message texts are so; they skip the general path.
function plain(text: string): boolean {
  const n = text.length;
  if (n === 0 || !wordChar(text.charCodeAt(0)) || !wordChar(text.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && (c < 0x4e00 || c > 0x9fff)) return false;
  }
  return true;
}

function wordChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x4e00 && c <= 0x9fff)
  );
}
