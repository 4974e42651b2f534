// Browser test of the agent's scorecard, the page an agent brings to the 绩效面谈: the first
// screen, readable records, links to other periods and to the policy line, trends, and the
// printed document. Numbers are computed here from the fixture's result files.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AgentExplanation, AgentResult, Manifest, PolicySnapshot, Results } from '@scorebook/contract';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatDelta, formatScore } from '../src/lib/format.ts';
import { checkPage, launchChromium, pdfPages } from './browser.ts';
import { readJson } from './fixture-site.ts';

const fixture = inject('fixture');
let browser: Browser;
let page: Page;
let november: Results;
let october: Results;
let policy: PolicySnapshot;
let explanations: Map<string, AgentExplanation>;

const url = (path: string) => pathToFileURL(join(fixture?.site ?? '', path)).href;

beforeAll(async () => {
  if (fixture === null) return;
  november = readJson<Results>(join(fixture.results, '2026-11/results.json'));
  october = readJson<Results>(join(fixture.results, '2026-10/results.json'));
  policy = readJson<PolicySnapshot>(join(fixture.results, '2026-11/policy.json'));
  explanations = new Map(
    readJson<{ agents: AgentExplanation[] }>(join(fixture.results, '2026-11/explanations.json')).agents.map(
      (a) => [a.agent_id, a],
    ),
  );
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
});

// Points lost per scored metric: (100 − score) × weight ÷ the weights that scored.
function lostPoints(agent: AgentResult): Array<[string, number]> {
  const scored = Object.entries(agent.metrics).filter(([, m]) => m.status === 'scored' && m.score !== null);
  const weights = scored.reduce((s, [, m]) => s + (m.weight ?? 0), 0);
  return scored.map(([id, m]) => [id, ((100 - (m.score ?? 0)) * (m.weight ?? 0)) / weights]);
}

