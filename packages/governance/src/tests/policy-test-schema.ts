import { INPUT_TABLES } from '@scorebook/contract';

/** What a test expects of one agent; `agent` and at least one more key. */
export interface AgentExpectation {
  agent: string;
  status?: 'rated' | 'not_rated';
  grade?: string | null;
  rank?: number | null;
  vetoes?: string[];
  adjustments?: Record<string, number>;
  excluded?: Record<string, number>;
  metrics?: Record<string, number | null>;
  metric_status?: Record<string, string>;
  scores?: Record<string, number | null>;
  segment_scores?: Record<string, Record<string, number | null>>;
  base_score?: number | null;
  total_score?: number | null;
  groups?: Record<string, number | null>;
  flags?: string[];
  grade_by_score?: string | null;
  awards?: string[];
  reward?: {
    coefficient?: number | null;
    base?: number | null;
    bonus?: number | null;
    total?: number | null;
  };
}

/** One case of a policy test file, as the schema admits it. */
export interface TestCase {
  name: string;
  period?: string | number;
  version?: string;
  data: string | Record<string, string | Array<Record<string, unknown>>>;
  /** An appeals folder (`<folder>/<period>/*.yaml`), relative to the test file. */
  appeals?: string;
  expect: AgentExpectation[];
}

/**
 * A policy test file that matches {@link POLICY_TEST_SCHEMA}: what its validator's declaration
 * promises. Change the two together.
 */
export interface TestFile {
  period?: string | number;
  version?: string;
  tests: TestCase[];
}

const text = { type: 'string', minLength: 1 } as const;
const nullableNumber = { type: ['number', 'null'] } as const;
const period = {
  type: ['string', 'integer'],
  pattern: '^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$',
  description: '期间:2026-10、2026-Q4 或 2026 / a month, a quarter or a year',
} as const;
const version = {
  type: 'string',
  minLength: 1,
  description: '测试针对的策略版本(加引号),例如 "2026.11" / the policy version the test targets, quoted',
} as const;
const byId = (value: object, description: string) =>
  ({ type: 'object', additionalProperties: value, description }) as const;

/** What a test expects of one agent: `agent` and at least one other key. */
const EXPECTATION = {
  type: 'object',
  required: ['agent'],
  additionalProperties: false,
  properties: {
    agent: { ...text, description: '客服编号 agent_id / the agent' },
    status: { enum: ['rated', 'not_rated'] },
    grade: { type: ['string', 'null'], description: '等级,未参评为 null / the grade, null when not rated' },
    rank: { type: ['integer', 'null'] },
    vetoes: {
      type: 'array',
      items: text,
      description: '成立的否决项 id(顺序无关)/ vetoes that hold, any order',
    },
    adjustments: byId({ type: 'number' }, '加减分 id → 分数 / adjustment id → points'),
    excluded: byId({ type: 'integer', minimum: 0 }, '剔除规则 id → 条数 / exclusion id → rows'),
    metrics: byId(nullableNumber, '指标 id → 值 / metric id → value'),
    metric_status: byId(
      { enum: ['scored', 'insufficient', 'no_data', 'info'] },
      '指标 id → 状态 / metric id → status',
    ),
    scores: byId(
      nullableNumber,
      '指标 id → 得分(0–100,未计分为 null)/ metric id → score (null when not scored)',
    ),
    segment_scores: byId(
      byId(nullableNumber, '分段取值 → 得分 / segment value → score'),
      '指标 id → 各分段得分(分段目标,格式 2)/ metric id → each segment’s score (segmented targets, format 2)',
    ),
    base_score: nullableNumber,
    total_score: nullableNumber,
    groups: byId(nullableNumber, '考核维度 id → 维度分(格式 2)/ group id → subtotal (format 2)'),
    grade_by_score: {
      type: ['string', 'null'],
      description:
        '强制分布之前按分数与一票否决得到的等级(格式 2)/ the grade before a forced distribution (format 2)',
    },
    awards: {
      type: 'array',
      items: text,
      description: '获得的奖项 id(顺序无关,格式 2)/ awards won, any order (format 2)',
    },
    reward: {
      type: 'object',
      additionalProperties: false,
      properties: {
        coefficient: nullableNumber,
        base: nullableNumber,
        bonus: nullableNumber,
        total: nullableNumber,
      },
      description: '绩效系数、基数、奖金、合计(格式 2)/ coefficient, base, bonus, total (format 2)',
    },
    flags: {
      type: 'array',
      items: text,
      description: '成立的需关注标记 id(顺序无关,格式 2)/ flags that hold, any order (format 2)',
    },
  },
} as const;

/** Inline data: a table as CSV text, or as a list of rows (JSON Lines). */
const INLINE_TABLE = {
  anyOf: [
    { type: 'string', description: 'CSV 文本,首行为表头 / CSV text with a header row' },
    { type: 'array', items: { type: 'object' }, description: '行的列表 / a list of rows' },
  ],
} as const;

/**
 * The JSON Schema (2020-12) of a policy test file, `<policy>/tests/*.yaml`. Published as
 * `configs/schema/policy-test.schema.json` for editors; typo keys are errors.
 */
export const POLICY_TEST_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://scorebook.dev/schema/policy-test.schema.json',
  title: 'Scorebook policy tests (策略测试)',
  type: 'object',
  required: ['tests'],
  additionalProperties: false,
  properties: {
    period: { ...period, description: '本文件各测试默认的期间 / the period of every test that names none' },
    version: {
      ...version,
      description: '本文件各测试默认针对的版本 / the version every test targets unless it names one',
    },
    tests: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'data', 'expect'],
        additionalProperties: false,
        properties: {
          name: text,
          period,
          version,
          data: {
            anyOf: [
              { ...text, description: '数据文件夹,相对于本文件 / a data folder, relative to this file' },
              {
                type: 'object',
                additionalProperties: false,
                properties: Object.fromEntries(INPUT_TABLES.map((t) => [t, INLINE_TABLE])),
                description: '内联数据:表名 → CSV 文本或行列表 / inline tables',
              },
            ],
          },
          appeals: {
            ...text,
            description:
              '申诉文件夹(<文件夹>/<期间>/*.yaml),相对于本文件 / an appeals folder (<folder>/<period>/*.yaml), relative to this file',
          },
          expect: { type: 'array', minItems: 1, items: EXPECTATION },
        },
      },
    },
  },
} as const;
