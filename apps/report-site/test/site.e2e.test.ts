// Browser test of the built site (test/fixture-site.ts): navigation with numbers from
// results.json, trust (published bytes, drafts, snapshots, relative links, file://, a sub-path),
// hostile names, and the incremental build. Drives Debian's Chromium over `scorebook site serve`.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Manifest, PolicySnapshot, Results } from '@scorebook/contract';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatScore } from '../src/lib/format.ts';
import { checkPage, launchChromium, serveStatic } from './browser.ts';
import {
  CHROMIUM,
  CLI,
  HOSTILE_NAME,
  HOSTILE_TEAM,
  ROOT,
  readJson,
  SNAPSHOT_TITLE,
  SUPERSEDE_REASON,
} from './fixture-site.ts';

const fixture = inject('fixture');
// CI (.ci/run) sets SCOREBOOK_REQUIRE_BROWSER: there a missing browser fails the run instead. On
// a machine without it (a contributor's laptop) the browser tests are skipped with one line.
const browserMissing = fixture === null;
if (browserMissing && process.env.SCOREBOOK_REQUIRE_BROWSER)
  throw new Error(`${CHROMIUM} is missing, and SCOREBOOK_REQUIRE_BROWSER says the browser tests must run`);
if (browserMissing)
  console.warn(
    `skipping the browser tests of the report site: ${CHROMIUM} is missing (install Debian's chromium, e.g. npm run setup as root)`,
  );
const SUB_PATH = '/reports/scorebook/';
const root = ROOT;
const cli = CLI;

let work: string;
let site: string;
let server: ChildProcess;
let subServer: Server;
let base: string;
let subBase: string;
let browser: Browser;
let page: Page;
let november: Results;
let dialogs = 0;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? htmlFiles(p) : p.endsWith('.html') ? [p] : [];
  });
}

beforeAll(async () => {
  if (fixture === null) return;
  ({ work, site } = fixture);
  november = readJson<Results>(join(fixture.results, '2026-11/results.json'));

  // `scorebook site serve`, as a reader previews the site.
  server = spawn(process.execPath, [cli, 'site', 'serve', site, '--port', '0', '--lang', 'en'], {
    cwd: root,
  });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const port = /localhost:(\d+)\//.exec(out)?.[1];
      if (port !== undefined) resolve(`http://127.0.0.1:${port}`);
    });
    server.once('exit', (code) => reject(new Error(`site serve exited with ${code}`)));
  });
  // The same site under a sub-path, as a host that serves it from a folder would.
  ({ server: subServer, origin: subBase } = await serveStatic(site, SUB_PATH));

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
  subServer?.close();
});

const check = (name: string) => checkPage(page, name);

