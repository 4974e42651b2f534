import { dirname } from 'node:path';
import {
  APPEAL_ERRORS,
  type Appeal,
  type AppealAction,
  type AppealTarget,
  type PeriodAppeals,
  type Place,
  RECORD_TABLES,
  type RecordTable,
  recordText,
} from '@scorebook/appeals';
import {
  type AgentAppeal,
  type AgentResult,
  type AppealChange,
  type AppealExplanation,
  type AppealStatus,
  type FieldSpec,
  type InputTableName,
  type MetricDefinition,
  type MetricResult,
  type NotCarried,
  type Results,
  TABLES,
} from '@scorebook/contract';
import { DEFAULT_APPEAL_WINDOW_DAYS, type Policy, type Scorecard } from '@scorebook/policy';
import { type Bilingual, messageOf, type Problem, sortProblems } from '@scorebook/problems';
import {
  addDays,
  formatInstantLocal,
  localDateOf,
  localMidnight,
  parseDateParts,
  parsePeriod,
  parseTimestamp,
  type Zone,
  type ZonedPeriod,
  zonePeriod,
} from '@scorebook/time';
import type { Agent } from '../check/row-checks.ts';
import { RUN_ERRORS } from '../errors.ts';
import { describeRow } from '../explain/describe-row.ts';
import type { Row } from '../row.ts';
import { CorrectionEffect } from './correction-effect.ts';

/** Inputs of {@link AppealStage}. */
export interface AppealStageInput {
  /** The period's appeals; null when it has no appeal files. */
  appeals: PeriodAppeals | null;
  policy: Policy;
  period: ZonedPeriod;
  zone: Zone;
  /** Each input table's fields with their types (the contract's and the typed extra fields). */
  fieldsOf: (table: InputTableName) => Readonly<Record<string, FieldSpec>>;
  /** The data's files, which rows refer to by index. */
  files: readonly string[];
  /** When periods were first published (ISO 8601 instants, by period id); windows count from them. */
  publishedAt?: Readonly<Record<string, string>>;
  /** The periods whose `appeals_filed` rows belong to this evaluation (default: the evaluated one). */
  filedPeriods?: readonly string[];
  /**
   * True for a recomputed quarter or year with `appeals.months: records`: the appeals of its
   * months apply their record actions only; their `void_metric` and `void_veto` are not carried.
   */
  monthsRecordsOnly?: boolean;
  /**
   * The metrics measured (the catalog and the segments'), whose conditions say whether a
   * correction can change a result ({@link CorrectionEffect}); without them nothing is said.
   */
  metrics?: readonly MetricDefinition[];
}

/** An accepted row of `appeals_filed` of the evaluation's periods, with where it was read. */
interface FiledRow {
  id: string;
  agent: string;
  period: string;
  disputes: string;
  claim: string;
  /** `filed_at` in the policy's timezone, as explanations show times. */
  filed_at: string;
  /** `filed_at` as an instant (ms); NaN when it is not one. */
  filedMs: number;
  /** `file:line` of the row. */
  at: string;
  /** The data file and line, where a refusal of the row is said. */
  file: string | null;
  line: number;
  /** Why the policy's appeal rules refuse the row while no decision file names it; null otherwise. */
  refusal: { code: string; message: Bilingual } | null;
}

type Code = keyof typeof APPEAL_ERRORS;

interface AppealState {
  appeal: Appeal;
  status: AppealStatus;
  refusal: { code: string; message: Bilingual } | null;
  final: boolean;
  changes: AppealChange[];
  assignees: Set<string>;
  /** The `reviewer` extra column of a disputed QA review, when it has one (`docs/appeals.md`). */
  reviewer: string | null;
  /** A month's voids a recomputed quarter or year did not carry. */
  notCarried: NotCarried[];
}

interface RecordAction {
  state: AppealState;
  action: Exclude<AppealAction, { kind: 'void_metric' | 'void_veto' }>;
  /** The value to set, typed like a cell of the field (corrections only). */
  value: unknown;
}

const NO_IDS: ReadonlySet<string> = new Set();

/**
 * The appeal stage (`docs/appeals.md`): between the row checks and the exclusions, the actions
 * of every applied appeal change the accepted rows in place — a removal takes the row out of
 * the evaluation, a correction sets a field, a reassignment sets `agent_id` — in file-name
 * order, then action order. Before that, the policy's appeal rules refuse late appeals, appeals
 * on what may not be appealed and appeals after a final decision (warnings: they change
 * nothing). A name that does not exist (agent, record, field, metric, veto) is an error at the
 * appeal file's line and column. Without appeal files it changes nothing and adds nothing.
 */
