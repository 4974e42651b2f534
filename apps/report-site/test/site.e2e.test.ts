// Browser test of the built site: builds it from the sample company (plus an agent with a
// hostile name) through the command line, serves it, and drives Debian's Chromium.
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatScore } from '../src/lib/format.ts';
import type { Results } from '../src/lib/results-types.ts';

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
if (browserMissing)
  console.warn(
    `skipping the browser tests of the report site: ${CHROMIUM} is missing (install Debian's chromium, e.g. npm run setup as root)`,
  );

let work: string;
let server: Server;
let base: string;
let browser: Browser;
let page: Page;
let october: Results;
let dialogs = 0;

function scorebook(...args: string[]): void {
  execFileSync(process.execPath, [cli, ...args, '--quiet'], { cwd: root, stdio: 'pipe' });
}

beforeAll(async () => {
  if (browserMissing) return;
  work = mkdtempSync(join(tmpdir(), 'scorebook-site-'));
  cpSync(join(root, 'data/sample'), join(work, 'data'), { recursive: true });
  appendFileSync(
    join(work, 'data/agents.csv'),
    `zz01,${HOSTILE_NAME},"=HYPERLINK(""x"")",aftersale,,active\n`,
  );
  const policies = join(root, 'configs/policies/ecommerce-cs');
  scorebook(
    'evaluate',
    '--policies',
    policies,
    '--data',
    join(work, 'data'),
    '--period',
    '2026-10',
    '--out',
    join(work, 'results', '2026-10'),
  );
  // November is published, then superseded with a reason: the site shows that history.
  const publish = [
    'publish',
    '--period',
    '2026-11',
    '--policies',
    policies,
    '--data',
    join(work, 'data'),
    '--results',
    join(work, 'results'),
  ];
  scorebook(...publish);
  scorebook(...publish, '--supersede', '--reason', SUPERSEDE_REASON);

  scorebook(
    'site',
    'build',
    '--results',
    join(work, 'results'),
    '--policies',
    join(root, 'configs/policies'),
    '--out',
    join(work, 'site'),
  );
  october = JSON.parse(readFileSync(join(work, 'results/2026-10/results.json'), 'utf8')) as Results;
  server = createServer((req, res) => {
    let p = join(work, 'site', decodeURIComponent(new URL(req.url!, 'http://x').pathname));
    if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
    if (!existsSync(p)) return void res.writeHead(404).end();
    res.writeHead(200, {
      'Content-Type': extname(p) === '.html' ? 'text/html; charset=utf-8' : 'application/octet-stream',
    });
    createReadStream(p).pipe(res);
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
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
  server?.close();
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
  it('follows home → period → agent → metric → policy → audit, with numbers from results.json', async () => {
    await page.goto(`${base}/`);
    await page.waitForURL(/\/zh\/$/);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const periods = await page.locator('main tbody th a').allTextContents();
    expect(periods).toEqual(['2026年11月', '2026年10月']);
    await check('home');

    await page.getByRole('link', { name: '2026年10月' }).click();
    await expect.poll(() => page.url()).toMatch(/\/zh\/periods\/2026-10\/$/);
    await check('period');

    const agent = october.agents.find((a) => a.status === 'rated' && a.rank === 1)!;
    await page.locator(`a[href$="/agents/${agent.agent_id}/"]`).first().click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`/agents/${agent.agent_id}/$`));
    expect(await page.locator('h1').textContent()).toContain(agent.name);
    const cards = await page.locator('.card .big').allTextContents();
    expect(cards[1]).toBe(formatScore(agent.total_score));
    expect(cards[2]).toBe(formatScore(agent.base_score));
    expect(cards[0]).toContain(agent.grade!);
    await check('agent');

    const metric = agent.worst_metrics[0] ?? 'first_response_time';
    await page.locator(`main a[href$="/metrics/${metric}/"]`).first().click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`/metrics/${metric}/$`));
    await check('metric');

    await page.goto(`${base}/zh/periods/2026-10/agents/${agent.agent_id}/`);
    await page.locator('.card a[href*="/teams/"]').first().click();
    await expect.poll(() => page.url()).toMatch(/\/teams\/[^/]+\/$/);
    expect(await page.locator('h1').textContent()).toContain(agent.team);
    const members = october.agents.filter((a) => a.team === agent.team).length;
    expect(await page.locator('.card .big').first().textContent()).toBe(String(members));
    await check('team');

    await page.goto(`${base}/zh/periods/2026-10/`);
    await page.locator('.card a[href*="/policies/"]').first().click();
    await expect.poll(() => page.url()).toMatch(/\/policies\/ecommerce-cs\/2026\.10\/$/);
    expect(await page.locator('main').textContent()).toContain(october.policy.sha256);
    await check('policy');

    await page.goto(`${base}/zh/periods/2026-10/`);
    await page.locator('.card a[href$="/audit/"]').click();
    const audit = await page.locator('main').textContent();
    expect(audit).toContain(october.policy.sha256);
    expect(audit).toContain(october.inputs.messages!.sha256!);
    expect(audit).toContain('npx scorebook verify');
    await check('audit');
  });

  it('shows a superseded publication with the reason', async () => {
    await page.goto(`${base}/zh/`);
    expect(await page.locator('main tbody tr').first().textContent()).toContain('发布历史: 1');
    await page.goto(`${base}/zh/periods/2026-11/audit/`);
    const audit = await page.locator('main').textContent();
    expect(audit).toContain(SUPERSEDE_REASON);
    expect(audit).toContain('--supersede');
  });

  it('switches language on every page', async () => {
    await page.goto(`${base}/zh/periods/2026-11/`);
    await page.getByRole('link', { name: 'English' }).click();
    await expect.poll(() => page.url()).toMatch(/\/en\/periods\/2026-11\/$/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toContain('Nov 2026');
    await page.getByRole('link', { name: '中文' }).click();
    await expect.poll(() => page.url()).toMatch(/\/zh\/periods\/2026-11\/$/);
  });

  it('sorts and searches the ranking table', async () => {
    await page.goto(`${base}/zh/periods/2026-10/`);
    const table = page.locator('[data-ranking]').first();
    const someone = october.agents.find((a) => a.scorecard === 'presale' && a.status === 'rated')!;
    await table.locator('[data-search]').fill(someone.agent_id);
    expect(await table.locator('tbody tr:not([hidden])').count()).toBe(1);
    await table.locator('[data-search]').fill('');
    await table.locator('th[data-key="total"]').click();
    const totals = (await table.locator('tbody tr td:nth-child(4)').allTextContents())
      .filter((x) => x !== '—')
      .map(Number);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
  });

  it('shows a hostile name and team as text, and neutralises them in the downloads', async () => {
    await page.goto(`${base}/zh/periods/2026-10/agents/zz01/`);
    expect(await page.locator('h1').textContent()).toContain(HOSTILE_NAME);
    expect(await page.locator('main').textContent()).toContain(HOSTILE_TEAM);
    expect(await page.locator('main script').count()).toBe(0);
    expect(dialogs).toBe(0);

    const csv = await (await page.request.get(`${base}/downloads/2026-10/scorecards.csv`)).text();
    expect(csv).toContain(`zz01,${HOSTILE_NAME},"'=HYPERLINK(""x"")"`);
    const xlsx = await (await page.request.get(`${base}/downloads/2026-10/scorecards.xlsx`)).body();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const row = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === 'zz01')!;
    expect(row.getCell(2).value).toBe(HOSTILE_NAME);
    expect(row.getCell(3).value).toBe(`'${HOSTILE_TEAM}`);
    expect(row.getCell(3).formula).toBeUndefined();
  });
});
