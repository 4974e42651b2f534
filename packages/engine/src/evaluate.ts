import { relative, sep } from 'node:path';
import {
  type AppealBytes,
  checkAppealFiles,
  loadPeriodAppeals,
  type PeriodAppeals,
} from '@scorebook/appeals';
import {
  type AgentExplanation,
  type AgentResult,
  byInputTable,
  DERIVED_CONVERSATION_FIELDS,
  type FieldSpec,
  INPUT_TABLES,
  type InputTableName,
  isCustomTableName,
  type MeasuredTableRef,
  measuredFields,
  type PolicySnapshot,
  type RejectedRow,
  type Results,
  type TableName,
} from '@scorebook/contract';
import {
  loadPolicyFamily,
  type Policy,
  policyMetricCatalog,
  segmentDefinitions,
  selectVersion,
} from '@scorebook/policy';
import { messageOf, type Problem, ScorebookError } from '@scorebook/problems';
import type { Source } from '@scorebook/source';
import { BusinessClock, isEvaluationKind, type Period, parsePeriod, Zone, zonePeriod } from '@scorebook/time';
import packageJson from '../package.json' with { type: 'json' };
import { AppealStage } from './appeal/appeal-stage.ts';
import { monthsNotApplied } from './appeal/month-appeals.ts';
import {
  fieldsNotInData,
  infoFieldsNotInData,
  requiredKeysMissing,
  tablesAbsent,
  tablesAbsentForRules,
  tablesOfUnusedScorecards,
  untypedComparisons,
} from './check/check-inputs.ts';
import { Coverage } from './check/coverage.ts';
import { cutOffFiles, cutOffWarnings } from './check/cut-off.ts';
import { type PartlyCovered, PeriodWarnings } from './check/period-warnings.ts';
import { policyNeeds } from './check/policy-needs.ts';
import { ratingsNotInData, ratingsOffScale } from './check/rating-checks.ts';
import { DEFAULT_REJECTED_LIMIT, type RejectedLimit, tooManyRejected } from './check/rejected-limit.ts';
import { type Agent, RowChecks } from './check/row-checks.ts';
import { QuotaTargets } from './check/targets.ts';
import { ConversationIndex } from './derive/conversation-index.ts';
import { DerivationThread } from './derive/derivation-thread.ts';
import {
  applyConversationFacts,
  deriveFacts,
  elapsedSeconds,
  toBusinessHours,
} from './derive/derive-facts.ts';
import { MessagePartitions, type SpillOptions } from './derive/message-partitions.ts';
import { readsConversationField } from './derive/reads-field.ts';
import { routeMessage } from './derive/route-messages.ts';
import { RUN_ERRORS } from './errors.ts';
import { EvaluationError } from './evaluation-error.ts';
import { Exclusions } from './exclude/exclusions.ts';
import { explainAgent } from './explain/explain-agent.ts';
import { fileNameOf } from './explain/file-name.ts';
import { policySnapshot } from './explain/policy-snapshot.ts';
import { historyNamesOf, readHistory } from './history/read-history.ts';
import { MetricAccumulators } from './measure/accumulate.ts';
import { compileMetrics } from './measure/compile-metrics.ts';
import { KEPT_TEXTS, KeptConversations, KeptRows } from './measure/kept-conversations.ts';
import { SecondRead } from './measure/second-read.ts';
import { readSecondInParts } from './measure/second-read-in-parts.ts';
import { combineMonths, evaluateMonths, monthsOf, scoredFromMonths } from './period/from-months.ts';
import { PlanStage, readsPlans } from './plans/plan-stage.ts';
import { readPreviousPeriod } from './plans/previous-worst.ts';
import { customSpecs, customTablesAbsent, customTablesOf, readCustomTables } from './read/custom-tables.ts';
import { messageMetricsOf, readsMessages } from './read/message-tallies.ts';
import { MessageReaders, type ParallelOptions, readMessagesInParallel } from './read/parallel-messages.ts';
import {
  type CutOffFile,
  duplicateFiles,
  fieldsOfTyper,
  type Inputs,
  openInputs,
  type ReadProgress,
  sourceOfData,
  type TableInput,
  tableBatches,
  tableSha256,
} from './read/read-inputs.ts';
import { type Row, valuesOf } from './row.ts';
import { scoreAgents, summaryOfFormat2 } from './score/score-agents.ts';
import { jsonBytes } from './write/result-bytes.ts';

