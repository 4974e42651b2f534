import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPolicyBytes } from '../src/index.ts';

const valid = readFileSync(
  fileURLToPath(new URL('./fixtures/families/valid/ecommerce-cs/2026-10-01.yaml', import.meta.url)),
  'utf8',
);
const load = (text: string) => loadPolicyBytes('p.yaml', new TextEncoder().encode(text));

describe('a metric of an unknown kind', () => {
  it('gets the allowed kinds at its kind, not the keys of a kind it is not, nor unknown references', () => {
    const text = valid.replace(
      '    title: 质检合格率\n    kind: ratio',
      '    title: 质检合格率\n    kind: percentile',
    );
    expect(text).not.toBe(valid);
    const { problems } = load(text);
    expect(problems.map((p) => [p.code, p.line, p.column, p.message.en])).toEqual([
      [
        'NOT_ALLOWED_VALUE',
        38,
        11,
        'The value "percentile" is not allowed. Allowed values: mean, median, p90, sum, count, ratio, nps, distinct_count, formula, rating.',
      ],
    ]);
  });

  it('leaves a metric of a known kind with wrong keys its own errors, and its references quiet', () => {
    const text = valid.replace('    denominator:\n      table: qa_reviews\n', '');
    expect(text).not.toBe(valid);
    expect(load(text).problems.map((p) => [p.code, p.line])).toEqual([['METRIC_KIND_KEYS', 36]]);
  });
});
