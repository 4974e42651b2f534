import {
  type ConfigText,
  configTextFromBytes,
  type ParsedYaml,
  parseConfigYaml,
  readConfigText,
} from '@scorebook/config-file';
import { type SourceProblem, sortProblems } from '@scorebook/problems';
import { CheckContext } from './check/context.ts';
import { checkMeaning } from './check/meaning-stage.ts';
import { checkSchema } from './check/schema-stage.ts';
import type { Policy } from './model.ts';

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

/** Reads, parses and checks one policy file (schema and meaning stages). Never throws for bad input. */
export function loadPolicyFile(file: string): LoadedPolicy {
  const { text, problems } = readConfigText(file);
  if (text === null) return { file, policy: null, raw: null, problems, parsed: null };
  return checkPolicySource(text);
}

/** Checks policy bytes read elsewhere (from git, say), reported under `file`. */
export function loadPolicyBytes(file: string, bytes: Uint8Array): LoadedPolicy {
  const { text, problems } = configTextFromBytes(file, bytes);
  if (text === null) return { file, policy: null, raw: null, problems, parsed: null };
  return checkPolicySource(text);
}

function checkPolicySource(source: ConfigText): LoadedPolicy {
  const { parsed, problems } = parseConfigYaml(source);
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
