import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative } from 'node:path';
import {
  type ConfigText,
  configTextFromBytes,
  type ParsedYaml,
  parseConfigYaml,
  readConfigText,
} from '@scorebook/config-file';
import type { FieldSpec } from '@scorebook/contract';
import { messageOf, type SourceProblem, sortProblems } from '@scorebook/problems';
import { CheckContext, isRecord } from '../check/context.ts';
import type { SourceValueMaps } from '../check/mapped-values-check.ts';
import { checkMeaning } from '../check/meaning-stage.ts';
import { checkSchema } from '../check/schema-stage.ts';
import { POLICY_ERRORS } from '../errors/catalogue.ts';
import type { Policy } from '../model.ts';
import { insideUnresolved, placeInShared, resolveShared } from '../shared/resolve-shared.ts';
import { type SharedSource, sharedFolder, sharedFolderOf } from '../shared/shared-file.ts';

/**
 * What a check may know besides the policy: the extra fields a source declares with their types
 * (`fields: { vip: { column: 是否VIP, type: bool } }`), by table. Conditions on them are checked
 * like those on contract fields, without the "extra column?" warning.
 */
export interface PolicyCheckOptions {
  extraFields?: Readonly<Partial<Record<string, Readonly<Record<string, FieldSpec>>>>>;
  /**
   * The fields of each custom table the data's source declares (`docs/custom-tables.md`), when
   * a source is known: a metric on a custom table is then checked against them, and one on an
   * undeclared custom table is an error. Without it, custom tables are accepted unchecked.
   */
  customTables?: Readonly<Record<string, Readonly<Record<string, FieldSpec>>>>;
  /**
   * Where `$shared` references are read from (docs/shared.md); by default the `shared` folder
   * beside the folder of policy folders (`configs/shared` for `configs/policies/<id>/<v>.yaml`).
   */
  shared?: SharedSource;
  /**
   * The value maps of the data's source (`fields.<field>.map`), by table and field: a condition
   * on a mapped field that compares it with a value the field cannot hold once read (a key of the
   * map, or neither key nor value) is an error (`CONDITION_RAW_VALUE`, `CONDITION_VALUE_NOT_MAPPED`).
   */
  valueMaps?: SourceValueMaps;
}

/** A policy version as loaded: the policy when valid, and every problem found. */
export interface LoadedPolicy {
  file: string;
  policy: Policy | null;
  /**
   * The plain value of the YAML when it parsed (for family checks and diffs), its `$shared`
   * references replaced by their definitions, else null.
   */
  raw: Record<string, unknown> | null;
  problems: SourceProblem[];
  /** The parsed YAML, to point at its nodes; null when it did not parse. */
  parsed: ParsedYaml | null;
}

/**
 * Reads, parses and checks one policy file (schema and meaning stages). A symbolic link is read
 * only when it resolves inside the file's own folder; one that leads out of it is refused with
 * a problem reported on the folder, so that nothing shows a line of the file it points to.
 * Never throws for bad input.
 */
export function loadPolicyFile(file: string, options: PolicyCheckOptions = {}): LoadedPolicy {
  const outside = symlinkOutside(file);
  if (outside !== null) return failed(file, [outside]);
  const { text, problems } = readConfigText(file);
  if (text === null) return failed(file, problems);
  return checkPolicySource(text, options);
}

/** Checks policy bytes read elsewhere (from git, say), reported under `file`. */
export function loadPolicyBytes(
  file: string,
  bytes: Uint8Array,
  options: PolicyCheckOptions = {},
): LoadedPolicy {
  const { text, problems } = configTextFromBytes(file, bytes);
  if (text === null) return failed(file, problems);
  return checkPolicySource(text, options);
}

/**
 * The order of work on a policy's text: YAML (control characters first), then `$shared`
 * references are replaced by their definitions, then the schema and meaning stages together on
 * the result (so that one run reports the problems of all three).
 */
function checkPolicySource(source: ConfigText, options: PolicyCheckOptions): LoadedPolicy {
  const { parsed, problems } = parseConfigYaml(source);
  if (parsed === null || problems.length > 0) return failed(source.file, sortProblems(problems));
  const format = isRecord(parsed.value) && parsed.value.scorebook === 2 ? 2 : 1;
  const shared = resolveShared(parsed, options.shared ?? sharedFolder(sharedFolderOf(source.file)), format);
  const resolved: ParsedYaml = { ...parsed, value: shared.value };
  const ctx = new CheckContext(
    resolved,
    options.extraFields ?? {},
    options.customTables ?? null,
    options.valueMaps ?? {},
  );
  const schema = checkSchema(resolved);
  const policy = checkMeaning(ctx, schema.document);
  // A reference left in place is reported once, not again by the checks that cannot read it.
  const checked = [...schema.problems, ...ctx.problems]
    .filter((p) => !insideUnresolved(p, shared.unresolved))
    .map((p) => placeInShared(p, shared.resolved));
  const all = sortProblems([...shared.problems, ...checked]);
  const raw = isRecord(shared.value) ? shared.value : null;
  if (policy !== null && shared.used.length > 0) policy.shared = shared.used;
  return {
    file: source.file,
    policy: all.some((p) => p.severity === 'error') ? null : policy,
    raw,
    problems: all,
    parsed,
  };
}

function failed(file: string, problems: SourceProblem[]): LoadedPolicy {
  return { file, policy: null, raw: null, problems, parsed: null };
}

/** The problem of a symbolic link that resolves outside its folder, or null. */
function symlinkOutside(file: string): SourceProblem | null {
  let real: string;
  let folder: string;
  try {
    if (!lstatSync(file).isSymbolicLink()) return null;
    real = realpathSync(file);
    folder = realpathSync(dirname(file));
  } catch {
    // A dangling link or an unreadable folder: reading the file reports it.
    return null;
  }
  const inside = relative(folder, real);
  if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) return null;
  const at = dirname(file);
  return {
    file: at,
    line: 1,
    column: 1,
    path: '',
    code: 'POLICY_SYMLINK_OUTSIDE',
    severity: 'error',
    message: messageOf(POLICY_ERRORS, 'POLICY_SYMLINK_OUTSIDE', { file: basename(file), folder: at }),
  };
}
