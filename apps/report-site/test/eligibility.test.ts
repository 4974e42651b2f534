import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatedSite } from './fixture-site.ts';

// Two agents under an eligibility rule of a QA mean of at least 80: a1 has 80, a2 70. The page
// says whether the agent meets the rule; the reason is what is said to one who does not. a3's
// role has no scorecard.
const policy = `scorebook: 2
id: eligible
version: "1"
effective_from: 2026-01-01
title: 考核
timezone: Asia/Shanghai
grades:
  - { grade: A, min_score: 80 }
  - { grade: D, min_score: 0 }
scorecards:
  aftersale:
    title: 售后
    roles: [aftersale]
    eligibility:
      when: { all: [{ fact: qa_score, operator: greaterThanInclusive, value: 80 }] }
      reason: 当月质检均分低于 80,不参与评级
      reason_en: A QA mean below 80 this month, not rated
    scored:
      - { metric: qa_score, weight: 100, target: 90, floor: 60 }
    vetoes:
      - id: complaints
        reason: 投诉过多
        when: { all: [{ fact: complaint_rate, operator: greaterThan, value: 0.05 }, { fact: qa_score, operator: lessThan, value: 60 }] }
        cap_grade: D
appeals:
  window_days: 10
  tables: [qa_reviews]
`;

let work = '';
const page = (lang: string, agent: string) =>
  readFileSync(join(work, 'site', lang, 'periods', '2026-10', 'agents', agent, 'index.html'), 'utf8');
const eligibility = (html: string) =>
  /<p data-eligibility="([^"]+)"[^>]*>(.*?)<span/s
    .exec(html)
    ?.slice(1, 3)
    .map((s) => s.replace(/<[^>]+>/g, '').trim());

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'scorebook-eligibility-site-'));
  const policies = join(work, 'policies', 'eligible');
  const data = join(work, 'data');
  const appeals = join(work, 'appeals');
  for (const dir of [policies, data, appeals]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(policies, '2026-01-01.yaml'), policy);
  writeFileSync(
    join(data, 'agents.csv'),
    'agent_id,name,team,role\na1,甲,一组,aftersale\na2,乙,一组,aftersale\na3,丙,社群组,community\n',
  );
  writeFileSync(
    join(data, 'qa_reviews.csv'),
    [
      'review_id,agent_id,reviewed_at,score,red_line',
      'q1,a1,2026-10-05T10:00:00+08:00,75,false',
      'q2,a1,2026-10-06T10:00:00+08:00,85,false',
      'q3,a2,2026-10-05T10:00:00+08:00,70,false',
      '',
    ].join('\n'),
  );
  evaluatedSite(work, { policies, data, appeals, period: '2026-10', tables: ['agents', 'qa_reviews'] });
});

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

