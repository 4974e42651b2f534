import { describe, expect, it } from 'vitest';
import { diffPolicies, renderDiffText } from '../src/index.ts';
import { loadText, v2Text, where } from './v2-policy.ts';

const card = (flags: string) => `  s:
    title: t
    roles: [r]
    scored:
      - { metric: fcr, weight: 100, target: 80%, floor: 50% }
    flags:
${flags}`;
const FLAG = `      - id: slow
        label: 响应慢
        when: { all: [ { fact: first_response_time, operator: greaterThan, value: 60 }, { fact: total_score, operator: lessThan, value: 70 } ] }
`;

describe('flags', () => {
  it('are read with their label and condition, which sees metrics, agent facts and scores', () => {
    const loaded = loadText(v2Text(card(FLAG)));
    expect(loaded.problems).toEqual([]);
    expect(
      loaded.policy!.scorecards[0]!.flags.map((f) => [f.id, f.label, f.label_en, f.source.line]),
    ).toEqual([['slow', '响应慢', null, 21]]);
  });

  it('need format 2, unique ids and known facts', () => {
    expect(where(loadText(v2Text(card(FLAG), { format: 1 })))).toEqual([
      ['NEEDS_FORMAT_2', 'error', 20, 5, 'scorecards.s.flags'],
    ]);
    const twice = loadText(v2Text(card(FLAG + FLAG.replace('fact: total_score', 'fact: totl_score'))));
    expect(where(twice)).toEqual([
      ['DUPLICATE_ID', 'error', 24, 13, 'scorecards.s.flags[1].id'],
      ['CONDITION_UNKNOWN_FACT', 'error', 26, 97, 'scorecards.s.flags[1].when.all[1].fact'],
    ]);
  });

  it('are compared by diff', () => {
    const a = loadText(v2Text(card(FLAG))).policy!;
    const b = loadText(v2Text(card(FLAG.replace('响应慢', '首响慢').replace('value: 60', 'value: 90'))))
      .policy!;
    const changes = diffPolicies(a, b);
    expect(changes.map((c) => [c.area, c.subject, c.field])).toEqual([
      ['flag', 'slow', 'label'],
      ['flag', 'slow', 'when'],
    ]);
    expect(renderDiffText(changes, 'zh', 'd')).toContain(
      '考核表 s › 需关注标记 › slow: 名称 响应慢 → 首响慢',
    );
  });
});
