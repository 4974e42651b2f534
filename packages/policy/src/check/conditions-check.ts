import { type Condition, checkCondition, type FactType, type FactVocabulary } from '@scorebook/conditions';
import { closest } from '@scorebook/config-file';
import type { FieldSpec, MetricDefinition } from '@scorebook/contract';
import type { CheckContext, Path } from './context.ts';

/** Facts of a row vocabulary from the contract's fields; extra columns are allowed (a warning). */
export function rowVocabulary(
  fields: Readonly<Record<string, FieldSpec>>,
  table: string,
  open: boolean,
): FactVocabulary {
  const facts = new Map<string, FactType>();
  for (const [name, spec] of Object.entries(fields))
    facts.set(name, spec.type === 'int' ? 'number' : spec.type);
  return { facts, open, describe: { zh: `${table} 表的字段`, en: `fields of ${table}` } };
}

/** The facts vetoes see besides the metrics: the agent's scores. No metric may take these ids. */
export const SCORE_FACTS: ReadonlySet<string> = new Set(['base_score', 'total_score']);

/** Facts of agent-level conditions: every metric's value, and for vetoes the scores. */
export function agentVocabulary(metrics: readonly MetricDefinition[], withScores: boolean): FactVocabulary {
  const facts = new Map<string, FactType>(metrics.map((m) => [m.id, 'number']));
  if (withScores) for (const fact of SCORE_FACTS) facts.set(fact, 'number');
  return {
    facts,
    open: false,
    describe: withScores
      ? { zh: '指标 id 与 base_score、total_score', en: 'metric ids, base_score and total_score' }
      : { zh: '指标 id', en: 'metric ids' },
  };
}

/** Checks a condition at `path` and reports its problems with positions; returns it typed when valid. */
export function checkConditionAt(
  ctx: CheckContext,
  path: Path,
  value: unknown,
  vocabulary: FactVocabulary,
  options: { factsUnknowable?: boolean } = {},
): Condition | null {
  const problems = checkCondition(value, vocabulary, ctx.zone, { suggest: closest }).filter(
    (p) => !(options.factsUnknowable && p.code === 'CONDITION_UNKNOWN_FACT'),
  );
  for (const p of problems) {
    ctx.add([...path, ...p.path], p.code, p.message, {
      severity: p.severity,
      anchor: p.code === 'CONDITION_UNKNOWN_KEY' ? 'key' : 'value',
    });
  }
  return problems.some((p) => p.severity === 'error') ? null : (value as Condition);
}
