import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  closest,
  type ParsedYaml,
  parseConfigYaml,
  problemAt,
  readConfigText,
  validateDocument,
} from '@scorebook/config-file';
import { INPUT_TABLES } from '@scorebook/contract';
import { type AgentResult, type Evaluation, evaluate } from '@scorebook/engine';
import { loadPolicyFamily, type Policy, type PolicyFamily } from '@scorebook/policy';
import { type Problem, ScorebookError, type SourceProblem } from '@scorebook/problems';
import { governanceMessage } from './errors.ts';
import validate from './generated/policy-test-validator.js';
import type { AgentExpectation, TestCase, TestFile } from './tests/policy-test-schema.ts';

/** The result of one test case (or of a test file that could not be read: `name` is the file's). */
export interface TestOutcome {
  file: string;
  name: string;
  /** The policy version the case ran with; null when it did not run. */
  version: string | null;
  passed: boolean;
  /** Every failure, at its place in the test file when it has one. */
  failures: Problem[];
}

/** A rule of one policy version, and whether a test of that version exercised it. */
export interface RuleCoverage {
  version: string;
  rule: string;
  covered: boolean;
}

/** What `scorebook test` found. */
export interface PolicyTestReport {
  outcomes: TestOutcome[];
  /** Every rule of every version of the policy, version by version (oldest first). */
  coverage: RuleCoverage[];
}

const TOLERANCE = 1e-9;

/**
 * Runs the policy tests in `<policy dir>/tests/*.yaml` (files in name order). Each file is checked
 * against the policy test JSON Schema first (unknown keys are errors, at file:line:col); a case
 * expecting nothing of an agent fails. Each case evaluates its inline tables (or data folder)
 * for its period — its own, else the file's, else the first month of its target version — with
 * the version in force then, which must be the version it names, if it names one; and checks
 * every expectation. Coverage lists each rule of each version of the policy and whether a case
 * run with that version exercised it: an exclusion that removed a row, a veto that held, an
 * eligibility rule that failed an agent, a scored metric that got a score, an adjustment that was
 * not zero.
 */
