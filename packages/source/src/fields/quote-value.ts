// Control characters (Cc), format characters (Cf: U+FEFF, U+200B …), line and paragraph
// separators, and white space other than the plain space: the characters a message cannot show.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gu;

/**
 * A value in double quotes as messages show it, with every character that would not be seen
 * written as its code: `\uFEFF`, `\u200B`, `\t` as `\u0009`, an astral one as `\u{E0001}` —
 * so that `"\uFEFFHS000020"` does not read as `"HS000020"`. Other characters are as they are.
 */
export function quoteValue(value: string): string {
  return `"${value.replace(INVISIBLE, codeOf)}"`;
}

function codeOf(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase();
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}
