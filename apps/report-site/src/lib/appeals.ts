import type { AgentExplanation, AgentResult, AppealExplanation } from '@scorebook/contract';
import { APPEAL_RECORD_TABLES, DEFAULT_APPEAL_WINDOW_DAYS, sheetCsv } from '@scorebook/policy';
import { addDays, localDateOf, Zone } from '@scorebook/time';
import { recordedAppealsDir } from './commands.ts';
import type { EarlierPublication, SitePeriod } from './load.ts';
import { type Lang, localized, t } from './messages.ts';
import { metricTitle, scorecardOf } from './views.ts';

/** How many appeals of a period were filed, decided, overturned (upheld or partly), rejected, refused, pending. */
export interface AppealCounts {
  filed: number;
  decided: number;
  upheld: number;
  rejected: number;
  refused: number;
  pending: number;
}

/** How often one rule's decisions were overturned on appeal. */
export interface OverturnRow {
  /**
   * `metric`, `veto`, `table` (records of a table, by the table), `exclusion`, or `reviewer` (the
   * QA reviewer of a disputed QA review, from its optional `reviewer` column).
   */
  kind: 'metric' | 'veto' | 'table' | 'exclusion' | 'reviewer';
  id: string;
  /** Appeals decided (upheld, partly upheld or rejected; refused and pending ones are not). */
  decided: number;
  /** Of those, upheld or partly upheld. */
  overturned: number;
  /** overturned ÷ decided; null when nothing was decided. */
  rate: number | null;
}

