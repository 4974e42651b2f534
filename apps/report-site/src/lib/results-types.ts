// The files the site reads are described once, in the contract package (results.json,
// explanations.json, manifest.json); the site never imports the engine that writes them.
export type { ConditionTrace } from '@scorebook/conditions';
export type {
  AgentExplanation,
  AgentResult,
  InputProvenance,
  Manifest,
  MetricResult,
  PolicyLine,
  RecordRef,
  Results,
} from '@scorebook/contract';