/** The engine's version, recorded in every result. */
export const ENGINE_VERSION: string = packageJson.version;

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** A folder of one policy's versions (`configs/policies/<id>`). */
  policiesDir: string;
  dataDir: string;
  /** The source to read the data through; by default `<dataDir>/source.yaml` when there is one. */
  sourceFile?: string | null;
  /**
   * How `results.json` names the source file; by default its path relative to the data folder.
   * (verify, reading a recorded source from git into a scratch folder, names it as recorded.)
   */
  sourceName?: string;
  /** `2026-10`, `2026-Q4` or `2026`; with `monitoring`, also `2026-W43`, `2026-10-05` or a range. */
  period: string;
  /**
   * Accept a monitoring period (an ISO week, a day, a range of days; `docs/periods.md`), evaluated
   * exactly like a month. Only `scorebook evaluate` sets it: publish, verify and impact refuse one.
   */
  monitoring?: boolean;
  maxRejected?: RejectedLimit;
  /** Tables the policy's metrics need that may be absent: those metrics then have no data. */
  allowMissing?: readonly string[];
  /**
   * Progress: each table as it is read, then each stage after reading as it starts (the
   * CLI prints them, docs/scale.md §0).
   */
  onProgress?: (progress: EvaluationProgress) => void;
  /** Evidence records kept per metric and per exclusion of an agent. */
  evidenceCap?: number;
  /** A folder of appeals (`configs/appeals`): the period's are `<appealsDir>/<period>/*.yaml`. */
  appealsDir?: string | null;
  /** The period's appeal files as bytes (read from git, say); when given, `appealsDir` is not read. */
  appealFiles?: readonly AppealBytes[];
  /**
   * Where history facts find earlier periods (`docs/history.md`): the published results root
   * (`data/results`), or null when none is published (every earlier period is evaluated); false
   * for an earlier period evaluated for history, which reads no history of its own. Only read
   * when the policy reads a history fact.
   */
  history?: { resultsDir: string | null } | false;
  /**
   * When periods were first published (ISO 8601 instants, by period id): an appeal's window counts
   * from the day after its period's publication date when given, else from the period's end
   * (`docs/appeals.md`).
   */
  publishedAt?: Readonly<Record<string, string>>;
  /** How reading is spread over threads (`docs/scale.md`); by default over every core. */
  parallel?: ParallelOptions;
  /**
   * Which engine measures (`docs/scale.md` §6): `typescript` (the default) or `duckdb`, which
   * derives responses and conversation facts and measures every metric in SQL on embedded
   * DuckDB. Both give the same results (numbers within 1e-9).
   */
  engine?: MeasureEngine;
  /**
   * DuckDB's threads on the SQL engine (the CLI's `--threads`); by default every core. The results
   * are the same whatever the setting.
   */
  sqlThreads?: number;
  /**
   * Given each SQL statement the SQL engine runs on DuckDB, in the order it runs them (the CLI's
   * `--sql-out`); not called on the TypeScript engine.
   */
  onSqlStatement?: (statement: string) => void;
  /**
   * How the messages kept for derivation are partitioned by conversation and when they go to
   * temporary files (`docs/scale.md` §5.2); by default partitions of 2^18 conversations, spilled
   * beyond 4,000,000 messages. The results are the same whatever the setting.
   */
  spill?: SpillOptions;
}

/**
 * A stage of the evaluation after reading, as it starts: `derive` (customer blocks, responses and
 * conversation facts from the messages; the TypeScript engine), `measure` (the conversations read
 * again into the metrics, or the measure stage as SQL on DuckDB), `score` (history, scores,
 * grades, ranks and explanations).
 */
export interface StageProgress {
  stage: 'derive' | 'measure' | 'score';
  engine: MeasureEngine;
}

/** What `onProgress` is given: a table's reading, or a stage after it. */
export type EvaluationProgress = ReadProgress | StageProgress;

/** The engines that can run the measure stage, the default first. */
export const MEASURE_ENGINES = ['typescript', 'duckdb'] as const;

/** An engine of {@link MEASURE_ENGINES}. */
export type MeasureEngine = (typeof MEASURE_ENGINES)[number];

/** A finished evaluation: results, explanations and the rejected rows, not yet written. */
export interface Evaluation {
  results: Results;
  explanations: { scorebook: 1; period: string; agents: AgentExplanation[] };
  rejected: RejectedRow[];
  policy: Policy;
  /** policy.json: the policy and metric definitions applied. */
  policySnapshot: PolicySnapshot;
  source: Source;
  /** Problems worth saying that did not stop the run (a glob that matches nothing). */
  warnings: Problem[];
  /**
   * The tables whose rows cover only part of the period, with the span they cover: what the
   * PERIOD_PARTLY_COVERED warnings say, as data (`publish` refuses such a period). Not written.
   */
  partlyCovered: PartlyCovered[];
  /**
   * The files cut off inside their last line, each with its table and that line: what the
   * FILE_CUT_OFF warnings say, as data, in the same order (`publish` refuses such a period, as
   * it does a partly covered one). Not written.
   */
  cutOff: CutOffFile[];
}

/**
 * Evaluates a period, stage by stage (`docs/architecture.md`): selects the policy version in
 * force and the data's source; reads every table's files through the source and checks that
 * the data has what the policy reads; then, table by table, checks each record, applies the
 * exclusions and hands the rows to the measure stage; derives responses and conversation facts
 * from the messages; measures, scores, rates, ranks and explains every agent. Deterministic:
 * the same inputs give the same results. Throws {@link EvaluationError} with every problem when
 * the policy, the source or the data cannot be used; nothing is written.
 */
export async function evaluate(options: EvaluateOptions): Promise<Evaluation> {
  const opened: Array<{ close(): void }> = [];
  try {
    const { evaluation, agents } = await pipeline(options, opened);
    const period = periodOf(options.period, options.monitoring === true);
    if (!scoredFromMonths(evaluation.policy, period)) return evaluation;
    // A quarter or year scored from its months: each month as it would be evaluated alone.
    const months = await evaluateMonths(period, (month) =>
      evaluate({
        ...options,
        period: month,
        ...(options.appealFiles === undefined
          ? {}
          : { appealFiles: options.appealFiles.filter((f) => f.name.startsWith(`${month}/`)) }),
      }),
    );
    return combineMonths(evaluation, months, agents);
  } catch (error) {
    // A source or a file that cannot be read stops the run like any other input problem.
    if (error instanceof ScorebookError && !(error instanceof EvaluationError) && error.kind === 'input')
      throw new EvaluationError(error.problems);
    throw error;
  } finally {
    // An engine's database, closed however the run ends.
    for (const o of opened) o.close();
  }
}