describe.skipIf(browserMissing)('the report site in a browser', () => {
  it('shows an appeal on the agent page and the overturn rates on the period overview (2026-10)', async () => {
    await page.goto(`${base}/en/periods/2026-10/agents/a0014/`);
    const appeal = page.locator('[data-appeal="ap-001"]');
    expect(await appeal.locator('h3').textContent()).toBe('ap-001 · complaints/p000003 · applied');
    expect(await appeal.textContent()).toContain('Decision: upheld — 复核会话记录与退货检测单');
    await appeal.locator('summary').click();
    // The record before and after, the corrected field as the deciding (first) column.
    const tables = appeal.locator('table.records');
    expect(await tables.count()).toBe(2);
    expect(await tables.nth(0).locator('tbody td').first().textContent()).toBe('Logistics');
    expect(await tables.nth(1).locator('tbody td').first().textContent()).toBe('Product defect');
    expect(await appeal.locator('[data-appeal-action]').textContent()).toBe(
      'Field corrected complaints/p000003 · Category',
    );
    expect(await tables.nth(1).textContent()).toContain('complaints.csv');
    expect(await page.locator('[data-appeal-total]').textContent()).toBe(
      'Total before the decisions (the superseded publication) 79.3, now 87.9',
    );
    await check('agent-appeals');

    await page.goto(`${base}/en/periods/2026-10/`);
    expect(await page.locator('[data-appeal-counts] td').allTextContents()).toEqual([
      '5',
      '4',
      '3',
      '1',
      '1',
      '0',
    ]);
    const rows = await page.locator('[data-overturn-rates] tbody tr').allTextContents();
    expect(rows).toEqual([
      'records ofcomplaints2150%',
      'records ofconversations11100%',
      'records ofqa_reviews11100%',
      'exclusionproduct-defect-complaints11100%',
    ]);
    await check('period-appeals');
  });

  it('shows a filed appeal the window refused on the agent page, counted as refused (2026-12)', async () => {
    await page.goto(`${base}/en/periods/2026-12/agents/a0001/`);
    const appeal = page.locator('[data-appeal="HR-1"]');
    expect(await appeal.locator('h3').textContent()).toBe('HR-1 · complaints/p000099 · refused');
    expect(await appeal.textContent()).toContain('投诉不是我造成的');
    expect(await appeal.textContent()).toContain('after the deadline 2027-01-30 (30 days after the period)');
    expect(await appeal.textContent()).toContain('APPEAL_LATE');
    await page.goto(`${base}/en/periods/2026-12/`);
    expect(await page.locator('[data-appeal-counts] td').allTextContents()).toEqual([
      '1',
      '0',
      '0',
      '0',
      '1',
      '0',
    ]);
    expect(await page.locator('[data-overturn-rates]').count()).toBe(0);
  });

  it('follows home → period → agent → metric → team → policy → audit, with numbers from results.json', async () => {
    await page.goto(`${base}/`);
    await page.waitForURL(/\/zh\/index\.html$/);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const periods = await page.locator('main tbody th > a').allTextContents();
    expect(periods).toEqual(['2026年12月', '2026年第4季度', '2026年11月', '2026年10月']);
    await check('home');

    await page.getByRole('link', { name: '2026年11月' }).click();
    await expect.poll(() => page.url()).toMatch(/\/zh\/periods\/2026-11\/index\.html$/);
    await check('period');

    const agent = november.agents.find((a) => a.status === 'rated' && a.rank === 1);
    if (agent === undefined) throw new Error('November has no agent ranked 1');
    await page.locator(`a[href$="agents/${agent.agent_id}/index.html"]`).first().click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`/agents/${agent.agent_id}/index\\.html$`));
    expect(await page.locator('h1').textContent()).toContain(agent.name);
    expect(await page.locator('[data-grade-card] [data-total]').textContent()).toBe(
      formatScore(agent.total_score),
    );
    expect(await page.locator('[data-grade-card] .grade').first().textContent()).toContain(agent.grade);
    expect(await page.locator('.card .big').first().textContent()).toBe(formatScore(agent.base_score));
    await check('agent');

    const metric = agent.worst_metrics[0] ?? 'first_response_time';
    await page.locator(`main a[href$="metrics/${metric}/index.html"]`).first().click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`/metrics/${metric}/index\\.html$`));
    await check('metric');

    await page.goto(`${base}/zh/periods/2026-11/agents/${agent.agent_id}/`);
    await page.locator('.card a[href*="/teams/"]').first().click();
    await expect.poll(() => page.url()).toMatch(/\/teams\/[^/]+\/index\.html$/);
    expect(await page.locator('h1').textContent()).toContain(agent.team);
    const members = november.agents.filter((a) => a.team === agent.team).length;
    expect(await page.locator('.card .big').first().textContent()).toBe(String(members));
    await check('team');

    await page.goto(`${base}/zh/periods/2026-11/`);
    await page.locator('.card a[href*="/policies/"]').first().click();
    await expect.poll(() => page.url()).toMatch(/\/policies\/ecommerce-cs\/2026\.11\/index\.html$/);
    expect(await page.locator('main').textContent()).toContain(november.policy.sha256);
    await check('policy');

    await page.goto(`${base}/zh/periods/2026-11/`);
    await page.locator('.card a[href$="audit/index.html"]').click();
    const audit = await page.locator('main').textContent();
    expect(audit).toContain(november.policy.sha256);
    expect(audit).toContain(november.inputs.messages?.sha256);
    expect(audit).toContain('npx scorebook verify');
    await check('audit');
  });

  it('shows a superseded publication with the reason, linked from the home page and the overview', async () => {
    await page.goto(`${base}/zh/`);
    const count = page.locator('main tbody tr[data-period="2026-11"] [data-history-count] a');
    expect(await count.textContent()).toBe('发布历史:替换过 1 次');
    await count.click();
    await expect.poll(() => page.url()).toBe(`${base}/zh/periods/2026-11/audit/index.html#history`);
    const rows = page.locator('[data-history] tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-publication')))).toEqual([
      'superseded/1',
      'current',
    ]);
    expect(await rows.nth(0).locator('th').textContent()).toBe('第 1 次发布已被替换 superseded/1');
    expect(await rows.nth(0).locator('[data-replaced-because]').textContent()).toBe(SUPERSEDE_REASON);
    expect(await rows.nth(1).locator('th').textContent()).toBe('第 2 次发布当前');
    expect(await rows.nth(1).locator('[data-replaced-because]').textContent()).toBe('—(当前发布,没有被替换)');
    expect(await page.locator('main').textContent()).toContain('--supersede');
    await page.goto(`${base}/zh/periods/2026-11/`);
    expect(await page.locator('[data-history-line]').textContent()).toBe(
      `本期间共发布 2 次,当前的发布替换了第 1 次发布,原因(记录原文): ${SUPERSEDE_REASON} · 查看发布历史`,
    );
    await page.goto(`${base}/en/periods/2026-11/`);
    expect(await page.locator('[data-history-line]').textContent()).toBe(
      `Published 2 times; the publication in force replaced publication 1, because (as recorded): ${SUPERSEDE_REASON} · See the publication history`,
    );
    await page.goto(`${base}/zh/periods/2026-12/`);
    expect(await page.locator('[data-history-line]').count()).toBe(0);
  });

  it('switches language on every page', async () => {
    await page.goto(`${base}/zh/periods/2026-11/`);
    await page.getByRole('link', { name: 'English' }).click();
    await expect.poll(() => page.url()).toMatch(/\/en\/periods\/2026-11\/index\.html$/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toContain('Nov 2026');
    await page.getByRole('link', { name: '中文' }).click();
    await expect.poll(() => page.url()).toMatch(/\/zh\/periods\/2026-11\/index\.html$/);
  });

  it('sorts and searches the ranking table', async () => {
    await page.goto(`${base}/zh/periods/2026-11/`);
    const table = page.locator('[data-ranking]').first();
    const someone = november.agents.find((a) => a.scorecard === 'presale' && a.status === 'rated');
    if (someone === undefined) throw new Error('November has no rated presale agent');
    await table.locator('[data-search]').fill(someone.agent_id);
    expect(await table.locator('tbody tr:not([hidden])').count()).toBe(1);
    await table.locator('[data-search]').fill('');
    await table.locator('th[data-key="total"]').click();
    const totals = (await table.locator('tbody tr td:nth-child(4)').allTextContents())
      .filter((x) => x !== '—')
      .map(Number);
    expect(totals.length).toBeGreaterThan(5);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
  });

  it('shows hostile names and teams (__proto__, constructor) as text, and neutralises them in the downloads', async () => {
    await page.goto(`${base}/zh/periods/2026-11/agents/zz01/`);
    expect(await page.locator('h1').textContent()).toContain(HOSTILE_NAME);
    expect(await page.locator('main').textContent()).toContain(HOSTILE_TEAM);
    expect(await page.locator('main script').count()).toBe(0);
    expect(dialogs).toBe(0);

    await page.goto(`${base}/zh/periods/2026-11/agents/zz02/`);
    await page.locator('.card a[href*="/teams/"]').first().click();
    expect(await page.locator('h1').textContent()).toContain('__proto__');
    expect(await page.locator('main').textContent()).toContain('Proto Agent');
    expect(page.url()).toMatch(/\/teams\/h-[0-9a-f]{16}\/index\.html$/);

    await page.goto(`${base}/zh/periods/2026-11/agents/constructor/`);
    expect(await page.locator('h1').textContent()).toContain('Constructor Agent');
    await page.locator('.card a[href*="/teams/"]').first().click();
    expect(await page.locator('.card .big').first().textContent()).toBe('1');

    const csv = await (await page.request.get(`${base}/downloads/2026-11/scorecards.csv`)).text();
    expect(csv).toContain(`zz01,${HOSTILE_NAME},"'=HYPERLINK(""x"")"`);
    const xlsx = await (await page.request.get(`${base}/downloads/2026-11/scorecards.xlsx`)).body();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const row = sheet?.getRows(1, sheet.rowCount)?.find((r) => r.getCell(1).value === 'zz01');
    expect(row?.getCell(2).value).toBe(HOSTILE_NAME);
    expect(row?.getCell(3).value).toBe(`'${HOSTILE_TEAM}`);
    expect(row?.getCell(3).formula).toBeUndefined();
  });
});

