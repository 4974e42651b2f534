// Takes the screenshots of apps/report-site/docs/ from the demo's published periods
// (data/results): an agent's scorecard, the period's overview (both at 1440 px) and the agent's
// page as printed for the 绩效面谈 (print media at the width of an A4 page, both pages one below
// the other), and the calibration page of the aftersale scorecard with the first-response
// target moved from 30 s to 60 s. Run: npm run screenshots -w @scorebook/report-site
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, scorebook } from './fixture-site.ts';

const PERIOD = '2026-11';
const AGENT = 'a0001';
/** An A4 page's width in CSS pixels (210 mm at 96 px per inch). */
const A4_WIDTH = 794;

const work = mkdtempSync(join(tmpdir(), 'scorebook-screenshots-'));
const site = join(work, 'site');
const docs = join(ROOT, 'apps/report-site/docs');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  scorebook('site', 'build', '--results', join(ROOT, 'data/results'), '--out', site, '--quiet');
  const page = (path: string) => pathToFileURL(join(site, path)).href;
  const screen = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await screen.goto(page(`zh/periods/${PERIOD}/agents/${AGENT}/index.html`));
  await screen.screenshot({ path: join(docs, 'agent-page.png') });
  await screen.goto(page(`zh/periods/${PERIOD}/index.html`));
  await screen.screenshot({ path: join(docs, 'overview.png') });
  await screen.goto(
    `${page(`zh/periods/${PERIOD}/calibrate/aftersale/index.html`)}#target~first_response_time=60`,
  );
  await screen.locator('[data-calibration-result]').screenshot({ path: join(docs, 'calibrate.png') });
  const paper = await browser.newPage({ viewport: { width: A4_WIDTH, height: 1123 } });
  await paper.emulateMedia({ media: 'print' });
  await paper.goto(page(`zh/periods/${PERIOD}/agents/${AGENT}/index.html`));
  await paper.screenshot({ path: join(docs, 'interview-print.png'), fullPage: true });
  console.log(
    `screenshots written to ${docs}: agent-page.png, overview.png, calibrate.png, interview-print.png`,
  );
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
