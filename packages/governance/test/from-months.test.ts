import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Manifest, Results } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../src/git.ts';
import { isFailure, policyImpact, publishPeriod, renderImpact, verifyPublished } from '../src/index.ts';
import { commitAppeal, git } from './repo.ts';

// A quarter scored from its months (docs/periods.md): December is under a second version.
const version = (label: string, from: string, floor: number) => `scorebook: 2
id: qa
version: "${label}"
effective_from: ${from}
title: 质检考核
timezone: Asia/Shanghai
periods: { quarter: from_months }
grades:
  - { grade: A, min_score: 85 }
  - { grade: B, min_score: 70 }
  - { grade: C, min_score: 0 }
scorecards:
  aftersale:
    title: 售后
    roles: [aftersale]
    eligibility:
      when: { all: [ { fact: qa_score, operator: notEqual, value: null } ] }
      reason: 没有质检
    scored:
      - { metric: qa_score, weight: 100, target: 100, floor: ${floor} }
    vetoes:
      - { id: red-line, reason: 红线, cap_grade: C, when: { all: [ { fact: red_line_count, operator: greaterThanInclusive, value: 1 } ] } }
`;
const APPEAL = `scorebook: 1
kind: appeal
agent: a1
filed_at: 2026-12-02T09:00:00+08:00
disputes: { record: qa_reviews/q3 }
claim: 红线判错了
decision: { outcome: upheld, decided_by: 质检主管, decided_at: 2026-12-03, reason: 复核不属于红线 }
`;
const ALLOW = [
  'conversations',
  'messages',
  'surveys',
  'complaints',
  'orders',
  'attendance',
  'assessments',
  'events',
];

function repoOf(): string {
  const repo = mkdtempSync(join(tmpdir(), 'scorebook-months-'));
  const write = (path: string, text: string) => {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  write('configs/policies/qa/2026-01-01.yaml', version('1', '2026-01-01', 0));
  write('configs/policies/qa/2026-12-01.yaml', version('2', '2026-12-01', 50));
  write('data/qa/agents.csv', 'agent_id,name,team,role\na1,甲,一组,aftersale\na2,乙,一组,aftersale\n');
  write(
    'data/qa/qa_reviews.csv',
    [
      'review_id,agent_id,reviewed_at,score,red_line',
      'q1,a1,2026-10-05T10:00:00+08:00,90,false',
      'q2,a1,2026-11-05T10:00:00+08:00,90,false',
      'q3,a1,2026-11-06T10:00:00+08:00,90,true',
      'q4,a1,2026-12-05T10:00:00+08:00,80,false',
      'q5,a2,2026-10-05T10:00:00+08:00,75,false',
      '',
    ].join('\n'),
  );
  write('configs/appeals/2026-11/ap-1.yaml', APPEAL);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'policy, data and an appeal');
  return repo;
}

const publishOf = (repo: string, period: string, reason?: string) =>
  publishPeriod({
    period,
    policiesDir: 'configs/policies/qa',
    dataDir: 'data/qa',
    resultsRoot: 'data/results',
    appealsDir: 'configs/appeals',
    allowMissing: ALLOW,
    // The fixture's months are too thin for anyone to be rated: published all the same.
    allowNoneRated: true,
    // The quarter ends on 2027-01-01: published before then too.
    allowOpenPeriod: true,
    ...(reason === undefined ? {} : { supersede: { reason } }),
    cwd: repo,
  });
const publishQuarter = (repo: string) => publishOf(repo, '2026-Q4');

