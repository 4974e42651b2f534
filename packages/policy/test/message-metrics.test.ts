import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPolicyBytes } from '../src/index.ts';

// Metrics over messages, containsAny and distinct_count as validation sees them (docs/messages.md).

const valid = readFileSync(
  fileURLToPath(new URL('./fixtures/families/valid/ecommerce-cs/2026-10-01.yaml', import.meta.url)),
  'utf8',
);
const withMetrics = (metrics: string) => valid.replace('\ngrades:\n', `${metrics}\ngrades:\n`);
const problems = (text: string) =>
  loadPolicyBytes('p.yaml', new TextEncoder().encode(text)).problems.map((p) => [
    p.code,
    p.line,
    p.column,
    p.path,
  ]);

describe('metrics over messages and distinct counts', () => {
  it('accepts a ratio and a count over messages with containsAny, and a distinct count of any field type', () => {
    const text = withMetrics(`  - id: politeness_rate
    title: 礼貌用语使用频率
    kind: ratio
    better: higher
    numerator: { table: messages, where: { fact: text, operator: containsAny, value: ["您好", "请"] } }
    denominator: { table: messages }
  - { id: polite, title: 礼貌消息数, kind: count, better: higher, table: messages }
  - { id: customers_served, title: 服务客户数, kind: distinct_count, better: higher, table: conversations, field: customer_id }
  - { id: channels, title: 渠道数, kind: distinct_count, better: higher, table: conversations, field: channel }
`);
    expect(problems(text)).toEqual([]);
    const policy = loadPolicyBytes('p.yaml', new TextEncoder().encode(text)).policy;
    expect(policy?.metrics.map((m) => [m.id, m.kind, m.unit])).toEqual([
      ['qa_pass_rate', 'ratio', 'ratio'],
      ['politeness_rate', 'ratio', 'ratio'],
      ['polite', 'count', 'count'],
      ['customers_served', 'distinct_count', 'count'],
      ['channels', 'distinct_count', 'count'],
    ]);
  });

  it('refuses other kinds over messages, a distinct count without a field or of an unknown one, and empty keywords', () => {
    const text =
      withMetrics(`  - { id: m1, title: 平均, kind: mean, better: higher, table: messages, field: sent_at }
  - { id: m2, title: 去重, kind: distinct_count, better: higher, table: conversations }
  - { id: m3, title: 去重, kind: distinct_count, better: higher, table: conversations, field: buyer }
  - id: m4
    title: 空
    kind: count
    better: higher
    table: messages
    where: { fact: text, operator: containsAny, value: ["谢谢", "～"] }
`);
    expect(problems(text)).toEqual([
      ['METRIC_MESSAGES_KIND', 45, 32, 'metrics[1].kind'],
      ['FIELD_NOT_NUMERIC', 45, 78, 'metrics[1].field'],
      ['METRIC_KIND_KEYS', 46, 5, 'metrics[2]'],
      ['UNKNOWN_FIELD', 47, 93, 'metrics[3].field'],
      ['CONDITION_KEYWORD_EMPTY', 53, 63, 'metrics[4].where.value[1]'],
    ]);
  });
});