export class AppealStage {
  readonly #input: AppealStageInput;
  readonly #states: AppealState[];
  readonly #errors: Problem[] = [];
  readonly #warnings: Problem[] = [];
  /** Whether a correction can change a result; null without the run's metrics. */
  readonly #effect: CorrectionEffect | null;
  /** Actions by record (`<table>/<id>`), in the order they apply. */
  readonly #actions = new Map<string, RecordAction[]>();
  /** Appeals disputing each record, to check the record exists and is the appellant's. */
  readonly #disputed = new Map<string, AppealState[]>();
  /** The tables of the records named, so that rows of other tables pass at once. */
  readonly #tables = new Set<InputTableName>();
  /** Records seen, and the appeal that removed each removed one. */
  readonly #seen = new Map<string, string | null>();
  readonly #removedBy = new Map<string, Map<string, number>>();
  readonly #voidedMetrics = new Map<string, Set<string>>();
  readonly #voidedVetoes = new Map<string, Set<string>>();
  /** The agents' ids, once read: an unknown appellant is reported once, not at each record. */
  #agents: ReadonlySet<string> = new Set();
  /** The `appeals_filed` rows of the evaluation's periods, by appeal id. */
  readonly #filed = new Map<string, FiledRow>();
  /** Targets (`<agent>|<target>`) a final decision settled: the appeal and when it was filed. */
  readonly #settled = new Map<string, { id: string; filed: number }>();
  #pendingRefused = false;