/** Every appeal of a period once, in file-name order (from the appellants' explanations). */
export function periodAppeals(period: SitePeriod): AppealExplanation[] {
  // Only the appellants' explanations are read (a large period's are parsed one agent at a time).
  const all = period.results.agents
    .filter((a) => a.appeals?.some((x) => x.role === 'appellant'))
    .flatMap((a) =>
      (period.explanations.get(a.agent_id)?.appeals ?? []).filter((x) => x.role === 'appellant'),
    );
  return all.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The counts of {@link AppealCounts} over a period's appeals. */
export function appealCounts(appeals: readonly AppealExplanation[]): AppealCounts {
  const n = (test: (a: AppealExplanation) => boolean) => appeals.filter(test).length;
  return {
    filed: appeals.length,
    decided: n((a) => a.status === 'applied' || a.status === 'rejected'),
    upheld: n((a) => a.status === 'applied'),
    rejected: n((a) => a.status === 'rejected'),
    refused: n((a) => a.status === 'refused'),
    pending: n((a) => a.status === 'pending'),
  };
}

/**
 * The counts of {@link appealCounts} with the period's filed appeals without a decision file
 * added: the agents' `appellant` entries in `appeals` that are `pending` or `refused` (a row of
 * the `appeals_filed` table the policy's rules refused) and that the explanations do not list
 * (`docs/appeals.md`; explanations list them too, so this adds only what a period's explanations
 * lack) — each to `filed` and to `pending` or `refused`; none is decided.
 */
export function periodAppealCounts(period: SitePeriod, appeals: readonly AppealExplanation[]): AppealCounts {
  const counts = appealCounts(appeals);
  const files = new Set(appeals.map((a) => a.id));
  const rows = period.results.agents.flatMap((a) =>
    (a.appeals ?? []).filter(
      (x) => x.role === 'appellant' && (x.status === 'pending' || x.status === 'refused') && !files.has(x.id),
    ),
  );
  const pending = rows.filter((x) => x.status === 'pending').length;
  const refused = rows.filter((x) => x.status === 'refused').length;
  return {
    ...counts,
    filed: counts.filed + pending + refused,
    pending: counts.pending + pending,
    refused: counts.refused + refused,
  };
}

/**
 * The overturn rate per rule (`docs/site.md`, appeals): each decided appeal counts once under
 * what it disputes — the metric, the veto, or the table of the record — and, when one of its
 * corrections made an exclusion remove the record, under that exclusion too (an exclusion
 * row counts only such overturns: a rejected appeal names no exclusion); a decided appeal on a QA
 * review with a `reviewer` also counts under that reviewer. Sorted by kind, then id.
 */
export function overturnRates(period: SitePeriod): OverturnRow[] {
  const rows = new Map<string, OverturnRow>();
  const add = (kind: OverturnRow['kind'], id: string, overturned: boolean) => {
    const key = `${kind}\u0000${id}`;
    const row = rows.get(key) ?? { kind, id, decided: 0, overturned: 0, rate: null };
    row.decided += 1;
    if (overturned) row.overturned += 1;
    row.rate = row.overturned / row.decided;
    rows.set(key, row);
  };
  for (const a of periodAppeals(period)) {
    if (a.status !== 'applied' && a.status !== 'rejected') continue;
    const overturned = a.status === 'applied';
    const [kind, id] = a.disputes.startsWith('metric:')
      ? (['metric', a.disputes.slice(7)] as const)
      : a.disputes.startsWith('veto:')
        ? (['veto', a.disputes.slice(5)] as const)
        : (['table', a.disputes.slice(0, a.disputes.indexOf('/'))] as const);
    add(kind, id, overturned);
    if (a.reviewer !== undefined) add('reviewer', a.reviewer, overturned);
    for (const exclusion of exclusionsMadeBy(period, a)) add('exclusion', exclusion, true);
  }
  const order = { metric: 0, veto: 1, table: 2, exclusion: 3, reviewer: 4 };
  return [...rows.values()].sort(
    (x, y) => order[x.kind] - order[y.kind] || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
}

/** The exclusions that removed a record an appeal corrected (matched by file and line). */
function exclusionsMadeBy(period: SitePeriod, appeal: AppealExplanation): string[] {
  const excluded = period.explanations.get(appeal.agent_id)?.excluded ?? [];
  const found = new Set<string>();
  for (const c of appeal.changes) {
    if (c.action !== 'correct' || c.after === null) continue;
    const hit = excluded.find((e) => e.record.file === c.after?.file && e.record.line === c.after?.line);
    if (hit !== undefined) found.add(hit.exclusion);
  }
  return [...found];
}

/**
 * The agent as the publication its appeals are measured against published it, when its grade or
 * total there differs from now; null otherwise (also when there is no such publication). That
 * publication is found along the supersede chain, from the one the current publication
 * superseded (`manifest.supersedes`) back through each one's own: the first in which an appeal
 * applied to the agent now was not applied — so that a later supersede for another reason (an
 * engine upgrade, a data correction) neither hides an appeal's before and after nor passes its own
 * change off as the decisions'. None when the agent has no applied appeal, or every earlier
 * publication applied them all.
 */
export function resultBefore(period: SitePeriod, agent: AgentResult): AgentResult | null {
  const earlier = publicationBefore(period, agent)?.results.agents.find((a) => a.agent_id === agent.agent_id);
  if (earlier === undefined) return null;
  return earlier.grade === agent.grade && earlier.total_score === agent.total_score ? null : earlier;
}

// The publication {@link resultBefore} compares with, or undefined when the period has none.
function publicationBefore(period: SitePeriod, agent: AgentResult): EarlierPublication | undefined {
  const applied = appliedAppeals(agent);
  const slotOf = (manifest: SitePeriod['manifest']) =>
    manifest?.supersedes?.publication.replace('superseded/', '') ?? null;
  if (applied.size === 0) return undefined;
  const seen = new Set<string>();
  for (
    let h = period.history.find((e) => e.dir === slotOf(period.manifest));
    h !== undefined && !seen.has(h.dir);
  ) {
    seen.add(h.dir);
    const there = appliedAppeals(h.results.agents.find((a) => a.agent_id === agent.agent_id));
    if ([...applied].some((id) => !there.has(id))) return h;
    const slot = slotOf(h.manifest);
    h = period.history.find((e) => e.dir === slot);
  }
  return undefined;
}

// The ids of the appeals applied to an agent (as appellant or assignee).
function appliedAppeals(agent: AgentResult | undefined): Set<string> {
  return new Set((agent?.appeals ?? []).filter((a) => a.status === 'applied').map((a) => a.id));
}

/**
 * An agent's total score in the publication its applied appeals are measured against
 * ({@link resultBefore}), when it differs from now; null otherwise.
 */
export function totalBefore(period: SitePeriod, agent: AgentResult): number | null {
  const earlier = resultBefore(period, agent);
  if (earlier === null || earlier.total_score === agent.total_score) return null;
  return earlier.total_score;
}

/**
 * The id of the applied appeal whose `void_veto` action voided the agent's veto `vetoId`
 * (docs/appeals.md: the veto is still shown holding in explanations, but caps nothing and is not
 * in the agent's `vetoes`); null when no appeal voided it.
 */
export function vetoVoidedBy(
  agent: AgentResult,
  explanation: AgentExplanation | null,
  vetoId: string,
): string | null {
  if (agent.vetoes.includes(vetoId)) return null;
  const appeal = (explanation?.appeals ?? []).find(
    (a) => a.status === 'applied' && a.changes.some((c) => c.action === 'void_veto' && c.target === vetoId),
  );
  return appeal?.id ?? null;
}

/**
 * What an appeal disputes, in words: `veto:<id>` as the veto's reason (its id when the scorecard
 * does not have it) and `metric:<id>` as the metric's title, a record (`<table>/<id>`) as it is.
 */
export function disputesLabel(
  period: SitePeriod,
  scorecard: string | null,
  disputes: string,
  lang: Lang,
): string {
  if (disputes.startsWith('veto:'))
    return t(lang, 'vetoed', { reason: vetoName(period, scorecard, disputes.slice(5), lang) });
  if (disputes.startsWith('metric:'))
    return t(lang, 'appealDisputesMetric', { metric: metricTitle(period, disputes.slice(7), lang) });
  return disputes;
}

/** A veto of a scorecard by its reason in the page's language; its id when the scorecard lacks it. */
export function vetoName(period: SitePeriod, scorecard: string | null, id: string, lang: Lang): string {
  const veto = scorecardOf(period, scorecard)?.vetoes.find((v) => v.id === id);
  return veto === undefined ? id : localized(lang, veto.reason, veto.reason_en);
}

/** The period's appeals as CSV (UTF-8 with BOM, for spreadsheets): one row per appeal. */
export function appealsCsv(period: SitePeriod): string {
  const head = [
    'id',
    'agent_id',
    'disputes',
    'filed_at',
    'status',
    'outcome',
    'decided_by',
    'decided_at',
    'reason',
    'claim',
    'changes',
  ];
  const rows = periodAppeals(period).map((a) => [
    a.id,
    a.agent_id,
    a.disputes,
    a.filed_at,
    a.status,
    a.decision?.outcome ?? null,
    a.decision?.decided_by ?? null,
    a.decision?.decided_at ?? null,
    a.decision?.reason ?? null,
    a.claim,
    a.changes.map((c) => `${c.action} ${c.target}${c.field === null ? '' : `.${c.field}`}`).join('; '),
  ]);
  return sheetCsv([head, ...rows]);
}

/**
 * The appeal window of a period as far as its published files tell it (docs/appeals.md, "The
 * window"): `days` from the policy in force (policy.json `appeals.window_days`, else 30; null for
 * a period without policy.json, whose rules the site does not know). The window counts from the
 * day after the local date of the period's first publication, which the manifest records in
 * `appeals_window_from` (`from: 'publication'`, `published` that date); a published period
 * without that entry (its first publication recorded no time) counts from the day after its last
 * day (`from: 'end'`); a draft has not been published, so its window has not started
 * (`from: 'unpublished'`, no last day). `lastDay` is the last local day to file: filed before
 * midnight at its end is in time.
 */
export interface AppealWindow {
  days: number | null;
  from: 'publication' | 'end' | 'unpublished';
  published: string | null;
  lastDay: string | null;
}

/** The {@link AppealWindow} of a period from its manifest and policy.json. */
export function appealWindow(period: SitePeriod): AppealWindow {
  const days =
    period.policy === null ? null : (period.policy.appeals?.window_days ?? DEFAULT_APPEAL_WINDOW_DAYS);
  const { manifest } = period;
  if (manifest === null) return { days, from: 'unpublished', published: null, lastDay: null };
  const recorded = manifest.appeals_window_from?.[period.id];
  const ms = recorded === undefined ? Number.NaN : Date.parse(recorded);
  const published = Number.isNaN(ms) ? null : localDateOf(ms, new Zone(period.results.period.timezone));
  // The day after the period's last day: the local date of its exclusive end.
  const start = published === null ? period.results.period.end.slice(0, 10) : addDays(published, 1);
  return {
    days,
    from: published === null ? 'end' : 'publication',
    published,
    lastDay: days === null ? null : addDays(start, days - 1),
  };
}

/**
 * What an agent may dispute under the policy in force (policy.json `appeals`, each list left out
 * meaning every one): the tables whose records may be named, the agent's scorecard's scored
 * metrics and vetoes that may be. Null without policy.json (the rules are not known).
 */
export function appealableOf(
  period: SitePeriod,
  agent: AgentResult,
): { tables: string[]; metrics: string[]; vetoes: string[] } | null {
  const { policy } = period;
  if (policy === null) return null;
  const rules = policy.appeals;
  const allowed = (list: string[] | null | undefined, all: readonly string[]) =>
    list === null || list === undefined ? [...all] : all.filter((x) => list.includes(x));
  const scorecard = scorecardOf(period, agent.scorecard);
  return {
    tables: allowed(rules?.tables, APPEAL_RECORD_TABLES),
    metrics: allowed(rules?.metrics, scorecard?.scored.map((i) => i.metric) ?? []),
    vetoes: allowed(rules?.vetoes, scorecard?.vetoes.map((v) => v.id) ?? []),
  };
}

/** The folder appeal files of a period go in: the one its publication read, else the default. */
export function appealsFolderOf(period: SitePeriod): string {
  const recorded = period.manifest === null ? null : recordedAppealsDir(period.manifest);
  return `${recorded ?? 'configs/appeals'}/${period.id}/`;
}
