import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type AgentResult,
  type Manifest,
  type PolicySnapshot,
  PUBLISHED_FILES,
  type PublishedFile,
  type RejectedRow,
  type Results,
  type SnapshotMetric,
} from '@scorebook/contract';
import { parseEvaluationPeriod, parsePeriod } from '@scorebook/time';
import { type Explanations, indexExplanations, NO_EXPLANATIONS } from './explanations.ts';
import type { Currency } from './format.ts';
import { LANGS } from './messages.ts';

/** A publication of a period that a later one superseded. */
export interface EarlierPublication {
  dir: string;
  manifest: Manifest | null;
  results: Results;
}

/** One period of the site: its files as written by the engine and by `publish`. */
export interface SitePeriod {
  id: string;
  /** The period's folder: the downloads are its files' bytes. */
  dir: string;
  results: Results;
  /** Agents of results.json by id. */
  agents: Map<string, AgentResult>;
  /** explanations.json by agent, parsed on demand. */
  explanations: Explanations;
  /** manifest.json; null for a draft (evaluated, never published). */
  manifest: Manifest | null;
  history: EarlierPublication[];
  /** policy.json, the policy applied; null for a period written before evaluations wrote it. */
  policy: PolicySnapshot | null;
  /** The metric definitions of policy.json by id (empty without it). */
  metrics: Map<string, SnapshotMetric>;
  /** The currency policy.json declares (`currency`, an ISO 4217 code), null when it declares none. */
  currency: Currency;
  /** Which of {@link PUBLISHED_FILES} the folder has. */
  files: PublishedFile[];
  /**
   * rejected.json's rows by the agent each is about (`agent_id`, engine 2.3.0 on), in file order;
   * a row about no agent, and every row of an older engine's rejected.json, is in none.
   */
  rejectedByAgent: ReadonlyMap<string, readonly RejectedRow[]>;
  /** The files manifest.json lists whose bytes no longer hash to what it records (or that are gone). */
  altered: AlteredFile[];
}

/**
 * A file of a period's manifest.json whose sha256 is no longer the one recorded: the pages of the
 * period warn of it, and `scorebook site build` lists it (`altered-publications.json`).
 */
export interface AlteredFile {
  /** The file's name in the period's folder (`rejected.json`). */
  file: string;
  /** The sha256 manifest.json records. */
  recorded: string;
  /** The sha256 of the file now; null when it is gone. */
  current: string | null;
}

/**
 * A monitoring period's folder in the results (a week, day or range `evaluate` wrote,
 * docs/periods.md): listed apart, never published, no pages of its own.
 */
export interface MonitoringPeriod {
  id: string;
  kind: 'week' | 'day' | 'range';
  /** `period.end` of its results: the instant it ends. */
  end: string;
  policy: { id: string; version: string };
  rated: number;
  agents: number;
}

/** Everything the site shows, read once per build. */
export interface SiteData {
  /** Newest first; of the same end, month before quarter before year. */
  periods: SitePeriod[];
  /** Monitoring periods' folders, newest first (by end, then id); only their summaries are read. */
  monitoring: MonitoringPeriod[];
}

export { PUBLISHED_FILES, type PublishedFile };

let cached: SiteData | undefined;

/**
 * Reads the results (`SCOREBOOK_RESULTS`, one folder per period as `scorebook evaluate` or
 * `publish` writes it) once per build. Nothing else is read: what a period shows comes only from
 * its own files. A file that is not valid JSON stops the build with its name.
 */
export function siteData(): SiteData {
  if (cached !== undefined) return cached;
  const resultsDir = resolve(process.env.SCOREBOOK_RESULTS ?? '../../data/results');
  const periods: SitePeriod[] = [];
  const monitoring: MonitoringPeriod[] = [];
  if (existsSync(resultsDir)) {
    for (const name of readdirSync(resultsDir).sort()) {
      const dir = join(resultsDir, name);
      if (!existsSync(join(dir, 'results.json'))) continue;
      const kind = parsePeriod(name)?.kind;
      if (parseEvaluationPeriod(name) !== null) periods.push(readPeriod(dir));
      else if (kind === 'week' || kind === 'day' || kind === 'range')
        monitoring.push(readMonitoring(dir, kind));
    }
  }
  monitoring.sort((a, b) => compareText(b.end, a.end) || compareText(a.id, b.id));
  periods.sort(
    (a, b) =>
      compareText(b.results.period.end, a.results.period.end) ||
      kindOrder(a.results.period.kind) - kindOrder(b.results.period.kind),
  );
  cached = { periods, monitoring };
  return cached;
}

/** The period with this id; the build stops when a page names one the data lacks. */
export function periodById(id: string): SitePeriod {
  const period = siteData().periods.find((p) => p.id === id);
  if (period === undefined) throw new Error(`period ${id} is not in SCOREBOOK_RESULTS`);
  return period;
}

/**
 * The periods whose pages this build writes: all of them, or those named in
 * `SCOREBOOK_SITE_PERIODS` when `scorebook site build` re-uses an earlier build.
 */
