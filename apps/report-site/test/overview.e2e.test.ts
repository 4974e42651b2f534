// Browser test of what a manager acts on: the period's headline, rankings with vetoed agents at
// their capped grade, the period switcher, the search across agents and teams, readable team
// URLs, the metric page's histogram (marks at their values) and sortable agent table; and of the
// layout on a 390 px phone.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PolicySnapshot, Results } from '@scorebook/contract';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HISTOGRAM } from '../src/lib/charts.ts';
import { formatScore } from '../src/lib/format.ts';
import { checkPage, launchChromium } from './browser.ts';
import { readJson } from './fixture-site.ts';

const fixture = inject('fixture');
let browser: Browser;
let page: Page;
let november: Results;
let october: Results;
let policy: PolicySnapshot;

const url = (path: string) => pathToFileURL(join(fixture?.site ?? '', path)).href;

beforeAll(async () => {
  if (fixture === null) return;
  november = readJson<Results>(join(fixture.results, '2026-11/results.json'));
  october = readJson<Results>(join(fixture.results, '2026-10/results.json'));
  policy = readJson<PolicySnapshot>(join(fixture.results, '2026-11/policy.json'));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
});

const meanOf = (r: Results) => {
  const totals = r.agents.filter((a) => a.status === 'rated').map((a) => a.total_score ?? 0);
  return totals.reduce((s, x) => s + x, 0) / totals.length;
};

