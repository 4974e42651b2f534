// Browser test of the large-period limits (docs/site.md, "Large periods") on a generated large
// month kept small enough for CI: the sample company's October and November evaluated, then
// each month's aftersale agents repeated to 520 agents of one team (ids made unique), so that a
// scorecard has more than one page of full ranking (500 a page), a team more members than its
// page lists (200), a metric more agents than its table lists (200). Only November's pages are
// built (October is read for the grade movements), from results.json and policy.json alone.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AgentResult, Results } from '@scorebook/contract';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  METRIC_TABLE_LIMIT,
  MOVEMENTS_LIMIT,
  RANKING_PAGE,
  RANKING_PREVIEW,
  TEAM_MEMBERS_LIMIT,
} from '../src/lib/limits.ts';
import { t } from '../src/lib/messages.ts';
import { launchChromium } from './browser.ts';
import { evaluatePeriod } from './calibration-edits.ts';
import { ROOT, readJson } from './fixture-site.ts';

const fixture = inject('fixture');
const AGENTS = 520;
const TEAM = '大组';
let work = '';
let site = '';
let november: Results;
let browser: Browser;
let page: Page;

const url = (path: string) => pathToFileURL(join(site, path)).href;

/** The month's aftersale agents repeated to {@link AGENTS}, all in {@link TEAM}; the others as they are. */
function enlarge(results: Results): Results {
  const own = results.agents.filter((a) => a.scorecard === 'aftersale');
  const copies: AgentResult[] = Array.from({ length: AGENTS }, (_, i) => {
    const a = own[i % own.length] as AgentResult;
    return { ...a, agent_id: `${a.agent_id}-${String(i).padStart(3, '0')}`, team: TEAM };
  });
  return { ...results, agents: [...results.agents.filter((a) => a.scorecard !== 'aftersale'), ...copies] };
}

beforeAll(() => {
  if (fixture === null) return;
  work = mkdtempSync(join(tmpdir(), 'scorebook-large-'));
  const results = join(work, 'results');
  for (const period of ['2026-10', '2026-11']) {
    const out = join(results, period);
    const evaluated = evaluatePeriod(join(ROOT, 'configs/policies/ecommerce-cs'), 'data/sample', period, out);
    // The copies have no explanations: the site reads explanations.json only when it is there.
    rmSync(join(out, 'explanations.json'));
    const large = enlarge(evaluated);
    writeFileSync(join(out, 'results.json'), `${JSON.stringify(large, null, 2)}\n`);
  }
  november = readJson<Results>(join(results, '2026-11/results.json'));
  site = join(work, 'site');
  mkdirSync(site);
  const app = join(ROOT, 'apps/report-site');
  const astro = join(
    dirname(createRequire(join(app, 'package.json')).resolve('astro/package.json')),
    'bin/astro.mjs',
  );
  execFileSync(process.execPath, [astro, 'build'], {
    cwd: app,
    stdio: 'pipe',
    env: {
      ...process.env,
      SCOREBOOK_RESULTS: results,
      SCOREBOOK_SITE_OUT: site,
      SCOREBOOK_SITE_PERIODS: '2026-11',
    },
  });
}, 600_000);

beforeAll(async () => {
  if (fixture === null) return;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

/** The grade movements from October to November of the agents in both, as the overview counts them. */
function movements(): { shown: number; total: number; up: number; down: number } {
  const october = new Map(
    readJson<Results>(join(work, 'results/2026-10/results.json')).agents.map((a) => [a.agent_id, a]),
  );
  const order = ['S', 'A', 'B', 'C', 'D'];
  let up = 0;
  let down = 0;
  for (const a of november.agents) {
    const before = october.get(a.agent_id)?.grade ?? null;
    if (before === null || a.grade === null || before === a.grade) continue;
    if (order.indexOf(a.grade) < order.indexOf(before)) up++;
    else down++;
  }
  return { shown: MOVEMENTS_LIMIT, total: up + down, up, down };
}

const rows = (selector: string) => page.locator(`${selector} tbody tr`).count();

describe.skipIf(fixture === null)('a large period', () => {
  it(`shows ${RANKING_PREVIEW} of ${AGENTS} on the overview and the rest on pages of ${RANKING_PAGE}`, async () => {
    await page.goto(url('zh/periods/2026-11/index.html'));
    const section = page.locator('section', { has: page.locator('[data-full-ranking]') });
    expect(await section.count()).toBe(1);
    expect(await section.locator('[data-ranking] tbody tr').count()).toBe(RANKING_PREVIEW);
    expect(await section.locator('[data-full-ranking]').textContent()).toBe(
      t('zh', 'fullRanking', { shown: RANKING_PREVIEW, total: AGENTS }),
    );
    await section.locator('[data-full-ranking] a').click();
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/\/ranking\/aftersale\/1\/index\.html$/);
    expect(await rows('[data-ranking]')).toBe(RANKING_PAGE);
    expect(await page.locator('[data-ranking-pages] li').allTextContents()).toEqual(['1', '2']);
    expect(await page.locator('[data-ranking-pages] [aria-current="page"]').textContent()).toBe('1');
    await page.locator('[data-ranking-pages] a', { hasText: '2' }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/\/ranking\/aftersale\/2\/index\.html$/);
    expect(await rows('[data-ranking]')).toBe(AGENTS - RANKING_PAGE);
    expect(await page.locator('[data-ranking-pages] [aria-current="page"]').textContent()).toBe('2');
  });

  it(`lists ${TEAM_MEMBERS_LIMIT} of a team's ${AGENTS} members and links the download`, async () => {
    await page.goto(url(`zh/periods/2026-11/teams/${TEAM}/index.html`));
    expect(await rows('[data-ranking]')).toBe(TEAM_MEMBERS_LIMIT);
    expect(await page.locator('[data-team-limit]').textContent()).toBe(
      `${t('zh', 'teamMembersListed', { shown: TEAM_MEMBERS_LIMIT, total: AGENTS })} scorecards.csv`,
    );
    expect(await page.locator('[data-team-limit] a').getAttribute('href')).toMatch(
      /downloads\/2026-11\/scorecards\.csv$/,
    );
  });

  it(`lists the ${METRIC_TABLE_LIMIT} agents furthest from good on a metric's page, saying of how many`, async () => {
    await page.goto(url('zh/periods/2026-11/metrics/fcr/index.html'));
    const measured = november.agents.filter((a) => (a.metrics.fcr?.value ?? null) !== null).length;
    expect(measured).toBeGreaterThan(METRIC_TABLE_LIMIT);
    expect(await rows('[data-metric-agents]')).toBe(METRIC_TABLE_LIMIT);
    expect(await page.locator('[data-listed]').textContent()).toBe(
      t('zh', 'worstListed', { shown: METRIC_TABLE_LIMIT, total: measured }),
    );
  });

  it(`lists at most ${MOVEMENTS_LIMIT} grade movements, saying how many there are`, async () => {
    await page.goto(url('zh/periods/2026-11/index.html'));
    const listed = page.locator('[data-movements-listed]');
    expect(await listed.count()).toBe(1);
    expect(await listed.textContent()).toBe(t('zh', 'movementsListed', movements()));
    expect(await page.locator('[data-movements-listed] + .scroll tbody tr').count()).toBe(MOVEMENTS_LIMIT);
  });
});
