import { describe, expect, it } from 'vitest';
import { AGENT, CUSTOMER, MessageStore } from './message-store.ts';

describe('the message store', () => {
  it('appends columns after its messages, and drops what a given-up reading appended', () => {
    const store = new MessageStore();
    store.push(0, 1000, CUSTOMER, -1, 0, 2);
    const piece = new MessageStore();
    for (let i = 0; i < 3000; i++)
      piece.push(i % 4, 2000 + i, i % 2 === 0 ? CUSTOMER : AGENT, i % 3, 1, 3 + i);
    store.append(piece.columns());
    expect([store.length, store.sentAt(3000), store.line(3000), store.agent(2999)]).toEqual([
      3001, 4999, 3002, 1,
    ]);
    store.truncate(1);
    expect(store.columns().sentAt).toEqual(new Float64Array([1000]));
    store.push(5, 7000, AGENT, 1, 0, 9);
    expect([store.length, store.conversation(1), store.sentAt(1)]).toEqual([2, 5, 7000]);
    store.truncate(10);
    expect(store.length).toBe(2);
  });

  it('keeps its messages when room is made for more, and takes more than it made room for', () => {
    const store = new MessageStore();
    for (let i = 0; i < 1500; i++) store.push(i, i * 10, CUSTOMER, -1, 0, i + 2);
    store.reserve(1600);
    store.reserve(10);
    for (let i = 1500; i < 5000; i++) store.push(i, i * 10, AGENT, 1, 0, i + 2);
    const columns = store.columns();
    expect([columns.length, columns.sentAt[1499], columns.sender[1499], columns.sender[1500]]).toEqual([
      5000,
      14990,
      CUSTOMER,
      AGENT,
    ]);
    expect(columns.line.every((line, i) => line === i + 2)).toBe(true);
  });
});
