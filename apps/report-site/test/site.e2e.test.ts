// Browser test of the built site: builds it through the command line from the sample company
// (plus agents with hostile names and teams) and drives Debian's Chromium over http, under a
// sub-path and from file://.
//   2026-10  published before evaluations wrote policy.json (a copy of data/results/2026-10 without it)
//   2026-11  published, then superseded with a reason
//   2026-12  evaluated, never published: a draft; its policy.json is edited to prove the site reads it
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Manifest, PolicySnapshot, Results } from '@scorebook/contract';
import ExcelJS from 'exceljs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatScore } from '../src/lib/format.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'packages/cli/bin/scorebook.js');
const shots = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const HOSTILE_NAME = '<script>alert(1)</script>';
const HOSTILE_TEAM = '=HYPERLINK("x")';
const SUPERSEDE_REASON = '补录了 11 月的质检记录';
// Debian's Chromium; .ci/run installs it and refuses to run without it. On a machine without it
// (a contributor's laptop) the browser tests are skipped with one line saying so.
const CHROMIUM = '/usr/bin/chromium';
const browserMissing = !existsSync(CHROMIUM);
// CI (.ci/run) sets SCOREBOOK_REQUIRE_BROWSER: there a missing browser fails the run instead.
if (browserMissing && process.env.SCOREBOOK_REQUIRE_BROWSER)
  throw new Error(`${CHROMIUM} is missing, and SCOREBOOK_REQUIRE_BROWSER says the browser tests must run`);
if (browserMissing)
  console.warn(
    `skipping the browser tests of the report site: ${CHROMIUM} is missing (install Debian's chromium, e.g. npm run setup as root)`,
  );
const SNAPSHOT_TITLE = '快照里的策略标题';
const SNAPSHOT_TARGET = 12345;
const SUB_PATH = '/reports/scorebook/';

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

function scorebook(...args: string[]): string {
  return execFileSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? htmlFiles(p) : p.endsWith('.html') ? [p] : [];
  });
}