// The evaluation, and the agents table's rows it rated (a period scored from its months pays
// rewards from them).
async function pipeline(
  options: EvaluateOptions,
  opened: Array<{ close(): void }>,
): Promise<{ evaluation: Evaluation; agents: readonly Agent[] }> {
  // Select: the period, the policy version in force at its start, the source of the data.
  const period = periodOf(options.period, options.monitoring === true);
  const source = await sourceOfData(options.dataDir, options.sourceFile ?? null);
  const policy = policyInForce(options.policiesDir, period, source);
  const zone = new Zone(policy.timezone);
  const readZone = source.timezone === null ? zone : new Zone(source.timezone);
  const zoned = zonePeriod(period, zone);
  const definitions = policyMetricCatalog(policy);
  const cap = options.evidenceCap ?? 20;

  // Read (headers only) and check: every table's files, and what the policy reads of them.
  const usesQuotas = policy.scorecards.some((s) => s.scored.some((i) => i.quota));
  // A custom table is read only by a policy whose metrics name it (`docs/custom-tables.md`).
  const custom = new Set(customTablesOf(definitions));
  // The plans table is read only by a policy whose catalog measures it (docs/plans.md).
  const usesPlans = definitions.some(readsPlans);
  // The ratings table is read only by a policy with a rating metric (docs/ratings.md).
  const usesRatings = definitions.some((d) => d.kind === 'rating');
  const unread = new Set<TableName>([
    ...(usesQuotas ? [] : (['targets'] as const)),
    ...(usesPlans ? [] : (['improvement_plans'] as const)),
    ...(usesRatings ? [] : (['ratings'] as const)),
    ...[...source.custom.keys()].filter((t) => !custom.has(t)),
  ]);
  const inputs = await openInputs({ dataDir: options.dataDir, source, zone: readZone, unread });
  const needs = policyNeeds(policy, definitions);
  const allowMissing = new Set(options.allowMissing ?? []);
  const headed = new Set(
    INPUT_TABLES.filter((t) => inputs.tables[t].files.every((f) => f.format !== 'jsonl')),
  );
  const conversations = new ConversationIndex(expectedConversations(inputs));
  const checks = new RowChecks({
    fileNames: inputs.fileNames,
    hasConversations: inputs.tables.conversations.files.length > 0,
    conversations,
  });
  // Read agents first: every other table refers to them, and a table only scorecards no agent is
  // on need is not required (docs/scorecards.md).
  for await (const batch of tableBatches(inputs, 'agents', options.onProgress))
    for (const r of batch) checks.accept(r);
  const agents = checks.agents;
  const scorecardOfRole = new Map(policy.scorecards.flatMap((s) => s.roles.map((r) => [r, s] as const)));
  // Without an agents file, whom a scorecard rates is unknown: every scorecard needs its tables.
  const inUse = new Set(
    inputs.tables.agents.files.length === 0
      ? policy.scorecards.map((s) => s.id)
      : agents.flatMap((a) => scorecardOfRole.get(a.role)?.id ?? []),
  );
  stopOn([
    ...tablesAbsent(inputs, needs, allowMissing, inUse),
    ...customTablesAbsent(inputs, needs, allowMissing),
    ...fieldsNotInData(inputs, needs, headed),
  ]);

  // The TypeScript engine's messages are read on worker threads, started now to load their code
  // and cut the messages files while the conversations are read (docs/scale.md §1).
  const early = options.engine === 'duckdb' ? null : MessageReaders.start(inputs, options.parallel ?? {});
  if (early !== null) opened.push({ close: () => void early.close() });

  const fieldsOf = tableFields(inputs);
  const exclusions = new Exclusions(policy, fieldsOf, zone, cap);
  // A quarter or year takes its months' appeals when scored from them, or, recomputed, their
  // record decisions when the policy says so (docs/appeals.md); else it only warns of them.
  const recomputed =
    !scoredFromMonths(policy, period) && (period.kind === 'quarter' || period.kind === 'year');
  const carried = recomputed && policy.appeals?.months === 'records';
  const periods = scoredFromMonths(policy, period) || carried ? [...monthsOf(period), zoned.id] : [zoned.id];
  const appealInput = {
    policy,
    period: zoned,
    zone,
    fieldsOf,
    files: inputs.fileNames,
    publishedAt: options.publishedAt ?? {},
    filedPeriods: periods,
    monthsRecordsOnly: carried,
  };
  // Segmented targets measure their metric once more per segment, after the catalog.
  const measured = [...definitions, ...segmentDefinitions(policy, definitions)];
  const appeals = new AppealStage({
    ...appealInput,
    appeals: periodAppeals(options, periods),
    metrics: measured,
  });
  const monthsWarnings =
    recomputed && !carried
      ? monthsNotApplied(periodAppeals(options, monthsOf(period), false), appealInput)
      : [];
  const coverage = new Coverage(zoned, customSpecs(inputs));
  const warnings = new PeriodWarnings(
    zoned,
    needs.fields.values(),
    needs.tables,
    new Set(INPUT_TABLES.filter((t) => inputs.tables[t].files.length > 0)),
    needs.throughFacts,
  );

  const roles = rolesWithoutScorecard(agents, policy);
  const quotas = new QuotaTargets({ policy, definitions, period: zoned, agents, files: inputs.fileNames });
  const plans = new PlanStage({ policy, definitions, period: zoned, agents, files: inputs.fileNames });
  const compiled = compileMetrics(measured, zone, (t) => measuredFieldsOf(t, fieldsOf));
  appeals.checkAgents(agents, (a) => scorecardOfRole.get(a.role) ?? null);
  const metricIndex = new Map(definitions.map((d, i) => [d.id, i]));
  const scoredBy = agents.map(
    (a) =>
      new Set((scorecardOfRole.get(a.role)?.scored ?? []).flatMap((i) => metricIndex.get(i.metric) ?? [])),
  );
  // A metric's evidence is kept for the agents whose scorecard scores it.
  const wantsEvidence = (agent: number, metric: number) => scoredBy[agent]?.has(metric) ?? false;
  const measure = new MetricAccumulators(compiled, agents.length, wantsEvidence, cap);
  // The SQL engine compiles first, so that a metric it does not compute is refused before reading.
  const sql =
    options.engine === 'duckdb'
      ? await (await import('./sql/sql-measure.ts')).SqlMeasure.open({
          metrics: measured,
          fieldsOf: (t) => measuredFieldsOf(t, fieldsOf),
          inputFieldsOf: fieldsOf,
          policy,
          zone,
          period: zoned,
          agents,
          wantsEvidence,
          cap,
          ...(options.sqlThreads === undefined ? {} : { threads: options.sqlThreads }),
          ...(options.onSqlStatement === undefined ? {} : { onStatement: options.onSqlStatement }),
        })
      : null;
  if (sql !== null) opened.push(sql);
  const sink = sql ?? measure;
  const messages = new MessagePartitions(options.spill ?? {});
  // Its spill files are removed however the run ends.
  opened.push(messages);
  // The accepted conversations' values, kept for the measure stage when no appeal may change a
  // row and every conversations file has a header (docs/scale.md §1, the conversations kept).
  const keptConversations =
    !appeals.active && headed.has('conversations')
      ? new KeptConversations(
          { rows: options.spill?.conversationsInMemory ?? CONVERSATIONS_KEPT, texts: KEPT_TEXTS },
          'conversation_id',
          expectedConversations(inputs),
        )
      : null;

  // Check, exclude, route: each table in contract order (a row may refer to the tables before it).
  // Metrics over messages count the agents' messages as they are read (docs/messages.md); on
  // the SQL engine those messages are appended to its table of them instead.
  // When the SQL engine decides the exclusions (docs/scale.md §5.3), no row is excluded while
  // reading: a table's rows go to the SQL engine excluded or not, and its counts come back.
  const sqlExcludes = sql?.decidesExclusions === true;
  const sqlReadsMessages = sql !== null && measured.some(readsMessages);
  const messageMetrics =
    sql === null ? messageMetricsOf(measure.tallies, agents.length, wantsEvidence) : null;
  const routes = {
    coverage,
    warnings,
    exclusions: sqlExcludes ? new Exclusions({ exclusions: [] }, fieldsOf, zone, cap) : exclusions,
    conversations,
    messages,
    agentIndex: checks.agentIndex,
    measure: sqlReadsMessages
      ? { add: (row: Row, agent: number) => sql?.add('messages', row, agent) }
      : messageMetrics === null
        ? null
        : { add: (row: Row, agent: number) => measure.add('messages', row, agent) },
  };
  let derivation: DerivationThread | null = null;
  // The threads that read the messages in pieces, when they did.
  let readers: MessageReaders | null = null;
  for (const table of INPUT_TABLES.filter((t): t is Exclude<InputTableName, 'agents'> => t !== 'agents')) {
    // A table only a feature reads (targets) is not read by a policy without that feature.
    if (unread.has(table)) continue;
    checks.startTable(table);
    // The SQL engine's message rows are appended on this thread: it reads messages in one (docs/scale.md §6).
    if (table === 'messages' && !sqlReadsMessages && !sql?.decides('messages')) {
      const spread = {
        inputs,
        checks,
        routes,
        policy,
        needs,
        zone,
        readZone,
        period: zoned,
        cap,
        metrics: messageMetrics,
      };
      const started = early ?? MessageReaders.start(inputs, options.parallel ?? {});
      if (started !== null && started !== early) opened.push({ close: () => void started.close() });
      if (await readMessagesInParallel(spread, started, options.onProgress)) {
        // Left open: they may read parts of the conversations' second read.
        readers = started;
        // Messages this many are derived on a worker thread while the other tables are read.
        derivation =
          sql === null
            ? DerivationThread.start({
                conversations,
                messages,
                agents,
                policy,
                zone,
                period: zoned,
                tallies: measure.tallies,
                wantsEvidence,
                cap,
              })
            : null;
        if (derivation !== null) opened.push(derivation);
        continue;
      }
    }
    for await (const batch of tableBatches(inputs, table, options.onProgress)) {
      for (const record of batch) {
        const row = checks.accept(record);
        if (row === null) {
          warnings.rejected(table, record, checks.agentAbout(record));
          continue;
        }
        if (table === 'messages') {
          routeMessage(row, routes);
          if (sql?.decides('messages')) {
            const agent = conversations.agentOf(
              conversations.indexOf(valuesOf('messages', row.values).conversation_id),
            );
            sql.addExcludable('messages', row, agent, coverage.inPeriod(table, row));
          }
          continue;
        }
        if (table === 'targets') {
          quotas.add(row, checks.agentIndex);
          continue;
        }
        if (table === 'appeals_filed') {
          appeals.addFiled(row);
          continue;
        }
        if (table === 'improvement_plans') {
          const plan = plans.add(row, checks.agentIndex);
          if (plan === null) continue;
          warnings.accepted(table, plan);
          sink.add(table, plan, creditedAgent(plan, checks.agentIndex));
          continue;
        }
        if (table === 'ratings') {
          // Rating metrics read the period's ratings; exclusions and appeals do not apply to them.
          coverage.add(table, row);
          if (!coverage.inPeriod(table, row)) continue;
          warnings.accepted(table, row);
          sink.addRating(row, creditedAgent(row, checks.agentIndex));
          continue;
        }
        coverage.add(table, row);
        if (coverage.inPeriod(table, row)) exclusions.observe(table, row);
        // Appeals change the row in place; a row an appeal removed goes no further, like an excluded one.
        const appealed = appeals.apply(table, row) !== null;
        // The period's warnings count the row as the run uses it: as appeals left it, and not at
        // all when one removed it (trial 16 finding 8).
        if (!appealed && coverage.inPeriod(table, row)) warnings.accepted(table, row);
        const excludedBy = appealed || sqlExcludes ? null : exclusions.match(table, row);
        const agent = creditedAgent(row, checks.agentIndex);
        if (!appealed && sql?.decides(table))
          sql.addExcludable(table, row, agent, coverage.inPeriod(table, row));
        if (excludedBy !== null && coverage.inPeriod(table, row))
          exclusions.count(table, excludedBy, row, agent);
        const kept = excludedBy === null && !appealed;
        switch (table) {
          case 'conversations':
            conversations.add(row, agent, !kept);
            keptConversations?.keep(row.values, row.file);
            break;
          case 'orders':
            // Decided in SQL, the converted conversations are computed there too. An id that
            // names no conversation (possible without a conversations table) marks nothing: no
            // conversations row could have read it.
            if (kept && typeof row.values.conversation_id === 'string' && !sql?.decides(table))
              conversations.markConverted(conversations.indexOf(row.values.conversation_id));
            if (kept && coverage.inPeriod(table, row)) sink.add(table, row, agent);
            break;
          default:
            if (kept && coverage.inPeriod(table, row)) sink.add(table, row, agent);
        }
      }
    }
  }

  // Custom tables, after the contract's: their rows refer to the agents only.
  const customWarnings = await readCustomTables({
    inputs,
    tables: custom,
    checks,
    coverage,
    sink,
    uses: needs.customTables,
    period: zoned.id,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });

  // Check what the records showed: fields of JSON Lines tables, rejected rows, data in the period.
  const jsonLines = new Set(INPUT_TABLES.filter((t) => !headed.has(t)));
  const limit = options.maxRejected ?? DEFAULT_REJECTED_LIMIT;
  // A table whose records all lack a required key is said once, not as every record rejected.
  const keyless = requiredKeysMissing(inputs, jsonLines);
  stopOn(
    [
      ...keyless.problems,
      ...fieldsNotInData(inputs, needs, jsonLines),
      ...appeals.errors(),
      ...quotas.problems,
      ...quotas.rejectedRows(checks.rejected),
      ...plans.problems,
      ...warnings.unmapped(),
      // Rejected targets rows are each an error above, so the limit does not count them again.
      ...tooManyRejected(
        inputs,
        checks,
        limit,
        quotas.used ? new Set([...keyless.tables, 'targets']) : keyless.tables,
      ),
      ...duplicateFiles(inputs),
      ...coverage.noData(zone),
    ],
    checks.rejected,
  );

  // Derive: customer blocks and responses from the messages (into measure), conversation facts
  // (done on a worker thread since the messages were read, when they were read in pieces).
  // (On the SQL engine, derivation is part of its measure stage.)
  const engine = options.engine ?? 'typescript';
  if (sql === null) options.onProgress?.({ stage: 'derive', engine });
  const facts =
    sql !== null
      ? null
      : derivation !== null
        ? await derivation.finish()
        : deriveFacts({ conversations, messages, agents, policy, zone, period: zoned }, (row, agent) =>
            measure.add('responses', row, agent),
          );

  // Measure conversations: read again, now that their derived facts are known; in parts on the
  // message readers' threads when they read the messages and no appeal may change a row
  // (docs/scale.md §1).
  options.onProgress?.({ stage: 'measure', engine });
  const resolution = readsConversationField(measured, 'resolution_seconds')
    ? elapsedSeconds(policy, zone)
    : null;
  const secondRead = new SecondRead({
    conversations,
    coverage,
    appeals: appeals.active ? appeals : null,
    add:
      facts === null
        ? (row, conversation) => sql?.addConversation(row, conversation, conversations.agentOf(conversation))
        : (row, conversation) => {
            applyConversationFacts(row, conversation, facts, conversations, resolution);
            measure.add('conversations', row, conversations.agentOf(conversation));
          },
  });
  // Kept in memory, the conversations are taken from there rather than read again.
  const kept = keptConversations?.columns() ?? null;
  const inParts =
    facts !== null &&
    !appeals.active &&
    readers !== null &&
    (await readSecondInParts({
      inputs,
      readers,
      conversations,
      facts,
      tallies: measure.tallies,
      wantsEvidence,
      agents: agents.length,
      cap,
      policy,
      zone,
      readZone,
      period: zoned,
      resolution: resolution !== null,
      fieldsOf: (t) => measuredFieldsOf(t, fieldsOf),
      here: secondRead,
      kept,
    }));
  void readers?.close();
  if (!inParts && kept !== null) secondRead.replay(new KeptRows(kept), conversations);
  else if (!inParts)
    for await (const batch of tableBatches(inputs, 'conversations'))
      for (const record of batch) secondRead.record(record);
  const measuredInSql = sql === null ? null : await sql.finish(conversations, messages);
  // What the exclusions decided in SQL removed, added table by table in reading order.
  for (const [table, part] of measuredInSql?.excluded ?? []) exclusions.absorb(table, part);
  const tallies = measuredInSql === null ? measure.tallies : measuredInSql.metrics;

  options.onProgress?.({ stage: 'score', engine });
  // History: the earlier periods the policy's history facts read, published or evaluated.
  const historyNames = options.history === false ? [] : historyNamesOf(policy, definitions);
  const history =
    historyNames.length === 0
      ? null
      : await readHistory({
          names: historyNames,
          period: zoned,
          resultsDir: options.history === false ? null : (options.history?.resultsDir ?? null),
          grades: policy.grades.map((g) => g.grade),
          policyId: policy.id,
          evaluateEarlier: async (earlier) => {
            // Neither progress nor --sql-out's statements: they are the asked period's alone.
            const { onProgress: _quiet, onSqlStatement: _notRecorded, ...rest } = options;
            const evaluation = await evaluate({ ...rest, period: earlier, history: false });
            return {
              results: evaluation.results,
              bytes: jsonBytes(evaluation.results),
            };
          },
        });

  // Score, rate and rank every agent (within each scorecard), then explain each.
  const noData = new Set([
    ...[...needs.inputsOf]
      .filter(
        ([, reads]) =>
          [...reads.tables].some((t) => inputs.tables[t].files.length === 0) ||
          [...reads.custom].some((t) => (inputs.custom.get(t)?.files.length ?? 0) === 0),
      )
      .map(([id]) => id),
    // A distinct count of a field no file of its table has counts nothing: no data, not 0 (docs/messages.md).
    ...definitions.flatMap((d) =>
      d.kind === 'distinct_count' &&
      d.table !== 'responses' &&
      !Object.hasOwn(DERIVED_CONVERSATION_FIELDS, d.field) &&
      !(isCustomTableName(d.table) ? inputs.custom.get(d.table) : inputs.tables[d.table])?.typer.present.has(
        d.field,
      )
        ? [d.id]
        : [],
    ),
  ]);
  const scored = scoreAgents({
    policy,
    agents,
    tallies,
    catalogSize: definitions.length,
    noData,
    quotaOf: (agent, metric) => quotas.of(agent, metric),
    excludedOf: (agent) => exclusions.ofAgent(agent).counts,
    period: zoned,
    zone,
    appeals,
    history,
  });
  const previous = plans.used
    ? readPreviousPeriod(zoned, options.history === false ? null : (options.history?.resultsDir ?? null))
    : null;
  const rated = scored.agents.map(({ agent, scorecard, result, rating, formulas }) => ({
    result,
    explanation: {
      ...explainAgent({
        agent,
        scorecard,
        rating,
        tallies,
        files: inputs.fileNames,
        excluded: exclusions.ofAgent(agent.index).evidence,
        format: policy.scorebook,
        zone,
        quotaRow: (index, metric) => quotas.of(index, metric)?.row ?? null,
        formulas,
        customFields: fieldsOf,
      }),
      ...appeals.explanationFields(agent.agent_id),
      ...(previous === null ? {} : { plans: plans.explain(agent.index, previous.of(agent.agent_id)) }),
    },
  }));

  // Write nothing yet: the results, in agent_id order, with their provenance.
  const ordered = rated.sort((a, b) => compareIds(a.result.agent_id, b.result.agent_id));
  const results = ordered.map(({ result }) => result);
  // A gap at an end of the period counts only the days business hours open (PERIOD_PARTLY_COVERED).
  const openDays =
    policy.business_hours === null ? null : new BusinessClock(toBusinessHours(policy.business_hours), zone);
  // Files cut off inside their last line, as the readers flagged them (FILE_CUT_OFF).
  const cutOff = cutOffFiles(inputs);
  const evaluation: Evaluation = {
    results: {
      scorebook: 1,
      period: {
        id: zoned.id,
        kind: zoned.kind,
        start: zoned.start,
        end: zoned.end,
        timezone: policy.timezone,
      },
      policy: {
        id: policy.id,
        version: policy.version,
        effective_from: policy.effective_from,
        file: fileNameOf(policy.file),
        sha256: policy.sha256,
      },
      source: sourceProvenance(inputs, options.sourceName),
      inputs: inputsOf(inputs, checks, exclusions, policy, coverage, zone, unread),
      engine: { version: ENGINE_VERSION },
      summary: summaryOf(results, policy, checks.rejected.length),
      agents: results,
      ...(scored.teamFacts.length > 0 ? { team_facts: scored.teamFacts } : {}),
      ...(history === null ? {} : { history: history.periods }),
      ...appeals.provenance(),
    },
    explanations: { scorebook: 1, period: zoned.id, agents: ordered.map(({ explanation }) => explanation) },
    rejected: checks.rejected,
    policy,
    policySnapshot: policySnapshot(policy, definitions),
    source,
    warnings: [
      ...inputs.warnings,
      ...cutOffWarnings(inputs, cutOff),
      ...untypedComparisons(inputs, needs),
      ...warnings.warnings(limit, zone, openDays),
      ...warnings.afterPeriod(coverage.after, coverage.last, zone, inputs.fileNames),
      ...warnings.longBeforePeriod(coverage.longBefore, zone, inputs.fileNames),
      ...customWarnings,
      ...tablesAbsentForRules(inputs, needs, allowMissing, inUse),
      ...tablesOfUnusedScorecards(inputs, needs, allowMissing, inUse),
      ...roles,
      ...appeals.warnings,
      ...monthsWarnings,
      ...quotas.warnings,
      ...quotas.periodWarnings(),
      ...plans.warnings,
      ...exclusions.removedNothing(),
      ...infoFieldsNotInData(inputs, needs, noData),
      ...ratingsNotInData(tallies, policy),
      ...ratingsOffScale(tallies, policy, agents.length),
    ],
    partlyCovered: warnings.partlyCovered(zone, openDays),
    cutOff,
  };
  return { evaluation, agents };
}

