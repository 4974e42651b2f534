import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Manifest, PolicySnapshot, Results } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { appealableOf, appealsFolderOf, appealWindow, resultBefore } from '../src/lib/appeals.ts';
import { barChart, chartText, LINE_CHART, lineChart } from '../src/lib/charts.ts';
import { describeChangeRow } from '../src/lib/diff.ts';
import { indexExplanations } from '../src/lib/explanations.ts';
import { formatScore, periodLabel } from '../src/lib/format.ts';
import { formulaReadLabel, formulaReadValue } from '../src/lib/formula-reads.ts';
import { furthestFromGood, rankingPages } from '../src/lib/limits.ts';
import { linksFrom, pageRoute, relativeHref, route } from '../src/lib/links.ts';
import { PUBLISHED_FILES, type SitePeriod } from '../src/lib/load.ts';
import { localized, statusWord, t } from '../src/lib/messages.ts';
import { policyChanges, policyVersions, versionOf } from '../src/lib/policies.ts';
import { pointsLost, weightsShared } from '../src/lib/scorecard.ts';
import { gradeCount, headlineOf, metricsBelowTarget, own, scoredRows } from '../src/lib/views.ts';
import { ROOT } from './fixture-site.ts';

describe('relative links', () => {
  it('links a page folder as its index.html, relative to the page', () => {
    expect(relativeHref('', 'zh/')).toBe('zh/index.html');
    expect(relativeHref('zh/', 'zh/')).toBe('index.html');
    expect(relativeHref('zh/', 'en/')).toBe('../en/index.html');
    expect(relativeHref('zh/periods/2026-10/', 'zh/periods/2026-10/agents/a1/')).toBe('agents/a1/index.html');
    expect(relativeHref('zh/periods/2026-10/agents/a1/', 'zh/periods/2026-10/teams/t/')).toBe(
      '../../teams/t/index.html',
    );
    expect(relativeHref('zh/periods/2026-10/', 'downloads/2026-10/results.json')).toBe(
      '../../../downloads/2026-10/results.json',
    );
    expect(relativeHref('en/policies/', 'site.css')).toBe('../../site.css');
  });

  it('finds the page from its URL under any base', () => {
    expect(pageRoute(new URL('http://x/zh/periods/2026-10/'), '/')).toBe('zh/periods/2026-10/');
    expect(pageRoute(new URL('http://x/reports/zh/'), '/reports/')).toBe('zh/');
    expect(pageRoute(new URL('http://x/reports/zh/'), '/reports')).toBe('zh/');
    expect(pageRoute(new URL('http://x/'), '/')).toBe('');
  });

  it('gives every route of a page and the same page in the other language', () => {
    const link = linksFrom(new URL('http://x/zh/periods/2026-11/agents/a1/'));
    expect(link.home('zh')).toBe('../../../../index.html');
    expect(link.swap('en')).toBe('../../../../../en/periods/2026-11/agents/a1/index.html');
    expect(link.team('zh', '2026-11', '__proto__')).toMatch(
      /^\.\.\/\.\.\/teams\/h-[0-9a-f]{16}\/index\.html$/,
    );
    expect(link.asset('site.css')).toBe('../../../../../site.css');
    expect(route.download('2026-11', 'results.json')).toBe('downloads/2026-11/results.json');
  });
});

describe('the message catalogue', () => {
  it('gives both languages, with typed parameters', () => {
    expect(t('zh', 'draft')).toBe('草稿');
    expect(t('en', 'draft')).toBe('draft');
    expect(t('zh', 'evidenceAgainst', { total: 12 })).toBe('12 条拉低该指标的记录');
    expect(t('en', 'fileCount', { n: 3 })).toBe('3 files');
    expect(statusWord('zh', 'insufficient')).toBe('样本不足');
    expect(localized('en', '售后', null)).toBe('售后');
    expect(localized('en', '售后', 'After-sales')).toBe('After-sales');
    expect(localized('zh', '售后', 'After-sales')).toBe('售后');
    expect(periodLabel('2026-10', 'zh')).toBe('2026年10月');
    expect(periodLabel('2026-10', 'en')).toBe('Oct 2026');
    expect(periodLabel('2026-Q4', 'en')).toBe('Q4 2026');
    expect(periodLabel('2026', 'zh')).toBe('2026年');
    const typeChecks = () => {
      // @ts-expect-error: a parameter is missing
      t('zh', 'evidenceAgainst');
      // @ts-expect-error: not a key of the catalogue
      t('zh', 'notAKey');
    };
    expect(typeof typeChecks).toBe('function');
  });
});

