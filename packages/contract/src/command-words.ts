/**
 * The words of a command line as a POSIX shell splits them — a manifest's recorded `command`
 * read back (docs/governance.md): blanks (space, tab, line feed) separate words; single quotes
 * keep everything; double quotes keep everything but a backslash before `"`, `\\`, `$` or a
 * backtick, which keeps that character; a backslash outside quotes keeps the next character.
 * Null when a quote is not closed.
 */
export function shellWords(text: string): string[] | null {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === ' ' || c === '\t' || c === '\n') {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return null;
      word = (word ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let quoted = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && /["\\$`]/.test(text[j + 1] ?? '')) j++;
        quoted += text[j];
      }
      if (j >= text.length) return null;
      word = (word ?? '') + quoted;
      i = j;
    } else if (c === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text.charAt(++i);
    } else word = (word ?? '') + c;
  }
  if (word !== null) words.push(word);
  return words;
}
