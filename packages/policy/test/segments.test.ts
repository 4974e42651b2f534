import { describe, expect, it } from 'vitest';
import { diffPolicies, renderDiffText, segmentDefinitions } from '../src/index.ts';
import { policyMetricCatalog } from '../src/metric-catalog.ts';
import { loadText, v2Text, where } from './v2-policy.ts';

const card = (items: string) => `  s:
    title: t
    roles: [r]
    scored:
${items}`;
const SEGMENTED = `      - metric: fcr
        weight: 100
        segments:
          field: channel
          targets:
            - { value: chat, target: 85%, floor: 60% }
            - { value: email, target: 70%, floor: 40% }
`;

describe('segmented targets', () => {
  it('are read with each target in the metric unit, and measured as one metric per segment', () => {
    const loaded = loadText(v2Text(card(SEGMENTED)));
    expect(loaded.problems).toEqual([]);
    const policy = loaded.policy!;
    expect(policy.scorecards[0]?.scored[0]?.segments).toEqual({
      field: 'channel',
      segments: [
        { value: 'chat', title: null, target: 0.85, floor: 0.6 },
        { value: 'email', title: null, target: 0.7, floor: 0.4 },
      ],
    });
    const [chat] = segmentDefinitions(policy, policyMetricCatalog(policy));
    expect(chat?.id).toBe('fcr@channel=chat');
    const only = { fact: 'channel', operator: 'equal', value: 'chat' };
    expect(chat?.numerator?.where).toMatchObject({ all: [only, { all: [{ fact: 'resolved' }, {}, {}] }] });
    expect(chat?.denominator?.where).toEqual(only);
  });

  it('need format 2, a metric with a sample, a field of its tables, their own targets', () => {
    expect(where(loadText(v2Text(card(SEGMENTED), { format: 1 }))).map((p) => p[0])).toEqual([
      'NEEDS_FORMAT_2',
    ]);
    const loaded = loadText(
      v2Text(
        card(`      - metric: complaint_rate
        weight: 50
        target: 1%
        segments:
          field: channel
          targets:
            - { value: chat, target: 1%, floor: 3% }
            - { value: chat, target: 5%, floor: 3% }
      - metric: praise_count
        weight: 50
        segments: { field: type, targets: [{ value: praise, target: 1, floor: 0 }] }
`),
      ),
    );
    expect(where(loaded)).toEqual([
      ['SCORED_KEYS_CONFLICT', 'error', 21, 9, 'scorecards.s.scored[0].target'],
      ['SEGMENT_FIELD_UNKNOWN', 'error', 23, 18, 'scorecards.s.scored[0].segments.field'],
      ['DUPLICATE_ID', 'error', 26, 24, 'scorecards.s.scored[0].segments.targets[1].value'],
      ['TARGET_FLOOR_ORDER', 'error', 26, 38, 'scorecards.s.scored[0].segments.targets[1].target'],
      ['SEGMENTS_KIND', 'error', 29, 9, 'scorecards.s.scored[1].segments'],
    ]);
    expect(loaded.problems[1]?.message.en).toMatch(
      /^"complaint_rate" cannot be segmented by "channel": complaints has no such field\. Fields: /,
    );
  });

  it('are compared by diff, segment targets in the metric unit', () => {
    const a = loadText(v2Text(card(SEGMENTED))).policy!;
    const b = loadText(v2Text(card(SEGMENTED.replace('target: 70%', 'target: 75%')))).policy!;
    expect(renderDiffText(diffPolicies(a, b), 'zh', 'd').split('\n').slice(1, 2)).toEqual([
      '  考核表 s › 考核指标 › fcr: 分段目标 channel:chat 85%(底线 60%)· email 70%(底线 40%) → channel:chat 85%(底线 60%)· email 75%(底线 40%)',
    ]);
  });
});
