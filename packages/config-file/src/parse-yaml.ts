import { type Bilingual, messageOf, type SourceProblem } from '@scorebook/problems';
import {
  type Document,
  isAlias,
  isScalar,
  LineCounter,
  type Node,
  parseAllDocuments,
  visit,
  type YAMLError,
} from 'yaml';
import { CONFIG_FILE_ERRORS, type YamlSyntaxKind } from './errors.ts';
import { misalignedLine } from './misaligned-line.ts';
import type { ConfigText } from './read-config.ts';

/** A parsed YAML document with what is needed to point at its nodes. */
export interface ParsedYaml {
  source: ConfigText;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain value, or undefined when the document could not be turned into one. */
  value: unknown;
}

/** At most this many aliases (`*name`) in a file: enough for sharing, too few for a bomb. */
export const MAX_ALIASES = 50;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses configuration YAML with the YAML 1.2 core schema, keeping positions. Characters YAML
 * does not allow (NUL and other controls) are refused first, at their line and column. Every YAML error and
 * warning becomes a problem (unknown tags included); duplicate keys (in one pass per mapping, so
 * that a large mapping costs linear time), forbidden keys (`__proto__` …) and too many aliases
 * are refused. The value is only produced from a
 * document without problems, and is never merged into another object.
 */
export function parseConfigYaml(source: ConfigText): {
  parsed: ParsedYaml | null;
  problems: SourceProblem[];
} {
  const controls = controlCharacters(source);
  if (controls.length > 0) return { parsed: null, problems: controls };
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(source.text, {
    lineCounter,
    prettyErrors: false,
    // yaml's own check compares each key with every earlier one (quadratic in a mapping's size):
    // duplicates are found below, in one pass per mapping.
    uniqueKeys: false,
    version: '1.2',
    schema: 'core',
    merge: false,
    strict: true,
    stringKeys: true,
  });
  const problems: SourceProblem[] = [];
  const at = (offset: number, code: string, message: Bilingual, end?: number): SourceProblem => {
    const start = lineCounter.linePos(offset);
    const problem: SourceProblem = {
      file: source.file,
      line: start.line,
      column: start.col,
      path: '',
      code,
      severity: 'error',
      message,
    };
    if (end !== undefined && end > offset) {
      const e = lineCounter.linePos(end);
      problem.endLine = e.line;
      problem.endColumn = e.col;
    }
    return problem;
  };
  const [doc, second] = Array.isArray(docs) ? docs : [docs];
  if (doc === undefined) {
    return {
      parsed: null,
      problems: [
        at(
          0,
          'WRONG_TYPE',
          messageOf(CONFIG_FILE_ERRORS, 'WRONG_TYPE', { expected: 'object', found: 'null' }),
        ),
      ],
    };
  }
  if (second !== undefined) {
    problems.push(
      at(
        second.range[0],
        'YAML_MULTIPLE_DOCUMENTS',
        messageOf(CONFIG_FILE_ERRORS, 'YAML_MULTIPLE_DOCUMENTS'),
      ),
    );
  }
  const duplicates: SourceProblem[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || typeof pair.key.value !== 'string') continue;
        const key = pair.key.value;
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        const [start, end] = pair.key.range ?? [0, 0];
        const message = messageOf(CONFIG_FILE_ERRORS, 'YAML_DUPLICATE_KEY', { key });
        duplicates.push(at(start, 'YAML_DUPLICATE_KEY', message, end));
      }
    },
  });
  problems.push(
    ...withoutCascades([
      ...[...doc.errors, ...doc.warnings].map((error) => yamlProblem(error, at, source.text)),
      ...duplicates,
    ]).map((problem) => misalignedInstead(problem, source.text, at)),
  );

  let aliases = 0;
  visit(doc, {
    Alias(_key, node) {
      aliases++;
      if (aliases === MAX_ALIASES + 1) {
        const offset = node.range?.[0] ?? 0;
        problems.push(
          at(
            offset,
            'YAML_TOO_MANY_ALIASES',
            messageOf(CONFIG_FILE_ERRORS, 'YAML_TOO_MANY_ALIASES', { limit: MAX_ALIASES }),
          ),
        );
      }
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && FORBIDDEN_KEYS.has(pair.key.value)) {
        const range = pair.key.range ?? [0, 0];
        problems.push(
          at(
            range[0],
            'FORBIDDEN_KEY',
            messageOf(CONFIG_FILE_ERRORS, 'FORBIDDEN_KEY', { key: pair.key.value }),
            range[1],
          ),
        );
      }
    },
  });

  if (problems.length > 0) return { parsed: { source, doc, lineCounter, value: undefined }, problems };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch {
    problems.push(
      at(
        0,
        'YAML_TOO_MANY_ALIASES',
        messageOf(CONFIG_FILE_ERRORS, 'YAML_TOO_MANY_ALIASES', { limit: MAX_ALIASES }),
      ),
    );
    return { parsed: { source, doc, lineCounter, value: undefined }, problems };
  }
  return { parsed: { source, doc, lineCounter, value }, problems };
}

/** The node an alias points to, or the node itself. */
export function resolveAlias(doc: Document.Parsed, node: Node | null | undefined): Node | null {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? null;
  return node;
}

