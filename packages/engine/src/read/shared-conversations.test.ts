import { describe, expect, it } from 'vitest';
import { ConversationIndex } from '../derive/conversation-index.ts';
import { Row } from '../row.ts';
import { SharedConversationLookup, shareConversations } from './shared-conversations.ts';

// An index of these ids, with agents and exclusions that vary with the index.
function indexOf(ids: readonly string[]): ConversationIndex {
  const index = new ConversationIndex();
  ids.forEach((id, i) => {
    const row = new Row({ conversation_id: id, channel: i % 2 === 0 ? null : `ch${i % 3}` }, 0, i + 2);
    index.add(row, i % 3 === 0 ? -1 : i % 7, i % 5 === 0);
  });
  return index;
}

const IDS = [
  '',
  'c1',
  'C1',
  '会话-0001',
  '😀x',
  'a\ud800b', // a lone surrogate: encoded as U+FFFD, like TextEncoder
  'é',
  ...Array.from({ length: 5000 }, (_, i) => `conv-${i}`),
];
// 'a\ufffdb' and 'a\udbffb' have the bytes of 'a\ud800b', and are other ids.
const ABSENT = ['c2', 'conv-5000', 'conv-', '会话-0002', 'a\ud800', ' c1', 'c1 ', 'a\ufffdb', 'a\udbffb'];

describe('the conversation index', () => {
  it('finds every id at its index, with its columns, and nothing else', () => {
    const index = indexOf(IDS);
    expect(index.size).toBe(IDS.length);
    IDS.forEach((id, i) => {
      expect([index.indexOf(id), index.agentOf(i), index.excludedAt(i)]).toEqual([
        i,
        i % 3 === 0 ? -1 : i % 7,
        i % 5 === 0,
      ]);
      expect(index.idAt(i)).toBe(id);
      expect(index.channelAt(i)).toBe(i % 2 === 0 ? null : `ch${i % 3}`);
      expect([
        index.acceptedAt(id, 0, i + 2),
        index.acceptedAt(id, 0, i + 3),
        index.acceptedAt(id, 1, i + 2),
        index.fileAt(i),
        index.lineAt(i),
      ]).toEqual([i, -1, -1, 0, i + 2]);
    });
    for (const absent of ABSENT) expect([absent, index.indexOf(absent)]).toEqual([absent, -1]);
    expect([index.agentOf(-1), index.agentOf(IDS.length), index.excludedAt(IDS.length)]).toEqual([
      -1,
      -1,
      false,
    ]);
  });

  it('gives an id only messages name a conversation of its own, once', () => {
    const index = indexOf(['c1']);
    expect([index.named('c1'), index.named('m1'), index.named('m2'), index.named('m1')]).toEqual([
      0, 1, 2, 1,
    ]);
    expect([
      index.size,
      index.agentOf(1),
      index.excludedAt(2),
      index.channelAt(1),
      index.acceptedAt('m1', -1, 0),
    ]).toEqual([3, -1, false, null, 1]);
  });
});

describe('ids of equal UTF-8 bytes', () => {
  // A lone surrogate is written as U+FFFD: the three have the same bytes and are three ids.
  const SAME_BYTES = ['a\ud800b', 'a\ufffdb', 'a\udbffb'];

  it('are different conversations, each found at its own index', () => {
    const index = indexOf(SAME_BYTES);
    const lookup = new SharedConversationLookup(shareConversations(index));
    expect(
      SAME_BYTES.map((id) => [index.indexOf(id), lookup.indexOf(id), index.idAt(index.indexOf(id))]),
    ).toEqual([
      [0, 0, 'a\ud800b'],
      [1, 1, 'a\ufffdb'],
      [2, 2, 'a\udbffb'],
    ]);
    expect([index.named('a\udfffb'), index.size, index.indexOf('a\udfffb')]).toEqual([3, 4, 3]);
  });

  it('are not found for one another', () => {
    expect([indexOf(['a\ufffdb']).indexOf('a\ud800b'), indexOf(['a\ud800b']).indexOf('a\ufffdb')]).toEqual([
      -1, -1,
    ]);
  });
});

describe('conversations shared with worker threads', () => {
  it('find every id at its index, byte for byte, and nothing else', () => {
    const lookup = new SharedConversationLookup(shareConversations(indexOf(IDS)));
    IDS.forEach((id, i) => {
      expect(lookup.indexOf(id)).toBe(i);
      expect(lookup.agentOf(i)).toBe(i % 3 === 0 ? -1 : i % 7);
      expect(lookup.excludedAt(i)).toBe(i % 5 === 0);
    });
    // The last id looked up is remembered; a different one after it is looked up afresh.
    expect([lookup.indexOf('conv-7'), lookup.indexOf('conv-7'), lookup.indexOf('conv-8')]).toEqual([
      14, 14, 15,
    ]);
    for (const absent of ABSENT)
      expect([absent, lookup.indexOf(absent), lookup.named(absent)]).toEqual([absent, -1, -1]);
    // The conversation after the last found is tried first: in order, out of order, past the end,
    // an id that differs from the next one's only in case, and ids that are not ASCII.
    const fresh = new SharedConversationLookup(shareConversations(indexOf(IDS)));
    expect(
      [
        'conv-9',
        'conv-8',
        'conv-10',
        'conv-4999',
        'conv-0',
        'c1',
        'c1',
        'C1',
        '会话-0001',
        '😀x',
        'é',
        'c2',
      ].map((id) => fresh.indexOf(id)),
    ).toEqual([16, 15, 17, IDS.length - 1, 7, 1, 1, 2, 3, 4, 6, -1]);
    expect([fresh.indexOf('conv-4999'), fresh.indexOf('conv-5000')]).toEqual([IDS.length - 1, -1]);
  });

  it('hold no conversation at all', () => {
    const lookup = new SharedConversationLookup(shareConversations(new ConversationIndex()));
    expect([lookup.indexOf('c1'), lookup.indexOf(''), lookup.agentOf(0)]).toEqual([-1, -1, -1]);
  });
});
