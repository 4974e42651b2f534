import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the report site app is in the repository. */
export const SITE_APP_DIR = fileURLToPath(new URL('../../../../apps/report-site/', import.meta.url));

/** Options of {@link buildSite}. */
export interface SiteBuildOptions {
  resultsDir: string;
  policiesDir: string;
  outDir: string;
  /** Called with each line Astro prints, for progress. */
  onOutput?: (line: string) => void;
  /** Rebuild every page even when an earlier build could be re-used. */
  full?: boolean;
}

/** What a build did. */
export interface SiteBuildReport {
  periods: string[];
  rebuilt: string[];
  reused: string[];
  pages: number;
  seconds: number;
}

const MANIFEST = '.scorebook-site.json';

interface SiteManifest {
  site: string;
  policies: string;
  periods: Record<string, string>;
}

/**
 * Builds the static report site with Astro from results (one folder per period) and policies.
 * Pages of a period depend only on that period and earlier ones, so when the previous build in
 * `outDir` used the same site code and policies, only new or changed periods (and the pages
 * that list periods) are rebuilt; the rest is kept.
 */
export async function buildSite(options: SiteBuildOptions): Promise<SiteBuildReport> {
  const started = Date.now();
  const resultsDir = resolve(options.resultsDir);
  const policiesDir = resolve(options.policiesDir);
  const outDir = resolve(options.outDir);
  const periods = listPeriods(resultsDir);
  const manifest: SiteManifest = {
    site: fingerprintTree(join(SITE_APP_DIR, 'src')),
    policies: fingerprintTree(policiesDir),
    periods: {},
  };
  for (const p of periods) manifest.periods[p] = fingerprintTree(join(resultsDir, p));
  const previous = readManifest(join(outDir, MANIFEST));
  const reusable =
    !options.full &&
    previous !== null &&
    previous.site === manifest.site &&
    previous.policies === manifest.policies;
  const changed = periods.filter(
    (p) =>
      !reusable ||
      previous.periods[p] !== manifest.periods[p] ||
      laterChanged(p, periods, previous, manifest),
  );
  const reused = periods.filter((p) => !changed.includes(p));

  const target = reusable ? mkdtempSync(join(dirname(outDir), '.site-build-')) : outDir;
  if (!reusable) rmSync(outDir, { recursive: true, force: true });
  try {
    await runAstro(
      {
        SCOREBOOK_RESULTS: resultsDir,
        SCOREBOOK_POLICIES: policiesDir,
        SCOREBOOK_SITE_OUT: target,
        SCOREBOOK_SITE_PERIODS: changed.join(','),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      options.onOutput,
    );
    if (reusable) {
      for (const lang of ['zh', 'en']) {
        for (const gone of Object.keys(previous.periods).filter((p) => !periods.includes(p))) {
          rmSync(join(outDir, lang, 'periods', gone), { recursive: true, force: true });
        }
      }
      cpSync(target, outDir, { recursive: true });
    }
  } finally {
    if (reusable) rmSync(target, { recursive: true, force: true });
  }
  writeFileSync(join(outDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return {
    periods,
    rebuilt: changed,
    reused,
    pages: countPages(outDir),
    seconds: (Date.now() - started) / 1000,
  };
}

/** The period folders of a results directory, sorted. */
export function listPeriods(resultsDir: string): string[] {
  if (!existsSync(resultsDir)) return [];
  return readdirSync(resultsDir)
    .filter(
      (name) => /^\d{4}(-\d{2}|-Q[1-4])?$/.test(name) && existsSync(join(resultsDir, name, 'results.json')),
    )
    .sort();
}

// A period's pages also show the previous period (grade movements) and earlier ones (trends):
// when an earlier period changed, the later ones are rebuilt too.
function laterChanged(
  period: string,
  periods: string[],
  previous: SiteManifest,
  current: SiteManifest,
): boolean {
  return periods.some((p) => p < period && previous.periods[p] !== current.periods[p]);
}

function runAstro(env: Record<string, string>, onOutput?: (line: string) => void): Promise<void> {
  const require = createRequire(join(SITE_APP_DIR, 'package.json'));
  const astroBin = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build'], {
      cwd: SITE_APP_DIR,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const forward = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      tail = (tail + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim() !== '') onOutput?.(line);
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`astro build exited with ${code}:\n${tail}`)),
    );
  });
}

function fingerprintTree(dir: string): string {
  const hash = createHash('sha256');
  if (!existsSync(dir)) return 'none';
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else hash.update(`${relative(dir, p)}\0`).update(readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

function readManifest(file: string): SiteManifest | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SiteManifest;
  } catch {
    return null;
  }
}

function countPages(dir: string): number {
  let n = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.html')) n++;
    }
  };
  if (existsSync(dir)) walk(dir);
  return n;
}
