import { formatPath, type SourceProblem } from '@scorebook/problems';
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { type ParsedYaml, resolveAlias } from './parse-yaml.ts';

/** Which part of a node a problem points at. */
export type Anchor = 'value' | 'key';

/**
 * Finds the source range of the node at a JSON path. `key` points at the key of the last step
 * when there is one (an unknown key, a duplicate id). When the path goes further than the
 * document (a missing key), the deepest existing node is used.
 */
export function locate(
  parsed: ParsedYaml,
  path: ReadonlyArray<string | number>,
  anchor: Anchor = 'value',
): [number, number] {
  let node: Node | null = resolveAlias(parsed.doc, parsed.doc.contents as Node | null);
  let range: [number, number] = rangeOf(node) ?? [0, 0];
  for (const step of path) {
    if (node === null) break;
    if (isMap(node)) {
      const pair = pairsByKey(node).get(String(step));
      if (pair === undefined) break;
      const keyRange = rangeOf(pair.key as Node);
      node = resolveAlias(parsed.doc, pair.value as Node | null);
      const valueRange = rangeOf(node);
      range =
        (anchor === 'key' && step === path[path.length - 1] ? keyRange : valueRange) ?? keyRange ?? range;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step] as Node | undefined;
      if (item === undefined) break;
      node = resolveAlias(parsed.doc, item);
      range = rangeOf(node) ?? range;
    } else {
      break;
    }
  }
  return range;
}

/** The key of the node at a path (for a problem about a whole mapping, e.g. a missing key). */
export function locateKeyOf(parsed: ParsedYaml, path: ReadonlyArray<string | number>): [number, number] {
  const last = path.at(-1);
  if (last === undefined || typeof last === 'number') return locate(parsed, path);
  return locate(parsed, path, 'key');
}

/** A problem at a path of a parsed file. */
export function problemAt(
  parsed: ParsedYaml,
  path: ReadonlyArray<string | number>,
  fields: Pick<SourceProblem, 'code' | 'severity' | 'message'>,
  anchor: Anchor = 'value',
): SourceProblem {
  const [start, end] = anchor === 'key' ? locateKeyOf(parsed, path) : locate(parsed, path);
  const s = parsed.lineCounter.linePos(start);
  const problem: SourceProblem = {
    file: parsed.source.file,
    line: s.line,
    column: s.col,
    path: formatPath(path),
    ...fields,
  };
  if (end > start) {
    const e = parsed.lineCounter.linePos(end);
    problem.endLine = e.line;
    problem.endColumn = e.col;
  }
  return problem;
}

// Each mapping's pairs by key, built once, so that locating every problem of a large mapping
// costs linear time instead of a scan of its items per problem. The first pair of a key wins.
const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let index = indexes.get(map);
  if (index === undefined) {
    index = new Map();
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (!index.has(key)) index.set(key, pair as Pair);
    }
    indexes.set(map, index);
  }
  return index;
}

function rangeOf(node: Node | null | undefined): [number, number] | null {
  if (node === null || node === undefined || node.range === undefined || node.range === null) return null;
  return [node.range[0], node.range[1]];
}