describe('hostile keys', () => {
  it('reads records from JSON only at their own keys', () => {
    const record = JSON.parse('{"__proto__": 3, "a": 1}') as Record<string, number>;
    expect(own(record, '__proto__')).toBe(3);
    expect(own(record, 'constructor')).toBeUndefined();
    expect(own(record, 'toString')).toBeUndefined();
    const period = fakePeriod({ summary: { grades: JSON.parse('{"A": 2}') } });
    expect(gradeCount(period, 'constructor')).toBe(0);
    expect(gradeCount(period, 'A')).toBe(2);
  });

  it('draws a chart of a team called __proto__ without touching Object.prototype', () => {
    expect(chartText('__proto__')).toBe('__proto__\u200b');
    expect(chartText('售后一组')).toBe('售后一组');
    barChart(['__proto__', 'constructor', 'toString'], [50, 60, 70]);
    const inherited: string[] = [];
    for (const key in {}) inherited.push(key);
    expect(inherited).toEqual([]);
  });
});

describe('the trend chart', () => {
  const svgOf = (uri: string) =>
    Buffer.from(uri.replace('data:image/svg+xml;base64,', ''), 'base64').toString('utf8');

  it('draws each value at its period’s centre on a 0–max axis, breaks the line at a null, marks a period dashed', () => {
    const svg = svgOf(
      lineChart(
        ['2026-09', '2026-10', '2026-11', '2026-12'],
        [{ name: '总分', values: [80, null, 90.25, 100] }],
        {
          max: 100,
          marks: [{ index: 2, label: '▲ 2026.11' }],
        },
      ),
    );
    const { left, right, top, bottom, width, height } = LINE_CHART;
    const band = (width - left - right) / 4;
    const y = (v: number) => Math.round((top + (height - top - bottom) * (1 - v / 100)) * 10) / 10;
    const x = (i: number) => Math.round((left + band * (i + 0.5)) * 10) / 10;
    // 80 stands alone (the next period has no value), 90.25 and 100 are joined.
    expect([...svg.matchAll(/<polyline points="([^"]+)"/g)].map((m) => m[1])).toEqual([
      `${x(2)},${y(90.25)} ${x(3)},${y(100)}`,
    ]);
    expect(svg.match(/<circle /g)?.length).toBe(3);
    expect(svg).toContain('>90.3</text>');
    expect(svg).toContain(`<line x1="${x(2)}" x2="${x(2)}" y1="${top}"`);
    expect(svg).toContain('stroke-dasharray="5 4"/><text');
    expect(svg).toContain('>▲ 2026.11</text>');
  });

  it('escapes texts from data', () => {
    const svg = svgOf(lineChart(['<b>'], [{ name: '<script>alert(1)</script>', values: [1] }]));
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('>&lt;b&gt;</text>');
  });
});

