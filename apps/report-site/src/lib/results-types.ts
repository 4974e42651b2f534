// The shape of the files the site reads: results.json and explanations.json as
// `scorebook evaluate` writes them (see the spec's results-format). The site never imports the
// engine; these types describe its output.

/** One metric of one agent. */
export interface MetricResult {
  value: number | null;
  sample: number;
  score: number | null;
  weight: number | null;
  status: 'scored' | 'insufficient' | 'no_data' | 'info';
}

/** One agent of results.json. */
export interface AgentResult {
  agent_id: string;
  name: string;
  team: string;
  role: string;
  employment_status: string;
  scorecard: string | null;
  status: 'rated' | 'not_rated';
  reason: string | null;
  reason_code: string | null;
  metrics: Record<string, MetricResult>;
  excluded: Record<string, number>;
  base_score: number | null;
  adjustments: Record<string, number>;
  total_score: number | null;
  vetoes: string[];
  grade: string | null;
  rank: number | null;
  worst_metrics: string[];
}

/** One input table's provenance. */
export interface InputProvenance {
  sha256: string | null;
  rows: number;
  rejected: number;
  excluded: Record<string, number>;
  files: Array<{ path: string; sha256: string; rows: number }>;
}

/** results.json. */
export interface Results {
  scorebook: 1;
  period: { id: string; kind: string; start: string; end: string; timezone: string };
  policy: { id: string; version: string; effective_from: string; file: string; sha256: string };
  inputs: Record<string, InputProvenance>;
  engine: { version: string };
  summary: {
    agents: number;
    rated: number;
    not_rated: number;
    grades: Record<string, number>;
    rejected_rows: number;
  };
  agents: AgentResult[];
}

/** A record shown as evidence. */
export interface RecordRef {
  table: string;
  file: string | null;
  line: number | null;
  fields: Record<string, unknown>;
}

/** A condition evaluated for an agent, with the fact values that decided it. */
export type ConditionTrace =
  | { kind: 'all' | 'any'; result: boolean; conditions: ConditionTrace[] }
  | { kind: 'not'; result: boolean; condition: ConditionTrace }
  | {
      kind: 'fact';
      result: boolean;
      fact: string;
      path?: string;
      operator: string;
      value: unknown;
      factValue: unknown;
    };

/** Where a rule was written in the policy. */
export interface PolicyLine {
  file: string;
  line: number;
  path: string;
}

/** One agent of explanations.json. */
export interface AgentExplanation {
  agent_id: string;
  scorecard: string | null;
  scorecard_source: PolicyLine | null;
  metrics: Record<
    string,
    { source: PolicyLine; evidence: { role: 'against' | 'counted'; total: number; records: RecordRef[] } }
  >;
  excluded: Array<{ exclusion: string; source: PolicyLine; record: RecordRef }>;
  eligibility: { holds: boolean; reason: string; source: PolicyLine; condition: ConditionTrace } | null;
  vetoes: Array<{
    id: string;
    holds: boolean;
    reason: string;
    cap_grade: string;
    source: PolicyLine;
    condition: ConditionTrace;
  }>;
  grade_before_vetoes: string | null;
}

/** The publication manifest written by `scorebook publish` beside published results. */
export interface Manifest {
  scorebook: 1;
  period: string;
  status: 'closed';
  published_at_commit: string | null;
  policy: { id: string; version: string; file: string; sha256: string; git_commit: string | null };
  data_dir: string;
  inputs: Record<string, string | null>;
  engine: { version: string };
  files: Record<string, string>;
  command: string;
  /** Set when this publication replaced an earlier one, kept in `superseded/<n>/`. */
  supersedes: { publication: string; reason: string } | null;
}
