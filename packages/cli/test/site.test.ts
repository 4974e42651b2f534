import { once } from 'node:events';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import type { Server } from 'node:http';
import { createServer as createSocketServer, type Server as SocketServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScorebookError } from '@scorebook/problems';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY } from '../src/repository.ts';
import {
  buildSite,
  changedPeriods,
  codeInputs,
  fingerprintTree,
  SITE_MARKER,
  shownFolder,
  siteAppDir,
  workspacePackagesOf,
} from '../src/site/build-site.ts';
import { serveSite } from '../src/site/serve-site.ts';
import { runCli } from './run-cli.ts';

const work = mkdtempSync(join(tmpdir(), 'scorebook-site-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function results(dir: string): string {
  mkdirSync(join(dir, '2026-10'), { recursive: true });
  writeFileSync(join(dir, '2026-10', 'results.json'), '{"scorebook": 1}\n');
  return dir;
}

describe('two site builds of one checkout at once', () => {
  const lock = join(siteAppDir(), '.astro-build.lock');
  // What a build of this process (alive) writes while it holds the site app's build lock.
  const holder = JSON.stringify({ pid: process.pid, host: hostname(), started_at: new Date().toISOString() });

  it('the second waits for the first to end, then builds', async () => {
    writeFileSync(lock, holder);
    // One published period of the repository: a site that builds.
    const published = join(work, 'waiting-results');
    cpSync(join(REPOSITORY.publishedResults, '2026-10'), join(published, '2026-10'), { recursive: true });
    const out = join(work, 'waiting-out');
    let done = false;
    const building = runCli('site', 'build', '--results', published, '--out', out, '--quiet').then((r) => {
      done = true;
      return r;
    });
    try {
      await new Promise((wake) => setTimeout(wake, 1500));
      expect([done, existsSync(out), readFileSync(lock, 'utf8')]).toEqual([false, false, holder]);
    } finally {
      rmSync(lock, { force: true });
    }
    expect((await building).code).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });

  it('is refused once the wait is over, and leaves --out as it was', async () => {
    writeFileSync(lock, holder);
    try {
      const out = join(work, 'busy-out');
      const stop = await buildSite({
        resultsDir: results(join(work, 'busy-results')),
        outDir: out,
        waitMs: 0,
      }).then(
        () => null,
        (error: ScorebookError) => error,
      );
      expect(stop?.problems.map((p) => [p.code, p.message.en])).toEqual([
        [
          'SITE_BUILD_BUSY',
          `Another site build of this Scorebook checkout has not ended after 15 minutes of waiting (lock file ${lock}): Astro keeps its build's files in the site app's own folder, so two builds cannot run at once. Run it again once that one ends; what --out held is left as it was.`,
        ],
      ]);
      expect(existsSync(out)).toBe(false);
      // The lock is the other build's: left in place.
      expect(readFileSync(lock, 'utf8')).toBe(holder);
    } finally {
      rmSync(lock, { force: true });
    }
  });
});

describe('scorebook site build --out', () => {
  it('refuses a folder that is not a site, and leaves it as it was', async () => {
    const out = join(work, 'precious');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'mine');
    const run = await runCli(
      'site',
      'build',
      '--results',
      results(join(work, 'r1')),
      '--out',
      out,
      '--lang',
      'en',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('SITE_OUT_NOT_A_SITE');
    expect(run.stderr).toContain(out);
    expect(run.stderr).toContain(SITE_MARKER);
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a file', async () => {
    const out = join(work, 'a-file');
    writeFileSync(out, 'x');
    const run = await runCli('site', 'build', '--results', results(join(work, 'r2')), '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('SITE_OUT_NOT_A_SITE');
    expect(readFileSync(out, 'utf8')).toBe('x');
  });

  it('refuses to build over the results folder or a folder holding it', async () => {
    const dir = results(join(work, 'data', 'results'));
    for (const out of [dir, join(work, 'data')]) {
      const run = await runCli('site', 'build', '--results', dir, '--out', out, '--lang', 'en');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('SITE_OUT_HOLDS_RESULTS');
      expect(readFileSync(join(dir, '2026-10', 'results.json'), 'utf8')).toBe('{"scorebook": 1}\n');
    }
  });

  it('refuses results in which a publish was interrupted, rather than leave the period out', async () => {
    const dir = results(join(work, 'r3'));
    mkdirSync(join(dir, '.2026-11.replaced-4242'));
    writeFileSync(join(dir, '.2026-11.replaced-4242', 'results.json'), '{"scorebook": 1}\n');
    mkdirSync(join(dir, '.2026-12.replaced-4243'));
    const out = join(work, 'r3-site');
    const run = await runCli('site', 'build', '--results', dir, '--out', out, '--lang', 'en');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('SITE_PERIOD_INTERRUPTED');
    expect(run.stderr).toContain(`mv ${join(dir, '.2026-11.replaced-4242')} ${join(dir, '2026-11')}`);
    expect(run.stderr).toContain(`mv ${join(dir, '.2026-12.replaced-4243')} ${join(dir, '2026-12')}`);
    expect(existsSync(out)).toBe(false);
  });
});

describe('what decides whether an earlier build is re-used', () => {
  it('fingerprints the site app, every workspace package it imports, the catalog and the lockfile', () => {
    const packages = workspacePackagesOf(siteAppDir()).map((p) => p.split('/').slice(-2).join('/'));
    for (const name of [
      'packages/conditions',
      'packages/contract',
      'packages/policy',
      'packages/problems',
      'packages/time',
    ])
      expect(packages).toContain(name);
    // policy reads YAML through config-file: a package the site imports only through another.
    expect(packages).toContain('packages/config-file');
    const inputs = codeInputs();
    expect(inputs.some((p) => p.endsWith('apps/report-site/astro.config.mjs'))).toBe(true);
    expect(inputs.some((p) => p.endsWith('apps/report-site/src'))).toBe(true);
    expect(inputs.some((p) => p.endsWith('configs/catalog'))).toBe(true);
    expect(inputs.some((p) => p.endsWith('package-lock.json'))).toBe(true);
  });

  it('changes a folder’s fingerprint with any byte or name under it', () => {
    const dir = join(work, 'fp');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'a.json'), '1');
    const first = fingerprintTree(dir);
    expect(fingerprintTree(dir)).toBe(first);
    writeFileSync(join(dir, 'sub', 'a.json'), '2');
    const second = fingerprintTree(dir);
    expect(second).not.toBe(first);
    rmSync(join(dir, 'sub', 'a.json'));
    writeFileSync(join(dir, 'sub', 'b.json'), '2');
    expect(fingerprintTree(dir)).not.toBe(second);
    expect(fingerprintTree(join(work, 'absent'))).toBe('none');
  });

  it('rebuilds a changed, added or removed period and every period ending on or after it', () => {
    const before = {
      periods: { '2026-09': 'a', '2026-10': 'b', '2026-11': 'c', '2026-Q4': 'd', '2026': 'e' },
    };
    expect(changedPeriods(before, before)).toEqual([]);
    expect(changedPeriods(before, { periods: { ...before.periods, '2026-11': 'x' } })).toEqual([
      '2026',
      '2026-11',
      '2026-Q4',
    ]);
    const { '2026-10': _removed, ...rest } = before.periods;
    expect(changedPeriods(before, { periods: rest })).toEqual(['2026', '2026-11', '2026-Q4']);
    expect(changedPeriods(before, { periods: { ...before.periods, '2026-12': 'n' } })).toEqual([
      '2026',
      '2026-12',
      '2026-Q4',
    ]);
  });
});