// Months, quarters and years are evaluated; a week, a day or a range only when asked (monitoring).
function periodOf(text: string, monitoring: boolean): Period {
  const period = parsePeriod(text);
  if (period !== null && (monitoring || isEvaluationKind(period.kind))) return period;
  const code = period === null ? 'BAD_PERIOD' : 'PERIOD_NOT_EVALUATED';
  throw new EvaluationError([
    {
      code,
      severity: 'error',
      message: messageOf(RUN_ERRORS, code, { period: text }),
      file: null,
      line: null,
      column: null,
    },
  ]);
}

// The policy is checked against the source's custom tables (`docs/custom-tables.md`).
function policyInForce(policiesDir: string, period: Period, source: Source): Policy {
  const customTables = Object.fromEntries([...source.custom].map(([name, t]) => [name, t.spec.fields]));
  const family = loadPolicyFamily(policiesDir, { customTables });
  const errors = family.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new EvaluationError(errors);
  const { policy, problem } = selectVersion(family, period);
  if (policy === null) throw new EvaluationError(problem === null ? [] : [problem]);
  return policy;
}

/**
 * The appeal files of the periods (the evaluated one, last; with its months when it takes their
 * appeals), given or read from the appeals folder, as one set in file-name order; null when there
 * are none. Given files belong to the period their name starts with (`<period>/<id>.yaml`).
 * A file with an error stops the run, unless `strict` is false: then a period with an error
 * gives no appeals (the months' appeals a recomputed quarter only warns of).
 */
