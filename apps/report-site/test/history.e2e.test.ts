// Browser test of what an agent page shows of formulas, history facts and team facts
// (AgentFormulas.astro, AgentHistory.astro): a policy reading history, October evaluated and
// published (a manifest written here), November evaluated from it, built into a site through the
// command line. September is never published: November's history evaluates it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_TABLES, type Manifest, type Results } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { builtSite, checkPage } from './browser.ts';
import { readJson, scorebook } from './fixture-site.ts';

const POLICY = `scorebook: 2
id: hist
version: "1"
effective_from: 2026-09-01
title: 历史考核
timezone: Asia/Shanghai
metrics:
  - id: qa_uplift
    title: 质检提升率
    title_en: QA uplift
    kind: formula
    better: higher
    unit: ratio
    formula: (qa_score - history.prev.qa_score) / history.prev.qa_score
  - id: qa_vs_team
    title: 质检比团队中位数
    title_en: QA against the team median
    kind: formula
    better: higher
    formula: qa_score - team.median.qa_score
  - id: steady
    title: 连续两期 B 或以上
    title_en: Two periods at B or better
    kind: formula
    better: higher
    unit: count
    formula: if(history.streak.B >= 2, 1, 0)
grades:
  - { grade: S, min_score: 95 }
  - { grade: A, min_score: 85 }
  - { grade: B, min_score: 70 }
  - { grade: C, min_score: 60 }
  - { grade: D, min_score: 0 }
scorecards:
  aftersale:
    title: 售后
    title_en: After-sales
    roles: [aftersale]
    scored:
      - { metric: qa_score, weight: 100, target: 100, floor: 0 }
    adjustments:
      - { id: stability, metric: steady, points_each: 1 }
    flags:
      - id: was-c
        label: 上期为 C
        label_en: C last period
        when: { all: [{ fact: history.prev.grade, operator: equal, value: C }] }
`;

// QA by agent and month: a1 80, 90, 95 (B, A, then 95 + 1 for two periods at B or better);
// a2 60, 60, 30; a3 from October, 70 and 70.
const QA: Array<[string, string, number]> = [
  ['a1', '2026-09', 80],
  ['a2', '2026-09', 60],
  ['a1', '2026-10', 90],
  ['a2', '2026-10', 60],
  ['a3', '2026-10', 70],
  ['a1', '2026-11', 95],
  ['a2', '2026-11', 30],
  ['a3', '2026-11', 70],
];