describe.skipIf(fixture === null)('the manager’s overview', () => {
  it('leads with the key finding, the rated agents, the mean and its change, and the grade mix against last period', async () => {
    await page.goto(url('zh/periods/2026-11/index.html'));
    const counts = new Map<string, { below: number; scored: number; scores: number[] }>();
    for (const a of november.agents.filter((x) => x.status === 'rated'))
      for (const [id, m] of Object.entries(a.metrics)) {
        if (m.status !== 'scored' || m.score === null) continue;
        const c = counts.get(id) ?? { below: 0, scored: 0, scores: [] };
        c.scored++;
        if (m.score < 100) {
          c.below++;
          c.scores.push(m.score);
        }
        counts.set(id, c);
      }
    const [top, c] =
      [...counts.entries()].sort((x, y) => y[1].below - x[1].below || (x[0] < y[0] ? -1 : 1))[0] ?? [];
    const title = policy.metrics.find((m) => m.id === top)?.title;
    expect(
      await page.locator('main [data-headline] > *').first().getAttribute('data-finding'),
    ).not.toBeNull();
    expect(await page.locator('[data-finding]').textContent()).toBe(
      `${c?.scored} 名参评客服中有 ${c?.below} 名未达到「${title}」的目标,这些客服该项得分的中位数为 ${formatScore(medianOf(c?.scores ?? []))}(100 为达标)。`,
    );
    expect(await page.locator('[data-rated]').textContent()).toBe(
      `${november.summary.rated} / ${november.summary.agents}`,
    );
    expect(await page.locator('[data-mean]').textContent()).toBe(formatScore(meanOf(november)));
    const delta = Math.round((meanOf(november) - meanOf(october)) * 10) / 10;
    expect(await page.locator('[data-mean-delta]').textContent()).toBe(
      `较2026年10月 ${delta > 0 ? '+' : delta < 0 ? '-' : '±'}${Math.abs(delta).toFixed(1)}`,
    );
    for (const grade of ['S', 'A', 'B', 'C', 'D']) {
      const cells = await page.locator(`[data-grade-mix] tr[data-grade="${grade}"] td`).allTextContents();
      const now = november.summary.grades[grade] ?? 0;
      const before = october.summary.grades[grade] ?? 0;
      expect(cells, grade).toEqual([
        String(now),
        String(before),
        now > before ? `+${now - before}` : now < before ? String(now - before) : '±0',
      ]);
    }
    await checkPage(page, 'overview');
  });

  it('sorts a vetoed agent with its capped grade, below every C agent', async () => {
    await page.goto(url('zh/periods/2026-11/index.html'));
    const vetoed = november.agents.find((a) => a.vetoes.length > 0 && a.grade === 'D');
    if (vetoed === undefined) throw new Error('November has no vetoed agent');
    const table = page.locator(`[data-ranking]:has(tr[data-agent="${vetoed.agent_id}"])`);
    const order = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-agent')));
    const grades = new Map(november.agents.map((a) => [a.agent_id, a.grade]));
    const at = order.indexOf(vetoed.agent_id);
    expect(at).toBeGreaterThan(0);
    for (const id of order.slice(at + 1)) expect(grades.get(id ?? ''), id ?? '').not.toBe('C');
    for (const id of order.slice(0, at)) expect(['S', 'A', 'B', 'C', 'D']).toContain(grades.get(id ?? ''));
    const better = november.agents.filter(
      (a) =>
        a.scorecard === vetoed.scorecard &&
        a.grade === 'C' &&
        (a.total_score ?? 0) < (vetoed.total_score ?? 0),
    );
    for (const a of better) expect(order.indexOf(a.agent_id), a.agent_id).toBeLessThan(at);
  });

  it('switches period and searches agents and teams, with readable team URLs', async () => {
    await page.goto(url('zh/periods/2026-11/index.html'));
    const switcher = page.locator('[data-period-switcher]');
    expect(await switcher.locator('[aria-current="page"]').textContent()).toBe('2026年11月');
    await switcher.getByRole('link', { name: '2026年10月' }).click();
    await expect.poll(() => page.url()).toBe(url('zh/periods/2026-10/index.html'));
    await page.goto(url('zh/periods/2026-11/index.html'));
    const input = page.locator('[data-site-search-input]');
    await input.fill('售后一');
    const results = page.locator('[data-site-search-results] li');
    await expect.poll(() => results.count()).toBeGreaterThan(1);
    const team = page.locator('[data-site-search-results] li[data-kind="team"] a');
    expect(await team.textContent()).toBe('售后一组');
    await team.click();
    await expect.poll(() => page.url()).toBe(url('zh/periods/2026-11/teams/售后一组/index.html'));
    await page.goto(url('zh/periods/2026-11/index.html'));
    await input.fill('a0001');
    await expect.poll(() => results.count()).toBe(1);
    await results.locator('a').click();
    await expect.poll(() => page.url()).toBe(url('zh/periods/2026-11/agents/a0001/index.html'));
  });

  it('draws the metric histogram’s target and floor at their values, and sorts its agent table', async () => {
    await page.goto(url('zh/periods/2026-11/metrics/first_response_time/index.html'));
    const src = (await page.locator('[data-chart="histogram"] img').getAttribute('src')) ?? '';
    const svg = Buffer.from(src.slice(src.indexOf(',') + 1), 'base64').toString('utf8');
    const values = november.agents.flatMap((a) => {
      const v = a.metrics.first_response_time?.value;
      return v === null || v === undefined ? [] : [v];
    });
    const items = policy.scorecards.flatMap((s) =>
      s.scored.filter((i) => i.metric === 'first_response_time'),
    );
    const marks = items.flatMap((i) => [i.target, i.floor]).filter((v): v is number => v !== null);
    expect(marks.length).toBeGreaterThan(1);
    const low = Math.min(...values, ...marks);
    const high = Math.max(...values, ...marks);
    const plot = HISTOGRAM.width - HISTOGRAM.left - HISTOGRAM.right;
    const lines = [...svg.matchAll(/<path d="M([\d.]+) [\d.]+L([\d.]+) [\d.]+"[^>]*stroke-dasharray/g)].map(
      (m) => Number(m[1]),
    );
    expect(lines.length).toBe(marks.length);
    for (const [i, value] of marks.entries())
      expect(
        Math.abs((lines[i] ?? 0) - (HISTOGRAM.left + ((value - low) / (high - low)) * plot)),
      ).toBeLessThan(1);

    const table = page.locator('[data-metric-agents]');
    await table.locator('th[data-key="value"]').click();
    const sorted = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-value'))));
    expect(sorted.length).toBe(values.length);
    expect(sorted).toEqual([...values].sort((a, b) => a - b));
    await table.locator('th[data-key="value"]').click();
    const descending = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-value'))));
    expect(descending).toEqual([...values].sort((a, b) => b - a));
    expect(await table.locator('th[data-key="value"]').getAttribute('aria-sort')).toBe('descending');
  });
});

describe.skipIf(fixture === null)('policy pages', () => {
  it('render the markdown description, sanitised', async () => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(url('zh/policies/ecommerce-cs/2026.12/index.html'));
    const description = page.locator('[data-description]');
    expect(await description.locator('strong').textContent()).toBe('旺季');
    expect(await description.locator('li').count()).toBe(2);
    expect(await description.locator('a').evaluateAll((a) => a.map((x) => x.getAttribute('href')))).toEqual([
      'https://example.com/policy',
    ]);
    expect(await description.locator('script, img, [onerror]').count()).toBe(0);
    expect(await description.textContent()).toContain('<script>alert(1)</script>');
    expect(await description.textContent()).toContain('坏链接');
    expect(dialogs).toBe(0);
  });

  it('show the difference from the previous version as rows with titles and ids, without JSON', async () => {
    await page.goto(url('zh/policies/ecommerce-cs/2026.11/index.html'));
    const rows = page.locator('[data-diff] tbody tr');
    expect(await rows.count()).toBeGreaterThan(5);
    const texts = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')),
    );
    for (const cells of texts) {
      expect(cells).toHaveLength(4);
      expect(cells.join(' '), cells.join(' | ')).not.toMatch(/[{}]|":/);
    }
    expect(texts.some(([where]) => where?.includes('首次响应时间 (first_response_time)'))).toBe(true);
    await page.goto(url('en/policies/ecommerce-cs/2026.11/index.html'));
    const english = await page.locator('[data-diff] tbody tr th').allTextContents();
    expect(english.some((w) => w.includes('First response time (first_response_time)'))).toBe(true);
  });
});

