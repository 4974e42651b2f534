import { CheckContext } from './check/context.ts';
import { checkMeaning } from './check/meaning-stage.ts';
import { checkSchema } from './check/schema-stage.ts';
import type { Problem } from './errors/problem.ts';
import { sortProblems } from './errors/problem.ts';
import { type ParsedYaml, parsePolicyYaml } from './load/parse-yaml.ts';
import { type PolicySource, policySourceFromBytes, readPolicySource } from './load/source.ts';
import type { Policy } from './model.ts';

/** A policy version as loaded: the policy when valid, and every problem found. */
export interface LoadedPolicy {
  file: string;
  policy: Policy | null;
  /** The plain value of the YAML when it parsed (for family checks and diffs), else null. */
  raw: Record<string, unknown> | null;
  problems: Problem[];
  /** The parsed YAML, to point at its nodes; null when it did not parse. */
  parsed: ParsedYaml | null;
}

/** Reads, parses and checks one policy file (schema and meaning stages). Never throws for bad input. */
export function loadPolicyFile(file: string): LoadedPolicy {
  const { source, problems } = readPolicySource(file);
  if (source === null) return { file, policy: null, raw: null, problems, parsed: null };
  return checkPolicySource(source);
}

/** Checks policy bytes read elsewhere (from git, say), reported under `file`. */
export function loadPolicyBytes(file: string, bytes: Uint8Array): LoadedPolicy {
  const { source, problems } = policySourceFromBytes(file, bytes);
  if (source === null) return { file, policy: null, raw: null, problems, parsed: null };
  return checkPolicySource(source);
}

function checkPolicySource(source: PolicySource): LoadedPolicy {
  const { parsed, problems } = parsePolicyYaml(source);
  if (parsed === null || problems.length > 0)
    return { file: source.file, policy: null, raw: null, problems: sortProblems(problems), parsed: null };
  const ctx = new CheckContext(parsed);
  const schemaProblems = checkSchema(parsed);
  const policy = checkMeaning(ctx);
  const all = sortProblems([...schemaProblems, ...ctx.problems]);
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
