import { describe, expect, it } from 'vitest';
import { KeptConversations, KeptRows } from './kept-conversations.ts';

const LIMITS = { rows: 100, texts: 4 };

// The row with its id moved to the end.
function moved({ conversation_id, ...rest }: Record<string, unknown>): Record<string, unknown> {
  return { ...rest, conversation_id };
}

// Rows as the typer gives them: every key, in the order of the file's header.
function row(i: number): Record<string, unknown> {
  return {
    conversation_id: `c${i}`,
    agent_id: i % 3 === 0 ? null : `a${i % 2}`,
    started_at: i === 1 ? -0 : 1_790_000_000_000 + i * 1000.5,
    resolved: i % 4 === 0 ? null : i % 2 === 0,
    score: i === 2 ? Number.NaN : i === 3 ? Number.POSITIVE_INFINITY : i / 7,
    note: i % 5 === 0 ? '' : null,
  };
}

// What the rows kept give back, as a row's JSON and the identity of each value (-0, NaN).
function given(kept: KeptConversations, rows: Array<[Record<string, unknown>, number]>): void {
  const columns = kept.columns();
  expect(columns).not.toBeNull();
  const back = new KeptRows(structuredClone(columns) as NonNullable<typeof columns>);
  expect(back.size).toBe(rows.length);
  rows.forEach(([values, file], i) => {
    const again = back.valuesAt(i, file, values.conversation_id as string);
    expect(Object.keys(again)).toEqual(Object.keys(values));
    for (const key of Object.keys(values)) expect(Object.is(again[key], values[key]), key).toBe(true);
    expect(Object.getPrototypeOf(again)).toBe(Object.prototype);
  });
}

describe('conversations kept as columns', () => {
  it('give every row back: the same keys in order, texts, numbers bit for bit (-0, NaN, ∞), yes/no and nulls', () => {
    const kept = new KeptConversations(LIMITS, 'conversation_id', 2);
    const rows: Array<[Record<string, unknown>, number]> = [];
    for (let i = 0; i < 40; i++) rows.push([row(i), 0]);
    for (const [values, file] of rows) kept.keep(values, file);
    expect(kept.usable).toBe(true);
    given(kept, rows);
  });

  it('keep each file in its own order of keys, extra columns included', () => {
    const kept = new KeptConversations(LIMITS, 'conversation_id', 0);
    const rows: Array<[Record<string, unknown>, number]> = [
      [{ conversation_id: 'c1', agent_id: 'a1', 渠道备注: 'x' }, 3],
      [{ conversation_id: 'c2', agent_id: 'a2', 2025: 'y', 渠道备注: null }, 5],
      [{ conversation_id: 'c3', agent_id: 'a1', 渠道备注: 'x' }, 3],
    ];
    for (const [values, file] of rows) kept.keep(values, file);
    given(kept, rows);
  });

  it('give up, and keep nothing, when a row could not be given back or the limits are passed', () => {
    const cases: Array<{ why: string; rows: Array<Record<string, unknown>>; limits?: typeof LIMITS }> = [
      { why: 'more rows', rows: [row(0), row(1), row(2)], limits: { rows: 2, texts: 4 } },
      {
        why: 'more texts',
        rows: ['a', 'b', 'c', 'd', 'e'].map((t, i) => ({ conversation_id: `c${i}`, agent_id: t })),
      },
      { why: 'keys in another order', rows: [row(0), moved(row(1))] },
      { why: 'a key fewer', rows: [row(0), { conversation_id: 'c1' }] },
      { why: 'a key more', rows: [row(0), { ...row(1), extra: 1 }] },
      { why: 'a value not kept', rows: [row(0), { ...row(1), note: { text: 'x' } }] },
      { why: 'another prototype', rows: [Object.assign(Object.create(null), row(0))] },
    ];
    for (const { why, rows, limits } of cases) {
      const kept = new KeptConversations(limits ?? LIMITS, 'conversation_id', 0);
      for (const values of rows) kept.keep(values, 0);
      expect(kept.usable, why).toBe(false);
      expect(kept.columns(), why).toBeNull();
    }
    // Within the limits exactly, nothing is given up.
    const kept = new KeptConversations({ rows: 4, texts: 4 }, 'conversation_id', 0);
    ['a', 'b', 'c', 'd'].forEach((t, i) => {
      kept.keep({ conversation_id: `c${i}`, agent_id: t }, 0);
    });
    expect(kept.usable).toBe(true);
  });

  it('grow past the size they were made for', () => {
    const kept = new KeptConversations({ rows: 5000, texts: 4 }, 'conversation_id', 0);
    const rows: Array<[Record<string, unknown>, number]> = [];
    for (let i = 0; i < 3000; i++) rows.push([row(i), 0]);
    for (const [values, file] of rows) kept.keep(values, file);
    given(kept, rows);
  });
});
