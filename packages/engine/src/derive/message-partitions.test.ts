import { describe, expect, it } from 'vitest';
import { MessagePartitions } from './message-partitions.ts';
import { AGENT, CUSTOMER, type MessageStore } from './message-store.ts';

const linesOf = (store: MessageStore) => Array.from({ length: store.length }, (_, i) => store.line(i));

// Messages of conversations 0–9 in a scrambled order; each message's line is its reading order.
function fill(partitions: MessagePartitions, from: number, to: number): void {
  for (let i = from; i < to; i++)
    partitions.push((i * 7) % 10, 1000 + i, i % 2 === 0 ? CUSTOMER : AGENT, i % 3, 0, i);
}

describe('the message partitions', () => {
  for (const messagesInMemory of [0, 100, Number.POSITIVE_INFINITY])
    it(`give each partition its messages in reading order (${messagesInMemory} in memory)`, () => {
      const partitions = new MessagePartitions({ conversationsPerPartition: 4, messagesInMemory });
      fill(partitions, 0, 5000);
      const mark = partitions.mark();
      fill(partitions, 5000, 10_000);
      expect(partitions.length).toBe(10_000);
      // A reading given up (some of it already appended to the files): its 5000 messages are dropped, and the next are kept after the first 5000.
      partitions.rollback(mark);
      fill(partitions, 6000, 6010);
      expect([partitions.length, partitions.spilled]).toEqual([5010, messagesInMemory < 5000]);
      const taken = [0, 1, 2, 3].map((p) => partitions.take(p));
      const expected = (p: number) =>
        [
          ...Array.from({ length: 5000 }, (_, i) => i),
          ...Array.from({ length: 10 }, (_, i) => 6000 + i),
        ].filter((i) => Math.floor(((i * 7) % 10) / 4) === p);
      expect(taken.map(linesOf)).toEqual([0, 1, 2, 3].map(expected));
      const first = taken[0];
      expect(
        first === undefined ? [] : [first.conversation(1), first.sentAt(1), first.sender(1), first.agent(1)],
      ).toEqual([
        ((expected(0)[1] ?? 0) * 7) % 10,
        1000 + (expected(0)[1] ?? 0),
        (expected(0)[1] ?? 0) % 2 === 0 ? CUSTOMER : AGENT,
        (expected(0)[1] ?? 0) % 3,
      ]);
      // Each partition is taken once.
      expect(partitions.take(0).length).toBe(0);
      partitions.close();
    });
});