function yamlProblem(
  error: YAMLError,
  at: (offset: number, code: string, message: Bilingual, end?: number) => SourceProblem,
  text: string,
): SourceProblem {
  const [start, end] = error.pos;
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return at(start, 'YAML_TAB_INDENT', messageOf(CONFIG_FILE_ERRORS, 'YAML_TAB_INDENT'), end);
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_DIRECTIVE': {
      const tag = /![^\s]*/.exec(text.slice(start, Math.max(end, start + 80)))?.[0] ?? error.message;
      return at(start, 'YAML_CUSTOM_TAG', messageOf(CONFIG_FILE_ERRORS, 'YAML_CUSTOM_TAG', { tag }), end);
    }
    default: {
      const kind = syntaxKind(error);
      // An unclosed [ or { is reported where the parser noticed it (a later line): said at the bracket.
      const bracket =
        kind === 'unclosed_list' || kind === 'unclosed_map'
          ? unclosedBracket(text, start, kind === 'unclosed_list' ? '[' : '{')
          : -1;
      return at(
        bracket >= 0 ? bracket : start,
        'YAML_SYNTAX',
        messageOf(CONFIG_FILE_ERRORS, 'YAML_SYNTAX', {
          yamlCode: error.code,
          detail: firstLine(error.message),
          kind,
        }),
        bracket >= 0 ? bracket + 1 : end,
      );
    }
  }
}

// A syntax error at or just after a line indented to no level above it (one space off, most
// often) is said as that line's indentation, at its first character (`misaligned-line.ts`).
function misalignedInstead(
  problem: SourceProblem,
  text: string,
  at: (offset: number, code: string, message: Bilingual, end?: number) => SourceProblem,
): SourceProblem {
  if (problem.code !== 'YAML_SYNTAX') return problem;
  const line = misalignedLine(text, problem.line + 1);
  if (line === null) return problem;
  const levels = line.levels.map(String).join(', ');
  return at(
    line.offset,
    'YAML_MISALIGNED',
    messageOf(CONFIG_FILE_ERRORS, 'YAML_MISALIGNED', { indent: line.indent, levels }),
    line.offset + 1,
  );
}

// What a syntax error is, from the parser's code and message (yaml 2's wording).
function syntaxKind(error: YAMLError): YamlSyntaxKind {
  switch (error.code) {
    case 'BAD_INDENT':
      return error.message.startsWith('Flow sequence')
        ? 'unclosed_list'
        : error.message.startsWith('Flow map')
          ? 'unclosed_map'
          : 'indent';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'nested';
    case 'MISSING_CHAR':
      return error.message.includes('quote') ? 'quote' : 'other';
    case 'BAD_SCALAR_START':
      return 'reserved';
    default:
      return 'other';
  }
}

// The offset of the last bracket `open` before `before` that no closing bracket after it closes
// (outside quotes, on its line and the lines up to `before`); -1 when there is none.
function unclosedBracket(text: string, before: number, open: '[' | '{'): number {
  const close = open === '[' ? ']' : '}';
  const stack: number[] = [];
  let quote: string | null = null;
  for (let i = 0; i < before && i < text.length; i++) {
    const c = text.charAt(i);
    if (quote !== null) {
      if (c === quote) quote = null;
      else if (c === '\n') quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text.charAt(i - 1)))) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol - 1;
    } else if (c === open) stack.push(i);
    else if (c === close) stack.pop();
  }
  return stack.at(-1) ?? -1;
}

/**
 * A broken structure makes the YAML parser report errors that only follow from the first one.
 * Tabs in indentation are the cause of all that follows them: only they are kept. Otherwise the
 * first syntax error is kept with the problems before it, and later syntax errors are dropped.
 */
function withoutCascades(problems: SourceProblem[]): SourceProblem[] {
  const tabs = problems.filter((p) => p.code === 'YAML_TAB_INDENT');
  if (tabs.length > 0) return tabs;
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
  const first = sorted.findIndex((p) => p.code === 'YAML_SYNTAX');
  if (first < 0) return sorted;
  return sorted.slice(0, first + 1);
}

function firstLine(message: string): string {
  const [first = ''] = message.split('\n');
  return first.replace(/ at line \d+, column \d+:?$/, '');
}

// Characters YAML does not allow in a stream (outside its printable set): C0 controls but tab,
// line feed and carriage return; DEL; C1 controls but NEL; U+FFFE and U+FFFF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/g;

/** A problem for the first control character of each line that has one, at its line and column. */
function controlCharacters(source: ConfigText): SourceProblem[] {
  const problems: SourceProblem[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  let reportedLine = 0;
  for (const match of source.text.matchAll(CONTROL)) {
    for (
      let i = source.text.indexOf('\n', scanned);
      i !== -1 && i < match.index;
      i = source.text.indexOf('\n', i + 1)
    ) {
      line++;
      lineStart = i + 1;
    }
    scanned = match.index;
    if (line === reportedLine) continue;
    reportedLine = line;
    const code = match[0].codePointAt(0) ?? 0;
    const char = `U+${code.toString(16).toUpperCase().padStart(4, '0')}${code === 0 ? ' (NUL)' : ''}`;
    problems.push({
      file: source.file,
      line,
      column: match.index - lineStart + 1,
      path: '',
      code: 'CONTROL_CHARACTER',
      severity: 'error',
      message: messageOf(CONFIG_FILE_ERRORS, 'CONTROL_CHARACTER', { char }),
    });
  }
  return problems;
}
