import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { PUBLISHED_FILES } from '@scorebook/contract';
import { lockDirectory, lockFileOf } from '@scorebook/engine';
import { interruptedPeriods } from '@scorebook/governance';
import { ScorebookError } from '@scorebook/problems';
import { parsePeriod } from '@scorebook/time';
import { REPOSITORY } from '../repository.ts';
import { siteRefusal } from './site-errors.ts';

/** The package of the report site app, a dependency of the command line. */
const SITE_PACKAGE = '@scorebook/report-site';

/**
 * The folder of the report site app, found the way Node finds the declared dependency
 * `@scorebook/report-site` (its real folder: workspaces are linked). Stops with
 * `SITE_NOT_INSTALLED` when it is not installed.
 */
export function siteAppDir(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${SITE_PACKAGE}/package.json`));
  } catch {
    throw notInstalled(SITE_PACKAGE, import.meta.dirname);
  }
}

/**
 * The file a build writes into the site folder: it marks the folder as a site (only a marked or
 * empty folder is ever replaced) and records the fingerprints that decide what the next build
 * may re-use.
 */
export const SITE_MARKER = '.scorebook-site.json';

/** Bumped when the way pages are laid out changes, so that no earlier build is re-used. */
const BUILD_FORMAT = 2;

/** Options of {@link buildSite}. */
export interface SiteBuildOptions {
  resultsDir: string;
  outDir: string;
  /**
   * Not read: each period is shown from its own files (its policy from policy.json). Accepted so
   * that callers written for the first site keep working.
   */
  policiesDir?: string;
  /** Called with each line Astro prints, for progress. */
  onOutput?: (line: string) => void;
  /** Rebuild every page even when an earlier build could be re-used. */
  full?: boolean;
  /**
   * How long to wait for another build of this checkout to end before refusing
   * (SITE_BUILD_BUSY); 15 minutes by default.
   */
  waitMs?: number;
}

/** What a build did. */
export interface SiteBuildReport {
  periods: string[];
  rebuilt: string[];
  reused: string[];
  pages: number;
  seconds: number;
  /** The published files changed since publication, as the site's pages warn of them. */
  altered: AlteredPublication[];
}

/**
 * A file of a period's manifest.json whose sha256 is no longer the one recorded, as the site's
 * loader found it (`altered-publications.json` of the build, which is then removed).
 */
export interface AlteredPublication {
  period: string;
  file: string;
  recorded: string;
  /** Null when the file is gone. */
  current: string | null;
}

/** The list the site's loader writes into a build (`apps/report-site/src/pages/altered-publications.json.ts`). */
const ALTERED_FILE = 'altered-publications.json';

/** The content of {@link SITE_MARKER}. */
interface SiteMarker {
  scorebook_site: number;
  /** The fingerprint of everything but the results: site code, packages, catalog, lockfile, Node. */
  code: string;
  /** The fingerprint of each period folder. */
  periods: Record<string, string>;
}

/**
 * Builds the static report site with Astro from a results folder (one sub-folder per period).
 * Refuses (ScorebookError `SITE_OUT_NOT_A_SITE`) to replace an `outDir` that exists, is not empty
 * and has no {@link SITE_MARKER}, or that holds the results, and (`SITE_PERIOD_INTERRUPTED`) results
 * in which a publish stopped between its renames (the period would silently be missing). The site is built into a temporary
 * folder first, so a failed build leaves `outDir` as it was.
 *
 * Re-use: a period's pages depend on its own folder and on earlier periods (trends, grade
 * movements), and every page on the site's code. When the marker's code fingerprint equals this
 * build's, only periods whose folder (or an earlier period's) changed, was added or removed are
 * rebuilt; the pages that list periods or policies are always rebuilt.
 */
export async function buildSite(options: SiteBuildOptions): Promise<SiteBuildReport> {
  const started = Date.now();
  const resultsDir = resolve(options.resultsDir);
  const outDir = resolve(options.outDir);
  const previous = checkOutDir(outDir, resultsDir);
  // Every interrupted period at once, not the first alone.
  const interrupted = [...interruptedPeriods(resultsDir)].flatMap(
    ([period, aside]) =>
      siteRefusal('SITE_PERIOD_INTERRUPTED', aside, { period, aside, target: join(resultsDir, period) })
        .problems,
  );
  if (interrupted.length > 0) throw new ScorebookError('refused', interrupted);
  const periods = listPeriods(resultsDir);
  const shown = shownFolder(resultsDir);
  const marker: SiteMarker = {
    scorebook_site: BUILD_FORMAT,
    // The pages' commands name the results folder: a build from another folder re-uses nothing.
    code: createHash('sha256').update(`${codeFingerprint()}\0results ${shown}`).digest('hex'),
    periods: Object.create(null),
  };
  for (const p of periods) marker.periods[p] = fingerprintTree(join(resultsDir, p));
  const reusable =
    options.full !== true &&
    previous !== null &&
    previous.scorebook_site === BUILD_FORMAT &&
    previous.code === marker.code;
  const changed = reusable ? changedPeriods(previous, marker) : periods;
  const reused = periods.filter((p) => !changed.includes(p));

  mkdirSync(dirname(outDir), { recursive: true });
  const target = mkdtempSync(join(dirname(outDir), '.site-build-'));
  let altered: AlteredPublication[];
  try {
    await runAstro(
      {
        SCOREBOOK_RESULTS: resultsDir,
        SCOREBOOK_RESULTS_SHOWN: shown,
        SCOREBOOK_SITE_OUT: target,
        SCOREBOOK_SITE_PERIODS: changed.join(','),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      options.onOutput,
      options.waitMs ?? BUILD_WAIT_MS,
    );
    // The site hashed every published file for its pages: the build lists what it found.
    altered = JSON.parse(readFileSync(join(target, ALTERED_FILE), 'utf8')) as AlteredPublication[];
    rmSync(join(target, ALTERED_FILE));
    for (const p of changed) copyPublishedFiles(join(resultsDir, p), join(target, 'downloads', p));
    if (reusable) {
      const replaced = [...changed, ...Object.keys(previous.periods).filter((p) => !periods.includes(p))];
      for (const lang of ['zh', 'en']) {
        rmSync(join(outDir, lang, 'policies'), { recursive: true, force: true });
        for (const p of replaced) rmSync(join(outDir, lang, 'periods', p), { recursive: true, force: true });
      }
      for (const p of replaced) rmSync(join(outDir, 'downloads', p), { recursive: true, force: true });
      cpSync(target, outDir, { recursive: true });
      writeMarker(outDir, marker);
    } else {
      writeMarker(target, marker);
      rmSync(outDir, { recursive: true, force: true });
      renameSync(target, outDir);
    }
  } finally {
    rmSync(target, { recursive: true, force: true });
  }
  return {
    periods,
    rebuilt: changed,
    reused,
    pages: countPages(outDir),
    seconds: (Date.now() - started) / 1000,
    altered,
  };
}

/**
 * The results folder as the site's commands name it (`verify --results`, `impact --results`):
 * relative to the folder the command runs in (the repository's root, where the paths a manifest
 * records start) when it is inside it, with `/`; else absolute.
 */
export function shownFolder(dir: string, cwd: string = process.cwd()): string {
  const inside = relative(resolve(cwd), dir);
  if (inside === '') return '.';
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return dir;
  return inside.split(sep).join('/');
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

/**
 * The fingerprint of every input of the site but the results: the site app (its source, public
 * files, Astro config, package.json and tsconfig; not its tests or docs), every workspace
 * package it imports directly or through another (the whole package folder), the metric catalog, the root package.json and lockfile, the Node version
 * and the build format.
 */
export function codeFingerprint(): string {
  const hash = createHash('sha256');
  hash.update(`format ${BUILD_FORMAT}\0node ${process.version}\0`);
  for (const input of codeInputs())
    hash.update(`${relative(REPOSITORY.root, input)}\0${fingerprintTree(input)}\0`);
  return hash.digest('hex');
}

/** The files and folders {@link codeFingerprint} hashes, in order. */
export function codeInputs(): string[] {
  const app = siteAppDir();
  return [
    ...['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'].map((p) => join(app, p)),
    ...workspacePackagesOf(app),
    REPOSITORY.metricCatalog,
    REPOSITORY.manifest,
    REPOSITORY.lockfile,
  ];
}

/** The folders of the `@scorebook/*` packages a package depends on, directly or not, sorted. */
export function workspacePackagesOf(packageDir: string): string[] {
  const found = new Map<string, string>();
  const visit = (dir: string) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const name of Object.keys(manifest.dependencies ?? {}).sort()) {
      if (!name.startsWith('@scorebook/') || found.has(name)) continue;
      const packageDir = installedPackageDir(dir, name);
      found.set(name, packageDir);
      visit(packageDir);
    }
  };
  visit(packageDir);
  return [...found.values()].sort();
}

