import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INPUT_TABLES } from '@scorebook/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scorebook } from './fixture-site.ts';

// A quarter scored from its months, built through the command line into a site. The total is the
// qa score (linear, target 100, floor 0; from December's version "2" the floor is 50).
const policy = (version: string, from: string, floor: number) => `scorebook: 2
id: months
version: "${version}"
effective_from: ${from}
title: 考核
timezone: Asia/Shanghai
periods: { quarter: from_months, min_months: 1 }
grades:
  - { grade: S, min_score: 95 }
  - { grade: A, min_score: 85 }
  - { grade: B, min_score: 70 }
  - { grade: C, min_score: 60 }
  - { grade: D, min_score: 0 }
scorecards:
  aftersale:
    title: 售后
    roles: [aftersale]
    eligibility:
      when: { all: [ { fact: qa_score, operator: notEqual, value: null } ] }
      reason: 没有质检
    scored:
      - { metric: qa_score, weight: 100, target: 100, floor: ${floor} }
`;

const review = (id: string, agent: string, day: string, score: number) =>
  `${id},${agent},${day}T10:00:00+08:00,${score},false`;

let work = '';
const page = (lang: string, agent: string) =>
  readFileSync(join(work, 'site', lang, 'periods', '2026-Q4', 'agents', agent, 'index.html'), 'utf8');
// The rows of the months table, as [month, total, version, counted].
const rows = (html: string) =>
  [
    ...html.matchAll(
      /data-month="([^"]+)" data-counted="(true|false)">.*?data-month-total[^>]*>([^<]*)<.*?data-month-version[^>]*>([^<]*)</gs,
    ),
  ].map((m) => [m[1], m[3], m[4], m[2]]);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'scorebook-months-site-'));
  const policies = join(work, 'policies', 'months');
  const data = join(work, 'data');
  const appeals = join(work, 'appeals');
  for (const dir of [policies, data, appeals]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(policies, '2026-01-01.yaml'), policy('1', '2026-01-01', 0));
  writeFileSync(join(policies, '2026-12-01.yaml'), policy('2', '2026-12-01', 50));
  writeFileSync(
    join(data, 'agents.csv'),
    'agent_id,name,team,role\na1,甲,一组,aftersale\na2,乙,一组,aftersale\n',
  );
  writeFileSync(
    join(data, 'qa_reviews.csv'),
    [
      'review_id,agent_id,reviewed_at,score,red_line',
      review('q1', 'a1', '2026-10-05', 100),
      review('q2', 'a1', '2026-10-06', 80),
      review('q3', 'a1', '2026-11-05', 80),
      review('q4', 'a1', '2026-12-05', 70),
      review('q5', 'a2', '2026-10-05', 96),
      '',
    ].join('\n'),
  );
  const missing = INPUT_TABLES.filter((t) => t !== 'agents' && t !== 'qa_reviews').join(',');
  const results = join(work, 'results');
  scorebook(
    'evaluate',
    '--policies',
    policies,
    '--data',
    data,
    '--appeals',
    appeals,
    '--allow-missing',
    missing,
    '--period',
    '2026-Q4',
    '--out',
    join(results, '2026-Q4'),
    '--quiet',
  );
  scorebook('site', 'build', '--results', results, '--out', join(work, 'site'), '--quiet');
});

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

describe('the agent page of a quarter scored from its months', () => {
  it('lists each month’s total, version and whether it counted, and the total as their mean', () => {
    const zh = page('zh', 'a1');
    // October (100 + 80) / 2 = 90, November 80, December under version 2: (70 − 50) / 50 = 40.
    expect(rows(zh)).toEqual([
      ['2026-10', '90.0', '1', 'true'],
      ['2026-11', '80.0', '1', 'true'],
      ['2026-12', '40.0', '2', 'true'],
    ]);
    expect(zh).toContain('期间总分 = 参评各月总分的平均:(90.0 + 80.0 + 40.0) ÷ 3 = 70.0');
    // The recomputed dimensions and metric scores below are said not to add up to that total.
    expect(zh).toMatch(/<p class="note" data-months-information[^>]*>下面的考核维度、指标得分/);
    expect(page('en', 'a1')).toContain(
      'The period&#39;s total is the mean of the rated months&#39; totals: (90.0 + 80.0 + 40.0) ÷ 3 = 70.0',
    );
  });

  it('counts only the months the agent was rated in', () => {
    const zh = page('zh', 'a2');
    expect(rows(zh)).toEqual([
      ['2026-10', '96.0', '1', 'true'],
      ['2026-11', '—', '1', 'false'],
      ['2026-12', '—', '2', 'false'],
    ]);
    expect(zh).toContain('(96.0) ÷ 1 = 96.0');
  });
});

describe('the calibration of a quarter scored from its months', () => {
  it('is not offered: no page, no data, and the overview says why', () => {
    const site = join(work, 'site');
    expect(existsSync(join(site, 'zh', 'periods', '2026-Q4', 'calibrate'))).toBe(false);
    expect(existsSync(join(site, 'downloads', '2026-Q4', 'calibration'))).toBe(false);
    const overview = (lang: string) =>
      readFileSync(join(site, lang, 'periods', '2026-Q4', 'index.html'), 'utf8');
    expect(overview('zh')).not.toContain('data-calibrate-link');
    expect(overview('zh')).toContain(
      '<p class="note" data-calibrate-none>本期间没有校准页:它的总分是参评各月总分的平均,不是按本期间的指标计分的。要试改目标和权重,请在各月的页面上校准。</p>',
    );
    expect(overview('en')).toContain(
      'No calibration page for this period: its totals are the means of the rated months&#39; totals, not a scoring of this period&#39;s metrics. To try other targets and weights, calibrate a month.',
    );
  });
});
