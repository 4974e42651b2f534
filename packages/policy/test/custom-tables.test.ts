import type { FieldSpec } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { loadPolicyBytes } from '../src/index.ts';
import { v2Text, where } from './v2-policy.ts';

const card = `  s:
    title: t
    roles: [r]
    scored:
      - { metric: active_rate, weight: 50, target: 80%, floor: 20% }
      - { metric: mean_messages, weight: 50, target: 10, floor: 0 }
`;
// Lines 7–20: the two metrics on the custom table x_group_members.
const METRICS = `metrics:
  - id: active_rate
    title: 社群活跃度
    kind: ratio
    better: higher
    numerator: { table: x_group_members, where: { all: [{ fact: active, operator: equal, value: true }] } }
    denominator: { table: x_group_members }
  - id: mean_messages
    title: 平均发言数
    kind: mean
    better: higher
    table: x_group_members
    field: messages
    where: { all: [{ fact: group_name, operator: notEqual, value: 测试群 }] }
`;
const FIELDS = {
  member_id: { type: 'id', required: true },
  agent_id: { type: 'id', required: true },
  group_name: { type: 'string', required: true },
  joined_at: { type: 'timestamp', required: true },
  active: { type: 'bool' },
  messages: { type: 'int', min: 0 },
} satisfies Record<string, FieldSpec>;

const load = (text: string, customTables?: Record<string, Record<string, FieldSpec>>) =>
  loadPolicyBytes(
    'policy.yaml',
    new TextEncoder().encode(text),
    customTables === undefined ? {} : { customTables },
  );

describe('metrics on a custom table (docs/custom-tables.md)', () => {
  it('are accepted without a source, their fields unknowable, and read as metrics of that table', () => {
    const loaded = load(v2Text(card, { top: METRICS }));
    expect(where(loaded)).toEqual([]);
    expect(loaded.policy?.metrics.map((m) => [m.id, m.kind, m.table, m.numerator?.table ?? null])).toEqual([
      ['active_rate', 'ratio', null, 'x_group_members'],
      ['mean_messages', 'mean', 'x_group_members', null],
    ]);
  });

  it('without a source still check the conditions themselves', () => {
    const bad = METRICS.replace('operator: notEqual', 'operator: near');
    expect(where(load(v2Text(card, { top: bad })))).toEqual([
      ['CONDITION_UNKNOWN_OPERATOR', 'error', 20, 50, 'metrics[1].where.all[0].operator'],
    ]);
  });

  it('with the source, are checked against its declaration', () => {
    expect(where(load(v2Text(card, { top: METRICS }), { x_group_members: FIELDS }))).toEqual([]);
    const wrong = METRICS.replace('fact: active', 'fact: is_active').replace(
      'field: messages',
      'field: group_name',
    );
    expect(where(load(v2Text(card, { top: wrong }), { x_group_members: FIELDS }))).toEqual([
      ['CONDITION_UNKNOWN_FACT', 'error', 12, 65, 'metrics[0].numerator.where.all[0].fact'],
      ['FIELD_NOT_NUMERIC', 'error', 19, 12, 'metrics[1].field'],
    ]);
  });

  it('with a source that does not declare the table, are CUSTOM_TABLE_UNDECLARED at each table', () => {
    const loaded = load(v2Text(card, { top: METRICS }), { x_members: FIELDS });
    expect(where(loaded)).toEqual([
      ['CUSTOM_TABLE_UNDECLARED', 'error', 12, 25, 'metrics[0].numerator.table'],
      ['CUSTOM_TABLE_UNDECLARED', 'error', 13, 27, 'metrics[0].denominator.table'],
      ['CUSTOM_TABLE_UNDECLARED', 'error', 18, 12, 'metrics[1].table'],
    ]);
    expect(loaded.problems[0]?.message.zh).toBe(
      '数据来源没有声明自定义表 "x_group_members"(source.yaml 的 custom)。已声明的自定义表:x_members。请在 source.yaml 的 custom 下声明它,或改正表名。',
    );
  });

  it('never take a name outside x_ as custom: an unknown table stays UNKNOWN_TABLE', () => {
    const other = METRICS.replaceAll('x_group_members', 'group_members');
    expect(where(load(v2Text(card, { top: other }))).map(([code]) => code)).toEqual([
      'UNKNOWN_TABLE',
      'UNKNOWN_TABLE',
      'UNKNOWN_TABLE',
    ]);
  });
});
