import { describe, expect, it } from 'vitest';
import { Row } from '../row.ts';
import { ConversationIndex } from './conversation-index.ts';

// More conversations than the first capacity (1024), so that the bits survive growing.
const IDS = ['a\ud800b', 'a\ufffdb', ...Array.from({ length: 3000 }, (_, i) => `conv-${i}`)];

function indexOf(ids: readonly string[]): ConversationIndex {
  const index = new ConversationIndex();
  ids.forEach((id, i) => {
    index.add(new Row({ conversation_id: id, channel: null }, 0, i + 2), 0, false);
  });
  return index;
}

describe('the converted bits of the conversation index', () => {
  it('mark exactly the conversations kept orders name, through growth, ids compared exactly', () => {
    const index = new ConversationIndex();
    const named = new Set(['a\ud800b', 'conv-0', 'conv-7', 'conv-1023', 'conv-1024', 'conv-2999']);
    // Marked while conversations are still added (the index grows past them), and after.
    IDS.forEach((id, i) => {
      index.add(new Row({ conversation_id: id, channel: null }, 0, i + 2), 0, false);
      if (id === 'conv-7') index.markConverted(index.indexOf(id));
    });
    for (const id of named) index.markConverted(index.indexOf(id));
    // Ids only orders name find no conversation (-1) and mark nothing; nor does an index past the end.
    for (const id of ['conv-3000', 'a\udbffb', 'c1']) index.markConverted(index.indexOf(id));
    index.markConverted(IDS.length);
    const marked = IDS.flatMap((id, i) => (index.convertedAt(i) ? [id] : []));
    expect(marked).toEqual(IDS.filter((id) => named.has(id)));
    expect(marked).toHaveLength(6);
    // 'a\ufffdb' has the bytes of 'a\ud800b' and is another conversation: not marked.
    expect([index.convertedAt(0), index.convertedAt(1)]).toEqual([true, false]);
    expect([index.convertedAt(-1), index.convertedAt(IDS.length)]).toEqual([false, false]);
  });

  it('are all clear until an order marks one, and marking twice is marking once', () => {
    const index = indexOf(IDS);
    expect(IDS.some((_, i) => index.convertedAt(i))).toBe(false);
    index.markConverted(5);
    index.markConverted(5);
    expect(IDS.flatMap((_, i) => (index.convertedAt(i) ? [i] : []))).toEqual([5]);
  });
});

describe('looking an id up, then adding it (find-or-add)', () => {
  const add = (index: ConversationIndex, id: string, line: number) =>
    index.add(new Row({ conversation_id: id, channel: null }, 0, line), 0, false);

  it('adds at the slot the missed lookup ended on, through growth and rehashing', () => {
    // Every id looked up before it is added, as the row checks do; some lookups miss another id
    // in between, or the same id twice, and every third id is added without a lookup.
    const index = new ConversationIndex();
    IDS.forEach((id, i) => {
      if (i % 3 !== 2) expect(index.indexOf(id)).toBe(-1);
      if (i % 5 === 0) expect(index.indexOf(`${id}-other`)).toBe(-1);
      if (i % 7 === 0) expect(index.indexOf(id)).toBe(-1);
      add(index, id, i + 2);
    });
    const plain = indexOf(IDS);
    expect(index.size).toBe(IDS.length);
    IDS.forEach((id, i) => {
      expect([index.indexOf(id), index.lineAt(i), index.idAt(i)]).toEqual([i, i + 2, id]);
      expect(plain.indexOf(id)).toBe(i);
    });
    expect(index.shared().slots).toEqual(plain.shared().slots);
    for (const id of ['conv-3000', 'a\udbffb', 'conv-1-other']) expect(index.indexOf(id)).toBe(-1);
  });

  it('forgets the missed slot when another id is added first', () => {
    // An id of the same first slot as 'x' (FNV-1a of its bytes, masked to the 2048 slots).
    const slotOf = (id: string) =>
      [...id].reduce((h, c) => Math.imul(h ^ (c.codePointAt(0) ?? 0), 0x01000193), 0x811c9dc5) & 2047;
    const y = Array.from({ length: 100_000 }, (_, n) => `k${n}`).find((k) => slotOf(k) === slotOf('x'));
    if (y === undefined) throw new Error('no id shares the slot of x');
    const index = new ConversationIndex();
    expect(index.indexOf('x')).toBe(-1);
    // y takes the slot where x was missed: x is placed by a probe of its own, after y.
    add(index, y, 2);
    add(index, 'x', 3);
    expect([index.indexOf(y), index.indexOf('x'), index.indexOf('z')]).toEqual([0, 1, -1]);
    expect(index.shared().slots).toEqual(indexOf([y, 'x']).shared().slots);
  });
});

