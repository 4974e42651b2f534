import { describe, expect, it } from 'vitest';
import { diffPolicies, formulaMetricsInOrder, policyMetricCatalog, renderDiffText } from '../src/index.ts';
import { loadText, v2Text, where } from './v2-policy.ts';

const card = `  s:
    title: t
    roles: [r]
    scored:
      - { metric: service_index, weight: 100, target: 90, floor: 50 }
`;
const metrics = (...items: string[]) => `metrics:\n${items.join('')}`;
const formula = (id: string, text: string, extra = '') =>
  `  - id: ${id}\n    title: ${id}\n    kind: formula\n    better: higher\n${extra}    formula: ${text}\n`;

describe('formula metrics: checks', () => {
  it('are read with their formula, after the metrics they read', () => {
    const loaded = loadText(
      v2Text(card, {
        top: metrics(
          formula('service_index', '0.6 * fcr_index + 0.4 * qa_score'),
          formula('fcr_index', 'fcr * 100', '    unit: score\n'),
        ),
      }),
    );
    expect(loaded.problems).toEqual([]);
    const policy = loaded.policy!;
    expect(policy.metrics.map((m) => [m.id, m.kind, m.unit])).toEqual([
      ['service_index', 'formula', 'number'],
      ['fcr_index', 'formula', 'score'],
    ]);
    expect(formulaMetricsInOrder(policyMetricCatalog(policy)).map((m) => m.id)).toEqual([
      'fcr_index',
      'service_index',
    ]);
  });

  it('place formula problems at their column in the file', () => {
    // Line 12 is the first `formula:`; the value starts at column 14.
    const loaded = loadText(
      v2Text(card, {
        top: metrics(
          formula('service_index', '0.6 * fcr + qa_scor'),
          formula('other', '"fcr > 0.5"'),
          formula('broken', 'fcr +'),
          formula('third', 'team.median.fcrr'),
        ),
      }),
    );
    expect(where(loaded)).toEqual([
      ['FORMULA_UNKNOWN_NAME', 'error', 12, 26, 'metrics[0].formula'],
      ['FORMULA_METRIC_NOT_NUMBER', 'error', 17, 14, 'metrics[1].formula'],
      ['FORMULA_UNEXPECTED_END', 'error', 22, 19, 'metrics[2].formula'],
      ['FORMULA_UNKNOWN_NAME', 'error', 27, 14, 'metrics[3].formula'],
    ]);
    expect(loaded.problems[0]?.message.en).toContain('qa_score');
    expect(loaded.problems[3]?.message.en).toContain('team.median.fcr');
  });

  it('report every problem of a formula at once: round digits and an unknown name, a wrong type and a typo', () => {
    const flagged = `${card}    flags:
      - id: slow
        label: 慢
        when: { all: [{ fact: other, operator: greaterThan, value: 1 }] }
`;
    const loaded = loadText(
      v2Text(flagged, {
        top: metrics(
          formula('service_index', 'round(0.5 * fcx * 100, qa_score)'),
          formula('other', 'qa_scor > 0.5'),
        ),
      }),
    );
    expect(where(loaded)).toEqual([
      ['FORMULA_UNKNOWN_NAME', 'error', 12, 26, 'metrics[0].formula'],
      ['FORMULA_ROUND_DIGITS', 'error', 12, 37, 'metrics[0].formula'],
      ['FORMULA_METRIC_NOT_NUMBER', 'error', 17, 14, 'metrics[1].formula'],
      ['FORMULA_UNKNOWN_NAME', 'error', 17, 14, 'metrics[1].formula'],
    ]);
    expect(loaded.problems[0]?.message.en).toContain('"fcr"');
  });

  it('refuse cycles at every member, keys of measured kinds and format 1', () => {
    const loaded = loadText(
      v2Text(card, {
        top: metrics(
          formula('service_index', 'a_index + 1'),
          formula('a_index', 'team.mean.service_index * 2'),
          formula('b_index', 'fcr', '    table: surveys\n'),
        ),
      }),
    );
    expect(where(loaded)).toEqual([
      ['FORMULA_CYCLE', 'error', 12, 14, 'metrics[0].formula'],
      ['FORMULA_CYCLE', 'error', 17, 14, 'metrics[1].formula'],
      ['METRIC_KIND_KEYS', 'error', 22, 5, 'metrics[2].table'],
    ]);
    expect(loaded.problems[0]?.message.en).toContain('service_index → a_index → service_index');
    const v1 = loadText(v2Text(card, { format: 1, top: metrics(formula('service_index', 'fcr * 100')) }));
    expect(where(v1)).toEqual([['NEEDS_FORMAT_2', 'error', 10, 5, 'metrics[0].kind']]);
  });

  it('warn that min_sample does nothing and refuse segments', () => {
    const loaded = loadText(
      v2Text(
        card.replace('floor: 50 }', 'floor: 50, min_sample: 3 }') +
          `  p:
    title: p
    roles: [p]
    scored:
      - metric: service_index
        weight: 100
        segments: { field: channel, targets: [{ value: chat, target: 90, floor: 50 }] }
`,
        { top: metrics(formula('service_index', 'fcr * 100')) },
      ),
    );
    expect(where(loaded).map(([code, severity]) => [code, severity])).toEqual([
      ['FORMULA_MIN_SAMPLE_IGNORED', 'warning'],
      ['SEGMENTS_KIND', 'error'],
    ]);
  });
});

describe('formula metrics: diff', () => {
  it('show a changed formula as written', () => {
    const text = (f: string) => v2Text(card, { top: metrics(formula('service_index', f)) });
    const changes = diffPolicies(
      loadText(text('fcr * 100')).policy!,
      loadText(text('fcr * 90 + 10')).policy!,
    );
    expect(changes.map((c) => [c.area, c.subject, c.field, c.before, c.after])).toEqual([
      ['metric', 'service_index', 'formula', 'fcr * 100', 'fcr * 90 + 10'],
    ]);
    expect(renderDiffText(changes, 'en', 'd')).toContain('formula');
  });
});
