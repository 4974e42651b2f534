import { defineCatalogue } from '@scorebook/problems';

const q = (v: string) => `"${v}"`;

/**
 * Every problem a formula can have, by permanent code. Codes never change meaning and are never
 * reused; messages say what is wrong and what to do. The position is carried apart, as a column.
 */
export const FORMULA_ERRORS = defineCatalogue({
  FORMULA_EMPTY: {
    zh: () => '公式为空。请写一个表达式,例如 0.6 * supervisor_rating + 0.4 * peer_rating。',
    en: () => 'The formula is empty. Write an expression, e.g. 0.6 * supervisor_rating + 0.4 * peer_rating.',
  },
  FORMULA_UNEXPECTED_CHARACTER: {
    zh: (p: { char: string; instead: string | null }) =>
      `公式中不能出现字符 ${q(p.char)}。${p.instead ? `请改写为 ${p.instead}。` : '可用:数字、名称、+ - * /、比较 < <= > >= == !=、and/or/not、括号、逗号。'}`,
    en: (p: { char: string; instead: string | null }) =>
      `The character ${q(p.char)} cannot appear in a formula. ${p.instead ? `Write ${p.instead} instead.` : 'Use numbers, names, + - * /, comparisons < <= > >= == !=, and/or/not, parentheses and commas.'}`,
  },
  FORMULA_BAD_NUMBER: {
    zh: (p: { text: string }) => `无法读取数字 ${q(p.text)}。数字写成 12、0.5 或 90%(小数点两边都要有数字)。`,
    en: (p: { text: string }) =>
      `Cannot read the number ${q(p.text)}. Write numbers as 12, 0.5 or 90% (digits on both sides of the point).`,
  },
  FORMULA_NUMBER_TOO_LARGE: {
    zh: (p: { text: string }) =>
      `数字 ${q(p.text.length > 24 ? `${p.text.slice(0, 20)}…` : p.text)}(${p.text.length} 个字符)太大,超出了可计算的范围(约 1.8 × 10^308)。请写一个小一些的数。`,
    en: (p: { text: string }) =>
      `The number ${q(p.text.length > 24 ? `${p.text.slice(0, 20)}…` : p.text)} (${p.text.length} characters) is too large to compute with (beyond about 1.8 × 10^308). Write a smaller number.`,
  },
  FORMULA_UNEXPECTED_TOKEN: {
    zh: (p: { found: string; expected: Expected }) =>
      `此处不应出现 ${q(p.found)},应为${EXPECTED_WORDS[p.expected][0]}。`,
    en: (p: { found: string; expected: Expected }) =>
      `Unexpected ${q(p.found)} here; expected ${EXPECTED_WORDS[p.expected][1]}.`,
  },
  FORMULA_UNEXPECTED_END: {
    zh: (p: { expected: Expected }) => `公式提前结束,还缺少${EXPECTED_WORDS[p.expected][0]}。`,
    en: (p: { expected: Expected }) =>
      `The formula ends too early; ${EXPECTED_WORDS[p.expected][1]} is missing.`,
  },
  FORMULA_UNCLOSED_PARENTHESIS: {
    zh: () => '此处的左括号没有对应的右括号。请补上 )。',
    en: () => 'This opening parenthesis is never closed. Add the ).',
  },
  FORMULA_CHAINED_COMPARISON: {
    zh: () => '比较不能连写(如 a < b < c)。请写成 a < b and b < c。',
    en: () => 'Comparisons cannot be chained (a < b < c). Write a < b and b < c.',
  },
  FORMULA_UNKNOWN_FUNCTION: {
    zh: (p: { name: string; suggestion: string | null; known: string }) =>
      `未知的函数 ${q(p.name)}。${p.suggestion ? `是否想写 ${q(p.suggestion)}?` : `可用:${p.known}。`}`,
    en: (p: { name: string; suggestion: string | null; known: string }) =>
      `Unknown function ${q(p.name)}. ${p.suggestion ? `Did you mean ${q(p.suggestion)}?` : `Functions: ${p.known}.`}`,
  },
  FORMULA_ARGUMENT_COUNT: {
    zh: (p: { name: string; expected: string; got: number }) =>
      `函数 ${p.name} 需要 ${p.expected} 个参数,这里给了 ${p.got} 个。`,
    en: (p: { name: string; expected: string; got: number }) =>
      `The function ${p.name} takes ${p.expected} argument(s); ${p.got} given here.`,
  },
  FORMULA_ROUND_DIGITS: {
    zh: () => 'round 的第二个参数应为 0 到 10 之间的整数,直接写出,例如 round(x, 2)。',
    en: () =>
      'The second argument of round must be a whole number from 0 to 10, written out, e.g. round(x, 2).',
  },
  FORMULA_TYPE: {
    zh: (p: TypeMismatch) =>
      `${p.index === null ? `运算符 ${p.op} 的操作数` : `函数 ${p.op} 的第 ${p.index} 个参数`}应为${TYPE_WORDS[p.expected][0]},这里是${TYPE_WORDS[p.found][0]}。`,
    en: (p: TypeMismatch) =>
      `${p.index === null ? `The operand of ${p.op}` : `Argument ${p.index} of ${p.op}`} must be ${TYPE_WORDS[p.expected][1]}; here it is ${TYPE_WORDS[p.found][1]}.`,
  },
  FORMULA_UNKNOWN_NAME: {
    zh: (p: { name: string; suggestion: string | null; split: string | null }) =>
      `公式读取的 ${q(p.name)} 不是已知的指标或事实。${p.split ? `如果是减法,请在减号两边加空格:${p.split}。` : p.suggestion ? `是否想写 ${q(p.suggestion)}?` : '请检查拼写,或先定义该指标。'}`,
    en: (p: { name: string; suggestion: string | null; split: string | null }) =>
      `The formula reads ${q(p.name)}, which is not a known metric or fact. ${p.split ? `For a subtraction, put spaces around the minus: ${p.split}.` : p.suggestion ? `Did you mean ${q(p.suggestion)}?` : 'Check the spelling, or define that metric first.'}`,
  },
  FORMULA_CYCLE: {
    zh: (p: { members: string }) => `公式指标互相引用,形成循环:${p.members}。请去掉其中一个引用。`,
    en: (p: { members: string }) =>
      `Formula metrics read each other in a cycle: ${p.members}. Remove one of these references.`,
  },
});

/** A permanent code of a formula problem. */
export type FormulaProblemCode = keyof typeof FORMULA_ERRORS;

/** Where a value of the wrong type was found: an operand of `op`, or argument `index` (1-based) of function `op`. */
interface TypeMismatch {
  op: string;
  index: number | null;
  expected: FormulaType;
  found: FormulaType;
}

/** The two types of value a formula computes. */
export type FormulaType = 'number' | 'boolean';

/** What the parser expected where it stopped. */
export type Expected = 'value' | 'operator' | 'closing';

const EXPECTED_WORDS: Record<Expected, [string, string]> = {
  value: ['数字、名称、函数或 (', 'a number, a name, a function or ('],
  operator: ['运算符', 'an operator'],
  closing: ['运算符、逗号或 )', 'an operator, a comma or )'],
};

const TYPE_WORDS: Record<FormulaType, [string, string]> = {
  number: ['数值', 'a number'],
  boolean: ['条件(比较或 and/or/not)', 'a condition (a comparison or and/or/not)'],
};
