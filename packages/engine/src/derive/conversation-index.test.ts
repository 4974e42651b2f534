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
