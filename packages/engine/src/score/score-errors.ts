import { defineCatalogue } from '@scorebook/problems';

const q = (v: string) => `"${v}"`;

/** Problems of the score stage that stop an evaluation. Codes are permanent; messages say what to do. */
export const SCORE_ERRORS = defineCatalogue({
  BONUS_BASE_NOT_A_NUMBER: {
    zh: (p: { agent: string; field: string; value: string }) =>
      `客服 ${p.agent} 的奖金基数 ${p.field} 是 ${q(p.value)},不是数值。请在客服表中写数字(例如 3000),或在 source.yaml 中把这一列声明为 type: number。`,
    en: (p: { agent: string; field: string; value: string }) =>
      `The bonus base ${p.field} of agent ${p.agent} is ${q(p.value)}, not a number. Write a number in the agents table (such as 3000), or declare the column as type: number in source.yaml.`,
  },
  BONUS_BASE_NEGATIVE: {
    zh: (p: { agent: string; field: string; value: string }) =>
      `客服 ${p.agent} 的奖金基数 ${p.field} 是 ${p.value},是负数,会算出负的奖金。请在客服表中改正这一列(0 或更大),或把它留空以使用策略的 default。`,
    en: (p: { agent: string; field: string; value: string }) =>
      `The bonus base ${p.field} of agent ${p.agent} is ${p.value}, a negative number, which would pay a negative bonus. Correct the column in the agents table (0 or more), or leave it empty to use the policy's default.`,
  },
});