function listen(s: Server): Promise<string> {
  return new Promise((resolve) =>
    s.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(s.address() as { port: number }).port}`)),
  );
}

beforeAll(async () => {
  if (browserMissing) return;
  work = mkdtempSync(join(tmpdir(), 'scorebook-site-'));
  site = join(work, 'site');
  cpSync(join(root, 'data/sample'), join(work, 'data'), { recursive: true });
  appendFileSync(
    join(work, 'data/agents.csv'),
    [
      `zz01,${HOSTILE_NAME},"=HYPERLINK(""x"")",aftersale,,active`,
      'zz02,Proto Agent,__proto__,aftersale,,active',
      'constructor,Constructor Agent,constructor,presale,,active',
      '',
    ].join('\n'),
  );
  const policies = join(root, 'configs/policies/ecommerce-cs');
  const results = join(work, 'results');

  const october = join(results, '2026-10');
  cpSync(join(root, 'data/results/2026-10'), october, { recursive: true });
  rmSync(join(october, 'policy.json'), { force: true });
  const manifest = readJson<Manifest>(join(october, 'manifest.json'));
  delete manifest.files['policy.json'];
  writeFileSync(join(october, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const publish = ['publish', '--period', '2026-11', '--policies', policies, '--data', join(work, 'data')];
  scorebook(...publish, '--results', results, '--quiet');
  scorebook(...publish, '--results', results, '--supersede', '--reason', SUPERSEDE_REASON, '--quiet');

  const december = join(results, '2026-12');
  scorebook(
    'evaluate',
    '--policies',
    policies,
    '--data',
    join(work, 'data'),
    '--period',
    '2026-12',
    '--out',
    december,
    '--quiet',
  );
  const snapshot = readJson<PolicySnapshot>(join(december, 'policy.json'));
  snapshot.title = SNAPSHOT_TITLE;
  const first = snapshot.scorecards[0]?.scored.find((i) => i.metric === 'first_response_time');
  if (first === undefined) throw new Error('the December policy no longer scores first_response_time');
  first.target = SNAPSHOT_TARGET;
  writeFileSync(join(december, 'policy.json'), `${JSON.stringify(snapshot, null, 2)}\n`);

  scorebook('site', 'build', '--results', results, '--out', site, '--quiet');
  november = readJson<Results>(join(results, '2026-11/results.json'));

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
  subServer = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(SUB_PATH)) return void res.writeHead(404).end();
    let file = join(site, path.slice(SUB_PATH.length));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    const types: Record<string, string> = {
      '.html': 'text/html; charset=utf-8',
      '.css': 'text/css',
      '.js': 'text/javascript',
    };
    res
      .writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  subBase = await listen(subServer);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
  subServer?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function check(name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            o: object,
          ) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }>;
        };
      }
    ).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  expect(
    violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    name,
  ).toEqual([]);
}

describe.skipIf(browserMissing)('the report site in a browser', () => {
  it('shows an appeal on the agent page and the overturn rates on the period overview (2026-10)', async () => {
    await page.goto(`${base}/en/periods/2026-10/agents/a0014/`);
    const appeal = page.locator('[data-appeal="ap-001"]');
    expect(await appeal.locator('h3').textContent()).toBe('ap-001 · complaints/p000003 · applied');
    expect(await appeal.textContent()).toContain('Decision: upheld — 复核会话记录与退货检测单');
    await appeal.locator('summary').click();
    const cells = await appeal.locator('tbody td').allTextContents();
    expect([cells[0], cells[5], cells[7], cells[12]]).toEqual([
      'complaints.csv:4',
      'logistics',
      'complaints.csv:4',
      'product_defect',
    ]);
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

  it('follows home → period → agent → metric → team → policy → audit, with numbers from results.json', async () => {
    await page.goto(`${base}/`);
    await page.waitForURL(/\/zh\/index\.html$/);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const periods = await page.locator('main tbody th a').allTextContents();
    expect(periods).toEqual(['2026年12月', '2026年11月', '2026年10月']);
    await check('home');

    await page.getByRole('link', { name: '2026年11月' }).click();
    await expect.poll(() => page.url()).toMatch(/\/zh\/periods\/2026-11\/index\.html$/);
    await check('period');

    const agent = november.agents.find((a) => a.status === 'rated' && a.rank === 1);
    if (agent === undefined) throw new Error('November has no agent ranked 1');
    await page.locator(`a[href$="agents/${agent.agent_id}/index.html"]`).first().click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`/agents/${agent.agent_id}/index\\.html$`));
    expect(await page.locator('h1').textContent()).toContain(agent.name);
    const cards = await page.locator('.card .big').allTextContents();
    expect(cards[1]).toBe(formatScore(agent.total_score));
    expect(cards[2]).toBe(formatScore(agent.base_score));
    expect(cards[0]).toContain(agent.grade);
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

  it('shows a superseded publication with the reason', async () => {
    await page.goto(`${base}/zh/`);
    expect(await page.locator('main tbody tr[data-period="2026-11"]').textContent()).toContain('发布历史: 1');
    await page.goto(`${base}/zh/periods/2026-11/audit/`);
    const audit = await page.locator('main').textContent();
    expect(audit).toContain(SUPERSEDE_REASON);
    expect(audit).toContain('--supersede');
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
      new RegExp(`^${SNAPSHOT_TARGET}s / `),
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
    expect(versions.sort()).toEqual(['2026.11', '2026.12']);
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
      expect(
        await page.evaluate(
          () => getComputedStyle(document.querySelector('header.site') as Element).backgroundColor,
        ),
      ).toBe('rgb(255, 255, 255)');
    } finally {
      page.off('request', record);
    }
    expect(requested.length).toBeGreaterThan(5);
    for (const url of requested.filter((u) => !u.startsWith('data:')))
      expect(url.startsWith(`${subBase}${SUB_PATH}`), url).toBe(true);
  });
});

describe.skipIf(browserMissing)('the incremental build', () => {
  const build = () =>
    spawnSync(
      process.execPath,
      [cli, 'site', 'build', '--results', join(work, 'results'), '--out', site, '--lang', 'en'],
      { cwd: root, encoding: 'utf8' },
    );

  it('re-uses every period when nothing changed', () => {
    const run = build();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('3 periods (0 rebuilt, 3 re-used)');
  });

  it('rebuilds a changed period and removes the pages of a removed one', () => {
    const file = join(work, 'results/2026-12/policy.json');
    const snapshot = readJson<PolicySnapshot>(file);
    snapshot.title = '再次修改的标题';
    writeFileSync(file, `${JSON.stringify(snapshot, null, 2)}\n`);
    let run = build();
    expect(run.stderr).toContain('3 periods (1 rebuilt, 2 re-used)');
    const policyPages = htmlFiles(join(site, 'zh/policies')).map((f) => readFileSync(f, 'utf8'));
    expect(policyPages.some((html) => html.includes('再次修改的标题'))).toBe(true);
    expect(policyPages.some((html) => html.includes(SNAPSHOT_TITLE))).toBe(false);

    rmSync(join(work, 'results/2026-12'), { recursive: true });
    appendFileSync(join(work, 'results/2026-10/rejected.json'), ' ');
    run = build();
    expect(run.stderr).toContain('2 periods (2 rebuilt, 0 re-used)');
    const october = readFileSync(join(site, 'zh/periods/2026-10/index.html'), 'utf8');
    expect(october).toContain('data-altered');
    expect(october).toContain('警告:rejected.json 与 manifest.json 记录的哈希不一致');
    expect(readFileSync(join(site, 'zh/periods/2026-11/index.html'), 'utf8')).not.toContain('data-altered');
    expect(existsSync(join(site, 'zh/periods/2026-12'))).toBe(false);
    expect(existsSync(join(site, 'downloads/2026-12'))).toBe(false);
    expect(readFileSync(join(site, 'zh/index.html'), 'utf8')).not.toContain('2026-12');
  });
});
