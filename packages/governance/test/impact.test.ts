import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { policyImpact, renderImpact } from '../src/index.ts';
import { git, makeRepo, POLICY, publish, stopOf } from './repo.ts';

let repo: string;
let original: string;
const dir = 'configs/policies/ecommerce-cs';

/** The golden policy with response time weighing much more: a001 falls from C to D. */
const heavier = (text: string) =>
  text
    .replace(
      '{ metric: csat_rate, weight: 20, target: 90%, floor: 70%, min_sample: 10 }',
      '{ metric: csat_rate, weight: 5, target: 90%, floor: 70%, min_sample: 10 }',
    )
    .replace(
      '{ metric: fcr, weight: 20, target: 85%, floor: 60% }',
      '{ metric: fcr, weight: 5, target: 85%, floor: 60% }',
    )
    .replace(
      '{ metric: first_response_time, weight: 15, target: 20s, floor: 60s }',
      '{ metric: first_response_time, weight: 45, target: 20s, floor: 60s }',
    );

const impact = () =>
  policyImpact({ baseRef: 'main', policiesDir: dir, resultsRoot: 'data/results', cwd: repo });

beforeAll(async () => {
  repo = makeRepo();
  await publish(repo, '2026-10');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'publish 2026-10');
  original = readFileSync(join(repo, POLICY), 'utf8');
});