let october: Results;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const site = builtSite('history facts', (work) => {
  const policies = join(work, 'policies', 'hist');
  const data = join(work, 'data');
  const results = join(work, 'results');
  const appeals = join(work, 'appeals');
  for (const dir of [policies, data, results, appeals]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(policies, '2026-09-01.yaml'), POLICY);
  writeFileSync(
    join(data, 'agents.csv'),
    'agent_id,name,team,role\na1,甲,一组,aftersale\na2,乙,一组,aftersale\na3,丙,一组,aftersale\n',
  );
  writeFileSync(
    join(data, 'qa_reviews.csv'),
    `review_id,agent_id,reviewed_at,score,red_line\n${QA.map(([a, m, s], i) => `q${i},${a},${m}-05T10:00:00+08:00,${s},false`).join('\n')}\n`,
  );
  const missing = INPUT_TABLES.filter((t) => t !== 'agents' && t !== 'qa_reviews').join(',');
  const evaluate = (period: string) =>
    scorebook(
      'evaluate',
      ...['--policies', policies, '--data', data, '--allow-missing', missing, '--appeals', appeals],
      ...['--results', results, '--period', period, '--out', join(results, period), '--quiet'],
    );
  evaluate('2026-10');
  const folder = join(results, '2026-10');
  october = readJson<Results>(join(folder, 'results.json'));
  const manifest: Manifest = {
    scorebook: 1,
    period: '2026-10',
    status: 'closed',
    published_at_commit: null,
    policy: { ...october.policy, git_commit: null },
    data_dir: 'data',
    inputs: {},
    engine: { version: october.engine.version },
    files: Object.fromEntries(readdirSync(folder).map((f) => [f, sha256(join(folder, f))])),
    command: 'written by history.e2e.test.ts',
    supersedes: null,
  };
  writeFileSync(join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  evaluate('2026-11');
  // A week watched in November, written into the results folder: the site lists it apart.
  evaluate('2026-W45');
  scorebook('site', 'build', '--results', results, '--out', join(work, 'site'), '--quiet');
});
const { url } = site;

const texts = (selector: string) => site.page.locator(selector).allTextContents();

describe.skipIf(!site.present)('an agent page with formulas, history facts and team facts', () => {
  it('shows each formula with the values it read and its result', async () => {
    await site.page.goto(url('zh/periods/2026-11/agents/a1/index.html'));
    const row = (id: string) => site.page.locator(`[data-formulas] tr[data-formula="${id}"]`);
    expect(await row('qa_uplift').locator('th').textContent()).toBe('质检提升率');
    expect(await row('qa_uplift').locator('td code').first().textContent()).toBe(
      '(qa_score - history.prev.qa_score) / history.prev.qa_score',
    );
    // (95 − 90) ÷ 90 = 0.0555… shown as a percentage to one decimal.
    expect(await row('qa_uplift').locator('td').nth(1).textContent()).toBe(
      '质检得分 qa_score = 95, 上期 · 质检得分 history.prev.qa_score = 90',
    );
    expect(await row('qa_uplift').locator('td.num').textContent()).toBe('5.6%');
    // The median of 95, 30 and 70 is 70, over 3 agents.
    expect(await row('qa_vs_team').locator('td').nth(1).textContent()).toBe(
      '质检得分 qa_score = 95, 团队中位数 · 质检得分 team.median.qa_score = 70(3 人)',
    );
    expect(await row('qa_vs_team').locator('td.num').textContent()).toBe('25');
    expect(await row('steady').locator('td.num').textContent()).toBe('1');
    await checkPage(site.page, 'history-formulas-zh');
  });

  it('lists each history fact with its value, the rules that read it and the periods it came from', async () => {
    await site.page.goto(url('zh/periods/2026-11/agents/a1/index.html'));
    expect(
      await site.page
        .locator('[data-history] tr[data-history-fact]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-history-fact'))),
    ).toEqual(['history.prev.qa_score', 'history.streak.B', 'history.prev.grade']);
    const fact = (name: string, cell: string) =>
      site.page.locator(`[data-history] tr[data-history-fact="${name}"] [${cell}]`).textContent();
    expect(await fact('history.prev.qa_score', 'data-history-value')).toBe('90');
    expect(await fact('history.prev.qa_score', 'data-history-users')).toBe('公式 质检提升率');
    expect(await fact('history.prev.qa_score', 'data-history-periods')).toBe('2026-10');
    // October A, September B: a streak of 2 at B or better, read by the formula and its adjustment.
    expect(await fact('history.streak.B', 'data-history-value')).toBe('2');
    expect(await fact('history.streak.B', 'data-history-users')).toBe(
      '公式 连续两期 B 或以上; 加减分 stability',
    );
    expect(await fact('history.streak.B', 'data-history-periods')).toBe(
      '2026-10, 2026-09, 2026-08, 2026-07, 2026-06, 2026-05, 2026-04, 2026-03, 2026-02, 2026-01, 2025-12, 2025-11',
    );
    expect(await fact('history.prev.grade', 'data-history-value')).toBe('A');
    expect(await fact('history.prev.grade', 'data-history-users')).toBe('关注标记 was-c');
  });

  it('says where each earlier period came from: the published file and sha256, evaluated, or missing', async () => {
    await site.page.goto(url('zh/periods/2026-11/agents/a1/index.html'));
    const rows = site.page.locator('[data-history] tr[data-history-period]');
    expect(await rows.count()).toBe(12);
    const published = site.page.locator('tr[data-history-period="2026-10"]');
    expect(await published.getAttribute('data-source')).toBe('published');
    expect(await published.locator('[data-history-source]').textContent()).toBe(
      '已发布 · 2026-10/results.json',
    );
    expect(await published.locator('[data-sha256]').getAttribute('data-sha256')).toBe(
      sha256(join(site.work, 'results/2026-10/results.json')),
    );
    const evaluated = site.page.locator('tr[data-history-period="2026-09"]');
    expect(await evaluated.locator('[data-history-source]').textContent()).toBe('未发布,按 hist 1 评估');
    expect(await evaluated.locator('[data-sha256]').count()).toBe(1);
    const missing = site.page.locator('tr[data-history-period="2026-08"]');
    expect(await missing.locator('[data-history-source]').textContent()).toBe('缺失(NO_VERSION_FOR_PERIOD)');
    expect(await missing.locator('[data-sha256]').count()).toBe(0);
    await site.page.goto(url('en/periods/2026-11/agents/a1/index.html'));
    expect(await texts('[data-history] tr[data-history-period="2026-09"] [data-history-source]')).toEqual([
      'evaluated with hist 1, not published',
    ]);
    await checkPage(site.page, 'history-facts-en');
  });

  it('shows the team facts of the agent’s scorecard, and a flag read from history', async () => {
    await site.page.goto(url('zh/periods/2026-11/agents/a2/index.html'));
    const fact = site.page.locator('[data-team-facts] tr[data-team-fact="team.median.qa_score"]');
    expect(await fact.locator('[data-team-value]').textContent()).toBe('70');
    expect(await fact.locator('[data-team-agents]').textContent()).toBe('3');
    expect(await site.page.locator('[data-team-facts] p').textContent()).toBe(
      '本期“售后”考核表所有有取值的客服的统计值,供公式与条件比较。',
    );
    // a2 was C in October (60): the flag held, and its history fact says so.
    expect(
      await site.page
        .locator('[data-history] tr[data-history-fact="history.prev.grade"] [data-history-value]')
        .textContent(),
    ).toBe('C');
    // October's own page: its history is September, evaluated; its team facts are October's.
    await site.page.goto(url('zh/periods/2026-10/agents/a1/index.html'));
    expect(await texts('[data-history] tr[data-history-period] th')).toHaveLength(12);
    expect(october.history?.[0]).toMatchObject({ period: '2026-09', source: 'evaluated' });
    expect(await site.page.locator('[data-team-facts] [data-team-value]').textContent()).toBe('70');
  });
});

describe.skipIf(!site.present)('a monitoring period in the results folder', () => {
  it('is listed apart on the home page, marked not published, with no pages of its own', async () => {
    await site.page.goto(url('zh/index.html'));
    expect(await texts('tr[data-period] th a')).toEqual(['2026年11月', '2026年10月']);
    const row = site.page.locator('[data-monitoring] tr[data-monitoring-period="2026-W45"]');
    expect(await row.locator('th').textContent()).toBe('2026-W45 (周)');
    expect(await row.locator('[data-status]').textContent()).toBe('监控 · 未发布');
    // 2–8 November: a1 95, a2 30, a3 70, all three rated.
    expect(await row.locator('td.num').textContent()).toBe('3 / 3');
    expect(existsSync(join(site.work, 'site/zh/periods/2026-W45'))).toBe(false);
    await site.page.goto(url('en/index.html'));
    expect(await texts('[data-monitoring] tr th')).toContain('2026-W45 (week)');
  });
});