// Where Node finds a package from `fromDir` (its real folder: workspaces are linked), without
// resolving an entry point, which a package's `exports` may not allow for package.json.
function installedPackageDir(fromDir: string, name: string): string {
  for (let d = fromDir; ; d = dirname(d)) {
    const candidate = join(d, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(d) === d) throw notInstalled(name, fromDir);
  }
}

// Folders that builds and tools write and that no page depends on.
const NOT_INPUTS = new Set(['node_modules', 'dist', 'dist-types', '.astro', '.turbo', 'test-results']);

/** sha256 over the relative paths and bytes of the files under `path` (or of the file itself); `none` when absent. */
export function fingerprintTree(path: string): string {
  if (!existsSync(path)) return 'none';
  const hash = createHash('sha256');
  if (!statSync(path).isDirectory()) return hash.update(readFileSync(path)).digest('hex');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (NOT_INPUTS.has(name)) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else hash.update(`${relative(path, p).split(sep).join('/')}\0`).update(readFileSync(p));
    }
  };
  walk(path);
  return hash.digest('hex');
}

/**
 * The periods to rebuild when the code is unchanged: those added or whose folder changed, and
 * every period ending on or after the end of one that changed, was added or was removed (its
 * trends and grade movements show the periods that end before it).
 */
export function changedPeriods(
  previous: Pick<SiteMarker, 'periods'>,
  current: Pick<SiteMarker, 'periods'>,
): string[] {
  const all = [...new Set([...Object.keys(previous.periods), ...Object.keys(current.periods)])];
  const differs = (p: string) =>
    (Object.hasOwn(previous.periods, p) ? previous.periods[p] : undefined) !==
    (Object.hasOwn(current.periods, p) ? current.periods[p] : undefined);
  const ends = all.filter(differs).map(endDayOf);
  if (ends.length === 0) return [];
  const earliest = ends.sort()[0] ?? '';
  return Object.keys(current.periods)
    .sort()
    .filter((p) => endDayOf(p) >= earliest);
}

