/** Characters a shell word may hold without quoting. */
const PLAIN = /^[A-Za-z0-9_./:=@%+,-]+$/;

/** A word as a POSIX shell reads it back: as is when plain, else in single quotes. */
export function shellWord(word: string): string {
  return PLAIN.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