describe('scorecard rows', () => {
  it('follow the scorecard of policy.json, with contributions from the weights that scored', () => {
    const period = fakePeriod({}, snapshot('v1', 'aaaa'));
    const rows = scoredRows(period, agent());
    expect(rows.map((r) => r.metric)).toEqual(['fcr', 'csat_rate']);
    expect(rows[0]?.item?.target).toBe(0.85);
    expect(rows[0]?.contribution).toBe(80);
    expect(rows[1]?.contribution).toBeNull();
  });

  it('carry the weight each metric has in the base once a weight is shared out (a0023 of the sample, 2026-10)', () => {
    const published = (file: string) =>
      JSON.parse(readFileSync(join(ROOT, 'data/results/2026-10', file), 'utf8'));
    const results = published('results.json') as Results;
    const period = { ...fakePeriod({}, published('policy.json') as PolicySnapshot), results };
    const a0023 = results.agents.find((a) => a.agent_id === 'a0023');
    if (a0023 === undefined) throw new Error('a0023 is in the sample');
    const rows = scoredRows(period, a0023);
    // qa_pass_rate (15) has too small a sample: the 85 that scored share its weight.
    expect(
      rows.map((r) => [
        r.metric,
        r.result.weight,
        formatScore(r.effectiveWeight),
        formatScore(pointsLost(r)),
      ]),
    ).toEqual([
      ['first_response_time', 20, '23.5', '15.4'],
      ['reply_rate', 15, '17.6', '6.5'],
      ['conversion_rate', 25, '29.4', '6.7'],
      ['avg_order_value', 10, '11.8', '1.7'],
      ['csat_rate', 15, '17.6', '0.0'],
      ['qa_pass_rate', 15, '0.0', '—'],
    ]);
    expect(rows[0]?.effectiveWeight).toBe(2000 / 85);
    expect(weightsShared(rows)).toBe(true);
    // The base is 100 less the points lost.
    const lost = rows.reduce((s, r) => s + (pointsLost(r) ?? 0), 0);
    expect(Math.abs(100 - lost - (a0023.base_score ?? 0))).toBeLessThan(1e-9);
    expect(
      weightsShared(scoredRows(period, results.agents.find((a) => a.agent_id === 'a0001') ?? a0023)),
    ).toBe(false);
  });

  it('count in the headline’s finding the rated agents only (the sample’s 2026-10: 45 of 60 rated)', () => {
    const results = JSON.parse(
      readFileSync(join(ROOT, 'data/results/2026-10/results.json'), 'utf8'),
    ) as Results;
    const headline = headlineOf({ ...fakePeriod({}), results }, null);
    // 46 agents have a first response score; one of them is not rated.
    expect([headline.rated, headline.agents, headline.finding]).toEqual([
      45,
      60,
      // The 23rd of the 45 scores below 100, in ascending order.
      { metric: 'first_response_time', below: 45, scored: 45, medianBelow: 65.45154589371981 },
    ]);
    expect(
      t('zh', 'keyFinding', { ...{ below: 45, scored: 45 }, metric: '首次响应时间', median: '65.5' }),
    ).toBe(
      '45 名参评客服中有 45 名未达到「首次响应时间」的目标,这些客服该项得分的中位数为 65.5(100 为达标)。',
    );
    expect(t('en', 'keyFinding', { below: 3, scored: 4, metric: 'FRT', median: '40.0' })).toBe(
      '3 of 4 rated agents miss the FRT target; their median score on it is 40.0 (100 = at target).',
    );
  });

  it('give the median of the scores below target: the mean of the middle two for an even count, none at or above 100 counted', () => {
    const scored = (id: string, score: number): Results['agents'][number] => ({
      ...agent(),
      agent_id: id,
      metrics: { frt: { value: 1, sample: 5, score, weight: 100, status: 'scored' } },
    });
    const period = fakePeriod({});
    const results = {
      ...period.results,
      agents: [scored('a1', 90), scored('a2', 30), scored('a3', 100), scored('a4', 60), scored('a5', 20)],
    };
    expect(metricsBelowTarget({ ...period, results })).toEqual([
      { metric: 'frt', below: 4, scored: 5, medianBelow: 45 },
    ]);
    // Three below (90, 30, 60) and one at 100: the middle one.
    const odd = { ...results, agents: results.agents.slice(0, 4) };
    expect(metricsBelowTarget({ ...period, results: odd })).toEqual([
      { metric: 'frt', below: 3, scored: 4, medianBelow: 60 },
    ]);
    const none = { ...results, agents: [scored('a3', 100)] };
    expect(metricsBelowTarget({ ...period, results: none })).toEqual([
      { metric: 'frt', below: 0, scored: 1, medianBelow: null },
    ]);
  });

  it('without policy.json, follow results.json and have no item', () => {
    const rows = scoredRows(fakePeriod({}), agent());
    expect(rows.map((r) => [r.metric, r.item])).toEqual([
      ['csat_rate', null],
      ['fcr', null],
    ]);
    expect(rows[1]?.contribution).toBe(80);
  });
});

