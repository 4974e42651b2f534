import { OPERATORS_BY_NAME } from './operators.ts';
import type { Condition } from './types.ts';

/**
 * A condition as one line of text for people, in Chinese or English:
 * `category 等于 "product_defect" 且 ...`. Unknown shapes fall back to JSON.
 */
export function formatCondition(condition: Condition, lang: 'zh' | 'en' = 'zh'): string {
  const words =
    lang === 'zh'
      ? { all: ' 且 ', any: ' 或 ', not: '非 ', empty: '(总是成立)' }
      : { all: ' AND ', any: ' OR ', not: 'NOT ', empty: '(always)' };
  const walk = (node: Condition, nested: boolean): string => {
    if ('all' in node || 'any' in node) {
      const list = 'all' in node ? node.all : node.any;
      if (list.length === 0) return words.empty;
      const text = list.map((c) => walk(c, true)).join('all' in node ? words.all : words.any);
      return nested && list.length > 1 ? `(${text})` : text;
    }
    if ('not' in node) return `${words.not}${walk(node.not, true)}`;
    const op = OPERATORS_BY_NAME.get(node.operator);
    const fact = node.path ? `${node.fact}${node.path.replace(/^\$/, '')}` : node.fact;
    return `${fact} ${op ? op[lang] : node.operator} ${JSON.stringify(node.value)}`;
  };
  return walk(condition, false);
}