describe('publishing a quarter scored from its months', () => {
  it('records the month appeals, and verify --all recomputes it with the months’ versions at their commit', async () => {
    const repo = repoOf();
    await publishQuarter(repo);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'publish 2026-Q4');
    const read = <T>(path: string) => JSON.parse(readFileSync(join(repo, path), 'utf8')) as T;
    const manifest = read<Manifest>('data/results/2026-Q4/manifest.json');
    expect(manifest.appeals?.map((a) => a.file)).toEqual(['configs/appeals/2026-11/ap-1.yaml']);
    const results = read<Results>('data/results/2026-Q4/results.json');
    // a1: October 90, November 90 (the red line appealed away), December (80 − 50) / 50 = 60: 80, B.
    expect(results.agents.map((a) => [a.agent_id, a.total_score, a.grade, a.rank])).toEqual([
      ['a1', 80, 'B', 1],
      ['a2', 75, 'B', 2],
    ]);
    expect(results.months?.map((m) => m.policy?.file)).toEqual([
      '2026-01-01.yaml',
      '2026-01-01.yaml',
      '2026-12-01.yaml',
    ]);

    // A later edit of December's version changes nothing for the published quarter.
    writeFileSync(join(repo, 'configs/policies/qa/2026-12-01.yaml'), version('2', '2026-12-01', 0));
    git(repo, 'commit', '-q', '-am', 'December floor 0');
    const rows = await verifyPublished('data/results', { cwd: repo });
    expect(rows.map((r) => [r.period, r.status])).toEqual([['2026-Q4', 'ok']]);
    expect(rows.some(isFailure)).toBe(false);
  });

  it('records when it was published; windows count from each period’s first publication', async () => {
    const repo = repoOf();
    const read = <T>(path: string) => JSON.parse(readFileSync(join(repo, path), 'utf8')) as T;
    await publishOf(repo, '2026-11');
    const november = read<Manifest>('data/results/2026-11/manifest.json');
    expect(Number.isNaN(Date.parse(november.published_at ?? ''))).toBe(false);
    expect(november.appeals_window_from).toEqual({ '2026-11': november.published_at });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'publish 2026-11');
    await publishQuarter(repo);
    const quarter = read<Manifest>('data/results/2026-Q4/manifest.json');
    // The quarter counts November's appeals from November's publication, its own from now.
    expect(quarter.appeals_window_from).toEqual({
      '2026-11': november.published_at,
      '2026-Q4': quarter.published_at,
    });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'publish 2026-Q4');
    // Superseding November (with a decision taken since) keeps the window of its first publication.
    const before = await verifyPublished('data/results', { cwd: repo });
    expect(before.map((r) => [r.period, r.status])).toEqual([
      ['2026-11', 'ok'],
      ['2026-Q4', 'ok'],
    ]);
    commitAppeal(repo, '2026-11', 'ap-2', 'a1', 'q2');
    const superseding = await publishOf(repo, '2026-11', '重新发布');
    const again = read<Manifest>('data/results/2026-11/manifest.json');
    expect(again.appeals_window_from).toEqual({ '2026-11': november.published_at });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'publish 2026-11 again');
    // The quarter averaged the November it replaced: publish names it, verify --all fails it.
    const recorded = read<Results>('data/results/2026-Q4/results.json').months?.[1]?.results_sha256 ?? '';
    const current = sha256(readFileSync(join(repo, 'data/results/2026-11/results.json')));
    expect(recorded).not.toBe(current);
    expect(superseding.notices.map((p) => [p.code, p.severity, p.file])).toEqual([
      ['AGGREGATE_AVERAGES_OLD_MONTH', 'warning', join(repo, 'data/results/2026-Q4')],
    ]);
    expect(superseding.notices[0]?.message.en).toBe(
      `The published 2026-Q4 averages its months' scores, and used 2026-11's results.json sha256 ${recorded.slice(0, 12)}; the 2026-11 publication in force is ${current.slice(0, 12)}: re-publish 2026-Q4 with --supersede (scorebook publish --period 2026-Q4 … --supersede --reason "2026-11 superseded").`,
    );
    const rows = await verifyPublished('data/results', { cwd: repo });
    expect(rows.map((r) => [r.period, r.publication, r.status, isFailure(r)])).toEqual([
      ['2026-11', 'superseded/1', 'ok', false],
      ['2026-11', null, 'ok', false],
      ['2026-Q4', null, 'month_superseded', true],
    ]);
    expect(rows[2]?.problems.map((p) => [p.code, p.severity, p.message.en])).toEqual([
      [
        'MONTH_SUPERSEDED',
        'error',
        `2026-Q4 averages its months' scores and records 2026-11's results.json sha256 ${recorded.slice(0, 12)}, but the 2026-11 publication in force is ${current.slice(0, 12)} (the month was superseded since): 2026-Q4's scores are no longer the mean of the months in force. Re-publish 2026-Q4 with --supersede.`,
      ],
    ]);
    // Published again, the quarter averages the November in force.
    const republished = await publishOf(repo, '2026-Q4', '2026-11 已替换');
    expect(republished.notices).toEqual([]);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'publish 2026-Q4 again');
    const after = await verifyPublished('data/results', { cwd: repo });
    expect(after.map((r) => [r.period, r.publication, r.status])).toEqual([
      ['2026-11', 'superseded/1', 'ok'],
      ['2026-11', null, 'ok'],
      ['2026-Q4', 'superseded/1', 'ok'],
      ['2026-Q4', null, 'ok'],
    ]);
  });

  it('requires the months’ versions committed', async () => {
    const repo = repoOf();
    writeFileSync(join(repo, 'configs/policies/qa/2026-12-01.yaml'), version('2', '2026-12-01', 40));
    const stop = await publishQuarter(repo).then(
      () => null,
      (error: { problems: Array<{ code: string; file: string | null }> }) => error,
    );
    expect(stop?.problems.map((p) => [p.code, p.file?.slice(repo.length)])).toEqual([
      ['FILE_HAS_CHANGES', '/configs/policies/qa/2026-12-01.yaml'],
    ]);
  });
});

