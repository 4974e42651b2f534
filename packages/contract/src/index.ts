export { builtinCatalog } from './catalog.ts';
export { CATALOG_SCHEMA, CONDITION_SCHEMA, ID_PATTERN, METRIC_DEFINITION_SCHEMA } from './metric-schema.ts';
export {
  type Better,
  inferUnit,
  KINDS_WITH_FIELD,
  METRIC_KINDS,
  type MetricDefinition,
  type MetricKind,
  type RatioSide,
  UNITS,
  type Unit,
} from './metrics.ts';
export { readCatalog, toDefinition } from './read-catalog.ts';
export type {
  AgentExplanation,
  AgentResult,
  Evidence,
  InputProvenance,
  Manifest,
  MetricResult,
  MetricStatus,
  PolicyLine,
  RecordRef,
  RejectedCause,
  RejectedRow,
  Results,
  SourceProvenance,
} from './results.ts';
export {
  DERIVED_CONVERSATION_FIELDS,
  DERIVED_INPUTS,
  type FieldSpec,
  type FieldType,
  INPUT_TABLES,
  type InputTableName,
  isExcludableTable,
  isMeasuredTable,
  MEASURED_TABLES,
  type MeasuredTableName,
  measuredFields,
  RESPONSES_FIELDS,
  TABLES,
  type TableSpec,
  timeFieldOf,
} from './tables.ts';