describe('policy versions from the published snapshots', () => {
  it('groups periods by policy text, and tells apart two texts of one version', () => {
    const a = fakePeriod({ id: '2026-10' }, snapshot('2026.10', 'aaaa'));
    const b = fakePeriod({ id: '2026-11' }, snapshot('2026.10', 'bbbb'));
    const c = fakePeriod({ id: '2026-12' }, snapshot('2026.12', 'cccc'));
    const old = fakePeriod({ id: '2026-09' });
    const families = policyVersions([c, b, a, old]);
    const versions = families.get('demo') ?? [];
    expect(versions.map((v) => v.slug)).toEqual(['2026.10-aaaa', '2026.10-bbbb', '2026.12']);
    expect(versions.map((v) => v.periods.map((p) => p.id))).toEqual([['2026-10'], ['2026-11'], ['2026-12']]);
    expect(versionOf(families, b)?.slug).toBe('2026.10-bbbb');
    expect(versionOf(families, old)).toBeNull();
  });

  it('tells apart one policy file resolved against two versions of its shared definitions', () => {
    const shared = (sha256: string) => ({
      ...snapshot('2027.01', 'aaaa'),
      shared: [{ file: 'express-common.yaml', sha256 }],
    });
    const a = fakePeriod({ id: '2027-01' }, shared('1111'));
    const b = fakePeriod({ id: '2027-02' }, shared('1111'));
    const c = fakePeriod({ id: '2027-03' }, shared('2222'));
    const families = policyVersions([a, b, c]);
    const versions = families.get('demo') ?? [];
    expect(versions.map((v) => v.periods.map((p) => p.id))).toEqual([['2027-01', '2027-02'], ['2027-03']]);
    // sha256("express-common.yaml:2222") begins with 814c25d2.
    expect(versionOf(families, c)?.slug).toBe('2027.01-aaaa-814c25d2');
    expect(versionOf(families, c)?.snapshot.shared).toEqual([
      { file: 'express-common.yaml', sha256: '2222' },
    ]);
  });

  it('describes the difference between two snapshots with titles and ids, in the metric’s unit, without JSON', () => {
    const before = snapshot('v1', 'aaaa');
    const after = snapshot('v2', 'bbbb');
    const item = after.scorecards[0]?.scored[0];
    if (item === undefined) throw new Error('fixture');
    item.target = 0.9;
    after.scorecards[0]?.scored.push({ ...item, metric: 'csat_rate', weight: 10, target: 0.95, line: 12 });
    after.scorecards[0]?.scored.splice(1, 1);
    after.exclusions.push({
      id: 'defects',
      table: 'complaints',
      reason: '产品缺陷',
      reason_en: 'Product defects',
      when: { all: [{ fact: 'category', operator: 'equal', value: 'product_defect' }] },
      line: 20,
    });
    const rows = policyChanges(before, after).map((c) => describeChangeRow(c, before, after, 'zh', null));
    expect(rows).toContainEqual({
      where: '考核表 售后 (aftersale) › 考核指标 › 一次性解决率 (fcr)',
      what: '目标值',
      before: '85%',
      after: '90%',
      kind: 'changed',
    });
    expect(rows).toContainEqual({ where: '策略', what: '版本', before: 'v1', after: 'v2', kind: 'changed' });
    const added = rows.find((r) => r.where.startsWith('剔除规则'));
    expect(added).toEqual({
      where: '剔除规则 › defects',
      what: '新增',
      before: '—',
      after:
        '数据表 complaints · 原因 产品缺陷 · 英文原因 Product defects · 条件 category 等于 "product_defect"',
      kind: 'added',
    });
    for (const r of rows) expect(`${r.before} ${r.after}`).not.toMatch(/[{}]|":/);
  });

  it('shows a ratio metric’s threshold in a veto condition as a percentage, other numbers as written (trial 11)', () => {
    const veto = (fcr: number) => ({
      id: 'low-fcr',
      reason: '解决率过低',
      reason_en: null,
      when: {
        all: [
          { fact: 'fcr', operator: 'lessThan', value: fcr },
          { fact: 'base_score', operator: 'lessThan', value: 60 },
        ],
      },
      cap_grade: 'B',
      line: 14,
    });
    const before = snapshot('v1', 'aaaa');
    const after = snapshot('v2', 'bbbb');
    const middle = snapshot('v2', 'cccc');
    middle.scorecards[0]?.vetoes.push(veto(0.6));
    after.scorecards[0]?.vetoes.push(veto(0.655));
    const added = policyChanges(before, middle).map((c) => describeChangeRow(c, before, middle, 'zh', null));
    expect(added.find((r) => r.where.includes('一票否决'))).toEqual({
      where: '考核表 售后 (aftersale) › 一票否决 › low-fcr',
      what: '新增',
      before: '—',
      after: '原因 解决率过低 · 条件 fcr 小于 60% 且 base_score 小于 60 · 封顶等级 B',
      kind: 'added',
    });
    const changed = policyChanges(middle, after).map((c) => describeChangeRow(c, middle, after, 'en', null));
    expect(changed.find((r) => r.where.includes('Veto'))).toEqual({
      where: 'Scorecard 售后 (aftersale) › Vetoes › low-fcr',
      what: 'Condition',
      before: 'fcr is less than 60% AND base_score is less than 60',
      after: 'fcr is less than 65.5% AND base_score is less than 60',
      kind: 'changed',
    });
  });
});

describe('how to appeal: the window and what may be disputed (trial 11)', () => {
  // October 2026 in Shanghai: its last day is 2026-10-31, its exclusive end 2026-11-01 00:00.
  const october = (policy: PolicySnapshot | null, manifest: Partial<Manifest> | null) => {
    const p = fakePeriod({ id: '2026-10' }, policy);
    p.results.period.end = '2026-11-01T00:00:00+08:00';
    return { ...p, manifest: manifest === null ? null : (manifest as Manifest) };
  };
  const withRules = (rules: PolicySnapshot['appeals']) => ({ ...snapshot('v1', 'aaaa'), appeals: rules });

  it('counts from the first publication the manifest records, in the policy’s timezone', () => {
    // docs/appeals.md: published on 2026-11-03 (any hour) with 7 days, the last day is 2026-11-10.
    const rules = { window_days: 7, tables: null, metrics: null, vetoes: null, final: null };
    const published = { appeals_window_from: { '2026-10': '2026-11-02T17:30:00.000Z' } };
    expect(appealWindow(october(withRules(rules), published))).toEqual({
      days: 7,
      from: 'publication',
      published: '2026-11-03',
      lastDay: '2026-11-10',
    });
  });

  it('counts from the period’s end when the first publication recorded no time, 30 days by default', () => {
    expect(
      appealWindow(october(snapshot('v1', 'aaaa'), { published_at: '2026-12-01T00:00:00.000Z' })),
    ).toEqual({
      days: 30,
      from: 'end',
      published: null,
      lastDay: '2026-11-30',
    });
  });

  it('gives a draft no deadline, and a period without policy.json no rules', () => {
    expect(appealWindow(october(snapshot('v1', 'aaaa'), null))).toEqual({
      days: 30,
      from: 'unpublished',
      published: null,
      lastDay: null,
    });
    expect(appealWindow(october(null, {}))).toEqual({
      days: null,
      from: 'end',
      published: null,
      lastDay: null,
    });
    expect(appealableOf(october(null, null), agent())).toBe(null);
  });

  it('lists the tables, the scorecard’s metrics and vetoes the policy lets be appealed, every one by default', () => {
    const policy = snapshot('v1', 'aaaa');
    policy.scorecards[0]?.vetoes.push({
      id: 'red-line',
      reason: '红线',
      reason_en: null,
      when: { all: [] },
      cap_grade: 'B',
      line: 14,
    });
    expect(appealableOf(october(policy, null), agent())).toEqual({
      tables: ['conversations', 'surveys', 'complaints', 'qa_reviews', 'orders'],
      metrics: ['fcr', 'csat_rate'],
      vetoes: ['red-line'],
    });
    const limited = {
      ...policy,
      appeals: {
        window_days: null,
        tables: ['qa_reviews', 'complaints'],
        metrics: ['csat_rate'],
        vetoes: [],
        final: null,
      },
    };
    expect(appealableOf(october(limited, null), agent())).toEqual({
      tables: ['complaints', 'qa_reviews'],
      metrics: ['csat_rate'],
      vetoes: [],
    });
  });

  it('names the appeals folder the publication read, else the default', () => {
    expect(appealsFolderOf(october(null, null))).toBe('configs/appeals/2026-10/');
    const read = {
      appeals: [{ file: 'configs/appeals-mycs/2026-10/ap-1.yaml', sha256: 'x', git_commit: null }],
      command: '',
    };
    expect(appealsFolderOf(october(null, read))).toBe('configs/appeals-mycs/2026-10/');
  });
});

function agent(): Results['agents'][number] {
  return {
    agent_id: 'a1',
    name: '张三',
    team: 't',
    role: 'aftersale',
    employment_status: 'active',
    scorecard: 'aftersale',
    status: 'rated',
    reason: null,
    reason_code: null,
    metrics: {
      csat_rate: { value: 0.8, sample: 3, score: null, weight: 40, status: 'insufficient' },
      fcr: { value: 0.8, sample: 20, score: 80, weight: 60, status: 'scored' },
      praise_count: { value: 2, sample: 2, score: null, weight: null, status: 'info' },
    },
    excluded: {},
    base_score: 80,
    adjustments: {},
    total_score: 80,
    vetoes: [],
    grade: 'B',
    rank: 1,
    worst_metrics: ['fcr'],
  };
}

function snapshot(version: string, sha256: string): PolicySnapshot {
  return {
    scorebook: 1,
    id: 'demo',
    version,
    effective_from: '2026-10-01',
    title: '演示',
    title_en: null,
    description: null,
    timezone: 'Asia/Shanghai',
    file: '2026-10-01.yaml',
    sha256,
    grades: [
      { grade: 'A', min_score: 85, label: '优秀', label_en: null },
      { grade: 'B', min_score: 0, label: null, label_en: null },
    ],
    business_hours: null,
    exclusions: [],
    scorecards: [
      {
        id: 'aftersale',
        title: '售后',
        title_en: null,
        roles: ['aftersale'],
        eligibility: null,
        scored: [
          {
            metric: 'fcr',
            weight: 60,
            method: 'linear',
            target: 0.85,
            floor: 0.6,
            bands: [],
            min_sample: 1,
            group: null,
            line: 10,
          },
          {
            metric: 'csat_rate',
            weight: 40,
            method: 'linear',
            target: 0.9,
            floor: 0.7,
            bands: [],
            min_sample: 10,
            group: null,
            line: 11,
          },
        ],
        adjustments: [],
        vetoes: [],
        line: 8,
      },
    ],
    metrics: [
      {
        id: 'fcr',
        title: '一次性解决率',
        title_en: null,
        description: null,
        description_en: null,
        kind: 'ratio',
        better: 'higher',
        unit: 'ratio',
        table: null,
        field: null,
        where: null,
        numerator: { table: 'conversations', where: null },
        denominator: { table: 'conversations', where: null },
        builtin: true,
      },
    ],
    text: 'scorebook: 1\n',
  };
}

function fakePeriod(
  over: { id?: string; summary?: Partial<Results['summary']> },
  policy: PolicySnapshot | null = null,
): SitePeriod {
  const id = over.id ?? '2026-10';
  const results: Results = {
    scorebook: 1,
    period: { id, kind: 'month', start: `${id}-01`, end: `${id}-28`, timezone: 'Asia/Shanghai' },
    policy: { id: 'demo', version: 'v1', effective_from: '2026-10-01', file: 'x.yaml', sha256: 'aaaa' },
    source: null,
    inputs: {},
    engine: { version: '1.0.0' },
    summary: { agents: 1, rated: 1, not_rated: 0, grades: {}, rejected_rows: 0, ...over.summary },
    agents: [agent()],
  };
  return {
    id,
    dir: `/nowhere/${id}`,
    results,
    agents: new Map(results.agents.map((a) => [a.agent_id, a])),
    explanations: new Map(),
    manifest: null,
    history: [],
    policy,
    metrics: new Map((policy?.metrics ?? []).map((m) => [m.id, m])),
    currency: null,
    files: ['results.json'],
    altered: [],
    rejectedByAgent: new Map(),
  };
}

describe('the values a formula read', () => {
  it('are named by the title of their metric and shown in its unit and rounding, not as ids and raw numbers', () => {
    const period = fakePeriod({}, snapshot('v1', 'aaaa'));
    const read = (name: string, value: number | null) =>
      `${formulaReadLabel(period, name, 'zh')} = ${formulaReadValue(period, name, value, 'zh')}`;
    expect(read('fcr', 0.84523)).toBe('一次性解决率 = 84.5%');
    expect(read('history.prev.fcr', 0.84112)).toBe('上期 · 一次性解决率 = 84.1%');
    expect(read('history.mean3.fcr', 0.8)).toBe('近 3 期平均 · 一次性解决率 = 80%');
    expect(read('team.median.fcr', 0.8)).toBe('团队中位数 · 一次性解决率 = 80%');
    expect(read('team.p90.fcr', 0.9)).toBe('团队第 90 百分位 · 一次性解决率 = 90%');
    expect(read('history.prev.total_score', 84.567)).toBe('上期总分 = 84.6');
    expect(read('history.streak.A', 2)).toBe('连续 A 或以上的期数 = 2');
    expect(read('tenure_days', 400)).toBe('tenure_days = 400');
    expect(read('history.prev.fcr', null)).toBe('上期 · 一次性解决率 = —');
    expect(formulaReadLabel(period, 'team.mean.fcr', 'en')).toBe('team mean · 一次性解决率');
    expect(formulaReadLabel(period, 'history.streak.B', 'en')).toBe('periods in a row at B or better');
  });
});

describe('large periods', () => {
  const rows = [
    { agent: { agent_id: 'b' }, value: 3 },
    { agent: { agent_id: 'a' }, value: 3 },
    { agent: { agent_id: 'c' }, value: 1 },
    { agent: { agent_id: 'd' }, value: 7 },
  ];

  it('lists the agents furthest from good first, ties by id, at most the limit', () => {
    expect(furthestFromGood(rows, 'higher', 3).map((r) => r.agent.agent_id)).toEqual(['c', 'a', 'b']);
    expect(furthestFromGood(rows, 'lower', 2).map((r) => r.agent.agent_id)).toEqual(['d', 'a']);
    expect(rows.map((r) => r.agent.agent_id)).toEqual(['b', 'a', 'c', 'd']);
    expect(furthestFromGood(rows, 'higher')).toHaveLength(4);
  });

  it('pages a full ranking only beyond the overview’s 50, by 500', () => {
    expect(rankingPages(50)).toEqual([]);
    expect(rankingPages(51)).toEqual([{ page: 1, from: 0, count: 51 }]);
    expect(rankingPages(1001)).toEqual([
      { page: 1, from: 0, count: 500 },
      { page: 2, from: 500, count: 500 },
      { page: 3, from: 1000, count: 1 },
    ]);
    expect(route.ranking('zh', '2026-10', 'aftersale', 2)).toBe('zh/periods/2026-10/ranking/aftersale/2/');
  });
});

describe('explanations.json read per agent', () => {
  it('finds every agent across chunk boundaries, strings with quotes, braces and escapes kept', () => {
    const agents = [
      {
        agent_id: 'a1',
        note: 'a "quoted" {brace} [bracket] \\ back',
        records: [{ fields: { agent_id: 'x' } }],
      },
      { agent_id: '售后', note: '}]}', records: [] },
      { agent_id: 'a3', note: '', records: [[], {}] },
    ];
    const dir = mkdtempSync(join(tmpdir(), 'scorebook-explanations-'));
    const file = join(dir, 'explanations.json');
    writeFileSync(file, JSON.stringify({ scorebook: 1, period: { id: '2026-10' }, agents }, null, 2));
    try {
      for (const size of [1, 7, 64, 1 << 20]) {
        const index = indexExplanations(file, size);
        expect(index.size).toBe(3);
        for (const a of agents) expect(index.get(a.agent_id)).toEqual(a);
        expect(index.get('x')).toBeUndefined();
      }
      writeFileSync(file, JSON.stringify({ scorebook: 2, agents }));
      expect(() => indexExplanations(file)).toThrow(
        `${file}: written by another version of Scorebook (scorebook: 2)`,
      );
      writeFileSync(file, '{"scorebook": 1, "agents": [{"agent_id": "a1"');
      expect(() => indexExplanations(file)).toThrow(`${file}: not valid JSON (it ends inside a value)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('downloads', () => {
  // One list (@scorebook/contract) that `site build` copies and the site links.
  it('are the period files offered byte for byte, in this order', () => {
    expect([...PUBLISHED_FILES]).toEqual([
      'results.json',
      'explanations.json',
      'policy.json',
      'rejected.json',
      'manifest.json',
    ]);
  });
});

describe('the publication an appeal is measured against', () => {
  // A publication of the agent with this total, the appeals applied to it, and the slot it superseded.
  const publication = (total: number, applied: string[], supersedes: string | null) => ({
    results: {
      agents: [
        {
          ...agent(),
          total_score: total,
          appeals: applied.map((id) => ({
            id,
            disputes: 'qa_reviews/q1',
            outcome: 'upheld' as const,
            status: 'applied' as const,
            role: 'appellant' as const,
          })),
        },
      ],
    } as unknown as Results,
    manifest: (supersedes === null
      ? { supersedes: null }
      : { supersedes: { publication: `superseded/${supersedes}`, reason: 'r' } }) as unknown as Manifest,
  });
  const period = (
    now: ReturnType<typeof publication>,
    history: Record<string, ReturnType<typeof publication>>,
  ) => {
    const p = fakePeriod({});
    const current = now.results.agents[0] as Results['agents'][number];
    p.agents.set('a1', current);
    return {
      agent: current,
      period: {
        ...p,
        manifest: now.manifest,
        history: Object.entries(history).map(([dir, h]) => ({ dir, ...h })),
      } as SitePeriod,
    };
  };

  it('skips a later supersede that applied the same appeals (an engine upgrade) back to the one before the decision', () => {
    const { period: p, agent: a } = period(publication(80, ['ap-1'], '2'), {
      '1': publication(70, [], null),
      '2': publication(80, ['ap-1'], '1'),
    });
    expect(resultBefore(p, a)?.total_score).toBe(70);
  });

  it('is the publication superseded when it lacks one of the appeals; none when the agent has none applied or every one applied them', () => {
    const lacking = period(publication(80, ['ap-1', 'ap-2'], '2'), {
      '1': publication(60, [], null),
      '2': publication(75, ['ap-1'], '1'),
    });
    expect(resultBefore(lacking.period, lacking.agent)?.total_score).toBe(75);
    const none = period(publication(80, [], '2'), {
      '1': publication(60, [], null),
      '2': publication(75, [], '1'),
    });
    // A supersede that moved the total for another reason is not "before the decisions".
    expect(resultBefore(none.period, none.agent)).toBe(null);
    const all = period(publication(80, ['ap-1'], '1'), { '1': publication(78, ['ap-1'], null) });
    expect(resultBefore(all.period, all.agent)).toBe(null);
  });
});