describe('impact of a month’s version on a quarter scored from its months', () => {
  it('names the quarter, shows its movement, and leaves out the year it does not score from months', async () => {
    const repo = repoOf();
    await publishOf(repo, '2026-12');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'publish 2026-12');
    // December's floor 50 → 0: a1's December 60 → 80, the quarter's mean (90 + 90 + 60) / 3 → (90 + 90 + 80) / 3.
    writeFileSync(join(repo, 'configs/policies/qa/2026-12-01.yaml'), version('2', '2026-12-01', 0));
    const report = await policyImpact({
      baseRef: 'main',
      policiesDir: 'configs/policies/qa',
      resultsRoot: 'data/results',
      appealsDir: 'configs/appeals',
      cwd: repo,
      threads: 2,
    });
    expect(report.period).toBe('2026-12');
    expect(report.versions.map((v) => [v.file, v.scores.map((m) => [m.agent_id, m.from, m.to])])).toEqual([
      ['2026-12-01.yaml', [['a1', 60, 80]]],
    ]);
    expect(report.from_months).toEqual([
      {
        period: '2026-Q4',
        from_months: { before: true, after: true },
        months_governed_by: [{ file: '2026-12-01.yaml', months: ['2026-12'] }],
        data_dir: join(repo, 'data/qa'),
        published: false,
        grades: [
          {
            agent_id: 'a1',
            name: '甲',
            scorecard: 'aftersale',
            from: 'B',
            to: 'A',
            total_before: 80,
            total_after: 260 / 3,
          },
        ],
        ranks: [],
        scores: [
          {
            agent_id: 'a1',
            name: '甲',
            scorecard: 'aftersale',
            from: 80,
            to: 260 / 3,
            total_before: 80,
            total_after: 260 / 3,
          },
        ],
        adjustments: [],
        vetoes: [],
        flags: [],
        rewards: [],
        reward_change: 0,
        shifts: [{ scorecard: 'aftersale', agents: 2, mean: (260 / 3 - 80) / 2, min: 0, max: 260 / 3 - 80 }],
      },
    ]);
    const section = (lang: 'zh' | 'en') => {
      const text = renderImpact(report, lang, 'text');
      return text
        .slice(text.indexOf(lang === 'zh' ? '\n== 按各月计分' : '\n== 2026-Q4, scored'))
        .split('\n')
        .slice(1, 8);
    };
    expect(section('zh')).toEqual([
      '== 按各月计分的 2026-Q4',
      `⚠ 2026-Q4 的总分是各月总分的平均,变更的版本 2026-12-01.yaml 考核 2026-12:2026-Q4 也随之变动。两边按 evaluate --period 2026-Q4 评估(各版本按自己的日期生效,不强制),数据:2026-12 的数据 ${join(repo, 'data/qa')}(2026-Q4 尚未发布)。`,
      '',
      '等级变化的客服(1)',
      '  客服     考核表     等级   总分',
      '  甲 (a1)  aftersale  B → A  80.0 → 86.7',
      '',
    ]);
    expect(section('en')).toEqual([
      '== 2026-Q4, scored from its months',
      `⚠ 2026-Q4's total is the mean of its months' totals, and a changed version governs some of them (2026-12-01.yaml governs 2026-12): 2026-Q4 moves too. Both sides evaluate it as evaluate --period 2026-Q4 would (each version in force by its own dates, nothing forced), on the data of 2026-12, ${join(repo, 'data/qa')} (2026-Q4 is not published).`,
      '',
      'Agents whose grade changes (1)',
      '  Agent    Scorecard  Grade  Total',
      '  甲 (a1)  aftersale  B → A  80.0 → 86.7',
      '',
    ]);
  });
});
