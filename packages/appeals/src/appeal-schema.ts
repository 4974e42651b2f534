// The JSON Schema of an appeal file (`docs/appeals.md`), published for editors as
// configs/schema/appeal.schema.json, and the type of the documents it admits.

const text = { type: 'string', minLength: 1 } as const;
const record = {
  type: 'string',
  minLength: 1,
  description: '记录:<表>/<唯一编号>,例如 complaints/p00012 / a record: <table>/<unique id>',
} as const;
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const TIMESTAMP = '^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?$';

/** The outcomes of a decision. */
export const OUTCOMES = ['upheld', 'partly_upheld', 'rejected'] as const;

/** The schema of one appeal file (JSON Schema 2020-12). */
export const APPEAL_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://scorebook.dev/schema/appeal.schema.json',
  title: 'Scorebook appeal (申诉)',
  description: '一条申诉及其裁决;文件名即申诉编号 / one appeal and its decision; the file name is its id',
  type: 'object',
  additionalProperties: false,
  required: ['scorebook', 'kind', 'agent', 'filed_at', 'disputes', 'claim'],
  properties: {
    scorebook: { const: 1, description: '格式版本 / format version' },
    kind: { const: 'appeal' },
    agent: { ...text, description: '申诉的客服 agent_id / the appealing agent' },
    filed_at: {
      type: 'string',
      pattern: TIMESTAMP,
      description: '提交时间(ISO 8601;无时区时按策略时区)/ when it was filed',
    },
    disputes: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      description: '申诉对象:record、metric 或 veto 之一 / exactly one of record, metric, veto',
      properties: {
        record,
        metric: { ...text, description: '考核表中的指标编号 / a metric of the scorecard' },
        veto: { ...text, description: '考核表中的一票否决编号 / a veto of the scorecard' },
      },
    },
    claim: { ...text, description: '客服的申诉理由 / the agent’s claim' },
    filed: {
      ...text,
      description:
        '申诉登记表 appeals_filed 中的申诉单号(可选)/ the appeal_id of the appeals_filed row this file decides (optional)',
    },
    decision: {
      type: 'object',
      additionalProperties: false,
      required: ['outcome', 'decided_by', 'decided_at', 'reason'],
      description: '裁决;待裁决时省略 / the decision; absent while pending',
      properties: {
        outcome: { enum: [...OUTCOMES], description: 'upheld 支持 / partly_upheld 部分支持 / rejected 驳回' },
        decided_by: { ...text, description: '裁决人 / who decided' },
        decided_at: { type: 'string', pattern: DATE, description: '裁决日期 YYYY-MM-DD / date decided' },
        reason: { ...text, description: '裁决理由 / why' },
        final: {
          type: 'boolean',
          description: '是否终局(默认按策略,策略默认 true)/ final (default: the policy’s)',
        },
        actions: {
          type: 'array',
          description: '裁决对数据的改动 / what the decision changes',
          items: {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            properties: {
              remove: record,
              correct: {
                type: 'object',
                additionalProperties: false,
                required: ['record', 'field', 'value'],
                properties: {
                  record,
                  field: { ...text, description: '字段名 / the field' },
                  value: {
                    type: ['string', 'number', 'boolean', 'null'],
                    description: '更正后的值(null 表示缺失)/ the corrected value (null: missing)',
                  },
                },
              },
              reassign: {
                type: 'object',
                additionalProperties: false,
                required: ['record', 'to'],
                properties: {
                  record,
                  to: { ...text, description: '改记到的客服 / the agent it belongs to' },
                },
              },
              void_metric: {
                ...text,
                description: '不计入基础分的指标 / a metric left out of the base score',
              },
              void_veto: { ...text, description: '不生效的一票否决 / a veto that does not cap the grade' },
            },
          },
        },
      },
    },
  },
} as const;

/** A record action's target in the file: `<table>/<id>`. */
type RecordText = string;

/** One action as written (the schema admits several keys; the meaning stage requires one). */
export interface ActionDocument {
  remove?: RecordText;
  correct?: { record: RecordText; field: string; value: string | number | boolean | null };
  reassign?: { record: RecordText; to: string };
  void_metric?: string;
  void_veto?: string;
}

/** A decision as written. */
export interface DecisionDocument {
  outcome: (typeof OUTCOMES)[number];
  decided_by: string;
  decided_at: string;
  reason: string;
  final?: boolean;
  actions?: ActionDocument[];
}

/** An appeal file as the schema admits it. */
export interface AppealDocument {
  scorebook: 1;
  kind: 'appeal';
  agent: string;
  filed_at: string;
  disputes: { record?: RecordText; metric?: string; veto?: string };
  claim: string;
  filed?: string;
  decision?: DecisionDocument;
}