describe('impact of a policy change on the last closed period', () => {
  it('an edit of the version in force: whose grade, score and rank move', async () => {
    writeFileSync(join(repo, POLICY), heavier(original));
    const report = await impact();
    writeFileSync(join(repo, POLICY), original);
    expect(report.period).toBe('2026-10');
    expect(report.versions.map((v) => [v.change, v.file, v.before?.from, v.after?.from])).toEqual([
      ['edited', '2026-10-01.yaml', 'base', 'working tree'],
    ]);
    expect([report.governed_by, report.other_policy, report.versions[0]!.not_in_force]).toEqual([
      { id: 'ecommerce-cs', version: '2026.10', file: POLICY },
      false,
      [],
    ]);
    expect(renderImpact(report, 'en', 'text').split('\n')[2]).toBe(
      `2026-10 was published under ecommerce-cs 2026.10 (${POLICY}).`,
    );
    const [v] = report.versions;
    expect(v!.weights.map((c) => [c.subject, c.before, c.after])).toEqual([
      ['first_response_time', 15, 45],
      ['csat_rate', 20, 5],
      ['fcr', 20, 5],
    ]);
    expect(v!.grades.map((g) => [g.agent_id, g.from, g.to])).toEqual([['a001', 'C', 'D']]);
    expect(v!.scores.length).toBeGreaterThan(0);
    expect(renderImpact(report, 'zh', 'markdown')).toContain('| 徐静 (a001) | aftersale | C → D |');
    expect(renderImpact(report, 'en', 'text')).toContain('Agents whose grade changes (1)');
    // Text tables have their heading row; the total's own table shows it once.
    const text = renderImpact(report, 'zh', 'text').split('\n');
    const grades = text.indexOf('等级变化的客服(1)');
    expect(text[grades + 1]).toMatch(/^ {2}客服 +考核表 +等级 +总分$/);
    expect(text[grades + 2]).toMatch(/^ {2}徐静 \(a001\) +aftersale +C → D +\d+\.\d → \d+\.\d$/);
    const scores = text.findIndex((l) => l.startsWith('总分变化的客服('));
    expect(text[scores + 1]).toMatch(/^ {2}客服 +考核表 +总分$/);
    expect(text[scores + 2]).toMatch(/^ {2}\S+ \(a\d+\) +aftersale +\d+\.\d → \d+\.\d$/);
    expect(renderImpact(report, 'en', 'markdown')).toContain('| Agent | Scorecard | Total |\n');
    // A whole total has its decimal as every other (trial 10 finding 13).
    const whole = { ...report, versions: [{ ...v!, scores: [{ ...v!.scores[0]!, from: 88.5, to: 96 }] }] };
    expect(renderImpact(whole, 'en', 'markdown')).toMatch(/\| aftersale \| 88\.5 → 96\.0 \|$/m);
    // The edited file governed the published 2026-10: the reviewer is told merging changes nothing there.
    expect(v!.published).toEqual(['2026-10']);
    expect(renderImpact(report, 'en', 'markdown')).toContain(
      '> ⚠ This version file governed the published periods 2026-10. Merging leaves their published results as they are;',
    );
  });

  it('an edit of a red line: whose veto starts or stops holding, with or without a grade move', async () => {
    writeFileSync(
      join(repo, POLICY),
      original.replaceAll(
        '{ fact: red_line_count, operator: greaterThanInclusive, value: 1 }',
        '{ fact: red_line_count, operator: greaterThanInclusive, value: 2 }',
      ),
    );
    const report = await impact();
    writeFileSync(join(repo, POLICY), original);
    const [v] = report.versions;
    expect(v!.vetoes).toEqual([
      {
        agent_id: 'a002',
        name: expect.any(String),
        added: [],
        removed: ['red-line'],
        voided: [],
        unvoided: [],
      },
    ]);
    const text = renderImpact(report, 'zh', 'text').split('\n');
    const vetoes = text.indexOf('一票否决变化(1)');
    expect(text[vetoes + 1]).toMatch(/^ {2}客服 +新成立的否决 +不再成立的否决$/);
    expect(text[vetoes + 2]).toMatch(/^ {2}\S+ \(a002\) +— +red-line$/);
    expect(renderImpact(report, 'en', 'markdown')).toContain('| Agent | Vetoed | No longer vetoed |\n');
    writeFileSync(join(repo, POLICY), heavier(original));
    const unchanged = await impact();
    writeFileSync(join(repo, POLICY), original);
    expect(unchanged.versions[0]!.vetoes).toEqual([]);
    expect(renderImpact(unchanged, 'en', 'text')).toContain('Veto changes (0)\nNo veto changes.');
  });

  it('a new version file: as if it had governed the period, against the version it replaces', async () => {
    const file = join(repo, dir, '2026-12-01.yaml');
    writeFileSync(
      file,
      heavier(original)
        .replace('effective_from: 2026-10-01', 'effective_from: 2026-12-01')
        .replace('"2026.10"', '"2026.12"'),
    );
    const report = await impact();
    rmSync(file);
    expect(report.versions.map((v) => [v.change, v.file, v.before?.version, v.after?.version])).toEqual([
      ['added', '2026-12-01.yaml', '2026.10', '2026.12'],
    ]);
    expect(report.versions[0]!.grades.map((g) => [g.agent_id, g.from, g.to])).toEqual([['a001', 'C', 'D']]);
    expect(report.versions[0]!.published).toEqual([]);
    // It takes effect in December: on October it is measured as if it had governed.
    expect(report.versions[0]!.not_in_force).toEqual([
      { side: 'after', version: '2026.12', in_force: '2026.10' },
    ]);
    expect(renderImpact(report, 'en', 'text')).toContain(
      'ℹ The working tree version 2026.12 does not govern 2026-10 by its own dates (2026.10 does): measured as if it had, hypothetically.',
    );
  });

  it('a removed version: against the version that takes over its dates', async () => {
    const later = join(repo, dir, '2026-09-01.yaml');
    writeFileSync(
      later,
      heavier(original)
        .replace('effective_from: 2026-10-01', 'effective_from: 2026-09-01')
        .replace('"2026.10"', '"2026.09"'),
    );
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'a September version');
    rmSync(join(repo, POLICY));
    const report = await impact();
    git(repo, 'checkout', '-q', '--', POLICY);
    expect(report.versions.map((v) => [v.change, v.before?.version, v.after?.version])).toEqual([
      ['removed', '2026.10', '2026.09'],
    ]);
    expect(report.versions[0]!.grades.map((g) => [g.agent_id, g.from, g.to])).toEqual([['a001', 'C', 'D']]);
    git(repo, 'rm', '-q', later);
    git(repo, 'commit', '-q', '-m', 'drop the September version');
  });

  it('gives the same report evaluated one at a time and side by side on threads', async () => {
    // Two changes, four evaluations: the version in force edited and a December one added.
    writeFileSync(join(repo, POLICY), heavier(original));
    const file = join(repo, dir, '2026-12-01.yaml');
    writeFileSync(file, original.replace('effective_from: 2026-10-01', 'effective_from: 2026-12-01'));
    const options = { baseRef: 'main', policiesDir: dir, resultsRoot: 'data/results', cwd: repo };
    try {
      const [one, spread] = await Promise.all([
        policyImpact({ ...options, threads: 1 }),
        policyImpact({ ...options, threads: 2 }),
      ]);
      expect(spread).toEqual(one);
      expect(one.versions.map((v) => [v.change, v.file, v.grades.length])).toEqual([
        ['edited', '2026-10-01.yaml', 1],
        ['added', '2026-12-01.yaml', 0],
      ]);
    } finally {
      writeFileSync(join(repo, POLICY), original);
      rmSync(file);
    }
  });

  it('gives the same report when the SQL engine measures', async () => {
    writeFileSync(join(repo, POLICY), heavier(original));
    const options = { baseRef: 'main', policiesDir: dir, resultsRoot: 'data/results', cwd: repo };
    try {
      const [typescript, duckdb] = await Promise.all([
        policyImpact({ ...options, threads: 1 }),
        policyImpact({ ...options, threads: 1, engine: 'duckdb' }),
      ]);
      expect(duckdb).toEqual(typescript);
      expect(duckdb.versions[0]!.grades.map((g) => [g.agent_id, g.from, g.to])).toEqual([['a001', 'C', 'D']]);
    } finally {
      writeFileSync(join(repo, POLICY), original);
    }
  });

  it('nothing changed: says so', async () => {
    const report = await impact();
    expect(report.versions).toEqual([]);
    expect(renderImpact(report, 'en', 'text')).toContain(
      'No version file is added, edited or removed against main.',
    );
  });

  it('explains an unknown base ref', async () => {
    const error = await stopOf(() =>
      policyImpact({ baseRef: 'no-such-branch', policiesDir: dir, resultsRoot: 'data/results', cwd: repo }),
    );
    expect([error.kind, error.problems[0]!.code]).toEqual(['input', 'BASE_REF_UNKNOWN']);
  });
});
