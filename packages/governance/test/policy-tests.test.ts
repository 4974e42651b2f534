import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatPlace } from '@scorebook/problems';
import { beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_FILES } from '../scripts/generated-files.ts';
import { runPolicyTests } from '../src/index.ts';
import { makeRepo, POLICY } from './repo.ts';

let policyDir: string;
let tests: string;
const goldenCase = (expect: string, extra = '') => `period: 2026-10
tests:
  - name: golden data${extra}
    data: ../../../../data/sample
    expect:
${expect}`;

/** Runs the tests of one file written for the occasion. */
async function run(name: string, text: string) {
  writeFileSync(join(tests, name), text);
  const report = await runPolicyTests(policyDir);
  return { report, outcome: report.outcomes.find((o) => o.file === join(tests, name))! };
}

beforeAll(() => {
  const repo = makeRepo();
  policyDir = join(repo, 'configs/policies/ecommerce-cs');
  tests = join(policyDir, 'tests');
  mkdirSync(tests);
  const v11 = readFileSync(join(repo, POLICY), 'utf8')
    .replace('effective_from: 2026-10-01', 'effective_from: 2026-11-01')
    .replace('"2026.10"', '"2026.11"')
    .replaceAll('  - id: red-line', '  - id: red-line-11');
  writeFileSync(join(policyDir, '2026-11-01.yaml'), v11);
});

describe('policy tests', () => {
  it('report failures at their place in the test file', async () => {
    const { outcome } = await run(
      'a-golden.yaml',
      goldenCase(
        '      - { agent: a002, grade: D, vetoes: [red-line] }\n      - { agent: a001, grade: A }\n',
      ),
    );
    expect(outcome).toMatchObject({ name: 'golden data', version: '2026.10', passed: false });
    expect(outcome.failures.map((f) => [formatPlace(f), f.code, f.message.en])).toEqual([
      [
        `${join(tests, 'a-golden.yaml')}:7:31`,
        'TEST_EXPECTATION_FAILED',
        'a001 grade: expected "A", got "C"',
      ],
    ]);
  });

  it('refuse typo keys with file:line:col, from the schema', async () => {
    const { outcome } = await run(
      'b-typos.yaml',
      `period: 2026-10
tests:
  - name: typos
    data: ../../../../data/sample
    expects: []
    expect:
      - { agent: a001, grdae: S, staus: rated }
`,
    );
    expect(outcome.passed).toBe(false);
    expect(outcome.failures.map((f) => [f.line, f.column, f.code, f.message.en])).toEqual([
      [5, 5, 'UNKNOWN_KEY', 'Unknown key "expects". Did you mean "expect"?'],
      [7, 24, 'UNKNOWN_KEY', 'Unknown key "grdae". Did you mean "grade"?'],
      [7, 34, 'UNKNOWN_KEY', 'Unknown key "staus". Did you mean "status"?'],
    ]);
  });

  it('fail a case that expects nothing', async () => {
    const { outcome } = await run('c-empty.yaml', goldenCase('      - { agent: a001 }\n'));
    expect(outcome.failures.map((f) => [f.line, f.code])).toEqual([[6, 'TEST_NO_EXPECTATION']]);
    const none = await run('c-empty.yaml', goldenCase('      []\n'));
    expect(none.outcome.failures.map((f) => f.code)).toEqual(['EMPTY_VALUE']);
  });

  it('run a case against the version it names, and refuse one not in force', async () => {
    const named = await run(
      'd-version.yaml',
      `version: "2026.11"
tests:
  - name: the November version
    data: ../../../../data/sample
    expect:
      - { agent: a002, grade: C, vetoes: [] }
  - name: a version not in force then
    period: 2026-10
    data: ../../../../data/sample
    expect:
      - { agent: a002, vetoes: [red-line-11] }
  - name: no such version
    version: "2027.01"
    data: ../../../../data/sample
    expect:
      - { agent: a002, status: rated }
`,
    );
    const outcomes = named.report.outcomes.filter((o) => o.file.endsWith('d-version.yaml'));
    expect(outcomes.map((o) => [o.name, o.version, o.passed, o.failures.map((f) => f.code)])).toEqual([
      ['the November version', '2026.11', true, []],
      ['a version not in force then', '2026.10', false, ['TEST_VERSION_NOT_IN_FORCE']],
      ['no such version', null, false, ['TEST_UNKNOWN_VERSION']],
    ]);
    expect(outcomes[2]!.failures[0]!.message.en).toBe(
      'The policy has no version "2027.01". Its versions: 2026.10, 2026.11.',
    );
  });

  it('count coverage per version: a rule of one version is not covered by tests of another', async () => {
    const { report } = await run('e-coverage.yaml', goldenCase('      - { agent: a002, grade: D }\n'));
    const covered = (version: string, rule: string) =>
      report.coverage.find((c) => c.version === version && c.rule === rule)?.covered;
    expect(covered('2026.10', 'scorecards.presale.vetoes.red-line')).toBe(true);
    // The November version's own veto: its only case (in November) does not exercise it, and the
    // October cases, which exercise October's red line, do not count for it.
    expect(covered('2026.11', 'scorecards.presale.vetoes.red-line-11')).toBe(false);
    expect(covered('2026.11', 'exclusions.courtesy-messages')).toBe(true);
    expect(covered('2026.10', 'scorecards.presale.vetoes.red-line-11')).toBeUndefined();
    writeFileSync(join(tests, 'd-version.yaml'), 'tests: []\n');
    const without = await runPolicyTests(policyDir);
    expect(without.coverage.filter((c) => c.version === '2026.11').every((c) => !c.covered)).toBe(true);
  });
});

