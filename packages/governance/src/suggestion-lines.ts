import type { Unit } from '@scorebook/contract';
import { roundHalfAway } from '@scorebook/formula';
import type { Policy } from '@scorebook/policy';
import { isMap, isScalar, LineCounter, parseDocument, type Scalar } from 'yaml';

/** A line of a policy file with suggested targets and floors written in, ready to paste over it. */
export interface SuggestionLine {
  /** The policy file, as the policy was loaded from it. */
  file: string;
  /** 1-based line number in the file. */
  line: number;
  scorecard: string;
  metric: string;
  /** The line as the file has it, indentation included. */
  before: string;
  /** The same line with the suggested values in place of the target's and floor's text. */
  after: string;
}

/** A suggested target and floor of one scored item (`suggest-targets`). */
export interface SuggestedItem {
  scorecard: string;
  metric: string;
  unit: Unit;
  suggested: { target: number; floor: number } | null;
}

const SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600 };

/**
 * The lines of a policy version's file to replace so that it has the suggested targets and
 * floors (`docs/history.md`, suggest-targets): for each item with a suggestion, in the order
 * given, the lines holding its `target` and `floor` values, each with only those values' text
 * replaced — the rest of the line (other keys, comments, indentation) is kept. Each value is
 * written in the form the file used for it: a ratio with `%` (as a decimal only when the file
 * wrote a decimal and the value is from 0 to 1), a duration in the file's suffix (`2m`, `90s`,
 * `1.5h`; in seconds with `s` when the value is not a multiple of 0.1 of that unit; a bare number
 * stays bare), anything else as a plain number. An item whose node is not found is left out.
 */
export function suggestionLines(policy: Policy, items: readonly SuggestedItem[]): SuggestionLine[] {
  const text = policy.text;
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, keepSourceTokens: true });
  const lines = text.split('\n');
  const out: SuggestionLine[] = [];
  for (const s of items) {
    if (s.suggested === null) continue;
    const item = policy.scorecards
      .find((c) => c.id === s.scorecard)
      ?.scored.find((i) => i.metric === s.metric);
    const node = item === undefined ? null : doc.getIn(pathOf(item.source.path), true);
    if (!isMap(node)) continue;
    const edits: Array<{ start: number; end: number; text: string }> = [];
    for (const key of ['target', 'floor'] as const) {
      const scalar = node.get(key, true);
      if (!isScalar(scalar) || scalar.range === undefined || scalar.range === null) continue;
      const [start, end] = scalar.range;
      edits.push({ start, end, text: writtenLike(s.suggested[key], s.unit, scalar) });
    }
    const byLine = new Map<number, typeof edits>();
    for (const e of edits) {
      const line = counter.linePos(e.start).line;
      byLine.set(line, [...(byLine.get(line) ?? []), e]);
    }
    for (const [line, onLine] of [...byLine].sort((a, b) => a[0] - b[0])) {
      const before = lines[line - 1] ?? '';
      const lineStart = counter.lineStarts[line - 1] ?? 0;
      let after = before;
      for (const e of [...onLine].sort((a, b) => b.start - a.start))
        after = after.slice(0, e.start - lineStart) + e.text + after.slice(e.end - lineStart);
      out.push({ file: policy.file, line, scorecard: s.scorecard, metric: s.metric, before, after });
    }
  }
  return out;
}

/** A value in the form the file wrote the value it replaces (see {@link suggestionLines}). */
function writtenLike(value: number, unit: Unit, scalar: Scalar): string {
  const written = String(scalar.value).trim();
  if (unit === 'ratio') {
    const bare = typeof scalar.value === 'number';
    return bare && value >= 0 && value <= 1 ? String(value) : `${roundHalfAway(value * 100, 1)}%`;
  }
  if (unit === 'seconds') {
    if (typeof scalar.value === 'number') return String(value);
    const suffix = /([smh])$/.exec(written)?.[1] ?? 's';
    const size = SECONDS[suffix] ?? 1;
    const inUnit = roundHalfAway(value / size, 1);
    return inUnit * size === value ? `${inUnit}${suffix}` : `${value}s`;
  }
  return String(value);
}

/** A dotted JSON path (`scorecards.s.groups[0].scored[1]`) as keys and indexes. */
export function pathOf(path: string): Array<string | number> {
  return path.split('.').flatMap((part) => {
    const [key = '', ...indexes] = part.split('[');
    return [key, ...indexes.map((i) => Number(i.replace(']', '')))];
  });
}