describe.skipIf(fixture === null)('the agent’s scorecard', () => {
  it('shows grade, total, its change, the points to the next grade and the three weakest metrics by points lost', async () => {
    const agent = november.agents.find((a) => a.agent_id === 'a0001');
    const before = october.agents.find((a) => a.agent_id === 'a0001');
    if (agent?.total_score == null || before?.total_score == null) throw new Error('a0001 is not rated');
    await page.goto(url('zh/periods/2026-11/agents/a0001/index.html'));
    const card = page.locator('[data-grade-card]');
    expect(await card.locator('[data-total]').textContent()).toBe(formatScore(agent.total_score));
    expect(await card.locator('[data-delta]').textContent()).toBe(
      `较2026年10月 ${formatDelta(agent.total_score - before.total_score)}`,
    );
    const grades = policy.grades;
    const reached = grades.findIndex((g) => g.min_score <= (agent.total_score ?? 0));
    const better = grades[reached - 1];
    expect(await card.locator('[data-next-grade]').textContent()).toBe(
      better === undefined
        ? '已是最高等级'
        : `距 ${better.grade} 还差 ${formatScore(better.min_score - agent.total_score)} 分`,
    );
    // A veto capping the grade below the next one by total says so (a0012: red line, cap D).
    const vetoed = november.agents.find((a) => a.agent_id === 'a0012');
    if (vetoed?.total_score == null || vetoed.vetoes.length === 0) throw new Error('a0012 is not vetoed');
    await page.goto(url('zh/periods/2026-11/agents/a0012/index.html'));
    const nextBetter = grades.filter((g) => g.min_score > (vetoed.total_score ?? 0)).at(-1);
    expect(await page.locator('[data-grade-card] [data-next-grade][data-capped]').textContent()).toBe(
      `距 ${nextBetter?.grade} 还差 ${formatScore((nextBetter?.min_score ?? 0) - vetoed.total_score)} 分,但一票否决把等级封顶在 D:否决成立时,总分再高等级也不会高于 D`,
    );
    await page.goto(url('zh/periods/2026-11/agents/a0001/index.html'));
    const expected = lostPoints(agent)
      .filter(([, lost]) => lost > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3);
    expect(
      await page
        .locator('[data-weakest] li')
        .evaluateAll((li) => li.map((x) => x.getAttribute('data-metric'))),
    ).toEqual(expected.map(([id]) => id));
    expect(await page.locator('[data-weakest] li strong').first().textContent()).toBe(
      `失 ${formatScore(expected[0]?.[1])} 分`,
    );
    const standings = await page
      .locator('[data-scorecard] tr[data-metric]')
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-metric'), r.getAttribute('data-standing')]),
      );
    expect(standings.length).toBe(6);
    for (const [id, standing] of standings) {
      const score = agent.metrics[id ?? '']?.score ?? null;
      expect(standing, id ?? '').toBe(
        score === null ? 'unscored' : score >= 100 ? 'met' : score <= 0 ? 'floor' : 'below',
      );
    }
    await checkPage(page, 'scorecard');
  });

  it('shows a vetoed agent’s veto and capped grade on the grade card', async () => {
    const vetoed = november.agents.find((a) => a.vetoes.length > 0);
    if (vetoed === undefined) throw new Error('November has no vetoed agent');
    await page.goto(url(`zh/periods/2026-11/agents/${vetoed.agent_id}/index.html`));
    const veto = page.locator(`[data-grade-card] [data-veto="${vetoed.vetoes[0]}"]`);
    expect(await veto.textContent()).toMatch(/^一票否决:.+ · 等级封顶 D/);
  });

  it('shows the records behind a number readably: Chinese labels, the deciding column first, local times, a count that says what it counts', async () => {
    await page.goto(url('zh/periods/2026-11/agents/a0001/index.html'));
    const frt = page.locator('[data-evidence] details[data-metric="first_response_time"]');
    await frt.locator('summary').click();
    const headers = await frt.locator('thead th').allTextContents();
    expect(headers).toEqual(['响应用时', '首次响应', '客户消息时间', '会话', '渠道', '客服回复位置']);
    const first = await frt.locator('tbody tr').first().locator('td').allTextContents();
    expect(first[0]).toMatch(/^\d+(\.\d)? (秒|分钟|小时)$/);
    expect(first[1]).toMatch(/^(是|否)$/);
    expect(first[2]).toMatch(/^2026-11-\d{2} \d{2}:\d{2}:\d{2}$/);
    const evidence = explanations.get('a0001')?.metrics.first_response_time?.evidence;
    if (evidence === undefined) throw new Error('a0001 has no first-response evidence');
    const target =
      policy.scorecards
        .find((s) => s.id === 'presale')
        ?.scored.find((i) => i.metric === 'first_response_time')?.target ?? 0;
    const below = evidence.records.filter((r) => Number(r.fields.seconds) > target).length;
    const exact = below < evidence.records.length || evidence.records.length === evidence.total;
    expect(await frt.locator('[data-evidence-count]').textContent()).toBe(
      `${exact ? '' : '至少 '}${below} 条未达目标的记录(共 ${evidence.total} 条计入)`,
    );
    expect(await frt.locator('tbody tr').count()).toBe(evidence.records.length);
    expect(await page.locator('[data-evidence] h2').textContent()).toBe('计入的记录');
    expect(await page.locator('[data-evidence-intro]').textContent()).toBe(
      '每个指标一栏:它计入了多少条记录,以及其中对它影响最大的至多 20 条(结果文件为每个指标保存的条数;计数是完整的)。',
    );
    if (evidence.total > evidence.records.length)
      expect(await frt.locator('[data-evidence-listed]').textContent()).toBe(
        `(列出 ${evidence.records.length} 条)`,
      );
    const reply = page.locator('[data-evidence] details[data-metric="reply_rate"] [data-evidence-count]');
    const replyRate = november.agents.find((a) => a.agent_id === 'a0001')?.metrics.reply_rate;
    const missed = explanations.get('a0001')?.metrics.reply_rate?.evidence.total;
    expect(await reply.textContent()).toBe(`${replyRate?.sample} 条记录中 ${missed} 条未达成`);
  });

  it('links to the agent’s other periods and to the exact line of the policy, and marks policy changes in the trend', async () => {
    await page.goto(url('zh/periods/2026-11/agents/a0001/index.html'));
    expect(await page.locator('[data-other-periods] a').allTextContents()).toEqual([
      '2026年12月',
      '2026年第4季度',
      '2026年10月',
    ]);
    const line = page.locator('tr[data-metric="first_response_time"] a.policy-line');
    const href = (await line.getAttribute('href')) ?? '';
    const item = policy.scorecards
      .find((s) => s.id === 'presale')
      ?.scored.find((i) => i.metric === 'first_response_time');
    expect(href).toMatch(new RegExp(`policies/ecommerce-cs/2026\\.11/index\\.html#L${item?.line}$`));
    expect(await line.textContent()).toBe(`策略第 ${item?.line} 行`);
    expect(await line.getAttribute('title')).toBe(`策略原文第 ${item?.line} 行`);
    await page.goto(url('en/periods/2026-11/agents/a0001/index.html'));
    expect(await line.textContent()).toBe(`policy line ${item?.line}`);
    expect(await line.getAttribute('title')).toBe(`policy text, line ${item?.line}`);
    await page.goto(url('zh/periods/2026-11/agents/a0001/index.html'));
    await line.click();
    const target = page.locator(`#L${item?.line}`);
    expect(await target.textContent()).toBe(`${policy.text.split('\n')[(item?.line ?? 1) - 1]}\n`);
    expect(await target.textContent()).toContain('first_response_time');
    await page.goto(url('zh/periods/2026-11/agents/a0001/index.html'));
    expect(await page.locator('[data-trend] [data-version-changed]').count()).toBe(1);
    await page.goto(url('zh/periods/2026-Q4/agents/a0001/index.html'));
    expect(await page.locator('[data-governed]').textContent()).toContain(
      '本期间按策略 ecommerce-cs 2026.10(2026-10-01 生效,即期间首日生效的版本)考核。',
    );
    expect(await page.locator('[data-months-governed]').textContent()).toContain('2026年11月 2026.11');
  });

  it('prints as a 面谈 document of at most two A4 pages: header, scorecard, weakest metrics, a plan box and signature lines', async () => {
    for (const agentId of ['a0001', november.agents.find((a) => a.vetoes.length > 0)?.agent_id ?? '']) {
      await page.goto(url(`zh/periods/2026-11/agents/${agentId}/index.html`));
      await page.emulateMedia({ media: 'print' });
      for (const part of [
        '[data-print-header]',
        '[data-scorecard]',
        '[data-weakest]',
        '[data-plan-box]',
        '[data-signatures]',
      ])
        expect(await page.locator(part).isVisible(), `${agentId} ${part}`).toBe(true);
      expect(await page.locator('[data-evidence]').isVisible()).toBe(false);
      expect(await page.locator('[data-print-header]').textContent()).toContain('ecommerce-cs 2026.11');
      await page.emulateMedia({ media: null });
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      expect(pdfPages(pdf), agentId).toBeGreaterThanOrEqual(1);
      expect(pdfPages(pdf), agentId).toBeLessThanOrEqual(2);
    }
  });

  it('names adjustments by their metric and rule, and prints no adjustment id', async () => {
    const agent = november.agents.find(
      (a) => (a.adjustments['praise-bonus'] ?? 0) > 0 && a.scorecard === 'aftersale',
    );
    const title = policy.metrics.find((m) => m.id === 'praise_count')?.title ?? '';
    expect(title).not.toBe('');
    await page.goto(url(`zh/periods/2026-11/agents/${agent?.agent_id}/index.html`));
    const row = page.locator('[data-adjustment="praise-bonus"]');
    expect(await row.locator('th').textContent()).toBe(`${title} praise-bonus`);
    expect(await row.locator('td').first().textContent()).toBe('每次分值 +1 · 上限 +5');
    await page.emulateMedia({ media: 'print' });
    expect(await row.locator('th code').isVisible()).toBe(false);
    await page.emulateMedia({ media: null });
  });

  it('says by when to appeal as far as the published files tell it (trial 11)', async () => {
    // November: published, then superseded; the window counts from its first publication, a local
    // date of Asia/Shanghai, for the policy's default 30 days.
    const manifest = readJson<Manifest>(join(fixture?.results ?? '', '2026-11/manifest.json'));
    const first = manifest.appeals_window_from?.['2026-11'];
    if (first === undefined) throw new Error('the fixture’s November records no window');
    const published = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(first));
    const last = new Date(Date.parse(`${published}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    const windowOf = async (path: string) => {
      await page.goto(url(path));
      const line = page.locator('[data-appeal-how] [data-appeal-window]');
      return [await line.getAttribute('data-appeal-window'), await line.textContent()];
    };
    expect(await windowOf('zh/periods/2026-11/agents/a0001/index.html')).toEqual([
      'publication',
      `申诉期限:${last} 当天结束前(本期间 ${published} 首次发布,发布后 30 天内可申诉;日期按 Asia/Shanghai)。`,
    ]);
    // October was published before policy.json existed: the site does not know its rules.
    expect(await windowOf('en/periods/2026-10/agents/a0001/index.html')).toEqual([
      'end',
      'Deadline: as the period’s policy rules (30 days after the first publication when it says nothing). This period has no policy.json, so the site does not know its rules.',
    ]);
    // December is a draft: its window has not started.
    expect(await windowOf('zh/periods/2026-12/agents/a0001/index.html')).toEqual([
      'unpublished',
      '申诉期限:本期间尚未发布,期限还没有开始。按策略,首次发布后 30 天内可申诉(从发布日的次日算起),具体日期发布后才能确定。',
    ]);
  });
});
