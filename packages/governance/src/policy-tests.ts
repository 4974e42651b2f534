import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { INPUT_TABLES } from '@scorebook/contract';
import { type AgentResult, type Evaluation, EvaluationError, evaluate } from '@scorebook/engine';
import type { Policy } from '@scorebook/policy';
import { parse } from 'yaml';

/** What a test expects of one agent; every key is optional. */
export interface AgentExpectation {
  agent: string;
  status?: 'rated' | 'not_rated';
  grade?: string | null;
  rank?: number | null;
  vetoes?: string[];
  adjustments?: Record<string, number>;
  excluded?: Record<string, number>;
  metrics?: Record<string, number | null>;
  metric_status?: Record<string, string>;
  base_score?: number | null;
  total_score?: number | null;
}

/** The result of one test case. */
export interface TestOutcome {
  file: string;
  name: string;
  passed: boolean;
  failures: string[];
}

/** A rule of the policy, and whether a test exercised it. */
export interface RuleCoverage {
  rule: string;
  covered: boolean;
}

/** What `scorebook test` found. */
export interface PolicyTestReport {
  outcomes: TestOutcome[];
  coverage: RuleCoverage[];
}

interface TestCase {
  name: string;
  period?: string;
  data: string | Record<string, string | Array<Record<string, unknown>>>;
  expect: AgentExpectation[];
}

const TOLERANCE = 1e-9;

/**
 * Runs the policy tests in `<policy dir>/tests/*.yaml`: each case evaluates small inline data (or
 * a data folder) with the policy version in force for its period and checks what it expects of
 * agents. Reports every failure and which rules of the tested versions no case exercised
 * (exclusions that removed nothing, vetoes that never held, eligibility never failed, scored
 * metrics never scored, adjustments never non-zero).
 */