describe('acceptedAt with the index expected', () => {
  it('answers as without a guess, whatever the guess', () => {
    const ids = ['c1', 'c2', 'é3', 'c4'];
    const index = indexOf(ids);
    // Accepted rows are at lines 2–5; a row read again elsewhere (line 9) is not accepted.
    const asked: Array<[string, number]> = [
      ['c1', 2],
      ['c2', 3],
      ['c2', 9],
      ['é3', 4],
      ['c4', 5],
      ['c9', 6],
    ];
    for (const [id, line] of asked) {
      const plain = index.acceptedAt(id, 0, line);
      for (const guess of [-1, 0, 1, 2, 3, 4, 99]) expect(index.acceptedAt(id, 0, line, guess)).toBe(plain);
    }
    expect(asked.map(([id, line]) => index.acceptedAt(id, 0, line))).toEqual([0, 1, -1, 2, 3, -1]);
    // Right place, another id: not the expected conversation.
    expect(index.acceptedAt('c5', 0, 5, 3)).toBe(-1);
    expect(index.acceptedAt('c1', 1, 2, 0)).toBe(-1);
  });
});

describe('indexOf', () => {
  it('finds every id, asked in order (the one after the last found first) or not', () => {
    const index = indexOf(IDS);
    // In order, twice, backwards, every third, and ids of no conversation in between.
    const asked = [...IDS, ...IDS, ...[...IDS].reverse(), ...IDS.filter((_, i) => i % 3 === 0)];
    const answers = asked.flatMap((id, i) => [
      index.indexOf(id),
      ...(i % 7 === 0 ? [index.indexOf(`${id}x`)] : []),
    ]);
    const expected = asked.flatMap((id, i) => [IDS.indexOf(id), ...(i % 7 === 0 ? [-1] : [])]);
    expect(answers).toEqual(expected);
    // conv-0's bytes follow a\ufffdb's; a\ud800b has the same bytes as a\ufffdb and is not it.
    expect([index.indexOf('a\ufffdb'), index.indexOf('conv-0'), index.indexOf('a\ud800b')]).toEqual([
      1, 2, 0,
    ]);
    expect([index.indexOf('conv-0'), index.indexOf('conv-1'), index.indexOf('conv-1'.slice(0, 5))]).toEqual([
      2, 3, -1,
    ]);
  });
});

describe('the hash table sized from the expected conversations', () => {
  const build = (expected: number) => {
    const index = new ConversationIndex(expected);
    IDS.forEach((id, i) => {
      expect(index.indexOf(id)).toBe(-1);
      index.add(new Row({ conversation_id: id, channel: null }, 0, i + 2), 0, false);
    });
    return index;
  };

  it('starts at twice the estimate, a power of two from 2^11 to 2^25', () => {
    expect(new ConversationIndex().shared().slots.length).toBe(2048);
    expect(new ConversationIndex(1024).shared().slots.length).toBe(2048);
    expect(new ConversationIndex(1025).shared().slots.length).toBe(4096);
    expect(new ConversationIndex(600_000).shared().slots.length).toBe(2 ** 21);
    expect(new ConversationIndex(1e9).shared().slots.length).toBe(2 ** 25);
  });

  it('finds the same index for every id whatever the estimate, too low (rebuilt) or too high', () => {
    const low = build(0);
    const high = build(100_000);
    // Too low: rebuilt as it filled; high enough: never rebuilt.
    expect(low.shared().slots.length).toBe(8192);
    expect(high.shared().slots.length).toBe(2 ** 18);
    for (const [i, id] of IDS.entries()) {
      expect(low.indexOf(id)).toBe(i);
      expect(high.indexOf(id)).toBe(i);
    }
    expect(high.indexOf('conv-3000')).toBe(-1);
    expect(high.indexOf('a\udbffb')).toBe(-1);
  });
});
