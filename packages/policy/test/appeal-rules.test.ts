import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffPolicies, loadPolicyFile } from '../src/index.ts';

const example = readFileSync(
  fileURLToPath(new URL('./fixtures/example/example-policy.yaml', import.meta.url)),
  'utf8',
);

function withAppeals(section: string, format: 1 | 2 = 1) {
  const file = join(mkdtempSync(join(tmpdir(), 'scorebook-appeal-rules-')), '2026-10-01.yaml');
  const text = format === 2 ? example.replace(/^scorebook: 1$/m, 'scorebook: 2') : example;
  writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
  return loadPolicyFile(file);
}

describe('the appeals section of a policy', () => {
  it('is null when the policy has none (the defaults apply)', () => {
    expect(withAppeals('').policy?.appeals).toBe(null);
  });

  it('reads the rules, leaving what it does not say null', () => {
    const loaded = withAppeals('appeals:\n  window_days: 7\n  tables: [complaints]\n  final: false\n');
    expect(loaded.problems).toEqual([]);
    expect(loaded.policy?.appeals).toEqual({
      window_days: 7,
      tables: ['complaints'],
      metrics: null,
      vetoes: null,
      final: false,
      months: null,
    });
  });

  it('takes months (a recomputed quarter’s months’ appeals) in format 2 only, at its key', () => {
    const lines = example.trimEnd().split('\n').length;
    const v1 = withAppeals('appeals:\n  months: records\n');
    expect(v1.problems.map((p) => [p.code, p.line - lines, p.column])).toEqual([['NEEDS_FORMAT_2', 3, 3]]);
    const v2 = withAppeals('appeals:\n  months: records\n', 2);
    expect(v2.problems).toEqual([]);
    expect(v2.policy?.appeals?.months).toBe('records');
    expect(withAppeals('appeals:\n  months: each\n', 2).problems.map((p) => p.code)).toEqual([
      'NOT_ALLOWED_VALUE',
    ]);
  });

  it('refuses metrics and vetoes no scorecard has, and a table of no record, at their line', () => {
    const lines = example.trimEnd().split('\n').length;
    const loaded = withAppeals(
      'appeals:\n  window_days: -1\n  tables: [messages]\n  metrics: [fcr, speed]\n  vetoes: [nope]\n',
    );
    expect(loaded.policy).toBe(null);
    expect(loaded.problems.map((p) => [p.code, p.line - lines, p.column])).toEqual([
      ['OUT_OF_RANGE', 3, 16],
      ['NOT_ALLOWED_VALUE', 4, 12],
      ['APPEAL_RULE_UNKNOWN_METRIC', 5, 18],
      ['APPEAL_RULE_UNKNOWN_VETO', 6, 12],
    ]);
  });
});

describe('the diff of the appeal rules', () => {
  it('compares the rules as they apply: a default written out is no change', () => {
    const none = withAppeals('').policy;
    const written = withAppeals('appeals:\n  window_days: 30\n  final: true\n').policy;
    const shorter = withAppeals('appeals:\n  window_days: 7\n  tables: [qa_reviews, complaints]\n').policy;
    if (none === null || written === null || shorter === null) throw new Error('a policy did not load');
    expect(diffPolicies(none, written)).toEqual([]);
    expect(diffPolicies(none, shorter).map((c) => [c.area, c.field, c.before, c.after])).toEqual([
      ['appeals', 'window_days', 30, 7],
      ['appeals', 'tables', null, ['complaints', 'qa_reviews']],
    ]);
    const months = withAppeals('appeals:\n  months: records\n', 2).policy;
    const noneWritten = withAppeals('appeals:\n  months: none\n', 2).policy;
    const v2 = withAppeals('', 2).policy;
    if (months === null || noneWritten === null || v2 === null) throw new Error('a policy did not load');
    expect(diffPolicies(v2, noneWritten)).toEqual([]);
    expect(diffPolicies(v2, months).map((c) => [c.area, c.field, c.before, c.after])).toEqual([
      ['appeals', 'months', 'none', 'records'],
    ]);
  });
});
