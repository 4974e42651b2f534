import { describe, expect, it } from 'vitest';
import { diffPolicies, renderDiffText } from '../src/index.ts';
import { loadText, v2Text, where } from './v2-policy.ts';

const card = `  s:
    title: t
    roles: [r]
    scored:
      - { metric: teamwork, weight: 100, target: 5, floor: 1 }
`;
const rating = (keys: string) =>
  `metrics:\n  - id: teamwork\n    title: 团队协作\n    kind: rating\n    better: higher\n${keys}`;

describe('rating metrics: checks', () => {
  it('are read with their dimension as a list, min_raters 1 and include_self false by default', () => {
    const loaded = loadText(
      v2Text(card, { top: rating('    dimension: teamwork\n    roles: { supervisor: 0.6, peer: 0.4 }\n') }),
    );
    expect(loaded.problems).toEqual([]);
    expect(loaded.policy?.metrics[0]).toMatchObject({
      kind: 'rating',
      unit: 'score',
      table: null,
      dimension: ['teamwork'],
      roles: { supervisor: 0.6, peer: 0.4 },
      min_raters: 1,
      include_self: false,
    });
  });

  it('place weights not above 0, min_raters below 1, an unused self weight and a bad where', () => {
    const loaded = loadText(
      v2Text(card, {
        top: rating(
          '    roles: { supervisor: 0, self: 1, peer: 0.4 }\n    min_raters: 0\n    where: { fact: scor, operator: greaterThan, value: 1 }\n',
        ),
      }),
    );
    // Line 12 is `roles:`; the weight 0 is at column 26, the key self at 29.
    expect(where(loaded)).toEqual([
      ['RATING_WEIGHT_NOT_POSITIVE', 'error', 12, 26, 'metrics[0].roles.supervisor'],
      ['RATING_SELF_WEIGHT_UNUSED', 'warning', 12, 29, 'metrics[0].roles.self'],
      ['RATING_MIN_RATERS_BELOW_ONE', 'error', 13, 17, 'metrics[0].min_raters'],
      ['CONDITION_UNKNOWN_FACT', 'warning', 14, 20, 'metrics[0].where.fact'],
    ]);
  });

  it('refuse a role name of digits only: JavaScript would put it first, whatever the written order', () => {
    const loaded = loadText(
      v2Text(card, { top: rating('    roles: { peer: 0.4, 360: 0.6, r360: 0.1, "007": 0.2 }\n') }),
    );
    // Line 12 is `roles:`; the key 360 is at column 25.
    expect(where(loaded)).toEqual([['RATING_ROLE_DIGITS_ONLY', 'error', 12, 25, 'metrics[0].roles.360']]);
    expect(loaded.problems[0]?.message.zh).toContain('角色名 "360" 只由数字组成');
  });

  it('need roles and format 2, and refuse the keys of other kinds', () => {
    const v1 = loadText(v2Text(card, { format: 1, top: rating('    table: surveys\n    roles: {}\n') }));
    expect(where(v1)).toEqual([
      ['NEEDS_FORMAT_2', 'error', 10, 5, 'metrics[0].kind'],
      ['METRIC_KIND_KEYS', 'error', 12, 5, 'metrics[0].table'],
      ['RATING_ROLES_EMPTY', 'error', 13, 12, 'metrics[0].roles'],
    ]);
    const missing = loadText(v2Text(card, { top: rating('    dimension: [a, b]\n') }));
    expect(where(missing)).toEqual([['METRIC_KIND_KEYS', 'error', 8, 5, 'metrics[0]']]);
    const elsewhere = loadText(
      v2Text(card.replace('teamwork', 'qa_score'), {
        top: 'metrics:\n  - { id: m, title: m, kind: count, better: higher, table: surveys, roles: { peer: 1 } }\n',
      }),
    );
    expect(where(elsewhere)).toEqual([['METRIC_KIND_KEYS', 'error', 8, 69, 'metrics[0].roles']]);
  });

  it('cannot be the table of an exclusion or of another kind', () => {
    const loaded = loadText(
      v2Text(card.replace('teamwork', 'qa_score'), {
        top: [
          'exclusions:',
          '  - { id: x, table: ratings, reason: r, when: { fact: score, operator: lessThan, value: 1 } }',
          'metrics:',
          '  - { id: m, title: m, kind: mean, better: higher, table: ratings, field: score }',
        ].join('\n'),
      }),
    );
    expect(where(loaded).map(([code, , , , path]) => [code, path])).toEqual([
      ['UNKNOWN_TABLE', 'exclusions[0].table'],
      ['UNKNOWN_TABLE', 'metrics[0].table'],
    ]);
  });

  it('diff names a change of weights, min_raters and include_self', () => {
    const a = loadText(v2Text(card, { top: rating('    roles: { supervisor: 0.6, peer: 0.4 }\n') })).policy;
    const b = loadText(
      v2Text(card, {
        top: rating('    roles: { supervisor: 0.5, peer: 0.5 }\n    min_raters: 3\n    include_self: true\n'),
      }),
    ).policy;
    if (a === null || b === null) throw new Error('both load');
    const changes = diffPolicies(a, b);
    expect(changes.map((c) => [c.subject, c.field, c.before, c.after])).toEqual([
      ['teamwork', 'rater_roles', { supervisor: 0.6, peer: 0.4 }, { supervisor: 0.5, peer: 0.5 }],
      ['teamwork', 'min_raters', 1, 3],
      ['teamwork', 'include_self', false, true],
    ]);
    expect(renderDiffText(changes, 'en', 'd')).toContain('teamwork: minimum raters 1 → 3');
  });
});
