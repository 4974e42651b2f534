import {
  type Condition,
  checkCondition,
  type FactType,
  type FactVocabulary,
  OPERATORS,
} from '@scorebook/conditions';
import { closest } from '@scorebook/config-file';
import type { FieldSpec, MetricDefinition } from '@scorebook/contract';
import type { PolicyErrorCode } from '../errors/catalogue.ts';
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

/** Facts of agent-level conditions: every metric's value, and for vetoes the scores. */
export function agentVocabulary(metrics: readonly MetricDefinition[], withScores: boolean): FactVocabulary {
  const facts = new Map<string, FactType>(metrics.map((m) => [m.id, 'number']));
  if (withScores) {
    facts.set('base_score', 'number');
    facts.set('total_score', 'number');
  }
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
  const problems = checkCondition(value, vocabulary, ctx.zone).filter(
    (p) => !(options.factsUnknowable && p.code === 'CONDITION_UNKNOWN_FACT'),
  );
  for (const p of problems) {
    const params: Record<string, string | number> = { ...p.params };
    if (p.code === 'CONDITION_UNKNOWN_OPERATOR') params.allowed = OPERATORS.map((o) => o.name).join(', ');
    if (p.code === 'CONDITION_UNKNOWN_FACT') {
      params.where = vocabulary.describe.zh;
      params.whereEn = vocabulary.describe.en;
      params.open = vocabulary.open ? 1 : '';
      params.suggestion = closest(String(p.params.fact), [...vocabulary.facts.keys()]) ?? '';
    }
    ctx.report([...path, ...p.path], p.code as PolicyErrorCode, params, {
      severity: p.severity,
      anchor: p.code === 'CONDITION_UNKNOWN_KEY' ? 'key' : 'value',
    });
  }
  return problems.some((p) => p.severity === 'error') ? null : (value as Condition);
}