export function periodsToBuild(): SitePeriod[] {
  const only = process.env.SCOREBOOK_SITE_PERIODS;
  if (only === undefined) return siteData().periods;
  const ids = new Set(only.split(',').filter((x) => x !== ''));
  return siteData().periods.filter((p) => ids.has(p.id));
}

/** The static paths of the pages of which a period has one per language (overview, audit). */
export function periodPagePaths() {
  return LANGS.flatMap((lang) =>
    periodsToBuild().map((p) => ({ params: { lang, period: p.id }, props: { lang, periodId: p.id } })),
  );
}

function readMonitoring(dir: string, kind: MonitoringPeriod['kind']): MonitoringPeriod {
  const { period, policy, summary } = readContractFile<Results>(join(dir, 'results.json'));
  return {
    id: period.id,
    kind,
    end: period.end,
    policy: { id: policy.id, version: policy.version },
    rated: summary.rated,
    agents: summary.agents,
  };
}

function readPeriod(dir: string): SitePeriod {
  const results = readContractFile<Results>(join(dir, 'results.json'));
  const explanationsFile = join(dir, 'explanations.json');
  const explanations = existsSync(explanationsFile) ? indexExplanations(explanationsFile) : NO_EXPLANATIONS;
  const policy = optional<PolicySnapshot>(join(dir, 'policy.json'));
  const manifest = optional<Manifest>(join(dir, 'manifest.json'));
  return {
    id: results.period.id,
    dir,
    results,
    agents: new Map(results.agents.map((a) => [a.agent_id, a])),
    explanations,
    manifest,
    history: readHistory(join(dir, 'superseded')),
    policy,
    metrics: new Map((policy?.metrics ?? []).map((m) => [m.id, m])),
    currency: declaredCurrency(policy),
    files: PUBLISHED_FILES.filter((f) => existsSync(join(dir, f))),
    altered: alteredFiles(dir, manifest),
    rejectedByAgent: rejectedByAgent(optional<{ rows: PublishedRejectedRow[] }>(join(dir, 'rejected.json'))),
  };
}

/** A row of a rejected.json as written by any engine: before 2.4.0 a row names no record. */
type PublishedRejectedRow = Omit<RejectedRow, 'record_id'> & { record_id?: RejectedRow['record_id'] };

/**
 * The rejected rows of a rejected.json by agent (docs/results.md: `agent_id`, a string or null),
 * each with its `record_id` (null in a file of an engine before 2.4.0).
 */
function rejectedByAgent(file: { rows: readonly PublishedRejectedRow[] } | null): Map<string, RejectedRow[]> {
  const byAgent = new Map<string, RejectedRow[]>();
  for (const published of file?.rows ?? []) {
    const row: RejectedRow = { ...published, record_id: published.record_id ?? null };
    if (typeof row.agent_id !== 'string') continue;
    const rows = byAgent.get(row.agent_id);
    if (rows === undefined) byAgent.set(row.agent_id, [row]);
    else rows.push(row);
  }
  return byAgent;
}

/** The files of a manifest whose bytes no longer hash to the recorded sha256, each hashed once, in manifest order. */
function alteredFiles(dir: string, manifest: Manifest | null): AlteredFile[] {
  return Object.entries(manifest?.files ?? {}).flatMap(([file, recorded]) => {
    const path = join(dir, file);
    const current = existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : null;
    return current === recorded ? [] : [{ file, recorded, current }];
  });
}

/**
 * The currency a policy.json declares: its `currency` key when it is an ISO 4217 code (three
 * capital letters), else null. The key is optional: policy.json has none yet, and a reader
 * ignores keys it does not know, so a later policy format can declare one.
 */
export function declaredCurrency(policy: PolicySnapshot | null): Currency {
  const code: unknown = policy === null ? null : Reflect.get(policy, 'currency');
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code) ? code : null;
}

function readHistory(supersededDir: string): EarlierPublication[] {
  if (!existsSync(supersededDir)) return [];
  const history: EarlierPublication[] = [];
  for (const name of readdirSync(supersededDir).sort()) {
    const earlier = join(supersededDir, name);
    if (!existsSync(join(earlier, 'results.json'))) continue;
    history.push({
      dir: name,
      manifest: optional<Manifest>(join(earlier, 'manifest.json')),
      results: readContractFile<Results>(join(earlier, 'results.json')),
    });
  }
  return history;
}

function optional<T>(file: string): T | null {
  return existsSync(file) ? readContractFile<T>(file) : null;
}

// The one place where read JSON gets its type: the files were written by the engine and by
// `publish` in the shapes of @scorebook/contract (results.ts), which checks they are version 1.
function readContractFile<T>(file: string): T {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`${file}: not a JSON object`);
  if ('scorebook' in value && value.scorebook !== 1)
    throw new Error(
      `${file}: written by another version of Scorebook (scorebook: ${String(value.scorebook)})`,
    );
  return value as T;
}

function kindOrder(kind: string): number {
  return kind === 'month' ? 0 : kind === 'quarter' ? 1 : kind === 'year' ? 2 : 3;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