function endDayOf(period: string): string {
  return parsePeriod(period)?.endDay ?? '';
}

/**
 * Checks that `outDir` may be replaced: absent, an empty folder, or a folder with the marker;
 * and that it does not hold the results. Returns the previous marker when there is one.
 */
function checkOutDir(outDir: string, resultsDir: string): SiteMarker | null {
  if (resultsDir === outDir || resultsDir.startsWith(outDir + sep))
    throw siteRefusal('SITE_OUT_HOLDS_RESULTS', outDir, { dir: outDir, results: resultsDir });
  if (!existsSync(outDir)) return null;
  const markerFile = join(outDir, SITE_MARKER);
  const isFolder = lstatSync(outDir).isDirectory();
  if (isFolder && readdirSync(outDir).length === 0) return null;
  if (!isFolder || !existsSync(markerFile))
    throw siteRefusal('SITE_OUT_NOT_A_SITE', outDir, { dir: outDir, marker: SITE_MARKER });
  return readMarker(markerFile);
}

// A marker that does not parse (or an older build's) still marks the folder as a site; it only
// cannot be re-used.
function readMarker(file: string): SiteMarker | null {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (value === null || typeof value !== 'object') return null;
    const { scorebook_site, code, periods } = value as Partial<SiteMarker>;
    if (typeof scorebook_site !== 'number' || typeof code !== 'string' || typeof periods !== 'object')
      return null;
    return { scorebook_site, code, periods: Object.assign(Object.create(null), periods) };
  } catch {
    return null;
  }
}

function writeMarker(dir: string, marker: SiteMarker): void {
  const periods = Object.fromEntries(Object.entries(marker.periods).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(join(dir, SITE_MARKER), `${JSON.stringify({ ...marker, periods }, null, 2)}\n`);
}

async function runAstro(
  env: Record<string, string>,
  onOutput: ((line: string) => void) | undefined,
  waitMs: number,
): Promise<void> {
  const app = siteAppDir();
  const require = createRequire(join(app, 'package.json'));
  const astroBin = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
  // Astro keeps its build's files in the site app's own folder (`.astro/`, whatever the output
  // folder), so two builds of one checkout at once would overwrite each other's: one builds at a
  // time, a second waits for the first (at most `waitMs`). A lock a build that no longer runs left
  // is taken over (it guards scratch files only).
  const lock = await buildLock(app, waitMs);
  try {
    await astroBuild(app, astroBin, env, onOutput);
  } finally {
    lock.release();
  }
}

/** How long a build waits for another build of the checkout to end: 15 minutes. */
const BUILD_WAIT_MS = 15 * 60_000;

// The site app's build lock, waited for while another build holds it (polled every 250 ms).
async function buildLock(app: string, waitMs: number): Promise<ReturnType<typeof lockDirectory>> {
  const target = join(app, 'astro-build');
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      return lockDirectory(target, { breakStale: true });
    } catch (error) {
      const busy = error instanceof ScorebookError && error.problems[0]?.code === 'OUTPUT_BUSY';
      if (!busy) throw error;
      if (Date.now() >= until) throw siteRefusal('SITE_BUILD_BUSY', app, { lock: lockFileOf(target) });
      await new Promise((wake) => setTimeout(wake, 250));
    }
  }
}

function astroBuild(
  app: string,
  astroBin: string,
  env: Record<string, string>,
  onOutput?: (line: string) => void,
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build'], {
      cwd: app,
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
      code === 0
        ? resolvePromise()
        : reject(siteRefusal('SITE_BUILD_FAILED', app, { code: String(code), output: tail.trimEnd() })),
    );
  });
}

// Copied by the file system rather than rendered by Astro: a 5,000-agent month's
// explanations.json is about 200 MB, which an endpoint would hold in memory several times over.
function copyPublishedFiles(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of PUBLISHED_FILES)
    if (existsSync(join(from, name))) copyFileSync(join(from, name), join(to, name));
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

function notInstalled(name: string, from: string) {
  return siteRefusal('SITE_NOT_INSTALLED', from, { name, from });
}