function periodAppeals(
  options: EvaluateOptions,
  periods: readonly string[],
  strict = true,
): PeriodAppeals | null {
  const own = periods[periods.length - 1] ?? '';
  const { appealFiles, appealsDir } = options;
  if (appealFiles === undefined && (appealsDir === undefined || appealsDir === null)) return null;
  const loaded = periods.map((period) =>
    appealFiles === undefined
      ? loadPeriodAppeals(appealsDir ?? '', period)
      : checkAppealFiles(
          period,
          // A single period's files are all its own, whatever folder they were named after.
          periods.length === 1 && strict
            ? appealFiles
            : appealFiles.filter((f) => f.name.startsWith(`${period}/`)),
        ),
  );
  const errors = loaded.flatMap((l) => l.problems.filter((p) => p.severity === 'error'));
  if (errors.length > 0 && strict) throw new EvaluationError(errors);
  const byName = (a: { name: string }, b: { name: string }) => compareIds(a.name, b.name);
  const appeals: PeriodAppeals = {
    period: own,
    appeals: loaded.flatMap((l) => l.appeals.appeals).sort(byName),
    files: loaded.flatMap((l) => l.appeals.files).sort(byName),
  };
  return appeals.files.length === 0 ? null : appeals;
}

/**
 * Roles of agents that no scorecard rates (they are not rated, as the spec says): a warning per
 * role with its number of agents, or one warning when no agent at all has a scorecard.
 */
