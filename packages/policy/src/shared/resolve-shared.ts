import { closest, type ParsedYaml, problemAt } from '@scorebook/config-file';
import { type Bilingual, formatPath, messageOf, type SourceProblem } from '@scorebook/problems';
import { POLICY_ERRORS } from '../errors/catalogue.ts';
import { SHARED_ERRORS, SHARED_NOTES } from './shared-errors.ts';
import { type LoadedShared, loadShared, SHARED_KEY, SHARED_NAME, type SharedSource } from './shared-file.ts';

/** A shared file a policy used, as its provenance records it: the file name and the sha256 of its bytes. */
export interface SharedUse {
  file: string;
  sha256: string;
}

/** A policy's value with its references replaced, and what that took. */
export interface ResolvedShared {
  /** The value with every resolvable reference replaced by a copy of its definition. */
  value: unknown;
  /** The shared files used, by file name; empty when the policy references none. */
  used: SharedUse[];
  problems: SourceProblem[];
  /** Paths (as `formatPath` writes them) of references left in place because they failed. */
  unresolved: string[];
  /** The references replaced, to place a problem found inside a copied definition in its file. */
  resolved: ResolvedReference[];
}

/** A reference replaced by a definition: where it is in the policy and where it came from. */
export interface ResolvedReference {
  /** The reference's path in the policy's value. */
  path: ReadonlyArray<string | number>;
  /** `<file>/<name>`, as written. */
  ref: string;
  /** The shared file, parsed. */
  shared: ParsedYaml;
  name: string;
}

/**
 * Replaces each `{ $shared: <file>/<name> }` mapping of a policy's value by a deep copy of the
 * definition `<name>` of `<file>.yaml` in `source` (docs/shared.md). The result of a definition
 * is not searched again (shared files hold no references). Problems, at the reference: a file of
 * format 1 (`NEEDS_FORMAT_2`, the reference is still resolved), another key beside `$shared` or a
 * value not `<file>/<name>` (`SHARED_REFERENCE_SHAPE`), an unknown file or name (with the nearest
 * one), a shared file with errors (`SHARED_FILE_INVALID`, once per reference).
 */
export function resolveShared(parsed: ParsedYaml, source: SharedSource, format: 1 | 2): ResolvedShared {
  const problems: SourceProblem[] = [];
  const unresolved: string[] = [];
  const resolved: ResolvedReference[] = [];
  const files = new Map<string, LoadedShared | null>();
  const report = (path: Array<string | number>, code: string, message: Bilingual) =>
    problems.push(problemAt(parsed, path, { code, severity: 'error', message }, 'key'));
  const fileOf = (name: string) => {
    if (!files.has(name)) files.set(name, loadShared(source, name));
    return files.get(name) ?? null;
  };
  const resolve = (value: Record<string, unknown>, path: Array<string | number>): unknown => {
    const at = [...path, SHARED_KEY];
    const keep = () => {
      unresolved.push(formatPath(path));
      return value;
    };
    if (format !== 2)
      report(
        at,
        'NEEDS_FORMAT_2',
        messageOf(POLICY_ERRORS, 'NEEDS_FORMAT_2', {
          feature: '共用定义($shared)',
          featureEn: 'A shared definition ($shared)',
        }),
      );
    const ref = value[SHARED_KEY];
    const parts = typeof ref === 'string' ? ref.split('/') : [];
    const [file, name] = parts;
    const extra = Object.keys(value).filter((k) => k !== SHARED_KEY);
    if (
      extra.length > 0 ||
      parts.length !== 2 ||
      file === undefined ||
      name === undefined ||
      !SHARED_NAME.test(file)
    ) {
      const found = extra.length > 0 ? extra.join(', ') : JSON.stringify(ref);
      report(at, 'SHARED_REFERENCE_SHAPE', messageOf(SHARED_ERRORS, 'SHARED_REFERENCE_SHAPE', { found }));
      return keep();
    }
    const loaded = fileOf(file);
    if (loaded === null) {
      const suggestion = closest(file, source.names()) ?? '';
      report(
        at,
        'SHARED_UNKNOWN_FILE',
        messageOf(SHARED_ERRORS, 'SHARED_UNKNOWN_FILE', { file, dir: source.dir, suggestion }),
      );
      return keep();
    }
    if (loaded.definitions === null) {
      const count = loaded.problems.filter((p) => p.severity === 'error').length;
      report(
        at,
        'SHARED_FILE_INVALID',
        messageOf(SHARED_ERRORS, 'SHARED_FILE_INVALID', { file: loaded.file, count }),
      );
      return keep();
    }
    if (!loaded.definitions.has(name)) {
      const names = [...loaded.definitions.keys()];
      report(
        at,
        'SHARED_UNKNOWN_NAME',
        messageOf(SHARED_ERRORS, 'SHARED_UNKNOWN_NAME', {
          name,
          file,
          suggestion: closest(name, names) ?? '',
          defined: names.join(', '),
        }),
      );
      return keep();
    }
    if (loaded.parsed !== null) resolved.push({ path, ref: `${file}/${name}`, shared: loaded.parsed, name });
    return structuredClone(loaded.definitions.get(name));
  };
  const walk = (value: unknown, path: Array<string | number>): unknown => {
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, i]));
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    if (Object.hasOwn(record, SHARED_KEY)) return resolve(record, path);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, walk(v, [...path, k])]));
  };
  const value = walk(parsed.value, []);
  const used = [...files.values()]
    .flatMap((f) =>
      f?.definitions != null && f.sha256 !== null ? [{ file: `${f.name}.yaml`, sha256: f.sha256 }] : [],
    )
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    value: problems.length === 0 && used.length === 0 ? parsed.value : value,
    used,
    problems,
    unresolved,
    resolved,
  };
}

/**
 * A problem the checks found inside a copied definition, with the definition's own place added to
 * its message (`configs/shared/x.yaml:11:27`, docs/shared.md): the problem stays at the reference
 * in the policy, where the resolved value's path points, and also names the line to edit.
 */
export function placeInShared(problem: SourceProblem, resolved: readonly ResolvedReference[]): SourceProblem {
  const steps = pathSteps(problem.path);
  const reference = resolved.find(
    (r) => r.path.length <= steps.length && r.path.every((step, i) => String(step) === String(steps[i])),
  );
  if (reference === undefined) return problem;
  const inner = [DEFINITIONS, reference.name, ...steps.slice(reference.path.length)];
  const at = problemAt(reference.shared, inner, {
    code: problem.code,
    severity: problem.severity,
    message: problem.message,
  });
  const place = `${at.file}:${at.line}:${at.column}`;
  const note = messageOf(SHARED_NOTES, 'DEFINITION_PLACE', { ref: reference.ref, place });
  return {
    ...problem,
    message: { zh: `${problem.message.zh}${note.zh}`, en: `${problem.message.en}${note.en}` },
  };
}

const DEFINITIONS = 'definitions';

// `a.b[2].c` → ['a', 'b', 2, 'c'] (the inverse of formatPath for keys without dots or brackets).
function pathSteps(path: string): Array<string | number> {
  const steps: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    steps.push(m[2] === undefined ? (m[1] ?? '') : Number(m[2]));
  return steps;
}

/** True when a problem's path is a reference left in place, or inside one. */
export function insideUnresolved(problem: SourceProblem, unresolved: readonly string[]): boolean {
  return unresolved.some(
    (p) =>
      problem.path === p || problem.path.startsWith(`${p}.`) || problem.path.startsWith(`${p}[`) || p === '',
  );
}
