import type { Bilingual } from '@scorebook/problems';

/** A row left out of the evaluation, with where it is and why (`data-contract.md`, bad input). */
export interface RejectedRow {
  table: string;
  file: string;
  line: number;
  /** The field at fault, or null for the row as a whole (a line that is not JSON). */
  field: string | null;
  code: RejectionCode;
  message: Bilingual;
}

/** Permanent codes of rejected rows. */
export type RejectionCode =
  | 'MISSING_FIELD'
  | 'BAD_VALUE'
  | 'OUT_OF_RANGE'
  | 'UNKNOWN_AGENT'
  | 'UNKNOWN_CONVERSATION'
  | 'DUPLICATE_ID'
  | 'BAD_JSON'
  | 'FIELD_COUNT';

/** A problem that stops a run: a file that cannot be read, a policy error, too many rejected rows. */
export interface RunProblem {
  code: string;
  file: string | null;
  line: number | null;
  column?: number;
  message: Bilingual;
}

/** Thrown when a run cannot go on; carries every problem found. Nothing has been written. */
export class EvaluationError extends Error {
  readonly problems: RunProblem[];
  readonly rejected: RejectedRow[];

  constructor(problems: RunProblem[], rejected: RejectedRow[] = []) {
    super(problems.map((p) => p.message.en).join('\n'));
    this.name = 'EvaluationError';
    this.problems = problems;
    this.rejected = rejected;
  }
}

/** The message of a rejected row, in both languages. */
export function rejectionMessage(code: RejectionCode, detail: Record<string, string>): Bilingual {
  const f = detail.field ?? '';
  const v = detail.value ?? '';
  switch (code) {
    case 'MISSING_FIELD':
      return {
        zh: `缺少必填字段 ${f}${detail.why ? `(${detail.why})` : ''}`,
        en: `required field ${f} is missing${detail.whyEn ? ` (${detail.whyEn})` : ''}`,
      };
    case 'BAD_VALUE':
      return {
        zh: `字段 ${f} 的值 "${v}" 不是有效的${detail.typeZh}`,
        en: `field ${f}: "${v}" is not a valid ${detail.type}`,
      };
    case 'OUT_OF_RANGE':
      return {
        zh: `字段 ${f} 的值 ${v} 超出范围 ${detail.range}`,
        en: `field ${f}: ${v} is outside ${detail.range}`,
      };
    case 'UNKNOWN_AGENT':
      return { zh: `${f} "${v}" 不在 agents 表中`, en: `${f} "${v}" is not in the agents table` };
    case 'UNKNOWN_CONVERSATION':
      return {
        zh: `conversation_id "${v}" 不在已接受的 conversations 行中`,
        en: `conversation_id "${v}" is not among the accepted conversations`,
      };
    case 'DUPLICATE_ID':
      return {
        zh: `${f} "${v}" 重复(首次出现在第 ${detail.first} 行),保留先出现的行`,
        en: `${f} "${v}" is a duplicate (first on line ${detail.first}); the earlier row is kept`,
      };
    case 'BAD_JSON':
      return {
        zh: `这一行不是有效的 JSON 对象:${detail.reason}`,
        en: `the line is not a valid JSON object: ${detail.reason}`,
      };
    case 'FIELD_COUNT':
      return {
        zh: `这一行有 ${v} 个字段,表头有 ${detail.expected} 个`,
        en: `the row has ${v} fields, the header has ${detail.expected}`,
      };
  }
}