  constructor(input: AppealStageInput) {
    this.#input = input;
    this.#effect =
      input.metrics === undefined
        ? null
        : new CorrectionEffect({
            policy: input.policy,
            metrics: input.metrics,
            zone: input.zone,
            fieldsOf: input.fieldsOf,
          });
    const rules = input.policy.appeals;
    const defaultFinal = rules?.final ?? true;
    this.#states = (input.appeals?.appeals ?? []).map((appeal) => ({
      appeal,
      status:
        appeal.decision === null
          ? 'pending'
          : appeal.decision.outcome === 'rejected'
            ? 'rejected'
            : 'applied',
      refusal: null,
      final: appeal.decision?.final ?? defaultFinal,
      changes: [],
      assignees: new Set(),
      reviewer: null,
      notCarried: [],
    }));
    this.#refuse();
    for (const state of this.#states) {
      const { disputes } = state.appeal;
      if (disputes.kind === 'record') {
        this.#push(this.#disputed, recordText(disputes.record), state);
        this.#tables.add(disputes.record.table);
      }
      if (state.status === 'applied') this.#register(state);
    }
  }

  /** True when the period has appeal files: results then record them. */
  get active(): boolean {
    return (this.#input.appeals !== null && this.#input.appeals.files.length > 0) || this.#filed.size > 0;
  }

  /**
   * Takes an accepted row of `appeals_filed` (`docs/appeals.md`, filed appeals): a row whose
   * `period` is not one of the evaluation's periods is left alone; a second row of an appeal id
   * is an error naming both lines.
   */
  addFiled(row: Row): void {
    const { files } = this.#input;
    const periods = this.#input.filedPeriods ?? [this.#input.period.id];
    const v = row.values;
    const period = String(v.period);
    if (!periods.includes(period)) return;
    const id = String(v.appeal_id);
    const at = `${files[row.file] ?? ''}:${row.line}`;
    const first = this.#filed.get(id);
    if (first !== undefined) {
      this.#errors.push({
        code: 'APPEAL_FILED_DUPLICATE',
        severity: 'error',
        message: messageOf(APPEAL_ERRORS, 'APPEAL_FILED_DUPLICATE', { id, first: first.at }),
        file: files[row.file] ?? null,
        line: row.line,
        column: null,
      });
      return;
    }
    this.#filed.set(id, {
      id,
      agent: String(v.agent_id),
      period,
      disputes: String(v.disputes).trim(),
      claim: typeof v.claim === 'string' ? v.claim : '',
      filed_at:
        typeof v.filed_at === 'number'
          ? formatInstantLocal(v.filed_at, this.#input.zone)
          : String(v.filed_at),
      filedMs: typeof v.filed_at === 'number' ? v.filed_at : Number.NaN,
      at,
      file: files[row.file] ?? null,
      line: row.line,
      refusal: null,
    });
  }

  /**
   * Checks the appeals against the agents (read first): the appellant, the agents records are
   * reassigned to, and the metrics and vetoes of the appellant's scorecard.
   */
  checkAgents(agents: readonly Agent[], scorecardOf: (agent: Agent) => Scorecard | null): void {
    const byId = new Map(agents.map((a) => [a.agent_id, a]));
    this.#agents = new Set(byId.keys());
    for (const state of this.#states) {
      const { appeal } = state;
      const agent = byId.get(appeal.agent);
      if (agent === undefined) {
        this.#error(
          appeal.agentAt,
          'APPEAL_UNKNOWN_AGENT',
          messageOf(APPEAL_ERRORS, 'APPEAL_UNKNOWN_AGENT', { agent: appeal.agent }),
        );
        continue;
      }
      const scorecard = scorecardOf(agent);
      const inScorecard = (what: 'metric' | 'veto', id: string, at: Place) => {
        const ids =
          what === 'metric' ? scorecard?.scored.map((s) => s.metric) : scorecard?.vetoes.map((v) => v.id);
        if (ids?.includes(id)) return;
        const params = { what, id, scorecard: scorecard?.id ?? '—' };
        this.#error(
          at,
          'APPEAL_NOT_IN_SCORECARD',
          messageOf(APPEAL_ERRORS, 'APPEAL_NOT_IN_SCORECARD', params),
        );
      };
      if (appeal.disputes.kind === 'metric') inScorecard('metric', appeal.disputes.metric, appeal.disputesAt);
      if (appeal.disputes.kind === 'veto') inScorecard('veto', appeal.disputes.veto, appeal.disputesAt);
      if (state.status !== 'applied') continue;
      for (const action of appeal.decision?.actions ?? []) {
        if (action.kind === 'void_metric') inScorecard('metric', action.metric, action.at);
        if (action.kind === 'void_veto') inScorecard('veto', action.veto, action.at);
        if (action.kind === 'reassign' && !byId.has(action.to))
          this.#error(
            action.toAt,
            'APPEAL_UNKNOWN_ASSIGNEE',
            messageOf(APPEAL_ERRORS, 'APPEAL_UNKNOWN_ASSIGNEE', { agent: action.to }),
          );
      }
    }
  }

  /**
   * Applies the appeals to an accepted row of a table: corrections and reassignments change its
   * values in place. Returns the id of the appeal that removed the row, or null when it stays.
   * A row seen again (conversations are read twice) gets the same changes, recorded once.
   */
  apply(table: InputTableName, row: Row): string | null {
    if (!this.#tables.has(table)) return null;
    const unique = TABLES[table].unique;
    if (unique === undefined) return null;
    const key = `${table}/${String(row.values[unique])}`;
    const again = this.#seen.has(key);
    const actions = this.#actions.get(key) ?? [];
    if (!again) {
      this.#check(table, key, row, actions);
      const reviewer = table === 'qa_reviews' ? row.values.reviewer : undefined;
      if (typeof reviewer === 'string' && reviewer.trim() !== '')
        for (const state of this.#disputed.get(key) ?? []) state.reviewer = reviewer.trim();
    }
    let removedBy: string | null = null;
    for (const { state, action, value } of actions) {
      if (removedBy !== null) {
        if (!again)
          this.#error(
            action.at,
            'APPEAL_AFTER_REMOVAL',
            messageOf(APPEAL_ERRORS, 'APPEAL_AFTER_REMOVAL', { record: key, appeal: removedBy }),
          );
        continue;
      }
      const before = again ? null : describeRow(table, row, this.#input.files, this.#input.zone);
      if (action.kind === 'remove') {
        removedBy = state.appeal.id;
        if (!again) this.#count(String(row.values.agent_id), state.appeal.id);
      } else if (action.kind === 'correct') {
        const previous = row.values[action.field];
        row.values[action.field] = value;
        if (!again) this.#sayNoEffect(state.appeal.id, action, key, table, previous, row.values);
      } else {
        if (!again && row.values.agent_id === action.to)
          this.#error(
            action.toAt,
            'APPEAL_SAME_ASSIGNEE',
            messageOf(APPEAL_ERRORS, 'APPEAL_SAME_ASSIGNEE', { agent: action.to }),
          );
        row.values.agent_id = action.to;
        state.assignees.add(action.to);
      }
      if (before === null) continue;
      state.changes.push({
        action: action.kind,
        target: key,
        field: action.kind === 'correct' ? action.field : null,
        before,
        after: action.kind === 'remove' ? null : describeRow(table, row, this.#input.files, this.#input.zone),
      });
    }
    this.#seen.set(key, removedBy);
    return removedBy;
  }

  /** Every error found so far, and the named records no accepted row was (call after all tables). */
  errors(): Problem[] {
    const missing: Problem[] = [];
    const reported = new Set<string>();
    const unknown = (appeal: Appeal, record: string, at: Place) => {
      const once = `${appeal.id}|${record}`;
      if (this.#seen.has(record) || reported.has(once)) return;
      reported.add(once);
      const message = messageOf(APPEAL_ERRORS, 'APPEAL_UNKNOWN_RECORD', { record });
      missing.push(this.#at(at, 'APPEAL_UNKNOWN_RECORD', message, 'error'));
    };
    for (const [key, states] of this.#disputed)
      for (const s of states) unknown(s.appeal, key, s.appeal.disputesAt);
    for (const [key, actions] of this.#actions)
      for (const a of actions) unknown(a.state.appeal, key, a.action.at);
    this.#refusePending();
    return [
      ...this.#errors,
      ...missing,
      ...this.#otherData([...this.#errors, ...missing]),
      ...this.#filedProblems(),
    ];
  }

  /**
   * A warning when every appeal file of the period has an error saying that the data lacks its
   * agent or record (or credits the record to another agent), and at least one names an agent
   * the data does not have or there are three files or more: the appeals are most likely another
   * data set's (the default folder `configs/appeals` with another `--data`, whose agent ids may be
   * the same). One or two files whose records alone do not match, their agents all known, are
   * mistakes in this data's appeals (a mistyped record id), not another data set.
   */
  #otherData(errors: readonly Problem[]): Problem[] {
    const files = [...new Set(this.#states.map((s) => s.appeal.agentAt.file))];
    const mismatched = new Set(errors.filter((p) => DATA_MISMATCH.has(p.code)).map((p) => p.file));
    const unknownAgent = errors.some((p) => p.code === 'APPEAL_UNKNOWN_AGENT');
    if (files.length === 0 || !(unknownAgent || files.length >= 3) || !files.every((f) => mismatched.has(f)))
      return [];
    const folder = dirname(files[0] ?? '');
    const message = messageOf(APPEAL_ERRORS, 'APPEALS_NOT_FOR_THIS_DATA', { count: files.length, folder });
    return [
      {
        code: 'APPEALS_NOT_FOR_THIS_DATA',
        severity: 'warning',
        message,
        file: folder,
        line: null,
        column: null,
      },
    ];
  }

  /** The applied appeals (decided, not rejected, not refused) with at least one record action. */
  appliedOnRecords(): Appeal[] {
    return this.#states
      .filter((s) => s.status === 'applied' && s.appeal.decision?.actions.some((a) => isRecordAction(a)))
      .map((s) => s.appeal);
  }

  /** The refusals of the policy's appeal rules: warnings, each at its appeal file. */
  get warnings(): readonly Problem[] {
    return sortProblems(this.#warnings);
  }

  /** The agent's metric results with those an applied appeal voided marked `appealed` (score null). */
  voidMetrics(agentId: string, metrics: Record<string, MetricResult>): Record<string, MetricResult> {
    const voided = this.#voidedMetrics.get(agentId);
    if (voided === undefined) return metrics;
    const out: Record<string, MetricResult> = {};
    for (const [id, m] of Object.entries(metrics))
      out[id] = voided.has(id) ? { ...m, score: null, status: 'appealed' } : m;
    return out;
  }

  /** The vetoes an applied appeal of the agent voided. */
  voidedVetoes(agentId: string): ReadonlySet<string> {
    return this.#voidedVetoes.get(agentId) ?? NO_IDS;
  }

  /** `appealed` and `appeals` of an agent's result; nothing when the period has no appeal files. */
  resultFields(agentId: string): Pick<AgentResult, 'appealed' | 'appeals'> {
    if (!this.active) return {};
    const appealed: Record<string, number> = {};
    for (const [id, n] of this.#removedBy.get(agentId) ?? []) appealed[id] = n;
    const appeals: AgentAppeal[] = this.#concerning(agentId).map(({ state, role }) => ({
      id: state.appeal.id,
      disputes: targetText(state.appeal),
      outcome: state.appeal.decision?.outcome ?? null,
      status: state.status,
      role,
    }));
    for (const row of this.#pendingFiled(agentId))
      appeals.push({
        id: row.id,
        disputes: row.disputes,
        outcome: null,
        status: row.refusal === null ? 'pending' : 'refused',
        role: 'appellant',
      });
    return { appealed, appeals };
  }

  /**
   * The appeal files against the `appeals_filed` rows: a `filed` id no row has, two files naming
   * one id, and a file whose agent, period or disputed target differs from its row.
   */
  #filedProblems(): Problem[] {
    const problems: Problem[] = [];
    const named = new Map<string, Appeal>();
    for (const { appeal } of this.#states) {
      if (appeal.filed === null) continue;
      const { id, at } = appeal.filed;
      const where = `${at.file}:${at.line}:${at.column}`;
      const other = named.get(id);
      if (other?.filed) {
        const first = `${other.filed.at.file}:${other.filed.at.line}:${other.filed.at.column}`;
        const message = messageOf(APPEAL_ERRORS, 'APPEAL_FILED_DUPLICATE', { id, first });
        problems.push(this.#at(at, 'APPEAL_FILED_DUPLICATE', message, 'error'));
        continue;
      }
      named.set(id, appeal);
      const row = this.#filed.get(id);
      if (row === undefined) {
        const message = messageOf(APPEAL_ERRORS, 'APPEAL_FILED_UNKNOWN', { id, period: appeal.period });
        problems.push(this.#at(at, 'APPEAL_FILED_UNKNOWN', message, 'error'));
        continue;
      }
      const differs: Array<[string, string, string, Place]> = [
        ['agent_id', row.agent, appeal.agent, appeal.agentAt],
        ['period', row.period, appeal.period, at],
        ['disputes', row.disputes, targetText(appeal), appeal.disputesAt],
      ];
      for (const [field, filed, written, place] of differs) {
        if (filed === written) continue;
        const params = { id, field, row: row.at, filed, file: where };
        const message = messageOf(APPEAL_ERRORS, 'APPEAL_FILED_MISMATCH', params);
        problems.push(this.#at(place, 'APPEAL_FILED_MISMATCH', message, 'error'));
      }
    }
    return problems;
  }

  /** `appeals` of an agent's explanation; nothing when the period has no appeal files. */
  explanationFields(agentId: string): { appeals?: AppealExplanation[] } {
    if (!this.active) return {};
    return {
      appeals: this.#concerning(agentId)
        .map(({ state, role }) => {
          const { appeal } = state;
          const d = appeal.decision;
          return {
            id: appeal.id,
            file: appeal.name,
            role,
            agent_id: appeal.agent,
            disputes: targetText(appeal),
            claim: appeal.claim,
            filed_at: appeal.filed_at,
            decision:
              d === null
                ? null
                : {
                    outcome: d.outcome,
                    decided_by: d.decided_by,
                    decided_at: d.decided_at,
                    reason: d.reason,
                    final: state.final,
                  },
            status: state.status,
            refusal: state.refusal,
            changes: state.changes,
            ...(state.notCarried.length === 0 ? {} : { not_carried: state.notCarried }),
            ...(state.reviewer === null ? {} : { reviewer: state.reviewer }),
          };
        })
        .concat(
          this.#pendingFiled(agentId).map((row) => ({
            id: row.id,
            file: row.at,
            role: 'appellant' as const,
            agent_id: row.agent,
            disputes: row.disputes,
            claim: row.claim,
            filed_at: row.filed_at,
            decision: null,
            status: row.refusal === null ? ('pending' as const) : ('refused' as const),
            refusal: row.refusal,
            changes: [],
          })),
        ),
    };
  }

  /** The agent's `appeals_filed` rows that no decision file names, in appeal-id order. */
  #pendingFiled(agentId: string): FiledRow[] {
    const decided = new Set(this.#states.flatMap((s) => s.appeal.filed?.id ?? []));
    return [...this.#filed.values()]
      .filter((row) => row.agent === agentId && !decided.has(row.id))
      .sort((a, b) => compareText(a.id, b.id));
  }

  /** `appeals` of results.json: the files read with their sha256; nothing without appeal files. */
  provenance(): Pick<Results, 'appeals'> {
    if (!this.active) return {};
    return { appeals: (this.#input.appeals?.files ?? []).map((f) => ({ file: f.name, sha256: f.sha256 })) };
  }

  /** The period an appeal's folder names: the evaluated one, or one of its months (`docs/periods.md`). */
  #periodOf(appeal: Appeal): ZonedPeriod {
    const { period, zone } = this.#input;
    if (appeal.period === period.id) return period;
    const own = parsePeriod(appeal.period);
    return own === null ? period : zonePeriod(own, zone);
  }

  /** The day an appeal's window starts: the day after its period's publication date, or the period's `endDay`. */
  #windowStart(appeal: Appeal): string {
    return this.#windowStartOf(this.#periodOf(appeal));
  }

  #windowStartOf(period: ZonedPeriod): string {
    const published = this.#input.publishedAt?.[period.id];
    const ms = published === undefined ? Number.NaN : Date.parse(published);
    return Number.isNaN(ms) ? period.endDay : addDays(localDateOf(ms, this.#input.zone), 1);
  }

  /** Late, not appealable, after a final decision: in filing order (then id), the first rule that refuses. */
  #refuse(): void {
    const { policy, zone } = this.#input;
    const rules = policy.appeals;
    const days = rules?.window_days ?? DEFAULT_APPEAL_WINDOW_DAYS;
    // The window counts from the appeal's own period (a month's, in a quarter scored from its
    // months): from the day after its first publication when known, else from the period's end.
    const deadlineOf = (appeal: Appeal) => localMidnight(addDays(this.#windowStart(appeal), days), zone);
    const filed = (s: AppealState) => parseTimestamp(s.appeal.filed_at, zone) ?? Number.POSITIVE_INFINITY;
    const order = [...this.#states].sort(
      (a, b) => filed(a) - filed(b) || compareText(a.appeal.id, b.appeal.id),
    );
    const settled = this.#settled;
    for (const state of order) {
      const { appeal } = state;
      const target = `${appeal.agent}|${targetText(appeal)}`;
      const allowed = allowedOf(appeal, rules);
      const earlier = settled.get(target);
      if (filed(state) >= deadlineOf(appeal)) {
        this.#refusal(
          state,
          appeal.filedAt,
          'APPEAL_LATE',
          messageOf(APPEAL_ERRORS, 'APPEAL_LATE', {
            appeal: appeal.name,
            filed: formatInstantLocal(filed(state), zone).slice(0, 10),
            deadline: addDays(this.#windowStart(appeal), days - 1),
            days,
          }),
        );
      } else if (allowed !== null) {
        this.#refusal(
          state,
          appeal.disputesAt,
          'APPEAL_NOT_APPEALABLE',
          messageOf(APPEAL_ERRORS, 'APPEAL_NOT_APPEALABLE', {
            appeal: appeal.name,
            target: targetText(appeal),
            allowed,
          }),
        );
      } else if (earlier !== undefined) {
        this.#refusal(
          state,
          appeal.disputesAt,
          'APPEAL_AFTER_FINAL',
          messageOf(APPEAL_ERRORS, 'APPEAL_AFTER_FINAL', {
            appeal: appeal.name,
            target: targetText(appeal),
            earlier: earlier.id,
          }),
        );
      } else if (appeal.decision !== null && state.final) {
        settled.set(target, { id: appeal.id, filed: filed(state) });
      }
    }
  }

  /**
   * The policy's rules on the `appeals_filed` rows no decision file names (`docs/appeals.md`):
   * late (the window of the row's `period`), not appealable (its `disputes` read as results write
   * targets), or filed after an appeal file's final decision on the same target of the same agent
   * filed before it. Once, after every table is read; a refused row is a warning at its line.
   */
  #refusePending(): void {
    if (this.#pendingRefused) return;
    this.#pendingRefused = true;
    const { policy, zone } = this.#input;
    const rules = policy.appeals;
    const days = rules?.window_days ?? DEFAULT_APPEAL_WINDOW_DAYS;
    const decided = new Set(this.#states.flatMap((s) => s.appeal.filed?.id ?? []));
    const rows = [...this.#filed.values()]
      .filter((row) => !decided.has(row.id))
      .sort((a, b) => a.filedMs - b.filedMs || compareText(a.id, b.id));
    for (const row of rows) {
      const own = parsePeriod(row.period);
      const start = this.#windowStartOf(own === null ? this.#input.period : zonePeriod(own, zone));
      const target = parseTarget(row.disputes);
      const allowed = target === null ? null : allowedOfTarget(target, rules);
      const earlier = this.#settled.get(`${row.agent}|${row.disputes}`);
      let refusal: { code: Code; message: Bilingual } | null = null;
      if (row.filedMs >= localMidnight(addDays(start, days), zone)) {
        const params = {
          appeal: row.id,
          filed: row.filed_at.slice(0, 10),
          deadline: addDays(start, days - 1),
          days,
        };
        refusal = { code: 'APPEAL_LATE', message: messageOf(APPEAL_ERRORS, 'APPEAL_LATE', params) };
      } else if (allowed !== null) {
        const params = { appeal: row.id, target: row.disputes, allowed };
        refusal = {
          code: 'APPEAL_NOT_APPEALABLE',
          message: messageOf(APPEAL_ERRORS, 'APPEAL_NOT_APPEALABLE', params),
        };
      } else if (
        earlier !== undefined &&
        (earlier.filed < row.filedMs ||
          (earlier.filed === row.filedMs && compareText(earlier.id, row.id) < 0))
      ) {
        const params = { appeal: row.id, target: row.disputes, earlier: earlier.id };
        refusal = {
          code: 'APPEAL_AFTER_FINAL',
          message: messageOf(APPEAL_ERRORS, 'APPEAL_AFTER_FINAL', params),
        };
      }
      if (refusal === null) continue;
      row.refusal = refusal;
      this.#warnings.push({
        code: refusal.code,
        severity: 'warning',
        message: refusal.message,
        file: row.file,
        line: row.line,
        column: null,
      });
    }
  }

  /** A month's void in a recomputed quarter or year: listed in the explanation and said, not applied. */
  #notCarried(
    state: AppealState,
    action: Extract<AppealAction, { kind: 'void_metric' | 'void_veto' }>,
  ): void {
    const target = action.kind === 'void_metric' ? action.metric : action.veto;
    state.notCarried.push({ action: action.kind, target });
    const params = { appeal: state.appeal.name, period: this.#input.period.id, action: action.kind, target };
    const message = messageOf(APPEAL_ERRORS, 'APPEAL_MONTH_VOID_NOT_CARRIED', params);
    this.#warnings.push(this.#at(action.at, 'APPEAL_MONTH_VOID_NOT_CARRIED', message, 'warning'));
  }

  #refusal(state: AppealState, at: Place, code: Code, message: Bilingual): void {
    state.status = 'refused';
    state.refusal = { code, message };
    this.#warnings.push(this.#at(at, code, message, 'warning'));
  }

  /** The actions of an applied appeal: record actions by record (corrections typed), voids by agent. */
  #register(state: AppealState): void {
    const { appeal } = state;
    for (const action of appeal.decision?.actions ?? []) {
      if (action.kind === 'void_metric' || action.kind === 'void_veto') {
        if (this.#input.monthsRecordsOnly === true && appeal.period !== this.#input.period.id) {
          this.#notCarried(state, action);
          continue;
        }
        const byAgent = action.kind === 'void_metric' ? this.#voidedMetrics : this.#voidedVetoes;
        const ids = byAgent.get(appeal.agent) ?? new Set<string>();
        ids.add(action.kind === 'void_metric' ? action.metric : action.veto);
        byAgent.set(appeal.agent, ids);
        const target = action.kind === 'void_metric' ? action.metric : action.veto;
        state.changes.push({ action: action.kind, target, field: null, before: null, after: null });
        continue;
      }
      const value = action.kind === 'correct' ? this.#typed(action) : undefined;
      this.#push(this.#actions, recordText(action.record), { state, action, value });
      this.#tables.add(action.record.table);
    }
  }

  /** A correction's value typed like a cell of its field, or undefined (and an error). */
  #typed(action: Extract<AppealAction, { kind: 'correct' }>): unknown {
    const { table } = action.record;
    const fields = this.#input.fieldsOf(table);
    const spec = fields[action.field];
    if (action.field === TABLES[table].unique || action.field === 'agent_id') {
      this.#error(
        action.fieldAt,
        'APPEAL_FIXED_FIELD',
        messageOf(APPEAL_ERRORS, 'APPEAL_FIXED_FIELD', { field: action.field }),
      );
      return undefined;
    }
    if (spec === undefined) {
      const names = Object.keys(fields).filter((f) => f !== TABLES[table].unique && f !== 'agent_id');
      this.#error(
        action.fieldAt,
        'APPEAL_UNKNOWN_FIELD',
        messageOf(APPEAL_ERRORS, 'APPEAL_UNKNOWN_FIELD', {
          table,
          field: action.field,
          fields: names.join(', '),
        }),
      );
      return undefined;
    }
    const typed = typedValue(spec, action.value, this.#input.zone);
    if (typed.ok) return typed.value;
    this.#error(
      action.valueAt,
      'APPEAL_BAD_VALUE',
      messageOf(APPEAL_ERRORS, 'APPEAL_BAD_VALUE', {
        field: action.field,
        value: String(action.value),
        expected: typed.expected,
      }),
    );
    return undefined;
  }

  /** The first time a named record is seen: of the period, credited to the appellant. */
  #check(table: InputTableName, key: string, row: Row, actions: readonly RecordAction[]): void {
    const timeField = TABLES[table].timeField;
    const time = timeField === null ? null : row.values[timeField];
    const inPeriodOf = (appeal: Appeal) => {
      const period = this.#periodOf(appeal);
      return typeof time === 'number' && time >= period.startMs && time < period.endMs;
    };
    const owner = String(row.values.agent_id);
    const places = [
      ...(this.#disputed.get(key) ?? []).map((s) => ({ appeal: s.appeal, at: s.appeal.disputesAt })),
      ...actions.map((a) => ({ appeal: a.state.appeal, at: a.action.at })),
    ];
    const reported = new Set<string>();
    for (const { appeal, at } of places) {
      if (reported.has(appeal.id) || !this.#agents.has(appeal.agent)) continue;
      reported.add(appeal.id);
      if (!inPeriodOf(appeal))
        this.#error(
          at,
          'APPEAL_RECORD_OUTSIDE_PERIOD',
          messageOf(APPEAL_ERRORS, 'APPEAL_RECORD_OUTSIDE_PERIOD', {
            record: key,
            period: this.#periodOf(appeal).id,
          }),
        );
      else if (owner !== appeal.agent)
        this.#error(
          at,
          'APPEAL_NOT_AGENTS_RECORD',
          messageOf(APPEAL_ERRORS, 'APPEAL_NOT_AGENTS_RECORD', { record: key, agent: appeal.agent, owner }),
        );
    }
  }

  #count(agentId: string, appealId: string): void {
    const counts = this.#removedBy.get(agentId) ?? new Map<string, number>();
    counts.set(appealId, (counts.get(appealId) ?? 0) + 1);
    this.#removedBy.set(agentId, counts);
  }

  /** The appeals of an agent (appellant) and those that reassigned a record to them, in file-name order. */
  #concerning(agentId: string): Array<{ state: AppealState; role: 'appellant' | 'assignee' }> {
    return this.#states.flatMap(
      (state): Array<{ state: AppealState; role: 'appellant' | 'assignee' }> =>
        state.appeal.agent === agentId
          ? [{ state, role: 'appellant' }]
          : state.assignees.has(agentId)
            ? [{ state, role: 'assignee' }]
            : [],
    );
  }

  #error(at: Place, code: Code, message: Bilingual): void {
    this.#errors.push(this.#at(at, code, message, 'error'));
  }

  // A warning at the correction when it changes no result (CorrectionEffect): a value the
  // policy's rules do not tell from the one it replaces, or a field no rule reads.
  #sayNoEffect(
    appeal: string,
    action: Extract<AppealAction, { kind: 'correct' }>,
    record: string,
    table: InputTableName,
    previous: unknown,
    after: Readonly<Record<string, unknown>>,
  ): void {
    if (this.#effect === null) return;
    const before = { ...after, [action.field]: previous };
    const unchanged = this.#effect.noEffect(table, action.field, before, after);
    if (unchanged === null) return;
    const shown = (v: unknown) => (v === null || v === undefined ? 'null' : JSON.stringify(v));
    const params = {
      appeal,
      record,
      field: action.field,
      before: shown(previous),
      after: shown(after[action.field]),
      rules: unchanged.rules.join(', '),
      tested: unchanged.tested.map(shown).join(', '),
    };
    const code = unchanged.rules.length === 0 ? 'APPEAL_CORRECTION_UNREAD' : 'APPEAL_CORRECTION_NO_EFFECT';
    this.#warnings.push(this.#at(action.at, code, messageOf(RUN_ERRORS, code, params), 'warning'));
  }

  #at(at: Place, code: string, message: Bilingual, severity: Problem['severity']): Problem {
    return { code, severity, message, file: at.file, line: at.line, column: at.column, path: at.path };
  }

  #push<V>(map: Map<string, V[]>, key: string, value: V): void {
    const list = map.get(key) ?? [];
    list.push(value);
    map.set(key, list);
  }
}

