import type { SnapshotScoredItem } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { goalOf } from '../src/lib/views.ts';

const item: SnapshotScoredItem = {
  metric: 'avg_handle_time',
  weight: 100,
  method: 'linear',
  target: null,
  floor: null,
  bands: [],
  min_sample: 1,
  group: null,
  segments: {
    field: 'channel',
    segments: [
      { value: 'chat', title: '在线', target: 300, floor: 900 },
      { value: 'email', title: null, target: 1800, floor: 5400 },
    ],
  },
  line: 1,
};

describe('the goal of a segmented item', () => {
  it('lists each segment with its target and floor in the metric unit', () => {
    expect(goalOf(item, 'seconds', 'zh', null)).toBe(
      'channel:chat 5 分钟(底线 15 分钟) · email 30 分钟(底线 1.5 小时)',
    );
    expect(goalOf(item, 'seconds', 'en', null)).toBe(
      'channel: chat 5 min (floor 15 min) · email 30 min (floor 1.5 h)',
    );
  });
});
