// What the browser tests share: Chromium started the one way, a static server for the built
// site (at the root or under a sub-path), and the accessibility check with axe.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { browserPresent, CHROMIUM, CHROMIUM_ARGS, ROOT } from './fixture-site.ts';

const shots = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
const axeSource = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Starts Debian's Chromium headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A small site a test file builds for itself, and a Chromium page to read it with. */
export interface BuiltSite {
  /** False where Chromium is missing: the file's tests are skipped (a line says so). */
  readonly present: boolean;
  /** The temporary folder: `build` writes into it, the site is built into `<work>/site`. */
  readonly work: string;
  readonly page: Page;
  /** The file URL of a path of the built site. */
  url(path: string): string;
}

/**
 * Before the file's tests: a temporary folder, `build(work)` (which evaluates into it and builds
 * the site into `<work>/site`), Chromium and a page; after them, both closed and the folder
 * removed. Without Chromium nothing is built and `what` names the tests skipped.
 */
export function builtSite(what: string, build: (work: string) => void): BuiltSite {
  const present = browserPresent();
  if (!present)
    console.warn(
      `skipping the browser test of ${what}: ${CHROMIUM} is missing (install Debian's chromium, e.g. npm run setup as root)`,
    );
  let work = '';
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    if (!present) return;
    work = mkdtempSync(join(tmpdir(), 'scorebook-small-site-'));
    build(work);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });
  return {
    present,
    get work() {
      return work;
    },
    get page() {
      if (page === undefined) throw new Error('the site is not built yet (used outside a test?)');
      return page;
    },
    url: (path) => pathToFileURL(join(work, 'site', path)).href,
  };
}

/** A static server of the built site under `prefix` (`/` or a sub-path ending in `/`), and its origin. */
export async function serveStatic(site: string, prefix = '/'): Promise<{ server: Server; origin: string }> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.css': 'text/css',
    '.js': 'text/javascript',
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) return void res.writeHead(404).end();
    let file = join(site, path.slice(prefix.length));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res
      .writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  const origin = await new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`),
    ),
  );
  return { server, origin };
}

/** Saves a screenshot of the page and fails on any serious or critical axe violation. */
export async function checkPage(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
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

/** The number of pages of a PDF (its `/Type /Page` objects). */
export function pdfPages(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![s\w])/g) ?? []
  ).length;
}
