import { defineCatalogue } from '@scorebook/problems';

const q = (v: string) => `"${v}"`;

/** Why a condition is refused by the SQL engine, in both languages. */
export const SQL_REFUSALS = {
  text_in: {
    zh: 'textIn 需要 Unicode NFKC 归一化,DuckDB 没有',
    en: 'textIn needs Unicode NFKC normalisation, which DuckDB lacks',
  },
  contains_any: {
    zh: 'containsAny 需要 Unicode NFKC 归一化,DuckDB 没有',
    en: 'containsAny needs Unicode NFKC normalisation, which DuckDB lacks',
  },
  operator: { zh: '这个运算符还不能在 SQL 中计算', en: 'the operator is not computed in SQL yet' },
  fact_reference: { zh: '值引用了另一个字段', en: 'its value names another fact' },
  path: { zh: '条件带有 path', en: 'it reads a path inside the fact' },
  derived_field: {
    zh: '这个派生字段还不能在 SQL 中计算',
    en: 'this derived field is not computed in SQL yet',
  },
  unknown_fact: { zh: '这个字段不在表的字段中', en: 'the fact is not a field of the table' },
  comparison_type: {
    zh: '数值比较只支持数值字段',
    en: 'numeric comparisons are computed for number fields only',
  },
  instant_type: {
    zh: 'before/after 只支持时间戳字段',
    en: 'before/after are computed for timestamp fields only',
  },
  tables_differ: {
    zh: '越高越好的比率,分子与分母来自不同的表',
    en: 'a higher-is-better ratio whose numerator and denominator are different tables',
  },
} as const;

/** A reason of {@link SQL_REFUSALS}. */
export type SqlRefusal = keyof typeof SQL_REFUSALS;

/**
 * Problems that stop an evaluation on the SQL engine (`evaluate --engine duckdb`) before any
 * number is computed: what the SQL engine does not compute is refused, never approximated.
 * Codes are permanent: `SQL_CUSTOM_TABLE_UNSUPPORTED` and `SQL_METRIC_TABLE_UNSUPPORTED`, retired
 * when custom tables and messages were computed in SQL, are not given to anything else.
 */
export const SQL_ERRORS = defineCatalogue({
  SQL_METRIC_KIND_UNSUPPORTED: {
    zh: (p: { metric: string; kind: string; engine: string }) =>
      `指标 ${q(p.metric)} 的类型 ${q(p.kind)} 还不能在 ${p.engine} 引擎上计算。请用默认引擎运行(去掉 --engine ${p.engine},即 --engine typescript)。`,
    en: (p: { metric: string; kind: string; engine: string }) =>
      `The metric ${q(p.metric)} is of kind ${q(p.kind)}, which the ${p.engine} engine does not compute yet. Run with the default engine (leave out --engine ${p.engine}, or write --engine typescript).`,
  },
  SQL_CONDITION_UNSUPPORTED: {
    zh: (p: { metric: string; condition: string; why: SqlRefusal; engine: string }) =>
      `指标 ${q(p.metric)} 的条件 ${p.condition} 还不能在 ${p.engine} 引擎上计算:${SQL_REFUSALS[p.why].zh}。请用默认引擎运行(去掉 --engine ${p.engine})。`,
    en: (p: { metric: string; condition: string; why: SqlRefusal; engine: string }) =>
      `The condition ${p.condition} of the metric ${q(p.metric)} cannot be computed on the ${p.engine} engine: ${SQL_REFUSALS[p.why].en}. Run with the default engine (leave out --engine ${p.engine}).`,
  },
});
