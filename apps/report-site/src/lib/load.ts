import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtinCatalog, type MetricDefinition } from '@scorebook/contract';
import { loadPolicyFamily, type Policy } from '@scorebook/policy';
import { parsePeriod } from '@scorebook/time';
import type { AgentExplanation, Manifest, Results } from './results-types.ts';

/** A publication of a period that a later one superseded. */
export interface EarlierPublication {
  dir: string;
  manifest: Manifest | null;
  results: Results;
}

/** One period of the site: its results, explanations and publication record. */
export interface SitePeriod {
  id: string;
  results: Results;
  explanations: Map<string, AgentExplanation>;
  manifest: Manifest | null;
  history: EarlierPublication[];
  /** The policy version that produced it, when the policies folder still holds it. */
  policy: Policy | null;
  /** Every metric definition of that policy, built-in first. */
  definitions: Map<string, MetricDefinition>;
}

/** Everything the site shows, read once per build. */
export interface SiteData {
  /** Newest first. */
  periods: SitePeriod[];
  /** Policy families by id; versions oldest first. */
  policies: Map<string, Policy[]>;
}

let cached: SiteData | undefined;

/**
 * Reads the published results (`SCOREBOOK_RESULTS`, one folder per period) and the policies
 * (`SCOREBOOK_POLICIES`, a folder of policy folders) once per build.
 */
export function siteData(): SiteData {
  if (cached !== undefined) return cached;
  const resultsDir = resolve(process.env.SCOREBOOK_RESULTS ?? '../../data/results');
  const policiesDir = resolve(process.env.SCOREBOOK_POLICIES ?? '../../configs/policies');
  const policies = new Map<string, Policy[]>();
  if (existsSync(policiesDir)) {
    for (const name of readdirSync(policiesDir).sort()) {
      const dir = join(policiesDir, name);
      if (!statSync(dir).isDirectory()) continue;
      const family = loadPolicyFamily(dir);
      if (family.versions.length > 0) policies.set(family.id, family.versions);
    }
  }
  const periods: SitePeriod[] = [];
  if (existsSync(resultsDir)) {
    for (const name of readdirSync(resultsDir)) {
      const dir = join(resultsDir, name);
      if (parsePeriod(name) === null || !existsSync(join(dir, 'results.json'))) continue;
      periods.push(readPeriod(dir, policies));
    }
  }
  periods.sort((a, b) =>
    a.results.period.end > b.results.period.end
      ? -1
      : a.results.period.end < b.results.period.end
        ? 1
        : kindOrder(a) - kindOrder(b),
  );
  cached = { periods, policies };
  return cached;
}

function readPeriod(dir: string, policies: Map<string, Policy[]>): SitePeriod {
  const results = readJson<Results>(join(dir, 'results.json'));
  const explanationsFile = join(dir, 'explanations.json');
  const explanations = new Map<string, AgentExplanation>();
  if (existsSync(explanationsFile)) {
    for (const a of readJson<{ agents: AgentExplanation[] }>(explanationsFile).agents)
      explanations.set(a.agent_id, a);
  }
  const manifestFile = join(dir, 'manifest.json');
  const manifest = existsSync(manifestFile) ? readJson<Manifest>(manifestFile) : null;
  const history: EarlierPublication[] = [];
  const supersededDir = join(dir, 'superseded');
  if (existsSync(supersededDir)) {
    for (const name of readdirSync(supersededDir).sort()) {
      const earlier = join(supersededDir, name);
      if (!existsSync(join(earlier, 'results.json'))) continue;
      history.push({
        dir: name,
        manifest: existsSync(join(earlier, 'manifest.json'))
          ? readJson<Manifest>(join(earlier, 'manifest.json'))
          : null,
        results: readJson<Results>(join(earlier, 'results.json')),
      });
    }
  }
  const policy = policies.get(results.policy.id)?.find((p) => p.version === results.policy.version) ?? null;
  const definitions = new Map<string, MetricDefinition>(
    [...builtinCatalog(), ...(policy?.metrics ?? [])].map((m) => [m.id, m]),
  );
  return { id: results.period.id, results, explanations, manifest, history, policy, definitions };
}

function kindOrder(p: SitePeriod): number {
  return { month: 0, quarter: 1, year: 2 }[p.results.period.kind] ?? 3;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
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