/** The appeal errors that say the data is not the one the appeal was written about. */
const DATA_MISMATCH = new Set(['APPEAL_UNKNOWN_AGENT', 'APPEAL_UNKNOWN_RECORD', 'APPEAL_NOT_AGENTS_RECORD']);

/** True for the actions that change records (remove, correct, reassign), not a scorecard's result. */
export function isRecordAction(
  action: AppealAction,
): action is Exclude<AppealAction, { kind: 'void_metric' | 'void_veto' }> {
  return action.kind !== 'void_metric' && action.kind !== 'void_veto';
}

/** What an appeal disputes, as results write it: `<table>/<id>`, `metric:<id>`, `veto:<id>`. */
function targetText(appeal: Appeal): string {
  const d = appeal.disputes;
  return d.kind === 'record'
    ? recordText(d.record)
    : d.kind === 'metric'
      ? `metric:${d.metric}`
      : `veto:${d.veto}`;
}

/** Null when the rules let the appeal's target be appealed, else what they allow. */
function allowedOf(appeal: Appeal, rules: Policy['appeals']): string | null {
  return allowedOfTarget(appeal.disputes, rules);
}

/** A target as results write it (`<table>/<id>`, `metric:<id>`, `veto:<id>`), or null when it is none. */
function parseTarget(text: string): AppealTarget | null {
  if (text.startsWith('metric:') && text.length > 7) return { kind: 'metric', metric: text.slice(7) };
  if (text.startsWith('veto:') && text.length > 5) return { kind: 'veto', veto: text.slice(5) };
  const slash = text.indexOf('/');
  const table = text.slice(0, slash);
  if (slash < 1 || slash === text.length - 1 || !isRecordTable(table)) return null;
  return { kind: 'record', record: { table, id: text.slice(slash + 1) } };
}

