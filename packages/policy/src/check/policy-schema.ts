import { CONDITION_SCHEMA, ID_PATTERN, METRIC_DEFINITION_SCHEMA } from '@scorebook/contract/schemas';

import { APPEAL_RULES_SCHEMA } from './appeals-check.ts';
import { PERIOD_RULES_SCHEMA } from './periods-check.ts';

/**
 * A policy's own metric: a catalog definition, or (policy format 2) a `formula` computed from
 * other metrics (`docs/formulas.md`) or a `rating` over the ratings people gave
 * (`docs/ratings.md`), whose keys the meaning stage checks.
 */
const POLICY_METRIC_SCHEMA = {
  ...METRIC_DEFINITION_SCHEMA,
  properties: {
    ...METRIC_DEFINITION_SCHEMA.properties,
    kind: {
      ...METRIC_DEFINITION_SCHEMA.properties.kind,
      enum: [...METRIC_DEFINITION_SCHEMA.properties.kind.enum, 'formula', 'rating'],
    },
    formula: {
      type: 'string',
      minLength: 1,
      description: '计算公式(kind: formula,格式 2)/ the formula of a formula metric (format 2)',
    },
    dimension: {
      type: ['string', 'array'],
      minLength: 1,
      items: { type: 'string', minLength: 1 },
      minItems: 1,
      description:
        '计入的评分维度,一个或一组(kind: rating)/ the rating dimension or dimensions counted (kind: rating)',
    },
    roles: {
      type: 'object',
      additionalProperties: { type: 'number' },
      description:
        '评分人角色及其权重,如 { supervisor: 0.6, peer: 0.4 }(kind: rating)/ the weight of each rater role',
    },
    min_raters: {
      type: 'integer',
      description: '至少需要的不同评分人数(默认 1,kind: rating)/ the fewest distinct raters (default 1)',
    },
    include_self: {
      type: 'boolean',
      description: '是否计入自评(默认 false,kind: rating)/ whether self ratings count (default false)',
    },
  },
} as const;

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const text = { type: 'string', minLength: 1 } as const;
const quantity = {
  type: ['number', 'string'],
  description: '数值,或带单位的数量:95%、0.5%、20s、2m、1.5h / a number or a quantity with a unit',
} as const;
const goal = {
  type: ['number', 'string', 'array'],
  items: quantity,
  minItems: 2,
  maxItems: 2,
  description: '数量;method: range(v2)时为 [下限, 上限] / a quantity; with method: range (v2), [low, high]',
} as const;
const day = {
  type: 'array',
  items: { type: 'string' },
  description: '营业时间段 "HH:MM-HH:MM" / opening intervals',
} as const;

/**
 * A policy version that matches {@link POLICY_SCHEMA}, as far as the meaning stage reads it
 * typed: the top-level keys (their inner parts are checked by the meaning stage, which guards
 * every type itself). What the validator's declaration promises; change the two together.
 */
export interface PolicyDocument {
  scorebook: 1 | 2;
  id: string;
  version: string | number;
  effective_from: string;
  title: string;
  title_en?: string;
  description?: string;
  timezone: string;
  currency?: string;
  business_hours?: unknown;
  exclusions?: unknown[];
  metrics?: unknown[];
  grades: unknown[];
  scorecards: Record<string, unknown>;
  appeals?: unknown;
  periods?: unknown;
}

/**
 * The JSON Schema (2020-12) of a policy version: the shape of `docs/contract/policy-format.md`. Meaning-level
 * rules (references, weights, orders of targets) are checked after it, with positions.
 * Published as `configs/schema/policy.schema.json` for editors.
 */
