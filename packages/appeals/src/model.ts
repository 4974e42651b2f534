import type { InputTableName } from '@scorebook/contract';
import type { OUTCOMES } from './appeal-schema.ts';

/** The tables whose records an appeal can name: those with a unique id, but `agents`. */
export const RECORD_TABLES = ['conversations', 'surveys', 'complaints', 'qa_reviews', 'orders'] as const;

/** A table whose records an appeal can name. */
export type RecordTable = (typeof RECORD_TABLES)[number] & InputTableName;

/** A decision's outcome. */
export type Outcome = (typeof OUTCOMES)[number];

/** Where a key of an appeal file is: the place problems about it point at. */
export interface Place {
  file: string;
  line: number;
  column: number;
  /** Dotted JSON path in the file (`decision.actions[0].correct.record`). */
  path: string;
}

/** A record of an input table named by its unique id (`complaints/p00012`). */
export interface RecordName {
  table: RecordTable;
  id: string;
}

/** What an appeal disputes: one record, a metric of the scorecard, or a veto. */
export type AppealTarget =
  | { kind: 'record'; record: RecordName }
  | { kind: 'metric'; metric: string }
  | { kind: 'veto'; veto: string };

/** One change a decision makes, with where it was written. */
export type AppealAction =
  | { kind: 'remove'; record: RecordName; at: Place }
  | {
      kind: 'correct';
      record: RecordName;
      field: string;
      value: string | number | boolean | null;
      at: Place;
      /** Where the field and the value are written. */
      fieldAt: Place;
      valueAt: Place;
    }
  | { kind: 'reassign'; record: RecordName; to: string; at: Place; toAt: Place }
  | { kind: 'void_metric'; metric: string; at: Place }
  | { kind: 'void_veto'; veto: string; at: Place };

/** A decision on an appeal. */
export interface Decision {
  outcome: Outcome;
  decided_by: string;
  /** `YYYY-MM-DD`. */
  decided_at: string;
  reason: string;
  /** As written; null when the file leaves it to the policy (final by default). */
  final: boolean | null;
  /**
   * The actions to apply: as written, or the default of an `upheld` decision without actions
   * (remove the record, void the metric, void the veto disputed). Empty for `rejected`.
   */
  actions: AppealAction[];
  at: Place;
}

/** One appeal file, validated. */
export interface Appeal {
  /** The file name without `.yaml`. */
  id: string;
  /** The period folder it is in. */
  period: string;
  /** The file as given to the loader (problems name it). */
  file: string;
  /** `<period>/<id>.yaml`: how results name the file. */
  name: string;
  sha256: string;
  agent: string;
  agentAt: Place;
  /** As written (ISO 8601); read in the policy's timezone when it has no offset. */
  filed_at: string;
  filedAt: Place;
  disputes: AppealTarget;
  disputesAt: Place;
  claim: string;
  /** The `appeal_id` of the `appeals_filed` row this file decides, with where it is written; null when not given. */
  filed: { id: string; at: Place } | null;
  /** Null while the appeal is pending. */
  decision: Decision | null;
}

/** The appeals of one period, in file-name order, and every problem found reading them. */
export interface PeriodAppeals {
  period: string;
  appeals: Appeal[];
  /** Every file read (also those with problems), in file-name order. */
  files: Array<{ name: string; sha256: string }>;
}

/** `<table>/<id>` of a record name. */
export function recordText(record: RecordName): string {
  return `${record.table}/${record.id}`;
}
