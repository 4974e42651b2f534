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
    expect(goalOf(item, 'seconds', 'zh', null)).toBe('channel:chat 300s(底线 900s)· email 1800s(底线 5400s)');
    expect(goalOf(item, 'seconds', 'en', null)).toBe(
      'channel: chat 300s (floor 900s) · email 1800s (floor 5400s)',
    );
  });
});