function isRecordTable(table: string): table is RecordTable {
  return (RECORD_TABLES as readonly string[]).includes(table);
}

function allowedOfTarget(d: AppealTarget, rules: Policy['appeals']): string | null {
  const list = d.kind === 'record' ? rules?.tables : d.kind === 'metric' ? rules?.metrics : rules?.vetoes;
  const id = d.kind === 'record' ? d.record.table : d.kind === 'metric' ? d.metric : d.veto;
  if (list === null || list === undefined || list.includes(id)) return null;
  return list.length === 0 ? '—' : list.join(', ');
}

/** A correction's value checked like a cell of the field: type, bounds, vocabulary; null when optional. */
function typedValue(
  spec: FieldSpec,
  value: string | number | boolean | null,
  zone: Zone,
): { ok: true; value: unknown } | { ok: false; expected: Bilingual } {
  const expected = expectedOf(spec);
  if (value === null) return spec.required === true ? { ok: false, expected } : { ok: true, value: null };
  switch (spec.type) {
    case 'id':
    case 'string':
      if (typeof value !== 'string' || value === '') return { ok: false, expected };
      if (spec.values !== undefined && !spec.values.includes(value)) return { ok: false, expected };
      return { ok: true, value };
    case 'int':
    case 'number': {
      if (typeof value !== 'number' || (spec.type === 'int' && !Number.isInteger(value)))
        return { ok: false, expected };
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max))
        return { ok: false, expected };
      return { ok: true, value };
    }
    case 'bool':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, expected };
    case 'timestamp': {
      const ms = typeof value === 'string' ? parseTimestamp(value, zone) : null;
      return ms === null ? { ok: false, expected } : { ok: true, value: ms };
    }
    case 'date':
      return typeof value === 'string' && parseDateParts(value) !== null
        ? { ok: true, value }
        : { ok: false, expected };
  }
}