function rolesWithoutScorecard(agents: readonly Agent[], policy: Policy): Problem[] {
  const rated = new Set(policy.scorecards.flatMap((s) => s.roles));
  const counts = new Map<string, number>();
  for (const a of agents) if (!rated.has(a.role)) counts.set(a.role, (counts.get(a.role) ?? 0) + 1);
  const roles = [...rated].join(', ');
  const at = (code: string, severity: Problem['severity'], message: Problem['message']): Problem => ({
    code,
    severity,
    message,
    file: null,
    line: null,
    column: null,
  });
  if (agents.length > 0 && [...counts.values()].reduce((a, b) => a + b, 0) === agents.length) {
    const found = [...counts.keys()].sort().join(', ');
    return [
      at(
        'NO_AGENT_HAS_SCORECARD',
        'warning',
        messageOf(RUN_ERRORS, 'NO_AGENT_HAS_SCORECARD', { agents: agents.length, found, roles }),
      ),
    ];
  }
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([role, n]) =>
      at(
        'ROLE_WITHOUT_SCORECARD',
        'warning',
        messageOf(RUN_ERRORS, 'ROLE_WITHOUT_SCORECARD', { role, agents: n, roles }),
      ),
    );
}

function stopOn(problems: readonly Problem[], rejected: RejectedRow[] = []): void {
  if (problems.length > 0) throw new EvaluationError(problems, rejected);
}

