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
});