describe('the eligibility block of an agent page', () => {
  it('says an eligible agent meets the rule, without the reason given to those who do not', () => {
    expect(eligibility(page('zh', 'a1'))).toEqual(['met', '满足参评条件,参评。']);
    expect(page('zh', 'a1')).not.toContain('当月质检均分低于 80');
    expect(eligibility(page('en', 'a1'))).toEqual(['met', 'Meets the eligibility rule: rated.']);
  });

  it('gives an agent who does not meet it the reason, in the page language', () => {
    expect(eligibility(page('zh', 'a2'))).toEqual([
      'not-met',
      '不满足参评条件,不参评: 当月质检均分低于 80,不参与评级',
    ]);
    expect(eligibility(page('en', 'a2'))).toEqual([
      'not-met',
      'Does not meet the eligibility rule, not rated: A QA mean below 80 this month, not rated',
    ]);
  });

  it('gives the status of a not-rated agent its reason in the page language (trial 6 M1)', () => {
    const status = (html: string) =>
      /<p>(?:状态|Status): (.*?)<\/p>/s
        .exec(html)?.[1]
        ?.replace(/<[^>]+>/g, '')
        .replaceAll('&quot;', '"')
        .trim();
    expect(status(page('zh', 'a2'))).toBe('未参评 — 当月质检均分低于 80,不参与评级');
    expect(status(page('en', 'a2'))).toBe('not rated — A QA mean below 80 this month, not rated');
    expect(status(page('zh', 'a3'))).toBe('未参评 — 岗位 "community" 没有考核表');
    expect(status(page('en', 'a3'))).toBe('not rated — no scorecard for role "community"');
  });

  it('shows a not-rated agent no points lost and no adjustment sum, but its metrics by score (trial 11)', () => {
    const text = (html: string) =>
      html
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    const weakest = (html: string) =>
      text(/<section class="weakest"[^>]*>(.*?)<div class="plan-box/s.exec(html)?.[1] ?? '');
    const adjustments = (html: string) =>
      text(/<div class="big" data-adjustments-sum>(.*?)<\/div>/s.exec(html)?.[1] ?? '');
    const headers = (html: string) =>
      [
        ...(/<table class="scorecard"[^>]*>.*?<thead>(.*?)<\/thead>/s
          .exec(html)?.[1]
          ?.matchAll(/<th[^>]*>(.*?)<\/th>/g) ?? []),
      ].map((m) => text(m[1] ?? ''));
    const zh = page('zh', 'a2');
    expect(zh).toContain('data-weakest="not-rated"');
    expect(weakest(zh)).toBe(
      '最需改进的三个指标 未参评,没有基础分,所以不计失分,也不计加减分。下面按指标得分(100 为达标)从低到高列出未达标的指标。 质检得分 — 得分 33.3 (70; 目标值 / 底线值 90 / 60)',
    );
    expect(adjustments(zh)).toBe('—');
    expect(headers(zh)).toEqual(['指标', '实际值', '目标值 / 底线值', '得分', '权重', '样本', '状态']);
    const en = page('en', 'a2');
    expect(weakest(en)).toBe(
      'Three metrics furthest below target Not rated: there is no base score, so no points are lost and no adjustments count. Below are the metrics under target, lowest score first (100 = at target). QA score — score 33.3 (70; Target / Floor 90 / 60)',
    );
    // A rated agent keeps its points lost, its adjustment sum and the column.
    const rated = page('zh', 'a1');
    expect(weakest(rated)).toBe('最需改进的三个指标 质检得分 — 失 33.3 分 (80; 目标值 / 底线值 90 / 60)');
    expect(adjustments(rated)).toBe('0');
    expect(headers(rated)).toEqual([
      '指标',
      '实际值',
      '目标值 / 底线值',
      '得分',
      '权重',
      '失分',
      '样本',
      '状态',
    ]);
  });

  it('says how to appeal when the agent has none: the rule of a draft’s window, what and how (trial 11)', () => {
    const section = (html: string) =>
      [...html.matchAll(/<p data-appeal-(window|what|procedure)[^>]*>(.*?)<\/p>/gs)].map((m) => [
        m[1],
        m[2]?.replaceAll('&lt;', '<').replaceAll('&gt;', '>'),
      ]);
    const zh = page('zh', 'a2');
    expect(zh).not.toContain('data-appeals>');
    expect(zh).toContain('<h2>如何申诉</h2>');
    expect(section(zh)).toEqual([
      [
        'window',
        '申诉期限:本期间尚未发布,期限还没有开始。按策略,首次发布后 10 天内可申诉(从发布日的次日算起),具体日期发布后才能确定。',
      ],
      [
        'what',
        '可申诉的对象:本页列出的记录,计入的和被剔除的都可以(写成「表/编号」,如 complaints/p00012;可申诉的表:qa_reviews);指标:质检得分;成立的一票否决:投诉过多。',
      ],
      [
        'procedure',
        '申诉方式:向主管提出,写明申诉对象和理由。每份申诉记录为文件 configs/appeals/2026-10/<申诉编号>.yaml(也可先在 HR/OA 系统登记),裁决经评审合并后,本期间重新发布才生效(见 docs/appeals.md)。',
      ],
    ]);
    expect(section(page('en', 'a1'))).toEqual([
      [
        'window',
        'Deadline: this period is not published yet, so its window has not started. By the policy, appeals may be filed for 10 days after its first publication (counting from the day after), so the date is known only once it is published.',
      ],
      [
        'what',
        'What may be appealed: a record listed on this page, counted or excluded (written <table>/<id>, e.g. complaints/p00012; tables: qa_reviews); a metric: QA score; a veto that held: 投诉过多.',
      ],
      [
        'procedure',
        'How: tell your supervisor what you dispute and why. Each appeal is recorded as the file configs/appeals/2026-10/<appeal id>.yaml (it may first be registered in the HR/OA system); a decision takes effect once it is reviewed, merged and the period is published again (see docs/appeals.md).',
      ],
    ]);
  });

  it('writes a ratio metric’s threshold in the policy page’s veto conditions as a percentage (trial 11)', () => {
    const policyPage = (lang: string) =>
      readFileSync(join(work, 'site', lang, 'policies', 'eligible', '1', 'index.html'), 'utf8');
    const veto = (html: string) =>
      /<tr><th scope="row"><code>complaints<\/code><\/th>.*?<\/tr>/s.exec(html)?.[0];
    expect(veto(policyPage('zh'))).toContain('<code>complaint_rate 大于 5% 且 qa_score 小于 60</code>');
    expect(veto(policyPage('en'))).toContain(
      '<code>complaint_rate is greater than 5% AND qa_score is less than 60</code>',
    );
  });
});
