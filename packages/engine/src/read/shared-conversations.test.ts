import { describe, expect, it } from 'vitest';
import type { Conversation } from '../derive/conversation-index.ts';
import { SharedConversationLookup, shareConversations } from './shared-conversations.ts';

const conversation = (id: string, index: number): Conversation => ({
  index,
  id,
  agent: index % 3 === 0 ? -1 : index % 7,
  channel: null,
  excluded: index % 5 === 0,
  file: 0,
  line: index + 2,
});

describe('conversations shared with worker threads', () => {
  it('find every id at its index, byte for byte, and nothing else', () => {
    const ids = [
      '',
      'c1',
      'C1',
      '会话-0001',
      '😀x',
      'a\ud800b', // a lone surrogate: encoded as U+FFFD, like TextEncoder
      'é',
      ...Array.from({ length: 5000 }, (_, i) => `conv-${i}`),
    ];
    const all = ids.map(conversation);
    const lookup = new SharedConversationLookup(shareConversations(all));
    for (const c of all) {
      expect(lookup.indexOf(c.id)).toBe(c.index);
      expect(lookup.agentOf(c.index)).toBe(c.agent);
      expect(lookup.excludedAt(c.index)).toBe(c.excluded);
    }
    // The last id looked up is remembered; a different one after it is looked up afresh.
    expect([lookup.indexOf('conv-7'), lookup.indexOf('conv-7'), lookup.indexOf('conv-8')]).toEqual([
      14, 14, 15,
    ]);
    for (const absent of ['c2', 'conv-5000', 'conv-', '会话-0002', 'a\ud800', ' c1', 'c1 '])
      expect([absent, lookup.has(absent), lookup.named(absent)]).toEqual([absent, false, -1]);
  });

  it('hold no conversation at all', () => {
    const lookup = new SharedConversationLookup(shareConversations([]));
    expect([lookup.indexOf('c1'), lookup.indexOf(''), lookup.agentOf(0)]).toEqual([-1, -1, -1]);
  });
});
