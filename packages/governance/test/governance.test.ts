import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Manifest,
  PublishError,
  policyImpact,
  publishPeriod,
  renderImpact,
  runPolicyTests,
  verifyPublished,
} from '../src/index.ts';

const golden = fileURLToPath(new URL('../../engine/test/fixtures/golden/', import.meta.url));
let repo: string;

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=test@scorebook.dev', '-c', 'user.name=Test', ...args], {
    cwd: repo,
    encoding: 'utf8',
  }).trim();
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'scorebook-repo-'));
  mkdirSync(join(repo, 'configs/policies'), { recursive: true });
  cpSync(join(golden, 'policies/ecommerce-cs'), join(repo, 'configs/policies/ecommerce-cs'), {
    recursive: true,
  });
  cpSync(join(golden, 'data'), join(repo, 'data/sample'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'policy and data');
});

const publish = (extra: object = {}) =>
  publishPeriod({
    period: '2026-10',
    policiesDir: 'configs/policies/ecommerce-cs',
    dataDir: 'data/sample',
    resultsRoot: 'data/results',
    cwd: repo,
    ...extra,
  });

describe('publishing a period', () => {
  it('publishes results with a manifest of where they came from', async () => {
    const publication = await publish();
    const manifest = JSON.parse(
      readFileSync(join(repo, 'data/results/2026-10/manifest.json'), 'utf8'),
    ) as Manifest;
    expect(manifest).toMatchObject({
      period: '2026-10',
      status: 'closed',
      policy: {
        id: 'ecommerce-cs',
        version: '2026.10',
        file: 'configs/policies/ecommerce-cs/2026-10-01.yaml',
        git_commit: git('rev-parse', 'HEAD'),
      },
      data_dir: 'data/sample',
      command:
        'npx scorebook publish --period 2026-10 --policies configs/policies/ecommerce-cs --data data/sample --results data/results',
      supersedes: null,
    });
    expect(manifest.policy.sha256).toBe(publication.evaluation.policy.sha256);
    expect(manifest.inputs.messages).toMatch(/^[0-9a-f]{64}$/);
    for (const f of ['results.json', 'explanations.json', 'rejected.json'])
      expect(existsSync(join(repo, 'data/results/2026-10', f))).toBe(true);
  });

  it('refuses to publish a closed period again', async () => {
    await expect(publish()).rejects.toMatchObject({ code: 'PERIOD_CLOSED' });
    await expect(publish({ supersede: { reason: '  ' } })).rejects.toBeInstanceOf(PublishError);
  });

  it('supersedes with a reason, keeping the earlier publication', async () => {
    const before = readFileSync(join(repo, 'data/results/2026-10/results.json'), 'utf8');
    const publication = await publish({ supersede: { reason: '补录了 10 月的质检数据' } });
    expect(publication.manifest.supersedes).toEqual({
      publication: 'superseded/1',
      reason: '补录了 10 月的质检数据',
    });
    expect(readFileSync(join(repo, 'data/results/2026-10/superseded/1/results.json'), 'utf8')).toBe(before);
    expect(existsSync(join(repo, 'data/results/2026-10/superseded/1/manifest.json'))).toBe(true);
    git('add', '-A');
    git('commit', '-q', '-m', 'publish 2026-10');
  });
});

describe('verify --all', () => {
  it('re-verifies published periods, and names what differs or is missing', async () => {
    expect(await verifyPublished('data/results', repo)).toEqual([
      { period: '2026-10', status: 'ok', detail: '' },
    ]);
    const file = join(repo, 'data/results/2026-10/results.json');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('"rank": 1', '"rank": 9'));
    expect((await verifyPublished('data/results', repo))[0]).toMatchObject({
      status: 'differs',
      detail: 'results.json',
    });
    writeFileSync(file, original);
    renameSync(join(repo, 'data/sample'), join(repo, 'data/moved'));
    expect((await verifyPublished('data/results', repo))[0]).toMatchObject({ status: 'input_missing' });
    renameSync(join(repo, 'data/moved'), join(repo, 'data/sample'));
  });

  it('uses the recorded policy from git when the file has changed since', async () => {
    const policy = join(repo, 'configs/policies/ecommerce-cs/2026-10-01.yaml');
    const original = readFileSync(policy, 'utf8');
    writeFileSync(
      policy,
      original
        .replace('{ metric: fcr, weight: 20,', '{ metric: fcr, weight: 20.0,')
        .replace('title: 电商客服月度绩效考核', 'title: 改过的标题'),
    );
    expect((await verifyPublished('data/results', repo))[0]).toMatchObject({ status: 'ok' });
    writeFileSync(policy, original);
  });
});

describe('impact of a policy change', () => {
  it('names the agents whose grade a weight change moves', async () => {
    git('checkout', '-q', '-b', 'heavier-response-time');
    const policy = join(repo, 'configs/policies/ecommerce-cs/2026-10-01.yaml');
    writeFileSync(
      policy,
      readFileSync(policy, 'utf8')
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
        ),
    );
    const report = await policyImpact({
      baseRef: 'main',
      policiesDir: 'configs/policies/ecommerce-cs',
      resultsRoot: 'data/results',
      cwd: repo,
    });
    expect(report.period).toBe('2026-10');
    expect(report.weights.map((c) => [c.subject, c.before, c.after])).toEqual([
      ['first_response_time', 15, 45],
      ['csat_rate', 20, 5],
      ['fcr', 20, 5],
    ]);
    expect(report.grades.map((g) => [g.agent_id, g.from, g.to])).toEqual([['a001', 'C', 'D']]);
    expect(report.shifts.find((s) => s.scorecard === 'aftersale')!.mean).toBeLessThan(0);
    const md = renderImpact(report, 'zh', 'markdown');
    expect(md).toContain('| 徐静 (a001) | aftersale | C → D |');
    expect(renderImpact(report, 'en', 'text')).toContain('Agents whose grade changes (1)');
    git('checkout', '-q', '--', '.');
    git('checkout', '-q', 'main');
  });

  it('explains an unknown base ref', async () => {
    await expect(
      policyImpact({
        baseRef: 'no-such-branch',
        policiesDir: 'configs/policies/ecommerce-cs',
        resultsRoot: 'data/results',
        cwd: repo,
      }),
    ).rejects.toThrow(/no-such-branch/);
  });
});

describe('policy tests', () => {
  it('runs test files and reports the rules no test exercised', async () => {
    const tests = join(repo, 'configs/policies/ecommerce-cs/tests');
    mkdirSync(tests, { recursive: true });
    writeFileSync(
      join(tests, 'one.yaml'),
      `period: 2026-10
tests:
  - name: golden data
    data: ../../../../data/sample
    expect:
      - { agent: a002, grade: D, vetoes: [red-line] }
      - { agent: a001, grade: A }
`,
    );
    const report = await runPolicyTests(join(repo, 'configs/policies/ecommerce-cs'));
    expect(report.outcomes).toHaveLength(1);
    expect(report.outcomes[0]).toMatchObject({
      name: 'golden data',
      passed: false,
      failures: ['a001 grade: expected "A", got "C"'],
    });
    const uncovered = report.coverage.filter((c) => !c.covered).map((c) => c.rule);
    expect(uncovered).toContain('scorecards.aftersale.vetoes.red-line');
    expect(uncovered).not.toContain('scorecards.presale.vetoes.red-line');
    expect(uncovered).not.toContain('exclusions.courtesy-messages');
  });
});
