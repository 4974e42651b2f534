// Text that YAML 1.2 (core schema) reads back as the same string when written plain, in block
// and flow context alike: letters, digits, CJK, `_`, and inner spaces, brackets, `-`, `.`, `/`.
const PLAIN = /^[\p{L}\p{M}_][\p{L}\p{M}\p{N}_ ()（）\-./·]*$/u;
const PLAIN_END = /[^ ]$/u;
// Words that YAML 1.2 reads as null or booleans, and those that YAML 1.1 tools read as booleans.
const RESERVED = /^(true|false|null|~|yes|no|on|off|y|n)$/iu;

/**
 * A string as a YAML scalar: plain when that reads back as the same string (and would in
 * YAML 1.1 too), else double-quoted with JSON escapes (valid YAML). Text starting with a digit
 * or a sign is always quoted.
 */
export function yamlString(text: string): string {
  return PLAIN.test(text) && PLAIN_END.test(text) && !RESERVED.test(text) ? text : JSON.stringify(text);
}

/** A map value: booleans and numbers plain, strings as {@link yamlString}. */
export function yamlValue(value: string | number | boolean): string {
  return typeof value === 'string' ? yamlString(value) : String(value);
}

/** A flow sequence of strings, each double-quoted: `["a", "b"]`. */
export function yamlList(items: readonly string[]): string {
  return `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;
}

/** Text for a `#` comment on one line: line breaks become spaces. */
export function commentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/gu, ' ');
}
