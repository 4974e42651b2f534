import { describe, expect, it } from 'vitest';
import { diffPolicies, type Policy, renderDiffText } from '../src/index.ts';
import { GROUPED, loadText, v2Text, where } from './v2-policy.ts';

const valid = (text: string): Policy => {
  const loaded = loadText(text);
  if (loaded.policy === null) throw new Error(JSON.stringify(where(loaded)));
  return loaded.policy;
};

describe('scorecard groups (考核维度)', () => {
  it('are read with their weights, and each item names its group', () => {
    const policy = valid(v2Text(GROUPED));
    expect(policy.scorebook).toBe(2);
    const card = policy.scorecards[0]!;
    expect(card.groups.map((g) => [g.id, g.title, g.title_en, g.weight, g.source.line])).toEqual([
      ['efficiency', '服务效率', null, 60, 19],
      ['quality', '服务质量', 'Quality', 40, 25],
    ]);
    expect(card.scored.map((i) => [i.metric, i.group, i.weight])).toEqual([
      ['first_response_time', 'efficiency', 50],
      ['reply_rate', 'efficiency', 50],
      ['csat_rate', 'quality', 100],
    ]);
  });

  it('give a flat scored list no group', () => {
    const policy = valid(
      v2Text(`  s:
    title: t
    roles: [r]
    scored:
      - { metric: fcr, weight: 100, target: 80%, floor: 50% }
`),
    );
    expect(policy.scorecards[0]!.groups).toEqual([]);
    expect(policy.scorecards[0]!.scored[0]!.group).toBeNull();
  });

  it('need format 2: in a format 1 file they are refused at the key', () => {
    const loaded = loadText(v2Text(GROUPED, { format: 1 }));
    expect(loaded.policy).toBeNull();
    expect(where(loaded)).toEqual([['NEEDS_FORMAT_2', 'error', 18, 5, 'scorecards.service.groups']]);
    expect(loaded.problems[0]!.message.en).toContain(
      'Change scorebook: 1 at the top of the file to scorebook: 2',
    );
  });

  it('add up to 100, and so do the weights inside each group', () => {
    const loaded = loadText(
      v2Text(GROUPED.replace('weight: 60', 'weight: 70').replace('weight: 100,', 'weight: 90,')),
    );
    expect(where(loaded)).toEqual([
      ['GROUP_WEIGHTS_NOT_100', 'error', 18, 5, 'scorecards.service.groups'],
      ['GROUP_ITEM_WEIGHTS_NOT_100', 'error', 29, 9, 'scorecards.service.groups[1].scored'],
    ]);
    expect(loaded.problems.map((p) => p.message.en)).toEqual([
      'The group weights of scorecard "service" add up to 110; they must add up to 100: efficiency 70 + quality 40 = 110.',
      'The weights inside group "quality" of scorecard "service" add up to 90; they must add up to 100 (they share out the group\'s subtotal): csat_rate 90 = 90.',
    ]);
    expect(loaded.problems.map((p) => p.message.zh)).toEqual([
      '考核表 "service" 的考核维度权重合计为 110,应为 100:efficiency 70 + quality 40 = 110。',
      '考核维度 "quality"(考核表 "service")内的指标权重合计为 90,应为 100(维度内的权重是维度分内部的占比):csat_rate 90 = 90。',
    ]);
  });

  it('name a group without an id by its index in the sum of group weights', () => {
    const loaded = loadText(
      v2Text(GROUPED.replace('id: quality\n        title:', 'title:').replace('weight: 40', 'weight: 45.5')),
    );
    const sum = loaded.problems.find((p) => p.code === 'GROUP_WEIGHTS_NOT_100');
    expect(sum?.message.en).toBe(
      'The group weights of scorecard "service" add up to 105.5; they must add up to 100: efficiency 60 + [1] 45.5 = 105.5.',
    );
  });

  it('score a metric once in the whole scorecard, and take no scored list beside them', () => {
    const twice = loadText(v2Text(GROUPED.replace('metric: csat_rate', 'metric: reply_rate')));
    expect(where(twice)).toEqual([
      ['DUPLICATE_SCORED_METRIC', 'error', 30, 23, 'scorecards.service.groups[1].scored[0].metric'],
    ]);
    const both = loadText(
      v2Text(`${GROUPED}    scored:\n      - { metric: fcr, weight: 100, target: 80%, floor: 50% }\n`),
    );
    expect(where(both)).toEqual([['SCORED_AND_GROUPS', 'error', 31, 5, 'scorecards.service.scored']]);
  });

  it('or a scored list is needed: MISSING_KEY in format 1 as before, SCORECARD_NEEDS_SCORED in format 2', () => {
    const card = '  s:\n    title: t\n    roles: [r]\n';
    expect(where(loadText(v2Text(card, { format: 1 })))).toEqual([
      ['MISSING_KEY', 'error', 15, 3, 'scorecards.s'],
    ]);
    expect(where(loadText(v2Text(card)))).toEqual([
      ['SCORECARD_NEEDS_SCORED', 'error', 15, 3, 'scorecards.s'],
    ]);
  });

  it('are compared by diff: a group weight, a metric moved to another group', () => {
    const before = valid(v2Text(GROUPED));
    const after = valid(
      v2Text(`  service:
    title: 客服
    roles: [aftersale]
    groups:
      - id: efficiency
        title: 服务效率
        weight: 40
        scored:
          - { metric: reply_rate, weight: 100, target: 100%, floor: 50% }
      - id: quality
        title: 服务质量
        title_en: Quality
        weight: 60
        scored:
          - { metric: csat_rate, weight: 50, target: 100%, floor: 50% }
          - { metric: first_response_time, weight: 50, target: 20s, floor: 60s }
`),
    );
    const changes = diffPolicies(before, after);
    expect(changes.map((c) => [c.area, c.subject, c.field, c.before, c.after])).toEqual([
      ['group', 'efficiency', 'weight', 60, 40],
      ['group', 'quality', 'weight', 40, 60],
      ['scored', 'first_response_time', 'group', 'efficiency', 'quality'],
      ['scored', 'reply_rate', 'weight', 50, 100],
      ['scored', 'csat_rate', 'weight', 100, 50],
    ]);
    expect(renderDiffText(changes, 'zh', 'd')).toContain(
      '考核表 service › 考核维度 › efficiency: 权重 60 → 40',
    );
    expect(renderDiffText(changes, 'en', 'd')).toContain(
      'Scorecard service › Scored metric › first_response_time: group efficiency → quality',
    );
  });
});
