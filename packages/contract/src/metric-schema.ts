import { METRIC_KINDS, UNITS } from './metrics.ts';

/** Pattern of ids (metrics, exclusions, scorecards, vetoes, adjustments). */
export const ID_PATTERN = '^[a-z][a-z0-9_-]*$';

/**
 * JSON Schema (2020-12) of a condition as the schema stage checks it: an object. Its content is
 * checked by the meaning stage, which knows the facts and operators and reports with positions.
 */
export const CONDITION_SCHEMA = {
  type: 'object',
  description:
    'json-rules-engine 条件:{all: [...]}、{any: [...]}、{not: {...}} 或 {fact, operator, value, path?}。A json-rules-engine condition.',
} as const;

const ratioSide = {
  type: 'object',
  required: ['table'],
  additionalProperties: false,
  properties: {
    // Like a metric's own table, checked by the meaning stage: a custom table (`x_…`) is known only from a source.
    table: { type: 'string', description: '计数的表 / table counted' },
    where: { $ref: '#/$defs/condition' },
  },
} as const;

/** JSON Schema (2020-12) of one metric definition, shared by the catalog and policies. */
export const METRIC_DEFINITION_SCHEMA = {
  type: 'object',
  required: ['id', 'title', 'kind', 'better'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: ID_PATTERN, description: '指标 id / metric id' },
    title: { type: 'string', minLength: 1, description: '中文名称 / display name' },
    title_en: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    description_en: { type: 'string' },
    kind: { type: 'string', enum: [...METRIC_KINDS], description: '计算方式 / how the value is computed' },
    better: { type: 'string', enum: ['higher', 'lower'], description: '越高越好 higher / 越低越好 lower' },
    unit: { type: 'string', enum: [...UNITS] },
    table: { type: 'string', description: '数据表 / table the metric is computed over' },
    field: { type: 'string', description: '取值字段 / field whose values are aggregated' },
    where: { $ref: '#/$defs/condition' },
    numerator: ratioSide,
    denominator: ratioSide,
  },
} as const;

/** JSON Schema (2020-12) of `configs/catalog/metrics.yaml`. */
export const CATALOG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://scorebook.dev/schema/catalog.schema.json',
  title: 'Scorebook metric catalog',
  type: 'object',
  required: ['scorebook_catalog', 'metrics'],
  additionalProperties: false,
  properties: {
    scorebook_catalog: { const: 1 },
    metrics: { type: 'array', items: { $ref: '#/$defs/metric' } },
  },
  $defs: { metric: METRIC_DEFINITION_SCHEMA, condition: CONDITION_SCHEMA },
} as const;