export async function runPolicyTests(policyDir: string): Promise<PolicyTestReport> {
  const family = loadPolicyFamily(policyDir);
  const testsDir = join(policyDir, 'tests');
  const files = existsSync(testsDir)
    ? readdirSync(testsDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  const invalid = family.problems.filter((p) => p.severity === 'error');
  if (invalid.length > 0)
    return { outcomes: [policyInvalid(policyDir, invalid, files.length)], coverage: [] };
  const outcomes: TestOutcome[] = [];
  const evaluations: Evaluation[] = [];
  for (const name of files) {
    const file = join(testsDir, name);
    const read = readTestFile(file);
    if (read.parsed === null) {
      outcomes.push({ file, name, version: null, passed: false, failures: read.problems });
      continue;
    }
    const { suite } = read;
    for (const [index, test] of suite.tests.entries()) {
      const outcome = await runCase(file, read.parsed, index, test, suite, policyDir, family);
      outcomes.push(outcome.outcome);
      if (outcome.evaluation) evaluations.push(outcome.evaluation);
    }
  }
  return { outcomes, coverage: coverageOf(family.versions, evaluations) };
}

/**
 * The one outcome of a folder whose versions do not all validate: no case runs (every evaluation
 * would stop on the same problems), and the problems are listed once, at their file:line:col.
 */
function policyInvalid(policyDir: string, problems: SourceProblem[], testFiles: number): TestOutcome {
  const head: Problem = {
    code: 'TEST_POLICY_INVALID',
    severity: 'error',
    message: governanceMessage('TEST_POLICY_INVALID', {
      dir: policyDir,
      problems: problems.length,
      testFiles,
    }),
    file: policyDir,
    line: null,
    column: null,
  };
  return { file: policyDir, name: policyDir, version: null, passed: false, failures: [head, ...problems] };
}

/** Reads a test file: YAML with positions, checked against the schema. */
function readTestFile(
  file: string,
): { parsed: ParsedYaml; suite: TestFile; problems: [] } | { parsed: null; problems: SourceProblem[] } {
  const { text, problems } = readConfigText(file);
  if (text === null) return { parsed: null, problems };
  const { parsed, problems: yamlProblems } = parseConfigYaml(text);
  if (parsed === null || yamlProblems.length > 0) return { parsed: null, problems: yamlProblems };
  const { document, problems: schema } = validateDocument(parsed, validate);
  return document === null ? { parsed: null, problems: schema } : { parsed, suite: document, problems: [] };
}

async function runCase(
  file: string,
  parsed: ParsedYaml,
  index: number,
  test: TestCase,
  suite: TestFile,
  policyDir: string,
  family: PolicyFamily,
): Promise<{ outcome: TestOutcome; evaluation: Evaluation | null }> {
  const at = (path: Array<string | number>, code: string, message: Problem['message']) =>
    problemAt(parsed, ['tests', index, ...path], { code, severity: 'error', message });
  const fail = (failures: Problem[], version: string | null = null) => ({
    outcome: { file, name: test.name, version, passed: false, failures },
    evaluation: null,
  });
  const empty = test.expect.findIndex((e) => Object.keys(e).length < 2);
  if (empty >= 0)
    return fail([
      at(
        ['expect', empty],
        'TEST_NO_EXPECTATION',
        governanceMessage('TEST_NO_EXPECTATION', { name: test.name }),
      ),
    ]);
  const version = test.version ?? suite.version;
  const target = version === undefined ? null : (family.versions.find((v) => v.version === version) ?? null);
  if (version !== undefined && target === null)
    return fail([
      at(
        test.version !== undefined ? ['version'] : [],
        'TEST_UNKNOWN_VERSION',
        governanceMessage('TEST_UNKNOWN_VERSION', {
          version,
          known: family.versions.map((v) => v.version).join(', ') || '—',
        }),
      ),
    ]);
  const period = String(test.period ?? suite.period ?? (target ? firstMonthOf(target.effective_from) : ''));
  if (period === '') return fail([at([], 'TEST_NO_PERIOD', governanceMessage('TEST_NO_PERIOD'))]);

  const scratch = mkdtempSync(join(tmpdir(), 'scorebook-policy-test-'));
  try {
    const dataDir =
      typeof test.data === 'string'
        ? resolve(dirname(file), test.data)
        : writeInlineData(join(scratch, 'data'), test.data);
    let evaluation: Evaluation;
    try {
      evaluation = await evaluate({
        policiesDir: policyDir,
        dataDir,
        period,
        maxRejected: { kind: 'rows', value: 0 },
        appealsDir: test.appeals === undefined ? null : resolve(dirname(file), test.appeals),
        // A case gives only the tables it is about: the others are absent, their metrics without data.
        allowMissing: INPUT_TABLES,
      });
    } catch (error) {
      if (!(error instanceof ScorebookError)) throw error;
      const detail = error.problems.map((p) => `${p.code}: ${p.message.en}`).join('; ');
      return fail([at(['data'], 'TEST_RUN_FAILED', governanceMessage('TEST_RUN_FAILED', { detail }))]);
    }
    const ran = evaluation.policy.version;
    if (target !== null && ran !== target.version)
      return fail(
        [
          at(
            test.version !== undefined ? ['version'] : [],
            'TEST_VERSION_NOT_IN_FORCE',
            governanceMessage('TEST_VERSION_NOT_IN_FORCE', { version: target.version, period, inForce: ran }),
          ),
        ],
        ran,
      );
    const failures = test.expect.flatMap((want, j) =>
      check(
        want,
        evaluation.results.agents,
        namesOf(evaluation.policy, evaluation.results.agents),
        (field, code, message) => at(['expect', j, ...field], code, message),
      ),
    );
    return {
      outcome: { file, name: test.name, version: ran, passed: failures.length === 0, failures },
      evaluation,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The first month whose first day is on or after a date: the first month a version governs whole. */
function firstMonthOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (d === 1) return `${y}-${String(m).padStart(2, '0')}`;
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
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

type At = (field: string[], code: string, message: Problem['message']) => Problem;

/** The names an expectation may use, by kind: what the policy version that ran defines. */
interface KnownNames {
  metric: readonly string[];
  flag: readonly string[];
  award: readonly string[];
  adjustment: readonly string[];
  veto: readonly string[];
  group: readonly string[];
  exclusion: readonly string[];
}

function namesOf(policy: Policy, agents: readonly AgentResult[]): KnownNames {
  const cards = policy.scorecards;
  return {
    metric: [...new Set(agents.flatMap((a) => Object.keys(a.metrics)))],
    flag: cards.flatMap((c) => c.flags.map((f) => f.id)),
    award: cards.flatMap((c) => c.awards.map((a) => a.id)),
    adjustment: cards.flatMap((c) => c.adjustments.map((a) => a.id)),
    veto: cards.flatMap((c) => c.vetoes.map((v) => v.id)),
    group: cards.flatMap((c) => c.groups.map((g) => g.id)),
    exclusion: policy.exclusions.map((e) => e.id),
  };
}

// An expected name the policy does not define: a typo would otherwise compare null with null.
function unknownNames(want: AgentExpectation, known: KnownNames, at: At): Problem[] {
  const named: Array<[keyof KnownNames, string[], string[]]> = [
    ...(['metrics', 'metric_status', 'scores', 'segment_scores'] as const).flatMap((key) =>
      Object.keys(want[key] ?? {}).map((id): [keyof KnownNames, string[], string[]] => [
        'metric',
        [key, id],
        [id],
      ]),
    ),
    ['flag', ['flags'], [...(want.flags ?? [])]],
    ['award', ['awards'], [...(want.awards ?? [])]],
    ['veto', ['vetoes'], [...(want.vetoes ?? [])]],
    ...Object.keys(want.adjustments ?? {}).map((id): [keyof KnownNames, string[], string[]] => [
      'adjustment',
      ['adjustments', id],
      [id],
    ]),
    ...Object.keys(want.groups ?? {}).map((id): [keyof KnownNames, string[], string[]] => [
      'group',
      ['groups', id],
      [id],
    ]),
    ...Object.keys(want.excluded ?? {}).map((id): [keyof KnownNames, string[], string[]] => [
      'exclusion',
      ['excluded', id],
      [id],
    ]),
  ];
  return named.flatMap(([kind, path, names]) =>
    names
      .filter((name) => !known[kind].includes(name))
      .map((name) => {
        const near = closest(name, known[kind]);
        return at(
          path,
          'TEST_UNKNOWN_NAME',
          governanceMessage('TEST_UNKNOWN_NAME', {
            kind,
            name,
            hint: near,
            known: known[kind].slice(0, 20).join(', ') || '—',
          }),
        );
      }),
  );
}

function check(want: AgentExpectation, agents: readonly AgentResult[], known: KnownNames, at: At): Problem[] {
  const got = agents.find((a) => a.agent_id === want.agent);
  if (got === undefined)
    return [
      at(['agent'], 'TEST_AGENT_MISSING', governanceMessage('TEST_AGENT_MISSING', { agent: want.agent })),
    ];
  const unknown = unknownNames(want, known, at);
  if (unknown.length > 0) return unknown;
  const failures: Problem[] = [];
  const same = (a: unknown, b: unknown) =>
    typeof a === 'number' && typeof b === 'number'
      ? Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b))
      : JSON.stringify(a) === JSON.stringify(b);
  const field = (path: string[], expected: unknown, actual: unknown) => {
    if (expected !== undefined && !same(actual, expected))
      failures.push(
        at(
          path,
          'TEST_EXPECTATION_FAILED',
          governanceMessage('TEST_EXPECTATION_FAILED', {
            agent: want.agent,
            field: path.join('.'),
            expected: JSON.stringify(expected),
            actual: JSON.stringify(actual ?? null),
          }),
        ),
      );
  };
  field(['status'], want.status, got.status);
  field(['grade'], want.grade, got.grade);
  field(['grade_by_score'], want.grade_by_score, got.grade_by_score);
  field(['rank'], want.rank, got.rank);
  field(['base_score'], want.base_score, got.base_score);
  field(['total_score'], want.total_score, got.total_score);
  if (want.vetoes !== undefined) field(['vetoes'], [...want.vetoes].sort(), [...got.vetoes].sort());
  if (want.flags !== undefined) field(['flags'], [...want.flags].sort(), [...(got.flags ?? [])].sort());
  if (want.awards !== undefined)
    field(['awards'], [...want.awards].sort(), (got.awards ?? []).map((a) => a.id).sort());
  for (const key of ['coefficient', 'base', 'bonus', 'total'] as const)
    field(['reward', key], want.reward?.[key], got.reward?.[key] ?? null);
  for (const [id, points] of Object.entries(want.adjustments ?? {}))
    field(['adjustments', id], points, got.adjustments[id]);
  for (const [id, n] of Object.entries(want.excluded ?? {}))
    field(['excluded', id], n, got.excluded[id] ?? 0);
  for (const [id, value] of Object.entries(want.metrics ?? {}))
    field(['metrics', id], value, got.metrics[id]?.value);
  for (const [id, status] of Object.entries(want.metric_status ?? {}))
    field(['metric_status', id], status, got.metrics[id]?.status);
  for (const [id, score] of Object.entries(want.scores ?? {}))
    field(['scores', id], score, got.metrics[id]?.score);
  for (const [id, segments] of Object.entries(want.segment_scores ?? {}))
    for (const [value, score] of Object.entries(segments))
      field(
        ['segment_scores', id, value],
        score,
        got.metrics[id]?.segments?.find((s) => String(s.segment) === value)?.score ?? null,
      );
  for (const [id, subtotal] of Object.entries(want.groups ?? {}))
    field(['groups', id], subtotal, got.groups?.find((g) => g.id === id)?.subtotal);
  return failures;
}

function coverageOf(versions: readonly Policy[], evaluations: readonly Evaluation[]): RuleCoverage[] {
  const coverage: RuleCoverage[] = [];
  for (const policy of versions) {
    const runs = evaluations.filter((e) => e.policy.version === policy.version);
    const agents = runs.flatMap((e) => e.results.agents);
    const add = (rule: string, covered: boolean) => coverage.push({ version: policy.version, rule, covered });
    for (const e of policy.exclusions)
      add(
        `exclusions.${e.id}`,
        runs.some((r) => Object.values(r.results.inputs).some((i) => (i.excluded[e.id] ?? 0) > 0)),
      );
    for (const s of policy.scorecards) {
      const members = agents.filter((a) => a.scorecard === s.id);
      if (s.eligibility)
        add(
          `scorecards.${s.id}.eligibility`,
          members.some((a) => a.reason_code === 'NOT_ELIGIBLE'),
        );
      for (const g of s.groups)
        add(
          `scorecards.${s.id}.groups.${g.id}`,
          members.some((a) => a.groups?.some((r) => r.id === g.id && r.status === 'scored') ?? false),
        );
      for (const item of s.scored) {
        add(
          `scorecards.${s.id}.scored.${item.metric}`,
          members.some((a) => a.metrics[item.metric]?.status === 'scored'),
        );
        for (const [i, g] of (item.segments?.segments ?? []).entries())
          add(
            `scorecards.${s.id}.scored.${item.metric}.segments.${String(g.value)}`,
            members.some((a) => a.metrics[item.metric]?.segments?.[i]?.status === 'scored'),
          );
        if (item.quota)
          add(
            `scorecards.${s.id}.scored.${item.metric}.quota`,
            members.some((a) => a.metrics[item.metric]?.quota?.from === 'targets'),
          );
      }
      for (const a of s.adjustments)
        add(
          `scorecards.${s.id}.adjustments.${a.id}`,
          members.some((m) => (m.adjustments[a.id] ?? 0) !== 0),
        );
      for (const v of s.vetoes)
        add(
          `scorecards.${s.id}.vetoes.${v.id}`,
          members.some((m) => m.vetoes.includes(v.id)),
        );
      for (const f of s.flags)
        add(
          `scorecards.${s.id}.flags.${f.id}`,
          members.some((m) => m.flags?.includes(f.id) ?? false),
        );
      for (const c of s.rewards?.coefficients ?? [])
        add(
          `scorecards.${s.id}.rewards.${c.grade}`,
          members.some((m) => m.grade === c.grade && m.reward?.coefficient != null),
        );
      for (const a of s.awards)
        add(
          `scorecards.${s.id}.awards.${a.id}`,
          members.some((m) => m.awards?.some((w) => w.id === a.id) ?? false),
        );
      for (const rule of s.distribution?.grades ?? [])
        for (const share of ['max_share', 'min_share'] as const)
          if (rule[share] !== null)
            add(
              `scorecards.${s.id}.distribution.${rule.grade}.${share}`,
              members.some(
                (m) => m.distribution?.moves.some((x) => x.rule === share && x.grade === rule.grade) ?? false,
              ),
            );
    }
  }
  return coverage;
}
