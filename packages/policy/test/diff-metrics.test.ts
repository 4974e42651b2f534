import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffPolicies, renderDiffText } from '../src/index.ts';
import { loadText } from './v2-policy.ts';

const valid = readFileSync(
  fileURLToPath(new URL('./fixtures/families/valid/ecommerce-cs/2026-10-01.yaml', import.meta.url)),
  'utf8',
);
const METRICS = `metrics:
  - id: long_call_rate
    title: 长通话占比
    title_en: Long calls
    kind: ratio
    better: lower
    numerator:
      table: conversations
      where: { all: [{ fact: handle_seconds, operator: greaterThan, value: 1800 }] }
    denominator:
      table: conversations
  - id: median_handle
    title: 处理时长中位数
    kind: median
    better: lower
    unit: seconds
    table: conversations
    field: handle_seconds
`;
const policy = (text: string) => loadText(text).policy!;

describe('diff of policy metrics', () => {
  const before = policy(valid);
  const after = policy(valid.replace('metrics:\n', METRICS));

  it('shows an added or removed metric as a sentence, not JSON', () => {
    expect(renderDiffText(diffPolicies(before, after), 'zh', 'd').split('\n').slice(1)).toEqual([
      '  自定义指标 › long_call_rate: 新增 + 长通话占比 — 比率,越低越好:conversations(handle_seconds 大于 1800) ÷ conversations',
      '  自定义指标 › median_handle: 新增 + 处理时长中位数 — conversations.handle_seconds 的中位数,单位秒,越低越好',
      '',
    ]);
    expect(renderDiffText(diffPolicies(after, before), 'en', 'd').split('\n').slice(1, 3)).toEqual([
      '  Policy metric › long_call_rate: removed - Long calls — ratio, lower is better: conversations (handle_seconds is greater than 1800) ÷ conversations',
      '  Policy metric › median_handle: removed - 处理时长中位数 — median of conversations.handle_seconds (seconds), lower is better',
    ]);
  });

  it('shows a changed numerator with its condition', () => {
    const changed = policy(valid.replace('metrics:\n', METRICS.replace('value: 1800', 'value: 1200')));
    expect(renderDiffText(diffPolicies(after, changed), 'zh', 'd').split('\n').slice(1, 2)).toEqual([
      '  自定义指标 › long_call_rate: 分子 conversations: handle_seconds 大于 1800 → conversations: handle_seconds 大于 1200',
    ]);
  });

  it('shows a metric over messages with containsAny, and a distinct count', () => {
    const more = `metrics:
  - id: politeness_rate
    title: 礼貌用语使用频率
    title_en: Courtesy phrase rate
    kind: ratio
    better: higher
    numerator: { table: messages, where: { fact: text, operator: containsAny, value: ["您好", "请"] } }
    denominator: { table: messages }
  - { id: customers_served, title: 服务客户数, title_en: Customers served, kind: distinct_count, better: higher, table: conversations, field: customer_id }
`;
    const added = policy(valid.replace('metrics:\n', more));
    expect(renderDiffText(diffPolicies(before, added), 'en', 'd').split('\n').slice(1, 3)).toEqual([
      '  Policy metric › politeness_rate: added + Courtesy phrase rate — ratio, higher is better: messages (text as normalised text contains any of ["您好","请"]) ÷ messages',
      '  Policy metric › customers_served: added + Customers served — distinct count of conversations.customer_id (count), higher is better',
    ]);
  });
});
