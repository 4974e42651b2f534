// Browser test of an upheld appeal that voided a veto (docs/appeals.md, `void_veto`): November
// evaluated without the appeal and published (a manifest written here), then evaluated again with
// ap-101 decided and published as superseding it, the first publication kept in superseded/1 with
// the reason publish records for an appeal (`appeals: ap-101`). a1 is capped at D by the red line
// in the first publication and C after the decision; explanations still show the veto holding.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_TABLES, type Manifest, PUBLISHED_FILES, type Results } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { builtSite, checkPage } from './browser.ts';
import { readJson, scorebook } from './fixture-site.ts';

const POLICY = `scorebook: 1
id: va
version: "1"
effective_from: 2026-11-01
title: 申诉撤销否决
timezone: Asia/Shanghai
grades:
  - { grade: A, min_score: 85, label: 优秀, label_en: Excellent }
  - { grade: C, min_score: 60, label: 合格, label_en: Fair }
  - { grade: D, min_score: 0, label: 待改进, label_en: Needs work }
scorecards:
  aftersale:
    title: 售后
    title_en: After-sales
    roles: [aftersale]
    scored:
      - { metric: qa_score, weight: 100, target: 100, floor: 0 }
    vetoes:
      - id: red-line
        reason: 质检红线
        reason_en: QA red line
        when: { all: [{ fact: red_line_count, operator: greaterThanInclusive, value: 1 }] }
        cap_grade: D
`;

const APPEAL = `scorebook: 1
kind: appeal
agent: a1
filed_at: 2026-12-02T15:30:00+08:00
disputes: { veto: red-line }
claim: 质检红线是误判
decision:
  outcome: upheld
  decided_by: 王经理
  decided_at: 2026-12-03
  reason: 复听录音,红线判定有误
  actions:
    - void_veto: red-line
`;

/** The reason `publish --supersede` records when only an appeal changed and no `--reason` is given. */
const AUTOMATIC_REASON = 'appeals: ap-101';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A manifest of an evaluated folder, as publish writes one (no git commit: the test is not in git). */
function manifestOf(folder: string, supersedes: Manifest['supersedes'], publishedAt: string): Manifest {
  const results = readJson<Results>(join(folder, 'results.json'));
  const files = PUBLISHED_FILES.filter((f) => existsSync(join(folder, f)));
  return {
    scorebook: 1,
    period: '2026-11',
    status: 'closed',
    published_at_commit: null,
    policy: { ...results.policy, git_commit: null },
    data_dir: 'data',
    inputs: {},
    engine: { version: results.engine.version },
    files: Object.fromEntries(files.map((f) => [f, sha256(join(folder, f))])),
    command: 'written by veto-appeal.e2e.test.ts',
    supersedes,
    published_at: publishedAt,
  };
}

const site = builtSite('a veto voided by an appeal', (work) => {
  const policies = join(work, 'policies', 'va');
  const data = join(work, 'data');
  const results = join(work, 'results');
  const before = join(work, 'before');
  const appeals = join(work, 'appeals');
  for (const dir of [policies, data, results, before, join(appeals, '2026-11')])
    mkdirSync(dir, { recursive: true });
  writeFileSync(join(policies, '2026-11-01.yaml'), POLICY);
  writeFileSync(
    join(data, 'agents.csv'),
    'agent_id,name,team,role\na1,甲,一组,aftersale\na2,乙,一组,aftersale\n',
  );
  writeFileSync(
    join(data, 'qa_reviews.csv'),
    'review_id,agent_id,reviewed_at,score,red_line\nq1,a1,2026-11-05T10:00:00+08:00,80,true\nq2,a2,2026-11-05T10:00:00+08:00,90,false\n',
  );
  const missing = INPUT_TABLES.filter((t) => t !== 'agents' && t !== 'qa_reviews').join(',');
  const evaluate = (out: string) =>
    scorebook(
      'evaluate',
      ...['--policies', policies, '--data', data, '--allow-missing', missing, '--appeals', appeals],
      ...['--results', join(work, 'no-history'), '--period', '2026-11', '--out', out, '--quiet'],
    );
  const first = join(before, '2026-11');
  evaluate(first);
  writeFileSync(
    join(first, 'manifest.json'),
    `${JSON.stringify(manifestOf(first, null, '2026-12-01T02:00:00.000Z'), null, 2)}\n`,
  );
  writeFileSync(join(appeals, '2026-11', 'ap-101.yaml'), APPEAL);
  const november = join(results, '2026-11');
  evaluate(november);
  const current = manifestOf(
    november,
    { publication: 'superseded/1', reason: AUTOMATIC_REASON },
    '2026-12-03T09:00:00.000Z',
  );
  cpSync(first, join(november, 'superseded', '1'), { recursive: true });
  writeFileSync(join(november, 'manifest.json'), `${JSON.stringify(current, null, 2)}\n`);
  scorebook('site', 'build', '--results', results, '--out', join(work, 'site'), '--quiet');
});
const { url } = site;
const text = (selector: string) => site.page.locator(selector).first().textContent();

