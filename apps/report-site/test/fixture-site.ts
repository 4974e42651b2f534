// The site the browser tests drive, built once for every test file (vitest's globalSetup) through
// the command line from the sample company plus agents with hostile names and teams:
//   2026-10  published before evaluations wrote policy.json (a copy of data/results/2026-10 without it)
//   2026-11  published, then superseded with a reason (a QA review back-filled for zz01)
//   2026-12  evaluated, never published: a draft; its policy.json is edited to prove the site reads it;
//            its data has an appeals_filed row the window refuses
//   2026-Q4  evaluated, never published: a quarter, governed by the version of its first day
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INPUT_TABLES, type Manifest, type PolicySnapshot } from '@scorebook/contract';

/** The repository's root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The command line's entry point. */
export const CLI = join(ROOT, 'packages/cli/bin/scorebook.js');
/** Debian's Chromium; .ci/run installs it. */
export const CHROMIUM = '/usr/bin/chromium';
/** The arguments Chromium is started with: headless, no sandbox, no GPU, nothing fetched. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
export const HOSTILE_NAME = '<script>alert(1)</script>';
export const HOSTILE_TEAM = '=HYPERLINK("x")';
export const SUPERSEDE_REASON = '补录了 11 月的质检记录';
/** December's one `appeals_filed` row: filed after the 30 days from the period's end. */
export const FILED_LATE = 'HR-1,a0001,2026-12,complaints/p000099,投诉不是我造成的,2027-02-15T10:00:00+08:00';
export const SNAPSHOT_TITLE = '快照里的策略标题';
export const SNAPSHOT_TARGET = 12345;
/** Markdown with what a sanitiser must remove, written into December's policy.json description. */
export const SNAPSHOT_DESCRIPTION = [
  '**旺季**说明:',
  '',
  '- 响应目标放宽',
  '- 见 [制度原文](https://example.com/policy)',
  '',
  '<script>alert(1)</script> [坏链接](javascript:alert(1)) <img src=x onerror=alert(1)>',
].join('\n');

/** Where the fixture is: the work folder, its results folder and the built site. */
export interface FixtureSite {
  work: string;
  results: string;
  site: string;
}

/** Runs the command line from the repository's root and gives what it printed. */
export function scorebook(...args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
}

/**
 * Evaluates one period of a policy folder and a data folder with the command line into
 * `<work>/results/<period>` (the tables not listed in `tables` allowed missing; `history`: the
 * published results history facts read, by default none) and builds the site of those results
 * into `<work>/site`.
 */
export function evaluatedSite(
  work: string,
  o: {
    policies: string;
    data: string;
    appeals: string;
    period: string;
    tables: readonly string[];
    history?: string;
    /** `--max-rejected`, when the data has more rejected rows than the default 1%. */
    maxRejected?: string;
  },
): void {
  const results = join(work, 'results');
  const missing = INPUT_TABLES.filter((t) => !o.tables.includes(t));
  scorebook(
    ...['evaluate', '--policies', o.policies, '--data', o.data, '--appeals', o.appeals],
    ...['--results', o.history ?? join(work, 'no-history'), '--allow-missing', missing.join(',')],
    ...['--period', o.period, '--out', join(results, o.period), '--quiet'],
    ...(o.maxRejected === undefined ? [] : ['--max-rejected', o.maxRejected]),
  );
  scorebook('site', 'build', '--results', results, '--out', join(work, 'site'), '--quiet');
}

/** A JSON file, read as the type the test expects. */
export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** True when the browser tests can run here. */
export function browserPresent(): boolean {
  return existsSync(CHROMIUM);
}

/** Builds the fixture's results and site into a new temporary folder. */
export function buildFixtureSite(): FixtureSite {
  const work = mkdtempSync(join(tmpdir(), 'scorebook-site-'));
  const site = join(work, 'site');
  const data = join(work, 'data');
  cpSync(join(ROOT, 'data/sample'), data, { recursive: true });
  appendFileSync(
    join(data, 'agents.csv'),
    [
      `zz01,${HOSTILE_NAME},"=HYPERLINK(""x"")",aftersale,,active`,
      'zz02,Proto Agent,__proto__,aftersale,,active',
      'constructor,Constructor Agent,constructor,presale,,active',
      '',
    ].join('\n'),
  );
  const policies = join(ROOT, 'configs/policies/ecommerce-cs');
  const results = join(work, 'results');

  const october = join(results, '2026-10');
  cpSync(join(ROOT, 'data/results/2026-10'), october, { recursive: true });
  rmSync(join(october, 'policy.json'), { force: true });
  const manifest = readJson<Manifest>(join(october, 'manifest.json'));
  delete manifest.files['policy.json'];
  writeFileSync(join(october, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const publish = ['publish', '--period', '2026-11', '--policies', policies, '--data', data];
  scorebook(...publish, '--results', results, '--quiet');
  // What the supersede publishes: a November QA review back-filled for an agent who is not rated
  // (a supersede that would publish the same files is refused).
  appendFileSync(join(data, 'qa_reviews.csv'), 'q9000001,zz01,,2026-11-20T10:00:00+08:00,88,false\n');
  scorebook(...publish, '--results', results, '--supersede', '--reason', SUPERSEDE_REASON, '--quiet');

  const draft = (period: string) =>
    scorebook(
      'evaluate',
      '--policies',
      policies,
      '--data',
      data,
      '--period',
      period,
      '--out',
      join(results, period),
      '--quiet',
    );
  draft('2026-Q4');
  // December's register of appeals filed in the HR system: one row filed after the window,
  // refused without a decision file (docs/appeals.md, refused filed rows).
  writeFileSync(
    join(data, 'appeals_filed.csv'),
    `appeal_id,agent_id,period,disputes,claim,filed_at\n${FILED_LATE}\n`,
  );
  draft('2026-12');
  const december = join(results, '2026-12');
  const snapshot = readJson<PolicySnapshot>(join(december, 'policy.json'));
  snapshot.title = SNAPSHOT_TITLE;
  snapshot.description = SNAPSHOT_DESCRIPTION;
  const first = snapshot.scorecards[0]?.scored.find((i) => i.metric === 'first_response_time');
  if (first === undefined) throw new Error('the December policy no longer scores first_response_time');
  first.target = SNAPSHOT_TARGET;
  writeFileSync(join(december, 'policy.json'), `${JSON.stringify(snapshot, null, 2)}\n`);

  scorebook('site', 'build', '--results', results, '--out', site, '--quiet');
  return { work, results, site };
}