/**
 * Each table's fields with their types: the contract's and the typed extra fields; a custom
 * table's declared fields (none for a name the source does not declare).
 */
function tableFields(inputs: Inputs): (table: TableName) => Readonly<Record<string, FieldSpec>> {
  const fields = byInputTable((table) => fieldsOfTyper(table, inputs.tables[table].typer));
  const custom = new Map(
    [...inputs.custom].map(([table, input]) => [table, fieldsOfTyper(table, input.typer)]),
  );
  return (table) => (isCustomTableName(table) ? (custom.get(table) ?? {}) : fields[table]);
}

function measuredFieldsOf(
  table: MeasuredTableRef | 'ratings',
  fieldsOf: (table: TableName) => Readonly<Record<string, FieldSpec>>,
): Readonly<Record<string, FieldSpec>> {
  if (table === 'responses') return measuredFields('responses');
  if (isCustomTableName(table) || table === 'ratings') return fieldsOf(table);
  return { ...fieldsOf(table), ...measuredFields(table) };
}

/** The agent a row (not a message) is credited to: its `agent_id`; -1 if none. */
function creditedAgent(row: Row, agentIndex: ReadonlyMap<string, number>): number {
  const agent = row.values.agent_id;
  return typeof agent === 'string' ? (agentIndex.get(agent) ?? -1) : -1;
}

