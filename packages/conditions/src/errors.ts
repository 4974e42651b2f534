import { defineCatalogue } from '@scorebook/problems';
import { OPERATORS, type OperatorValueKind } from './operators.ts';

const q = (v: string) => `"${v}"`;

/** Where an unknown key was found: a group (`all`/`any`/`not`), a leaf, or a `{fact}` value. */
export type KeyPlace = 'group' | 'leaf' | 'reference';

/**
 * Every problem a condition can have, by permanent code. Codes never change meaning and are
 * never reused; messages say what is wrong and what to do.
 */
export const CONDITION_ERRORS = defineCatalogue({
  CONDITION_SHAPE: {
    zh: (p: { found: string }) =>
      `这不是有效的 json-rules-engine 条件(${p.found})。条件写成 {all: [...]}、{any: [...]}、{not: {...}} 或 {fact, operator, value}。`,
    en: (p: { found: string }) =>
      `This is not a valid json-rules-engine condition (${p.found}). Write {all: [...]}, {any: [...]}, {not: {...}} or {fact, operator, value}.`,
  },
  CONDITION_UNKNOWN_KEY: {
    zh: (p: { key: string; place: KeyPlace }) =>
      `条件中未知的键 ${q(p.key)}。${
        p.place === 'group'
          ? '一个条件节点只能有 all、any、not 中的一个键。'
          : p.place === 'leaf'
            ? '条件只能有 fact、operator、value、path。'
            : '引用另一个事实的 value 只能有 fact 和 path。'
      }`,
    en: (p: { key: string; place: KeyPlace }) =>
      `Unknown key ${q(p.key)} in a condition. ${
        p.place === 'group'
          ? 'A condition node has exactly one of all, any, not.'
          : p.place === 'leaf'
            ? 'A condition has fact, operator, value and path only.'
            : 'A value that names another fact has fact and path only.'
      }`,
  },
  CONDITION_EMPTY: {
    zh: (p: { op: string }) =>
      `空的 ${p.op}: [] 总是成立(json-rules-engine 的规则)。如果这不是本意,请添加条件。`,
    en: (p: { op: string }) =>
      `An empty ${p.op}: [] always holds (json-rules-engine's rule). Add conditions if that is not what you mean.`,
  },
  CONDITION_UNKNOWN_OPERATOR: {
    zh: (p: { operator: string; suggestion: string | null }) =>
      `未知的运算符 ${q(p.operator)}。${p.suggestion === null ? '' : `是否想写 ${q(p.suggestion)}?(运算符区分大小写)`}可用:${operatorNames()}。`,
    en: (p: { operator: string; suggestion: string | null }) =>
      `Unknown operator ${q(p.operator)}. ${p.suggestion === null ? '' : `Did you mean ${q(p.suggestion)}? (Operators are case-sensitive.) `}Operators: ${operatorNames()}.`,
  },
  CONDITION_UNKNOWN_FACT: {
    zh: (p: UnknownFact) =>
      `${p.whereZh}中没有 ${q(p.fact)}。${p.suggestion ? `是否想写 ${q(p.suggestion)}?` : `可用:${p.known}。`}${p.open ? `(如果这是导出数据中的额外列,请在 source.yaml 的 fields 中声明它的类型,例如 ${p.fact}: { type: string },并用 validate --source 校验:警告消失,条件按类型检查。)` : ''}`,
    en: (p: UnknownFact) =>
      `${q(p.fact)} is not among the ${p.whereEn}. ${p.suggestion ? `Did you mean ${q(p.suggestion)}?` : `Known: ${p.known}.`}${p.open ? ` (If it is an extra column of your export, declare its type in source.yaml's fields, e.g. ${p.fact}: { type: string }, and validate with --source: the warning goes and the condition is type-checked.)` : ''}`,
  },
  CONDITION_VALUE_TYPE: {
    zh: (p: { operator: string; expected: Exclude<OperatorValueKind, 'any'> }) =>
      `运算符 ${p.operator} 的 value 应为${VALUE_WORDS[p.expected][0]}。`,
    en: (p: { operator: string; expected: Exclude<OperatorValueKind, 'any'> }) =>
      `The value of operator ${p.operator} must be ${VALUE_WORDS[p.expected][1]}.`,
  },
  CONDITION_OPERATOR_FACT_TYPE: {
    zh: (p: { operator: string; fact: string; type: string }) =>
      `运算符 ${p.operator} 不适用于 ${q(p.fact)}(类型 ${p.type})。`,
    en: (p: { operator: string; fact: string; type: string }) =>
      `The operator ${p.operator} does not apply to ${q(p.fact)} (of type ${p.type}).`,
  },
  CONDITION_PATH: {
    zh: (p: { path: string }) =>
      `无法解析 path ${q(p.path)}:Scorebook 只支持点号路径,例如 $.vip.level、vip.level 或 items.0;不支持过滤器、通配符、方括号和递归下降(..)。`,
    en: (p: { path: string }) =>
      `The path ${q(p.path)} cannot be resolved: Scorebook reads dot paths only, such as $.vip.level, vip.level or items.0; filters, wildcards, brackets and recursive descent (..) are not supported.`,
  },
  CONDITION_VALUE_FACT_OPERATOR: {
    zh: (p: { operator: string }) =>
      `运算符 ${p.operator} 需要在策略中写出的列表,不能与另一个事实({fact: …})比较。请写出列表。`,
    en: (p: { operator: string }) =>
      `The operator ${p.operator} takes a list written in the policy; it cannot compare with another fact ({fact: …}). Write the list out.`,
  },
  CONDITION_KEYWORDS_EMPTY: {
    zh: (p: { operator: string }) =>
      `运算符 ${p.operator} 的关键词列表是空的:空列表永远不成立。请至少写一个关键词,例如 ["您好", "谢谢"]。`,
    en: (p: { operator: string }) =>
      `The keyword list of operator ${p.operator} is empty: an empty list never holds. Write at least one keyword, e.g. ["hello", "thanks"].`,
  },
  CONDITION_KEYWORD_EMPTY: {
    zh: (p: { operator: string; keyword: string }) =>
      `运算符 ${p.operator} 的关键词 ${JSON.stringify(p.keyword)} 归一化后是空文本(只有空格、标点或符号),它会匹配任何文本。请删除它或写出文字。`,
    en: (p: { operator: string; keyword: string }) =>
      `The keyword ${JSON.stringify(p.keyword)} of operator ${p.operator} is empty once normalised (only spaces, punctuation or symbols), so it would match any text. Remove it or write words.`,
  },
});

/** A permanent code of a condition problem. */
export type ConditionProblemCode = keyof typeof CONDITION_ERRORS;

interface UnknownFact {
  fact: string;
  known: string;
  suggestion: string;
  whereZh: string;
  whereEn: string;
  open: boolean;
}

const VALUE_WORDS: Record<Exclude<OperatorValueKind, 'any'>, [string, string]> = {
  list: ['列表,例如 [a, b]', 'a list, e.g. [a, b]'],
  'text-list': ['文本列表,例如 ["谢谢", "好的"]', 'a list of texts, e.g. ["thanks", "ok"]'],
  'keyword-list': [
    '非空的关键词列表,例如 ["您好", "请", "谢谢"]',
    'a non-empty list of keywords, e.g. ["hello", "please", "thanks"]',
  ],
  number: ['数字', 'a number'],
  instant: [
    '时间戳或日期,例如 "2026-10-15T10:00:00" 或 "2026-10-15"',
    'a timestamp or date, e.g. "2026-10-15T10:00:00" or "2026-10-15"',
  ],
};

function operatorNames(): string {
  return OPERATORS.map((o) => o.name).join(', ');
}