describe.skipIf(fixture === null)('units and layout', () => {
  it('shows units as people read them: 秒/分钟/小时 and %, targets in the values’ unit, no data with its reason', async () => {
    await page.goto(url('zh/periods/2026-11/agents/a0001/index.html'));
    const frt = await page.locator('tr[data-metric="first_response_time"] td').allTextContents();
    expect(frt[0]).toMatch(/^\d+(\.\d)? 秒$/);
    expect(frt[1]).toBe('20 秒 / 1.5 分钟');
    const reply = await page.locator('tr[data-metric="reply_rate"] td').allTextContents();
    expect(reply[0]).toMatch(/^\d+(\.\d)?%$/);
    expect(reply[1]).toBe('98% / 85%');
    await page.goto(url('en/periods/2026-11/agents/a0001/index.html'));
    expect((await page.locator('tr[data-metric="first_response_time"] td').allTextContents())[1]).toBe(
      '20 s / 1.5 min',
    );
    const unscored = november.agents.find((a) =>
      Object.values(a.metrics).some((m) => m.status === 'insufficient'),
    );
    if (unscored === undefined) throw new Error('November has no insufficient sample');
    await page.goto(url(`zh/periods/2026-11/agents/${unscored.agent_id}/index.html`));
    const row = page.locator('tr[data-standing="unscored"]').first();
    expect(await row.locator('td').last().textContent()).toMatch(
      /^不计分 · 样本不足: 样本 \d+ 条,少于最小样本 \d+ 条/,
    );
    // November's agents with too small a sample are not rated: no base score, so no weight is
    // shared out of one (trial 11).
    expect(unscored.status).toBe('not_rated');
    expect(await page.locator('[data-effective-weight-note], [data-effective-weight]').count()).toBe(0);
    // October's a0023 is rated with too small a QA sample: its weight is shared out, each row
    // shows the weight it carries, and a note above the table says why.
    const shared = october.agents.find((a) => a.agent_id === 'a0023');
    if (shared?.status !== 'rated') throw new Error('October’s a0023 is not rated');
    await page.goto(url('zh/periods/2026-10/agents/a0023/index.html'));
    expect(await page.locator('[data-effective-weight-note]').textContent()).toMatch(/^有指标没有得分/);
    const metrics = Object.entries(shared.metrics).filter(([, m]) => m.status !== 'info');
    const scoredWeights = metrics.reduce((s, [, m]) => s + (m.status === 'scored' ? (m.weight ?? 0) : 0), 0);
    for (const [id, m] of metrics)
      expect(await page.locator(`tr[data-metric="${id}"] [data-effective-weight]`).textContent(), id).toBe(
        formatScore(m.status === 'scored' ? ((m.weight ?? 0) * 100) / scoredWeights : 0),
      );
    await page.goto(url('zh/periods/2026-11/agents/a0001/index.html'));
    expect(await page.locator('[data-effective-weight-note], [data-effective-weight]').count()).toBe(0);
  });

  it('has no horizontal overflow at 390 px on any kind of page, and keeps its tables scrolling inside the page', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      for (const path of [
        'zh/index.html',
        'zh/periods/2026-11/index.html',
        'zh/periods/2026-11/agents/a0001/index.html',
        'en/periods/2026-11/agents/a0001/index.html',
        'zh/periods/2026-11/teams/售后一组/index.html',
        'zh/periods/2026-11/metrics/first_response_time/index.html',
        'zh/periods/2026-11/audit/index.html',
        'zh/policies/index.html',
        'zh/policies/ecommerce-cs/2026.11/index.html',
      ]) {
        await phone.goto(url(path));
        expect(await phone.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(
          390,
        );
        const squeezed = await phone.evaluate(
          () =>
            [...document.querySelectorAll('th')].filter((th) => {
              const text = th.textContent?.trim() ?? '';
              return /^[\u4e00-\u9fff]{2,}$/.test(text) && th.getBoundingClientRect().width < 24;
            }).length,
        );
        expect(squeezed, `${path}: Chinese headers broken a character a line`).toBe(0);
      }
      await phone.goto(url('zh/periods/2026-11/index.html'));
      await checkPage(phone, 'overview-390');
    } finally {
      await phone.close();
    }
  });

  it('keeps the status badge, each grade with its count, each team with its average and the scorecard name on one line, at 1280 and 390 px', async () => {
    for (const width of [1280, 390]) {
      const view = await browser.newPage({ viewport: { width, height: 844 } });
      try {
        await view.goto(url('zh/index.html'));
        // An inline box that wraps has a client rect per line; a badge (inline-block) grows taller.
        const lines = (selector: string) =>
          view.locator(selector).evaluateAll((els) => els.map((e) => e.getClientRects().length));
        const row = 'main tbody tr[data-period="2026-11"]';
        const badge = view.locator(`${row} [data-status]`);
        expect(await badge.textContent()).toBe('已发布');
        expect(
          await badge.evaluate(
            (e) => e.getBoundingClientRect().height < 2 * Number.parseFloat(getComputedStyle(e).fontSize),
          ),
          `${width} px: 已发布 on one line`,
        ).toBe(true);
        const counts = await view.locator(`${row} [data-grade-count]`).allTextContents();
        expect(counts).toEqual(
          policy.grades.map((g) => `${g.grade} ${november.summary.grades[g.grade] ?? 0}`),
        );
        expect(new Set(await lines(`${row} [data-grade-count]`)), `${width} px`).toEqual(new Set([1]));
        const teams = [...new Set(november.agents.map((a) => a.team))];
        const averages = (await view.locator(`${row} [data-team-averages]`).textContent()) ?? '';
        expect(averages.split(' · ').map((x) => x.slice(0, x.lastIndexOf(' ')))).toEqual(teams.sort());
        expect(averages).not.toContain(';');
        expect(new Set(await lines(`${row} [data-team-averages] .nowrap`)), `${width} px`).toEqual(
          new Set([1]),
        );

        await view.goto(url('zh/periods/2026-11/agents/a0001/index.html'));
        const card = view.locator('[data-team-scorecard] span.nowrap');
        expect(await card.textContent()).toBe('售前客服');
        expect(await lines('[data-team-scorecard] .nowrap'), `${width} px`).toEqual([1, 1]);
        expect(await view.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      } finally {
        await view.close();
      }
    }
  });
});