describe.skipIf(browserMissing)('trust: what the site shows is what was published', () => {
  it('offers the published files byte for byte: sha256(download) equals manifest.json', async () => {
    for (const period of ['2026-10', '2026-11']) {
      const manifest = readJson<Manifest>(join(work, 'results', period, 'manifest.json'));
      const names = Object.keys(manifest.files);
      expect(names).toContain('results.json');
      expect(names).toContain('explanations.json');
      expect(names.includes('policy.json')).toBe(period === '2026-11');
      for (const name of names) {
        const response = await page.request.get(`${base}/downloads/${period}/${name}`);
        expect(response.status(), `${period}/${name}`).toBe(200);
        expect(sha256(await response.body()), `${period}/${name}`).toBe(manifest.files[name]);
      }
    }
  });

  it('prints the verify command of this publication, for the results folder the site was built from', async () => {
    if (fixture === null) return;
    const manifest = readJson<Manifest>(join(fixture.results, '2026-11', 'manifest.json'));
    const appeals = manifest.appeals?.[0]?.file.split('/').slice(0, -2).join('/');
    await page.goto(`${base}/zh/periods/2026-11/audit/index.html`);
    const command = (await page.locator('[data-verify-command]').textContent()) ?? '';
    // The fixture's results are outside the repository: the folder is named absolutely.
    expect(command).toBe(
      [
        'npx scorebook verify --policies configs/policies/ecommerce-cs',
        `--data ${manifest.data_dir} --results ${fixture.results}/2026-11`,
        ...(appeals === undefined ? [] : [`--appeals ${appeals}`]),
      ].join(' '),
    );
    expect(await page.locator('[data-verify-all-command]').textContent()).toBe(
      `npx scorebook verify --all --results ${fixture.results}`,
    );
  });

  it('marks the unpublished period as a draft in the list, the header and the footer, never as published', async () => {
    await page.goto(`${base}/zh/`);
    expect(await page.locator('tr[data-period="2026-12"] [data-status]').getAttribute('data-status')).toBe(
      'draft',
    );
    expect(await page.locator('tr[data-period="2026-12"]').textContent()).toContain('草稿');
    expect(await page.locator('tr[data-period="2026-11"] [data-status]').getAttribute('data-status')).toBe(
      'published',
    );
    await page.goto(`${base}/zh/periods/2026-12/`);
    expect(await page.locator('h1 [data-status]').textContent()).toBe('草稿');
    expect(await page.locator('footer [data-status]').getAttribute('data-status')).toBe('draft');
    await page.goto(`${base}/zh/periods/2026-11/`);
    expect(await page.locator('footer [data-status]').textContent()).toMatch(
      /^已发布:manifest\.json 记录的 4 个文件的哈希与本期间的文件一致/,
    );
    await page.goto(`${base}/zh/periods/2026-12/`);
    expect(await page.title()).toMatch(/^\[草稿\]/);
    const pages = ['zh', 'en'].flatMap((lang) => htmlFiles(join(site, lang, 'periods', '2026-12')));
    expect(pages.length).toBeGreaterThan(60);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toContain('已发布');
      expect(html, file).not.toContain('data-status="published"');
      expect(html, file).toContain('data-status="draft"');
    }
  });

  it('shows a period’s scorecards from its policy.json, not from the policy files of today', async () => {
    await page.goto(`${base}/zh/periods/2026-12/`);
    await page.locator('.card a[href*="/policies/"]').first().click();
    expect(await page.locator('h1').textContent()).toContain(SNAPSHOT_TITLE);
    const agent = readJson<Results>(join(work, 'results/2026-12/results.json')).agents.find(
      (a) => a.scorecard === 'aftersale' && a.status === 'rated',
    );
    if (agent === undefined) throw new Error('December has no rated aftersale agent');
    await page.goto(`${base}/zh/periods/2026-12/agents/${agent.agent_id}/`);
    expect(await page.locator('tr[data-metric="first_response_time"] td:nth-child(3)').textContent()).toMatch(
      /^3\.4 小时 \/ /,
    );
  });

  it('shows a period published before policy.json with a note and without scorecard definitions', async () => {
    await page.goto(`${base}/zh/periods/2026-10/`);
    expect(await page.locator('[data-no-snapshot]').count()).toBe(1);
    expect(await page.locator('.card a[href*="/policies/"]').count()).toBe(0);
    expect(await page.locator('h1 [data-status]').getAttribute('data-status')).toBe('published');
    const agent = readJson<Results>(join(work, 'results/2026-10/results.json')).agents.find(
      (a) => a.status === 'rated',
    );
    if (agent === undefined) throw new Error('October has no rated agent');
    await page.goto(`${base}/zh/periods/2026-10/agents/${agent.agent_id}/`);
    expect(await page.locator('[data-no-snapshot]').count()).toBe(1);
    const goals = await page.locator('tr[data-metric] td:nth-child(3)').allTextContents();
    expect(goals.length).toBeGreaterThan(3);
    expect(new Set(goals)).toEqual(new Set(['—']));
    await page.goto(`${base}/zh/policies/`);
    const versions = await page.locator('main tbody th a').allTextContents();
    expect(versions.sort()).toEqual(['2026.10', '2026.11', '2026.12']);
  });

  it('links every page relatively: no root-absolute link or asset in any page', () => {
    const files = htmlFiles(site);
    expect(files.length).toBeGreaterThan(400);
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      expect(html.match(/\s(?:href|src|action)="\/[^"]*"/g), file).toBeNull();
      expect(html, file).not.toMatch(/url=\//);
    }
  });

  it('works from file://: links, the stylesheet and the script', async () => {
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    await page.waitForURL(/\/zh\/index\.html$/);
    expect(
      await page.evaluate(
        () => getComputedStyle(document.querySelector('header.site') as Element).backgroundColor,
      ),
    ).toBe('rgb(255, 255, 255)');
    await page.getByRole('link', { name: '2026年11月' }).click();
    await expect.poll(() => page.url()).toBe(pathToFileURL(join(site, 'zh/periods/2026-11/index.html')).href);
    const table = page.locator('[data-ranking]:has(tr[data-name$=" zz01"])');
    await table.locator('[data-search]').fill('zz01');
    expect(await table.locator('tbody tr:not([hidden])').count()).toBe(1);
    await table.locator('tbody tr:not([hidden]) a').first().click();
    await expect
      .poll(() => page.url())
      .toBe(pathToFileURL(join(site, 'zh/periods/2026-11/agents/zz01/index.html')).href);
    await page.getByRole('link', { name: 'English' }).click();
    await expect
      .poll(() => page.url())
      .toBe(pathToFileURL(join(site, 'en/periods/2026-11/agents/zz01/index.html')).href);
    await page.getByRole('link', { name: 'Policies' }).click();
    await expect.poll(() => page.url()).toBe(pathToFileURL(join(site, 'en/policies/index.html')).href);
    expect(await page.locator('main table').count()).toBe(1);
  });

  it(`works under a sub-path (${SUB_PATH}): every request stays under it`, async () => {
    const requested: string[] = [];
    const record = (r: { url: () => string }) => requested.push(r.url());
    page.on('request', record);
    try {
      await page.goto(`${subBase}${SUB_PATH}`);
      await page.waitForURL(new RegExp(`${SUB_PATH}zh/index\\.html$`));
      await page.getByRole('link', { name: '2026年11月' }).click();
      await expect.poll(() => page.url()).toBe(`${subBase}${SUB_PATH}zh/periods/2026-11/index.html`);
      const href = await page.locator('[data-downloads] a', { hasText: 'results.json' }).getAttribute('href');
      const download = await page.request.get(new URL(href ?? '', page.url()).href);
      expect(sha256(await download.body())).toBe(
        readJson<Manifest>(join(work, 'results/2026-11/manifest.json')).files['results.json'],
      );
      await page.locator('.card a[href$="audit/index.html"]').click();
      await expect.poll(() => page.url()).toBe(`${subBase}${SUB_PATH}zh/periods/2026-11/audit/index.html`);
      // The stylesheet (under the sub-path) applies once loaded: the URL changes before it is.
      await page.waitForLoadState('load');
      await expect
        .poll(() =>
          page.evaluate(() => {
            const header = document.querySelector('header.site');
            return header === null ? null : getComputedStyle(header).backgroundColor;
          }),
        )
        .toBe('rgb(255, 255, 255)');
    } finally {
      page.off('request', record);
    }
    expect(requested.length).toBeGreaterThan(5);
    for (const url of requested.filter((u) => !u.startsWith('data:')))
      expect(url.startsWith(`${subBase}${SUB_PATH}`), url).toBe(true);
  });
});

