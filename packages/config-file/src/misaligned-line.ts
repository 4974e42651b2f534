/** A line indented to no level of the block structure above it. */
export interface MisalignedLine {
  /** 1-based line number. */
  line: number;
  /** Offset of the line's first character that is not a space. */
  offset: number;
  /** Its indentation, in spaces. */
  indent: number;
  /** The indentations of the levels open above it, innermost first (at most three). */
  levels: number[];
}

/**
 * The first line, up to `lastLine` (1-based), that backs out of the level of the lines before it
 * to a column between two open levels (`extra: 1` at 7 spaces under keys at 8, in an item whose
 * `-` is at 6): equal to none of the enclosing levels (a `- ` item's content is a level of its
 * own, two columns in). A line deeper than the one before is the parser's to say (a key whose
 * value is already written). Blank lines, comments, the lines
 * of block scalars (`|`, `>`) and of flow collections spanning lines (`[`, `{`) are passed over.
 * Only asked when the YAML parser already failed (its message is then said at this line), so
 * that a line indented one space off is named rather than the parser's consequence of it.
 */
export function misalignedLine(text: string, lastLine: number): MisalignedLine | null {
  const lines = text.split('\n');
  const levels: number[] = [];
  let scalarIndent: number | null = null;
  let flowDepth = 0;
  // Whether the last line opened a level below it (a key ending in `:`, a `-` alone).
  let opened = true;
  // The quote a quoted scalar left open on an earlier line, or null.
  let quoted: string | null = null;
  let offset = 0;
  for (let i = 0; i < lines.length && i < lastLine; i++) {
    const raw = (lines[i] ?? '').replace(/\r$/, '');
    const start = offset;
    offset += (lines[i] ?? '').length + 1;
    const indent = /^ */.exec(raw)?.[0].length ?? 0;
    const content = raw.trim();
    if (scalarIndent !== null) {
      if (content === '' || indent > scalarIndent) continue;
      scalarIndent = null;
    }
    if (quoted !== null) {
      quoted = openQuote(content, quoted);
      continue;
    }
    if (content === '' || content.startsWith('#')) continue;
    if (flowDepth > 0) {
      flowDepth = Math.max(0, flowDepth + bracketBalance(content));
      continue;
    }
    if (raw.charCodeAt(indent) === 9) return null; // a tab: YAML_TAB_INDENT says it
    // Deeper than the level of a line that opened none: the value of the line before goes on
    // (a plain scalar over lines), or the parser says what is wrong; no level either way.
    if (indent > (levels.at(-1) ?? -1) && !opened && levels.length > 0) continue;
    const passed: number[] = [];
    while (levels.length > 0 && (levels.at(-1) ?? 0) > indent) passed.push(levels.pop() ?? 0);
    const top = levels.at(-1) ?? -1;
    // Back out of a level, but not to one of those above: between two of them.
    if (passed.length > 0 && indent !== top)
      return {
        line: i + 1,
        offset: start + indent,
        indent,
        levels: [...passed, ...[...levels].reverse()].slice(0, 3),
      };
    if (indent > top) levels.push(indent);
    // A `- ` item: its content is a level two or more columns in.
    let body = content.replace(/\s+#.*$/, '');
    let at = indent;
    while (body.startsWith('- ') || body === '-') {
      const rest = body.slice(1);
      const gap = rest.length - rest.trimStart().length;
      at += 1 + gap;
      body = rest.trimStart();
      if (body !== '') levels.push(at);
    }
    opened = body === '' || body.endsWith(':');
    if (/:\s*[|>][-+0-9]*$/.test(body) || /^[|>][-+0-9]*$/.test(body)) scalarIndent = levels.at(-1) ?? indent;
    flowDepth = Math.max(0, bracketBalance(body));
    quoted = openQuote(body, null);
  }
  return null;
}

// Opening minus closing brackets of a line, outside quotes and comments.
function bracketBalance(line: string): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quote !== null) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || line.charAt(i - 1) === ' ')) break;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth;
}

// The quote still open at the end of a line (`"` or `'`), given the one open at its start; a
// doubled `''` inside single quotes and `\"` inside double quotes do not close them.
function openQuote(line: string, open: string | null): string | null {
  let quote = open;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quote === null) {
      if (c === '#' && (i === 0 || line.charAt(i - 1) === ' ')) break;
      // A quote opens a scalar only at its start: after a space, `:`, `[`, `{`, `,`, `-` or the line's start.
      if ((c === '"' || c === "'") && (i === 0 || /[\s:[{,-]/.test(line.charAt(i - 1)))) quote = c;
    } else if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && line.charAt(i + 1) === "'") i++;
      else quote = null;
    }
  }
  return quote;
}
