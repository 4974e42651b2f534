// Browser test of the calibration page (docs/calibration.md) on the fixture site's November:
// for random edits of the sample policy the page's scores, grades and ranks equal those of
// `scorebook evaluate` run with the policy text the page itself writes; a typed change moves the
// grade mix and the movers; a refused change shows validate's code; the URL round-trips; the
// page works from file:// and under a sub-path, at 390 px, and passes axe.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PolicySnapshot, Results } from '@scorebook/contract';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type CalibrationData, editKey, encodeEdits, type Outcome } from '../src/lib/calibrate.ts';
import { calibrationData } from '../src/lib/calibrate-data.ts';
import { checkPage, launchChromium, serveStatic } from './browser.ts';
import { evaluatePeriod, outcomeOfResult, randomEdits } from './calibration-edits.ts';
import { readJson, scorebook } from './fixture-site.ts';

const fixture = inject('fixture');
const PAGE = (lang: string, card: string) => `${lang}/periods/2026-11/calibrate/${card}/index.html`;
const url = (path: string) => pathToFileURL(join(fixture?.site ?? '', path)).href;
let browser: Browser;
let page: Page;
let snapshot: PolicySnapshot;
let results: Results;
let server: Server | null = null;
let origin = '';

beforeAll(async () => {
  if (fixture === null) return;
  snapshot = readJson<PolicySnapshot>(join(fixture.results, '2026-11/policy.json'));
  results = readJson<Results>(join(fixture.results, '2026-11/results.json'));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  ({ server, origin } = await serveStatic(fixture.site, '/sub/site/'));
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** The page's last outcome, without the points it keeps for the movers' causes. */
async function pageOutcomes(): Promise<Array<Omit<Outcome, 'points'>>> {
  return page.evaluate(() => (window.scorebookCalibration?.outcomes ?? []).map(({ points: _, ...o }) => o));
}

const dataOf = (card: string): CalibrationData => calibrationData('2026-11', snapshot, results.agents, card);

describe.skipIf(fixture === null)('the calibration page', () => {
  it.each([1, 2, 3, 4])(
    'scores random edit %i exactly as scorebook evaluate does with the YAML the page writes',
    async (seed) => {
      if (fixture === null) return;
      const card = snapshot.scorecards[seed % snapshot.scorecards.length]?.id ?? '';
      const edits = randomEdits(dataOf(card), seed);
      await page.goto(`${url(PAGE('zh', card))}#${encodeEdits(edits)}`);
      const browserOutcomes = await pageOutcomes();
      expect(await page.locator('[data-problems] li').count()).toBe(0);
      const text = await page.locator('[data-yaml-file]').inputValue();
      const folder = join(fixture.work, `calibrated-${seed}`, snapshot.id);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, snapshot.file), text);
      scorebook('validate', folder);
      const out = join(fixture.work, `calibrated-${seed}`, 'out');
      const engine = evaluatePeriod(folder, join(fixture.work, 'data'), '2026-11', out).agents.filter(
        (a) => a.scorecard === card,
      );
      expect(browserOutcomes).toEqual(engine.map(outcomeOfResult));
      expect(engine.some((a, i) => a.total_score !== dataOf(card).agents[i]?.published.total)).toBe(true);
    },
    120_000,
  );

  it('updates the grade mix, the mean, the movers, the YAML and the URL when a target is typed', async () => {
    await page.goto(url(PAGE('zh', 'aftersale')));
    const published = await page.locator('[data-grade-mix] tbody').textContent();
    expect(await page.locator('[data-yaml]').textContent()).toBe('还没有改动。');
    const input = page.locator(`input[data-key="${editKey('target', 'first_response_time')}"]`);
    expect(await input.inputValue()).toBe('30');
    await input.fill('');
    await input.pressSequentially('60');
    expect(new URL(page.url()).hash).toBe('#target~first_response_time=60');
    expect(await page.locator('[data-grade-mix] tbody').textContent()).not.toBe(published);
    const movers = page.locator('[data-movers] tbody tr[data-agent]');
    expect(await movers.count()).toBeGreaterThan(0);
    expect(await movers.first().locator('td').last().textContent()).toBe('首次响应时间');
    expect(await page.locator('[data-yaml]').textContent()).toContain('target: 60s, floor: 90s');
    const after = await page.locator('[data-mean] [data-after]').textContent();
    expect(after).not.toBe(await page.locator('[data-mean] [data-before]').textContent());

    // Sorting the movers by name, then back.
    await page.locator('[data-movers] [data-sort="name"]').click();
    const names = await page.locator('[data-movers] tbody tr[data-agent] th').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(await page.locator('[data-movers] th[aria-sort="ascending"]').count()).toBe(1);

    // The URL round-trips: opened again, it shows the same change.
    const shared = page.url();
    await page.goto(url(PAGE('zh', 'aftersale')));
    await page.goto(shared);
    expect(await input.inputValue()).toBe('60');
    expect(await page.locator('[data-mean] [data-after]').textContent()).toBe(after);
    await page.locator('[data-reset]').click();
    expect(new URL(page.url()).hash).toBe('');
    expect(await input.inputValue()).toBe('30');
  });

  it('refuses weights that do not add up to 100 with the code and message of scorebook validate', async () => {
    await page.goto(url(PAGE('en', 'aftersale')));
    await page.locator(`input[data-key="${editKey('weight', 'fcr')}"]`).fill('20');
    const problem = page.locator('[data-problems] li');
    expect(await problem.getAttribute('data-problem')).toBe('WEIGHTS_NOT_100');
    expect(await problem.textContent()).toBe(
      'WEIGHTS_NOT_100: The weights of scorecard "aftersale" add up to 105; they must add up to 100: first_response_time 25 + avg_response_time 15 + reply_rate 5 + csat_rate 15 + fcr 20 + complaint_rate 10 + qa_score 15 = 105.',
    );
  });

  it('works under a sub-path, at 390 px without sideways scrolling, and passes axe', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const requests: string[] = [];
    phone.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await phone.goto(`${origin}/sub/site/${PAGE('zh', 'presale')}#${editKey('grade', 'S')}=90`);
    expect(await phone.evaluate(() => window.scorebookCalibration?.edits)).toEqual({ 'grade~S': 90 });
    expect(requests.every((p) => p.startsWith('/sub/site/'))).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await checkPage(phone, 'calibrate-390');
    await phone.close();
  });

  it('says so when policy.json no longer gives the published results (December’s was edited)', async () => {
    await page.goto(url(PAGE('zh', 'aftersale')));
    expect(await page.locator('[data-drift]').isVisible()).toBe(false);
    await page.goto(url('zh/periods/2026-12/calibrate/aftersale/index.html'));
    expect(await page.locator('[data-drift]').isVisible()).toBe(true);
  });

  it('is the one page with a script of its own: the overview and an agent page have none', async () => {
    for (const path of ['zh/periods/2026-11/index.html', 'zh/periods/2026-11/agents/a0001/index.html']) {
      await page.goto(url(path));
      expect(await page.locator('script[src$="calibrate.js"]').count()).toBe(0);
    }
    await page.goto(url('zh/periods/2026-11/index.html'));
    await page.locator('[data-calibrate-link] a').first().click();
    // The count is taken on the page the link opens, once it has loaded (a loaded machine was slower).
    await page.waitForURL(/\/calibrate\//);
    await page.waitForLoadState('load');
    expect(await page.locator('script[src$="calibrate.js"]').count()).toBe(1);
  });
});