export const POLICY_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://scorebook.dev/schema/policy.schema.json',
  title: 'Scorebook policy version (考核策略版本)',
  type: 'object',
  required: ['scorebook', 'id', 'version', 'effective_from', 'title', 'timezone', 'grades', 'scorecards'],
  additionalProperties: false,
  properties: {
    scorebook: {
      enum: [1, 2],
      description:
        '格式版本:1,或使用考核维度等 v2 功能时为 2 / format version: 1, or 2 for the v2 features (groups, …)',
    },
    id: {
      type: 'string',
      pattern: ID_PATTERN,
      description: '策略 id,与文件夹同名 / policy id, equals the folder name',
    },
    version: {
      type: ['string', 'number'],
      minLength: 1,
      description: '版本号,加引号,例如 "2026.10" / version label, quoted',
    },
    effective_from: {
      type: 'string',
      pattern: DATE_PATTERN,
      description: '生效日期 YYYY-MM-DD / effective date',
    },
    title: { ...text, description: '策略名称 / display name' },
    title_en: text,
    description: { type: 'string', description: '说明(Markdown)/ description in Markdown' },
    timezone: { type: 'string', description: 'IANA 时区,例如 Asia/Shanghai / IANA timezone' },
    currency: {
      type: 'string',
      pattern: '^[A-Z]{3}$',
      description:
        '金额的币种(v2),ISO 4217 代码,例如 CNY;报告网站按它显示奖金 / the currency of amounts (v2), an ISO 4217 code such as CNY; the site shows bonuses in it',
    },
    business_hours: {
      type: 'object',
      additionalProperties: false,
      description:
        '营业时间:响应时长只计营业时间内 / business hours: response times count only time inside them',
      properties: {
        mon: day,
        tue: day,
        wed: day,
        thu: day,
        fri: day,
        sat: day,
        sun: day,
        holidays: {
          type: 'array',
          items: { type: 'string', pattern: DATE_PATTERN },
          description: '休息日 / closed dates',
        },
      },
    },
    exclusions: {
      type: 'array',
      description: '剔除规则:客服无法控制的记录不计入考核 / exclusions of what an agent cannot control',
      items: {
        type: 'object',
        required: ['id', 'table', 'reason', 'when'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: ID_PATTERN },
          table: { type: 'string' },
          reason: text,
          reason_en: text,
          when: { $ref: '#/$defs/condition' },
        },
      },
    },
    appeals: APPEAL_RULES_SCHEMA,
    periods: PERIOD_RULES_SCHEMA,
    metrics: {
      type: 'array',
      items: { $ref: '#/$defs/metric' },
      description: '策略自定义指标 / the policy\u2019s own metrics',
    },
    grades: {
      type: 'array',
      minItems: 1,
      description: '等级,从高到低,最后一级 min_score 为 0 / grades, best first, the last with min_score 0',
      items: {
        type: 'object',
        required: ['grade', 'min_score'],
        additionalProperties: false,
        properties: {
          grade: text,
          min_score: { type: 'number', minimum: 0, maximum: 100 },
          label: { type: 'string' },
          label_en: { type: 'string' },
        },
      },
    },
    scorecards: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: ID_PATTERN },
      additionalProperties: { $ref: '#/$defs/scorecard' },
      description: '考核表:按岗位 / scorecards by role',
    },
  },
  $defs: {
    condition: CONDITION_SCHEMA,
    metric: POLICY_METRIC_SCHEMA,
    scorecard: {
      type: 'object',
      required: ['title', 'roles'],
      additionalProperties: false,
      properties: {
        title: text,
        title_en: text,
        roles: {
          type: 'array',
          minItems: 1,
          items: text,
          description: '适用岗位 / roles rated by this scorecard',
        },
        eligibility: {
          type: 'object',
          required: ['when', 'reason'],
          additionalProperties: false,
          properties: { when: { $ref: '#/$defs/condition' }, reason: text, reason_en: text },
        },
        scored: {
          type: 'array',
          minItems: 1,
          items: { $ref: '#/$defs/scored' },
          description:
            '考核指标,权重合计 100(或改用 groups)/ scored metrics, weights add up to 100 (or use groups)',
        },
        groups: {
          type: 'array',
          minItems: 1,
          items: { $ref: '#/$defs/group' },
          description:
            '考核维度(v2):各维度权重合计 100,维度内指标权重合计 100 / groups (v2): group weights add up to 100, and the weights inside each group',
        },
        adjustments: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'metric', 'points_each'],
            additionalProperties: false,
            properties: {
              id: { type: 'string', pattern: ID_PATTERN },
              metric: text,
              points_each: { type: 'number' },
              min: { type: 'number' },
              max: { type: 'number' },
            },
          },
        },
        flags: {
          type: 'array',
          description:
            '需关注标记(v2):条件成立时标记客服,不影响等级 / flags (v2): mark the agent, the grade is not touched',
          items: {
            type: 'object',
            required: ['id', 'label', 'when'],
            additionalProperties: false,
            properties: {
              id: { type: 'string', pattern: ID_PATTERN },
              label: { ...text, description: '标记的说明,例如 响应快但解决率低 / what the flag says' },
              label_en: text,
              when: { $ref: '#/$defs/condition' },
            },
          },
        },
        distribution: {
          type: 'object',
          required: ['grades'],
          additionalProperties: false,
          description:
            '强制分布(v2):在分数与一票否决之后按排名限制各等级的比例 / forced distribution (v2): grade shares applied by rank after the thresholds and vetoes',
          properties: {
            tie_breakers: {
              type: 'array',
              items: text,
              description: '总分相同时依次比较的指标 / metrics that order equal totals',
            },
            grades: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                required: ['grade'],
                additionalProperties: false,
                properties: {
                  grade: text,
                  max_share: { ...quantity, description: '该等级最多占比,例如 10% / at most this share' },
                  min_share: { ...quantity, description: '该等级最少占比,例如 5% / at least this share' },
                },
              },
            },
          },
        },
        rewards: {
          type: 'object',
          required: ['coefficients'],
          additionalProperties: false,
          description: '绩效系数与奖金(v2)/ performance coefficients and bonus (v2)',
          properties: {
            coefficients: {
              type: 'object',
              additionalProperties: { type: 'number', minimum: 0 },
              description:
                '等级 → 绩效系数,每个等级都要写,例如 { S: 1.5, A: 1.2 } / grade → coefficient, every grade',
            },
            not_rated: {
              type: 'number',
              minimum: 0,
              description:
                '未参评客服的系数;不写则没有奖金 / the coefficient of agents not rated; none when left out',
            },
            base: {
              type: ['number', 'object'],
              minimum: 0,
              required: ['field'],
              additionalProperties: false,
              properties: {
                field: {
                  ...text,
                  description: '客服表中的奖金基数列 / the agents table\u2019s field of the base',
                },
                default: {
                  type: 'number',
                  minimum: 0,
                  description: '该列为空时的基数 / the base when the field is empty',
                },
              },
              description:
                '奖金基数:一个金额,或 { field: 客服表的列 } / the bonus base: an amount, or { field: an agents field }',
            },
          },
        },
        awards: {
          type: 'array',
          description: '奖项(v2):按指标排名前 N 名,并列同得 / awards (v2): the top N by a metric, ties share',
          items: {
            type: 'object',
            required: ['id', 'title', 'metric', 'top'],
            additionalProperties: false,
            properties: {
              id: { type: 'string', pattern: ID_PATTERN },
              title: { ...text, description: '奖项名称,例如 满意度之星 / the award\u2019s name' },
              title_en: text,
              metric: text,
              top: { type: 'integer', minimum: 1, description: '前几名 / how many places' },
              amount: {
                type: 'number',
                minimum: 0,
                description: '每位获奖者的奖金 / what each winner receives',
              },
              min_sample: { type: 'integer', minimum: 0 },
            },
          },
        },
        vetoes: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'reason', 'when', 'cap_grade'],
            additionalProperties: false,
            properties: {
              id: { type: 'string', pattern: ID_PATTERN },
              reason: text,
              reason_en: text,
              when: { $ref: '#/$defs/condition' },
              cap_grade: text,
            },
          },
        },
      },
    },
    group: {
      type: 'object',
      required: ['id', 'title', 'weight', 'scored'],
      additionalProperties: false,
      properties: {
        id: { type: 'string', pattern: ID_PATTERN },
        title: { ...text, description: '维度名称,例如 服务效率 / the group\u2019s name' },
        title_en: text,
        weight: {
          type: 'number',
          exclusiveMinimum: 0,
          description:
            '维度权重,一张考核表合计 100 / the group\u2019s weight; a scorecard\u2019s add up to 100',
        },
        scored: {
          type: 'array',
          minItems: 1,
          items: { $ref: '#/$defs/scored' },
          description: '维度内的考核指标,权重合计 100 / the group\u2019s metrics, weights add up to 100',
        },
      },
    },
    scored: {
      type: 'object',
      required: ['metric', 'weight'],
      additionalProperties: false,
      properties: {
        metric: text,
        weight: {
          type: 'number',
          exclusiveMinimum: 0,
          description: '权重,一张考核表合计 100 / weight; a scorecard\u2019s add up to 100',
        },
        method: { type: 'string', enum: ['linear', 'bands', 'range'] },
        target: goal,
        floor: goal,
        min_sample: { type: 'integer', minimum: 0 },
        quota: {
          type: 'boolean',
          description:
            '个人目标(v2):有 targets 表行的客服按自己的目标和底线计分,其他人按本项的 / per-agent targets (v2): an agent with a row of the targets table is scored by its own target and floor, others by this item\u2019s',
        },
        segments: {
          type: 'object',
          required: ['field', 'targets'],
          additionalProperties: false,
          description:
            '分段目标(v2):按字段的取值分段计算并计分,按样本量加权 / segmented targets (v2): computed and scored per value of a field, weighted by sample',
          properties: {
            field: { ...text, description: '分段的字段,例如 channel / the field of the segments' },
            targets: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                required: ['value', 'target', 'floor'],
                additionalProperties: false,
                properties: {
                  value: { type: ['string', 'number', 'boolean'], description: '字段取值 / the field value' },
                  title: text,
                  target: goal,
                  floor: goal,
                },
              },
            },
          },
        },
        bands: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['score'],
            additionalProperties: false,
            properties: {
              at_least: quantity,
              at_most: quantity,
              score: { type: 'number', minimum: 0, maximum: 100 },
            },
          },
        },
      },
    },
  },
} as const;