describe('the results folder the pages’ commands name', () => {
  it('is relative to the folder the build runs in when inside it, else absolute', () => {
    expect(shownFolder('/repo/data/mycs-results', '/repo')).toBe('data/mycs-results');
    expect(shownFolder('/repo', '/repo')).toBe('.');
    expect(shownFolder('/repo/..results/x', '/repo')).toBe('..results/x');
    expect(shownFolder('/elsewhere/results', '/repo')).toBe('/elsewhere/results');
    expect(shownFolder('/repo-2/results', '/repo')).toBe('/repo-2/results');
  });
});

describe('scorebook site serve', () => {
  let server: Server;
  let socket: SocketServer;
  let base: string;
  const site = join(work, 'served');
  const secret = join(work, 'secret.txt');

  beforeAll(async () => {
    mkdirSync(join(site, 'zh'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<p>home</p>');
    writeFileSync(join(site, 'zh', 'index.html'), '<p>zh</p>');
    writeFileSync(secret, 'outside');
    symlinkSync(secret, join(site, 'leak.txt'));
    symlinkSync(work, join(site, 'up'));
    symlinkSync(join(site, 'zh', 'index.html'), join(site, 'inside.html'));
    // A socket cannot be read as a file, even by root: the old server died on such a file.
    socket = createSocketServer().listen(join(site, 'socket.html'));
    await once(socket, 'listening');
    server = await serveSite(site, 0);
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => {
    server?.close();
    socket?.close();
  });

  it('serves files and folders as their index.html', async () => {
    expect(await (await fetch(`${base}/`)).text()).toBe('<p>home</p>');
    expect(await (await fetch(`${base}/zh/`)).text()).toBe('<p>zh</p>');
    const response = await fetch(`${base}/zh/index.html`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await (await fetch(`${base}/inside.html`)).text()).toBe('<p>zh</p>');
  });

  it('redirects a folder without its trailing slash, so relative links resolve as from file://', async () => {
    const plain = await fetch(`${base}/zh`, { redirect: 'manual' });
    expect([plain.status, plain.headers.get('location')]).toEqual([301, '/zh/']);
    const query = await fetch(`${base}/zh?lang=en`, { redirect: 'manual' });
    expect(query.headers.get('location')).toBe('/zh/?lang=en');
    expect(await (await fetch(`${base}/zh`)).text()).toBe('<p>zh</p>');
  });

  it('never serves what lies outside the folder, through a link or ..', async () => {
    expect((await fetch(`${base}/leak.txt`)).status).toBe(404);
    expect((await fetch(`${base}/up/secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/zh/..%2f..%2fsecret.txt`)).status).toBe(404);
  });

  it('answers 404 for a file it cannot read and keeps serving', async () => {
    expect((await fetch(`${base}/socket.html`)).status).toBe(404);
    expect((await fetch(`${base}/missing.html`)).status).toBe(404);
    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${base}/zh/`)).status).toBe(200);
  });

  it('answers only GET and HEAD', async () => {
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
    const head = await fetch(`${base}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses a folder that is not a built site', async () => {
    const run = await runCli('site', 'serve', join(work, 'fp'), '--lang', 'en');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('SITE_NOT_BUILT');
  });

  it('says when the port is in use, and which one to try (trial 7 M8)', async () => {
    const port = (server.address() as { port: number }).port;
    const run = await runCli('site', 'serve', site, '--port', String(port), '--lang', 'en');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${site} SITE_PORT_IN_USE\n`);
    expect(run.stderr).toContain(
      `  Port ${port} is in use (another site serve or demo still running, perhaps). Stop it, or choose another port: --port ${port + 1}.`,
    );
    expect(run.stderr).not.toContain('EADDRINUSE');
  });
});
