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
  const chars = Array.from(text.normalize('NFKC'));
  const kept = (c: string) => !TRIM_CHAR.test(c);
  const start = chars.findIndex(kept);
  if (start < 0) return '';
  return chars
    .slice(start, chars.findLastIndex(kept) + 1)
    .join('')
    .toLowerCase();
}
