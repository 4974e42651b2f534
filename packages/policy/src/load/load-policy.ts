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
import { CheckContext } from '../check/context.ts';
import { checkMeaning } from '../check/meaning-stage.ts';
import { checkSchema } from '../check/schema-stage.ts';
import { POLICY_ERRORS } from '../errors/catalogue.ts';
import type { Policy } from '../model.ts';

/**
 * What a check may know besides the policy: the extra fields a source declares with their types
 * (`fields: { vip: { column: 是否VIP, type: bool } }`), by table. Conditions on them are checked
 * like those on contract fields, without the "extra column?" warning.
 */
export interface PolicyCheckOptions {
  extraFields?: Readonly<Partial<Record<string, Readonly<Record<string, FieldSpec>>>>>;
}

/** A policy version as loaded: the policy when valid, and every problem found. */
export interface LoadedPolicy {
  file: string;
  policy: Policy | null;
  /** The plain value of the YAML when it parsed (for family checks and diffs), else null. */
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
 * The order of work on a policy's text: YAML (control characters first), then the schema and
 * meaning stages together (so that one run reports the problems of both).
 */
function checkPolicySource(source: ConfigText, options: PolicyCheckOptions): LoadedPolicy {
  const { parsed, problems } = parseConfigYaml(source);
  if (parsed === null || problems.length > 0) return failed(source.file, sortProblems(problems));
  const ctx = new CheckContext(parsed, options.extraFields ?? {});
  const schema = checkSchema(parsed);
  const policy = checkMeaning(ctx, schema.document);
  const all = sortProblems([...schema.problems, ...ctx.problems]);
  const raw =
    parsed.value !== null && typeof parsed.value === 'object' && !Array.isArray(parsed.value)
      ? (parsed.value as Record<string, unknown>)
      : null;
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
