const EDGE_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;

/** Removes Unicode white space (`White_Space`) at both ends. */
export function trimText(text: string): string {
  if (text.length === 0) return text;
  if (!isWhiteSpace(text.charCodeAt(0)) && !isWhiteSpace(text.charCodeAt(text.length - 1))) return text;
  return text.replace(EDGE_SPACE, '');
}

/**
 * Whether a UTF-16 code unit is a character of `White_Space` (none is outside the BMP, nor a
 * surrogate): U+0009–000D, U+0020, U+0085, U+00A0, U+1680, U+2000–200A, U+2028, U+2029,
 * U+202F, U+205F, U+3000.
 */
export function isWhiteSpace(code: number): boolean {
  if (code < 0x85) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x1680) return code === 0x85 || code === 0xa0;
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}