export async function runPolicyTests(policyDir: string): Promise<PolicyTestReport> {
  const testsDir = join(policyDir, 'tests');
  const files = existsSync(testsDir)
    ? readdirSync(testsDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  const outcomes: TestOutcome[] = [];
  const tested = new Map<string, Policy>();
  const evaluations: Evaluation[] = [];
  for (const name of files) {
    const file = join(testsDir, name);
    let suite: { period?: string; tests?: TestCase[] };
    try {
      suite = parse(readFileSync(file, 'utf8')) as typeof suite;
    } catch (error) {
      outcomes.push({
        file,
        name: basename(file),
        passed: false,
        failures: [`YAML: ${(error as Error).message.split('\n')[0]}`],
      });
      continue;
    }
    if (!Array.isArray(suite?.tests)) {
      outcomes.push({
        file,
        name: basename(file),
        passed: false,
        failures: ['the file needs a `tests:` list'],
      });
      continue;
    }
    for (const test of suite.tests) {
      const outcome = await runCase(file, test, suite.period, policyDir);
      outcomes.push(outcome.outcome);
      if (outcome.evaluation) {
        evaluations.push(outcome.evaluation);
        tested.set(outcome.evaluation.policy.version, outcome.evaluation.policy);
      }
    }
  }
  return { outcomes, coverage: coverageOf([...tested.values()], evaluations) };
}

async function runCase(
  file: string,
  test: TestCase,
  period: string | undefined,
  policyDir: string,
): Promise<{ outcome: TestOutcome; evaluation: Evaluation | null }> {
  const name = String(test?.name ?? '(unnamed)');
  const failures: string[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'scorebook-policy-test-'));
  try {
    const dataDir =
      typeof test.data === 'string'
        ? resolve(dirname(file), test.data)
        : writeInlineData(join(scratch, 'data'), test.data ?? {});
    const evaluation = await evaluate({
      policiesDir: policyDir,
      dataDir,
      period: String(test.period ?? period ?? ''),
      maxRejected: { kind: 'rows', value: 0 },
      // A case gives only the tables it is about: the others are absent, their metrics without data.
      allowMissing: INPUT_TABLES,
    });
    for (const expectation of test.expect ?? [])
      failures.push(...check(expectation, evaluation.results.agents));
    return { outcome: { file, name, passed: failures.length === 0, failures }, evaluation };
  } catch (error) {
    const message =
      error instanceof EvaluationError
        ? error.problems.map((p) => `${p.code}: ${p.message.en}`).join('; ')
        : (error as Error).message;
    return { outcome: { file, name, passed: false, failures: [message] }, evaluation: null };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function writeInlineData(
  dir: string,
  tables: Record<string, string | Array<Record<string, unknown>>>,
): string {
  mkdirSync(dir, { recursive: true });
  for (const [table, content] of Object.entries(tables)) {
    if (typeof content === 'string')
      writeFileSync(join(dir, `${table}.csv`), content.endsWith('\n') ? content : `${content}\n`);
    else
      writeFileSync(join(dir, `${table}.jsonl`), `${content.map((row) => JSON.stringify(row)).join('\n')}\n`);
  }
  return dir;
}

function check(want: AgentExpectation, agents: readonly AgentResult[]): string[] {
  const got = agents.find((a) => a.agent_id === want.agent);
  if (got === undefined) return [`agent ${want.agent} is not in the results`];
  const failures: string[] = [];
  const same = (a: unknown, b: unknown) =>
    typeof a === 'number' && typeof b === 'number'
      ? Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b))
      : JSON.stringify(a) === JSON.stringify(b);
  const field = (label: string, expected: unknown, actual: unknown) => {
    if (expected !== undefined && !same(actual, expected))
      failures.push(
        `${want.agent} ${label}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
      );
  };
  field('status', want.status, got.status);
  field('grade', want.grade, got.grade);
  field('rank', want.rank, got.rank);
  field('base_score', want.base_score, got.base_score);
  field('total_score', want.total_score, got.total_score);
  if (want.vetoes !== undefined) field('vetoes', [...want.vetoes].sort(), [...got.vetoes].sort());
  for (const [id, points] of Object.entries(want.adjustments ?? {}))
    field(`adjustments.${id}`, points, got.adjustments[id]);
  for (const [id, n] of Object.entries(want.excluded ?? {}))
    field(`excluded.${id}`, n, got.excluded[id] ?? 0);
  for (const [id, value] of Object.entries(want.metrics ?? {}))
    field(`metrics.${id}`, value, got.metrics[id]?.value);
  for (const [id, status] of Object.entries(want.metric_status ?? {}))
    field(`metrics.${id}.status`, status, got.metrics[id]?.status);
  return failures;
}

function coverageOf(policies: readonly Policy[], evaluations: readonly Evaluation[]): RuleCoverage[] {
  const agents = evaluations.flatMap((e) => e.results.agents);
  const excluded = (id: string) =>
    evaluations.some((e) => Object.values(e.results.inputs).some((i) => (i.excluded[id] ?? 0) > 0));
  const rules = new Map<string, boolean>();
  for (const policy of policies) {
    for (const e of policy.exclusions)
      rules.set(`exclusions.${e.id}`, (rules.get(`exclusions.${e.id}`) ?? false) || excluded(e.id));
    for (const s of policy.scorecards) {
      const members = agents.filter((a) => a.scorecard === s.id);
      const mark = (rule: string, covered: boolean) => rules.set(rule, (rules.get(rule) ?? false) || covered);
      if (s.eligibility)
        mark(
          `scorecards.${s.id}.eligibility`,
          members.some((a) => a.reason_code === 'NOT_ELIGIBLE'),
        );
      for (const item of s.scored)
        mark(
          `scorecards.${s.id}.scored.${item.metric}`,
          members.some((a) => a.metrics[item.metric]?.status === 'scored'),
        );
      for (const a of s.adjustments)
        mark(
          `scorecards.${s.id}.adjustments.${a.id}`,
          members.some((m) => (m.adjustments[a.id] ?? 0) !== 0),
        );
      for (const v of s.vetoes)
        mark(
          `scorecards.${s.id}.vetoes.${v.id}`,
          members.some((m) => m.vetoes.includes(v.id)),
        );
    }
  }
  return [...rules.entries()].map(([rule, covered]) => ({ rule, covered }));
}
