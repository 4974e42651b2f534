import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPolicyFile } from '../src/index.ts';

const example = readFileSync(
  fileURLToPath(new URL('./fixtures/example/example-policy.yaml', import.meta.url)),
  'utf8',
);

/** The example policy with replacements, loaded from a file of its own. */
function loadEdited(...edits: Array<[string, string]>) {
  let text = example;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`not in the example: ${from}`);
    text = text.replace(from, to);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'scorebook-meaning-')), '2026-10-01.yaml');
  writeFileSync(file, text);
  return loadPolicyFile(file);
}

const where = (loaded: ReturnType<typeof loadPolicyFile>) =>
  loaded.problems.map((p) => [p.code, p.severity, p.line, p.column, p.path]);

const DEFECT = '- { fact: category, operator: equal, value: product_defect }';

describe('exclusions on derived fields', () => {
  it('refuse a derived conversation field, which exclusions never see', () => {
    const loaded = loadEdited(
      ['table: complaints', 'table: conversations'],
      [DEFECT, '- { fact: replied, operator: equal, value: false }'],
    );
    expect(loaded.policy).toBeNull();
    expect(where(loaded)).toEqual([
      ['EXCLUSION_DERIVED_FACT', 'error', 26, 19, 'exclusions[0].when.all[0].fact'],
    ]);
    expect(loaded.problems[0]!.message.en).toContain('"replied" is derived by the engine after exclusions');
  });

  it('refuse every derived field: inquiry, durations, on_time, converted, and responses-only fields', () => {
    for (const fact of [
      'inquiry',
      'first_response_seconds',
      'handle_seconds',
      'on_time',
      'converted',
      'seconds',
      'is_first',
    ]) {
      const loaded = loadEdited(
        ['table: complaints', 'table: conversations'],
        [DEFECT, `- { fact: ${fact}, operator: equal, value: 1 }`],
      );
      expect(
        loaded.problems.map((p) => p.code),
        fact,
      ).toEqual(['EXCLUSION_DERIVED_FACT']);
    }
  });

  it('refuse a {fact} value that names a derived field, at the value', () => {
    const loaded = loadEdited(
      ['table: complaints', 'table: conversations'],
      [DEFECT, '- { fact: channel, operator: equal, value: { fact: converted } }'],
    );
    expect(where(loaded)).toEqual([
      ['EXCLUSION_DERIVED_FACT', 'error', 26, 60, 'exclusions[0].when.all[0].value.fact'],
    ]);
  });

  it('read a responses field that an input table has as a possible extra column elsewhere (a warning)', () => {
    const loaded = loadEdited(
      ['table: complaints', 'table: conversations'],
      [DEFECT, '- { fact: at, operator: after, value: "2026-10-15T10:00:00" }'],
    );
    expect(where(loaded)).toEqual([
      ['CONDITION_UNKNOWN_FACT', 'warning', 26, 19, 'exclusions[0].when.all[0].fact'],
    ]);
  });

  it('accept a table’s own field that shares a name with a derived one (events.at)', () => {
    const loaded = loadEdited(
      ['table: complaints', 'table: events'],
      [DEFECT, '- { fact: at, operator: after, value: "2026-10-15T10:00:00" }'],
    );
    expect(loaded.problems).toEqual([]);
  });
});

describe('reserved names', () => {
  it('refuse base_score and total_score as metric ids: vetoes read them as scores', () => {
    for (const id of ['base_score', 'total_score']) {
      const loaded = loadEdited(['id: qa_pass_rate', `id: ${id}`], ['qa_pass_rate, weight', `${id}, weight`]);
      // The metric is left out, so the scorecard that scores it names an unknown metric too.
      expect(where(loaded), id).toEqual([
        ['METRIC_ID_RESERVED', 'error', 36, 9, 'metrics[0].id'],
        ['UNKNOWN_METRIC', 'error', 95, 19, 'scorecards.presale.scored[5].metric'],
      ]);
    }
  });

  it('refuse __proto__, constructor and prototype as grade names, which summaries would lose', () => {
    for (const grade of ['__proto__', 'constructor', 'prototype']) {
      const loaded = loadEdited(['grade: C,', `grade: ${grade},`]);
      expect(where(loaded), grade).toEqual([['GRADE_NAME_RESERVED', 'error', 50, 14, 'grades[3].grade']]);
    }
  });
});

describe('conditions in a policy', () => {
  const RED_LINE = '{ fact: red_line_count, operator: greaterThanInclusive, value: 1 }';

  it('accept a {fact} value naming a score or a metric', () => {
    const loaded = loadEdited([
      RED_LINE,
      '{ fact: total_score, operator: lessThan, value: { fact: base_score } }',
    ]);
    expect(loaded.problems).toEqual([]);
    expect(loaded.policy!.scorecards[0]!.vetoes[0]!.when).toEqual({
      all: [{ fact: 'total_score', operator: 'lessThan', value: { fact: 'base_score' } }],
    });
  });

  it('report an unknown fact in a {fact} value at its place, with a suggestion', () => {
    const loaded = loadEdited([
      RED_LINE,
      '{ fact: total_score, operator: lessThan, value: { fact: base_scor } }',
    ]);
    expect(where(loaded)).toEqual([
      ['CONDITION_UNKNOWN_FACT', 'error', 80, 80, 'scorecards.aftersale.vetoes[0].when.all[0].value.fact'],
    ]);
    expect(loaded.problems[0]!.message.en).toContain('Did you mean "base_score"?');
  });

  it('report a path form the engine cannot resolve at the path', () => {
    const loaded = loadEdited([DEFECT, '- { fact: category, path: "$..code", operator: equal, value: x }']);
    expect(where(loaded)).toEqual([['CONDITION_PATH', 'error', 26, 35, 'exclusions[0].when.all[0].path']]);
  });
});
