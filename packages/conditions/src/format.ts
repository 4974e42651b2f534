import { foldCondition } from './fold.ts';
import { OPERATORS_BY_NAME } from './operators.ts';
import { type Condition, isFactReference, type LeafCondition } from './types.ts';

/** How a caller words parts of a condition it knows more about than the condition itself. */
export interface FormatOptions {
  /**
   * A leaf's literal value in the caller's words (a ratio metric's threshold as `2%`, knowing the
   * fact's unit), or null to write it as JSON. Not asked for a `{fact}` value.
   */
  literal?: (leaf: LeafCondition) => string | null;
}

const WORDS = {
  zh: { all: ' 且 ', any: ' 或 ', not: '非 ', empty: '(总是成立)', valueOf: (f: string) => `${f} 的值` },
  en: {
    all: ' AND ',
    any: ' OR ',
    not: 'NOT ',
    empty: '(always)',
    valueOf: (f: string) => `the value of ${f}`,
  },
} as const;

/**
 * A condition as one line of text for people, in Chinese or English:
 * `category 等于 "product_defect" 且 ...`. A group of two or more inside another is in
 * parentheses; an empty group reads as always holding; a `{fact}` value reads as that fact's value;
 * a literal as JSON, unless `options.literal` words it.
 */
export function formatCondition(
  condition: Condition,
  lang: 'zh' | 'en' = 'zh',
  options: FormatOptions = {},
): string {
  const words = WORDS[lang];
  const text = foldCondition<{ text: string; group: number }>(condition, {
    group: (kind, children) => {
      if (children.length === 0) return { text: words.empty, group: 0 };
      const inner = children.map((c) => (c.group > 1 ? `(${c.text})` : c.text));
      return { text: inner.join(words[kind]), group: children.length };
    },
    not: (child) => ({ text: `${words.not}${child.group > 1 ? `(${child.text})` : child.text}`, group: 0 }),
    leaf: (leaf) => {
      const op = OPERATORS_BY_NAME.get(leaf.operator);
      const value = isFactReference(leaf.value)
        ? words.valueOf(withPath(leaf.value.fact, leaf.value.path))
        : (options.literal?.(leaf) ?? JSON.stringify(leaf.value));
      return {
        text: `${withPath(leaf.fact, leaf.path)} ${op ? op[lang] : leaf.operator} ${value}`,
        group: 0,
      };
    },
  });
  return text.text;
}

function withPath(fact: string, path: string | undefined): string {
  const steps = path?.replace(/^\$\.?/, '') ?? '';
  return steps === '' ? fact : `${fact}.${steps}`;
}