/**
 * What a correction of the field must be, in the contract's terms (never the export's spelling:
 * a source's map is not applied to an appeal's value), each language its own words.
 */
function expectedOf(spec: FieldSpec): Bilingual {
  const kind = kindOf(spec);
  return spec.required === true ? kind : { zh: `${kind.zh},或 null`, en: `${kind.en}, or null` };
}

function kindOf(spec: FieldSpec): Bilingual {
  if (spec.values !== undefined)
    return { zh: `${spec.values.join(' | ')} 之一`, en: `one of ${spec.values.join(' | ')}` };
  const range =
    spec.min !== undefined || spec.max !== undefined ? ` ${spec.min ?? '…'}–${spec.max ?? '…'}` : '';
  switch (spec.type) {
    case 'bool':
      return {
        zh: 'true 或 false(写数据合同的值,不是导出中的写法,如 是/否)',
        en: 'true or false (the contract’s value, not the export’s spelling such as 是/否)',
      };
    case 'int':
      return { zh: `整数${range}`, en: `a whole number${range}` };
    case 'number':
      return { zh: `数字${range}`, en: `a number${range}` };
    case 'timestamp':
      return { zh: '时间,如 2026-10-05T09:00:00+08:00', en: 'a time such as 2026-10-05T09:00:00+08:00' };
    case 'date':
      return { zh: '日期,如 2026-10-05', en: 'a date such as 2026-10-05' };
    case 'id':
    case 'string':
      return { zh: '非空的文本', en: 'a text that is not empty' };
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