describe.skipIf(browserMissing)('the incremental build', () => {
  // On copies of the results and the site: other test files read the fixture at the same time.
  let results: string;
  let copy: string;
  beforeAll(() => {
    results = join(work, 'results-incremental');
    copy = join(work, 'site-incremental');
    cpSync(join(work, 'results'), results, { recursive: true });
    cpSync(site, copy, { recursive: true });
  });
  const build = () =>
    spawnSync(process.execPath, [cli, 'site', 'build', '--results', results, '--out', copy, '--lang', 'en'], {
      cwd: root,
      encoding: 'utf8',
    });

  it('re-uses nothing when built from another results folder (its pages name the folder), then every period when nothing changed', () => {
    let run = build();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('4 periods (4 rebuilt, 0 re-used)');
    run = build();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('4 periods (0 rebuilt, 4 re-used)');
  });

  it('rebuilds a changed period and those ending with or after it, and removes the pages of a removed one', () => {
    const file = join(results, '2026-12/policy.json');
    const snapshot = readJson<PolicySnapshot>(file);
    snapshot.title = '再次修改的标题';
    writeFileSync(file, `${JSON.stringify(snapshot, null, 2)}\n`);
    let run = build();
    expect(run.stderr).toContain('4 periods (2 rebuilt, 2 re-used)');
    const policyPages = htmlFiles(join(copy, 'zh/policies')).map((f) => readFileSync(f, 'utf8'));
    expect(policyPages.some((html) => html.includes('再次修改的标题'))).toBe(true);
    expect(policyPages.some((html) => html.includes(SNAPSHOT_TITLE))).toBe(false);

    rmSync(join(results, '2026-12'), { recursive: true });
    appendFileSync(join(results, '2026-10/rejected.json'), ' ');
    run = build();
    expect(run.stderr).toContain('3 periods (3 rebuilt, 0 re-used)');
    const october = readFileSync(join(copy, 'zh/periods/2026-10/index.html'), 'utf8');
    expect(october).toContain('data-altered');
    expect(october).toContain('警告:rejected.json 与 manifest.json 记录的哈希不一致');
    expect(readFileSync(join(copy, 'zh/periods/2026-11/index.html'), 'utf8')).not.toContain('data-altered');
    // The build says so, and the home page marks the period (trial 6 M3: only its own pages did).
    const recorded = readJson<Manifest>(join(results, '2026-10/manifest.json')).files['rejected.json'] ?? '';
    const current = sha256(readFileSync(join(results, '2026-10/rejected.json')));
    expect(run.stderr).toContain(
      `⚠ The published file 2026-10/rejected.json changed after publication: the manifest records sha256 ${recorded.slice(0, 12)}, it is now ${current.slice(0, 12)}. Restore it from git.\n`,
    );
    // The site's loader hashed the files and handed the list over; the list is not part of the site.
    expect(existsSync(join(copy, 'altered-publications.json'))).toBe(false);
    const home = readFileSync(join(copy, 'zh/index.html'), 'utf8');
    const row = (period: string) =>
      new RegExp(`<tr data-period="${period}">(.*?)</tr>`, 's').exec(home)?.[1] ?? '';
    expect(row('2026-10')).toContain('发布后被改动');
    expect(row('2026-11')).not.toContain('发布后被改动');
    expect(existsSync(join(copy, 'zh/periods/2026-12'))).toBe(false);
    expect(existsSync(join(copy, 'downloads/2026-12'))).toBe(false);
    expect(readFileSync(join(copy, 'zh/index.html'), 'utf8')).not.toContain('periods/2026-12/');
    // Two builds of the site: more than one test's 60 s on a loaded 2-core machine.
  }, 240_000);
});