function sourceProvenance(inputs: Inputs, name: string | undefined): Results['source'] {
  const { source } = inputs;
  if (source.file === null || source.sha256 === null) return null;
  const path = name ?? relative(inputs.dataDir, source.file).split(sep).join('/');
  return { path, sha256: source.sha256, id: source.id };
}

// Each table read, as results.json records it. A table the policy does not read (`unread`: a
// feature table without its feature, a custom table no metric names) is not listed, so other
// policies' results keep their bytes.
function inputsOf(
  inputs: Inputs,
  checks: RowChecks,
  exclusions: Exclusions,
  policy: Policy,
  coverage: Coverage,
  zone: Zone,
  unread: ReadonlySet<TableName>,
): Results['inputs'] {
  const out: Results['inputs'] = {};
  const record = (table: TableName, input: TableInput, excluded: Record<string, number>) => ({
    sha256: tableSha256(input.provenance),
    rows: input.rows,
    rejected: checks.rejectedBy.get(table) ?? 0,
    excluded,
    files: input.provenance,
    absent: input.files.length === 0,
    range: coverage.range(table, zone),
  });
  for (const table of INPUT_TABLES) {
    if (unread.has(table)) continue;
    if (table === 'appeals_filed' && inputs.tables[table].files.length === 0) continue;
    const counts = exclusions.counts.get(table);
    const excluded: Record<string, number> = {};
    for (const e of policy.exclusions) {
      const n = counts?.get(e.id) ?? 0;
      if (e.table === table && n > 0) excluded[e.id] = n;
    }
    out[table] = record(table, inputs.tables[table], excluded);
  }
  // Custom tables have no exclusions (`docs/custom-tables.md`); their field titles are for the site.
  for (const [table, input] of inputs.custom) {
    if (unread.has(table)) continue;
    const titles = inputs.source.custom.get(table)?.spec.titles ?? {};
    out[table] = { ...record(table, input, {}), ...(Object.keys(titles).length > 0 ? { titles } : {}) };
  }
  return out;
}

function summaryOf(agents: readonly AgentResult[], policy: Policy, rejected: number): Results['summary'] {
  const grades: Record<string, number> = {};
  for (const g of policy.grades) grades[g.grade] = 0;
  for (const a of agents) if (a.grade !== null) grades[a.grade] = (grades[a.grade] ?? 0) + 1;
  const rated = agents.filter((a) => a.status === 'rated').length;
  return {
    agents: agents.length,
    rated,
    not_rated: agents.length - rated,
    grades,
    rejected_rows: rejected,
    ...(policy.scorebook === 2 ? summaryOfFormat2(policy, agents) : {}),
  };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// About how many conversations the conversations files hold, to size the index's hash table: a
// row of the contract's fields takes some 60–100 bytes of CSV or JSON Lines (an estimate only).
/** Accepted conversations kept in memory for the measure stage at most, by default (2^21). */
const CONVERSATIONS_KEPT = 2 ** 21;

function expectedConversations(inputs: Inputs): number {
  const bytes = inputs.tables.conversations.files.reduce((sum, f) => sum + f.size, 0);
  return Math.floor(bytes / 64);
}