describe('policy tests of an invalid policy folder', () => {
  it("run no case and list the folder's problems once, at their place", async () => {
    const repo = makeRepo();
    const dir = join(repo, 'configs/policies/ecommerce-cs');
    mkdirSync(join(dir, 'tests'));
    writeFileSync(join(dir, 'tests/a.yaml'), goldenCase('      - { agent: a001, grade: C }\n'));
    writeFileSync(join(dir, 'tests/b.yaml'), goldenCase('      - { agent: a002, grade: D }\n'));
    const broken = readFileSync(join(repo, POLICY), 'utf8')
      .replace('effective_from: 2026-10-01', 'effective_from: 2026-11-01')
      .replace('"2026.10"', '"2026.11"')
      .replace('scorebook: 1', 'scorebook: 1\nsurprise: true');
    writeFileSync(join(dir, '2026-11-01.yaml'), broken);
    const report = await runPolicyTests(dir);
    expect(report.coverage).toEqual([]);
    expect(report.outcomes).toHaveLength(1);
    const [outcome] = report.outcomes;
    expect(outcome?.passed).toBe(false);
    expect(outcome?.failures.map((f) => [f.code, formatPlace(f)])).toEqual([
      ['TEST_POLICY_INVALID', dir],
      ['UNKNOWN_KEY', `${join(dir, '2026-11-01.yaml')}:2:1`],
    ]);
    expect(outcome?.failures[0]?.message.en).toBe(
      `The policy folder ${dir} has 1 problem(s) (below), so none of its 2 test file(s) ran: fix the policy first; scorebook validate ${dir} checks it`,
    );
  });
});

describe('the policy test JSON Schema', () => {
  it('is published as generated (run `npm run schema -w @scorebook/governance` after changing it)', () => {
    for (const { path, text } of GENERATED_FILES) expect(readFileSync(path, 'utf8'), path).toBe(text());
  });

  it('apply the appeals of a case: an appeals folder beside the test file', async () => {
    mkdirSync(join(tests, 'appeals/2026-10'), { recursive: true });
    writeFileSync(
      join(tests, 'appeals/2026-10/ap-1.yaml'),
      `scorebook: 1
kind: appeal
agent: a002
filed_at: 2026-11-02T09:00:00+08:00
disputes: { veto: red-line }
claim: 红线判定有误
decision: { outcome: upheld, decided_by: 李主管, decided_at: 2026-11-03, reason: 复核后不构成红线 }
`,
    );
    const { outcome } = await run(
      'z-appeals.yaml',
      `period: 2026-10
tests:
  - name: the red-line veto voided on appeal
    data: ../../../../data/sample
    appeals: appeals
    expect:
      - { agent: a002, vetoes: [] }
`,
    );
    expect([outcome.passed, outcome.failures]).toEqual([true, []]);
  });
});