describe.skipIf(!site.present)('an agent page with a veto an upheld appeal voided', () => {
  it('says the veto holds but was voided by the appeal, and shows the grade before the decision', async () => {
    await site.page.goto(url('zh/periods/2026-11/agents/a1/index.html'));
    expect(await text('[data-grade-card] .grade')).toBe('C 合格');
    expect(await text('[data-grade-card] [data-before-decisions]')).toBe('裁决前(被替换的发布):D · 80.0');
    expect(await site.page.locator('[data-grade-card] [data-veto]').count()).toBe(0);
    expect(await text('[data-grade-card] [data-veto-voided="red-line"]')).toBe(
      '一票否决:质检红线 · 已因申诉 ap-101 撤销,不封顶',
    );
    expect(await text('[data-veto-condition="red-line"] [data-veto-voided]')).toBe(
      '→ 成立,但已因申诉 ap-101 裁决撤销,不封顶',
    );
    expect(await text('[data-appeal="ap-101"] h3')).toBe('ap-101 · 一票否决:质检红线 · 已执行');
    expect(await text('[data-appeal="ap-101"] [data-appeal-action]')).toBe('一票否决不生效 质检红线');
    await checkPage(site.page, 'veto-voided-zh');

    await site.page.goto(url('en/periods/2026-11/agents/a1/index.html'));
    expect(await text('[data-grade-card] [data-before-decisions]')).toBe(
      'Before the decisions (the superseded publication): D · 80.0',
    );
    expect(await text('[data-grade-card] [data-veto-voided="red-line"]')).toBe(
      'Veto: QA red line · voided by appeal ap-101: no cap',
    );
    expect(await text('[data-veto-condition="red-line"] [data-veto-voided]')).toBe(
      '→ holds, but voided by appeal ap-101: no cap',
    );
    expect(await text('[data-appeal="ap-101"] h3')).toBe('ap-101 · Veto: QA red line · applied');
    await checkPage(site.page, 'veto-voided-en');
  });

  it('shows no voided veto and no grade before the decisions for an agent without an appeal', async () => {
    await site.page.goto(url('zh/periods/2026-11/agents/a2/index.html'));
    expect(await site.page.locator('[data-before-decisions]').count()).toBe(0);
    expect(await site.page.locator('[data-veto-voided]').count()).toBe(0);
    await site.page.goto(url('zh/periods/2026-11/index.html'));
    expect(await site.page.locator('body').textContent()).not.toContain('veto:red-line');
  });

  it('labels the reason publish wrote for the appeal as recorded, with what it means', async () => {
    await site.page.goto(url('zh/periods/2026-11/audit/index.html'));
    const rows = site.page.locator('[data-history] tbody tr');
    expect(await rows.count()).toBe(2);
    // 2026-12-01T02:00Z is 10:00 in Asia/Shanghai.
    expect(await rows.nth(0).locator('td').first().textContent()).toBe('2026-12-01 10:00');
    expect(await rows.nth(0).locator('[data-replaced-because]').textContent()).toBe(
      'appeals: ap-101 其中「appeals: …」是发布时自动加上的,列出新增或改动的申诉:ap-101',
    );
    expect(await site.page.locator('[data-history] thead').textContent()).toBe(
      '发布发布时间策略等级分布被替换的原因(替换它的发布所记录的原文)',
    );
    await checkPage(site.page, 'history-automatic-reason-zh');
    await site.page.goto(url('en/periods/2026-11/audit/index.html'));
    expect(await rows.nth(0).locator('[data-replaced-because]').textContent()).toBe(
      'appeals: ap-101 "appeals: …" was added by publish, listing the new or changed appeals: ap-101',
    );
    expect(await rows.nth(1).locator('th').textContent()).toBe('Publication 2in force');
  });
});