describe.skipIf(fixture === null)('the agent’s scorecard table on a phone and in English', () => {
  it('shows each metric’s standing in view at 390 px, beside its name, without scrolling the table', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      for (const [lang, words] of [
        ['zh', ['达标', '未达标', '低于底线', '不计分']],
        ['en', ['on target', 'below target', 'at or beyond the floor', 'not scored']],
      ] as const) {
        for (const agent of ['a0001', 'a0045']) {
          await phone.goto(url(`${lang}/periods/2026-11/agents/${agent}/index.html`));
          const rows = await phone.locator('[data-scorecard] tbody tr[data-metric]').evaluateAll((trs) =>
            trs.map((tr) => {
              // The standings of the row a reader sees: displayed, and inside the viewport's width.
              const seen = [...tr.querySelectorAll('.standing')].filter((e) => {
                const box = e.getBoundingClientRect();
                return box.width > 0 && box.left >= 0 && box.right <= window.innerWidth;
              });
              return { standing: tr.getAttribute('data-standing'), seen: seen.map((e) => e.textContent) };
            }),
          );
          expect(rows.length, `${lang} ${agent}`).toBeGreaterThan(0);
          const word = { met: words[0], below: words[1], floor: words[2], unscored: words[3] };
          for (const row of rows)
            expect(row.seen, `${lang} ${agent} ${row.standing}`).toEqual([
              word[row.standing as keyof typeof word],
            ]);
        }
      }
    } finally {
      await phone.close();
    }
  });

  it('breaks no header inside a word, in English at 1280 and 390 px', async () => {
    for (const width of [1280, 390]) {
      const view = await browser.newPage({ viewport: { width, height: 844 } });
      try {
        for (const path of [
          'en/periods/2026-11/agents/a0001/index.html',
          'en/periods/2026-11/agents/a0045/index.html',
          'en/periods/2026-11/index.html',
        ]) {
          await view.goto(url(path));
          // Each word of a header's text as a range: a word split over two lines has boxes at two heights.
          const broken = await view.evaluate(() =>
            [...document.querySelectorAll('th')].flatMap((th) => {
              const split: string[] = [];
              const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node !== null; node = walker.nextNode())
                for (const m of (node.textContent ?? '').matchAll(/[A-Za-z]{2,}/g)) {
                  const range = document.createRange();
                  range.setStart(node, m.index);
                  range.setEnd(node, m.index + m[0].length);
                  if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1)
                    split.push(m[0]);
                }
              return split;
            }),
          );
          expect(broken, `${width} px ${path}`).toEqual([]);
        }
      } finally {
        await view.close();
      }
    }
  });
});

// The median as docs/site.md defines it: the middle score, or the mean of the middle two.
function medianOf(scores: readonly number[]): number {
  const sorted = [...scores].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
