import { describe, expect, it } from 'vitest';
import { ConversationIndex } from '../derive/conversation-index.ts';
import type { TableRecord } from '../read/read-inputs.ts';
import { RowChecks } from './row-checks.ts';

const FILES = ['agents.csv', 'conversations-1.csv', 'conversations-2.csv', 'messages.csv'];
const T = Date.UTC(2026, 9, 5, 2);

const record = (file: number, line: number, values: Record<string, unknown>): TableRecord => ({
  file,
  fileName: FILES[file] ?? '',
  line,
  values,
});
const conversation = (file: number, line: number, id: string, end: number | null = null) =>
  record(file, line, { conversation_id: id, agent_id: 'a1', channel: 'chat', started_at: T, ended_at: end });
const message = (line: number, id: string) =>
  record(3, line, { conversation_id: id, sent_at: T, sender: 'customer', agent_id: null });

// Checks with agent a1, fed conversations rows as evaluate does: each accepted row is added to
// the index before the next is checked. Then the messages.
function check(conversations: TableRecord[], messages: TableRecord[]) {
  const index = new ConversationIndex();
  const checks = new RowChecks({ fileNames: FILES, hasConversations: true, conversations: index });
  checks.accept(
    record(0, 2, { agent_id: 'a1', name: '张三', team: '一组', role: 'aftersale', hired_on: null }),
  );
  checks.startTable('conversations');
  for (const r of conversations) {
    const row = checks.accept(r);
    if (row !== null) index.add(row, 0, false);
  }
  checks.startTable('messages');
  const accepted = messages.map((r) => checks.accept(r) !== null);
  return { index, checks, accepted };
}

describe('the row checks of conversations, on the conversation index', () => {
  it('reject a repeated conversation id, naming the accepted row by file and line', () => {
    const { index, checks } = check(
      [
        conversation(1, 2, 'c1'),
        conversation(1, 3, 'c2'),
        conversation(2, 2, 'c2'),
        conversation(2, 3, 'c1'),
      ],
      [],
    );
    expect(index.size).toBe(2);
    expect(checks.rejected.map((r) => [r.file, r.line, r.field, r.code, r.message.en])).toEqual([
      [
        'conversations-2.csv',
        2,
        'conversation_id',
        'DUPLICATE_ID',
        expect.stringContaining('conversations-1.csv:3'),
      ],
      [
        'conversations-2.csv',
        3,
        'conversation_id',
        'DUPLICATE_ID',
        expect.stringContaining('conversations-1.csv:2'),
      ],
    ]);
    expect(checks.rejectedBy.get('conversations')).toBe(2);
  });

  it('know the accepted conversations when messages are read, and name a rejected one as the cause', () => {
    const { checks, accepted } = check(
      [
        conversation(1, 2, 'c1'),
        // Rejected after c1 was accepted: c1's messages are not caused by it.
        conversation(1, 3, 'c1', T - 1),
        conversation(1, 4, 'c2', T - 1),
        conversation(1, 5, 'c3'),
      ],
      [message(2, 'c1'), message(3, 'c2'), message(4, 'c3'), message(5, 'c1'), message(6, 'c4')],
    );
    expect(accepted).toEqual([true, false, true, true, false]);
    expect(checks.rejected.map((r) => [r.table, r.line, r.code, r.cause?.line ?? null])).toEqual([
      ['conversations', 3, 'ENDED_BEFORE_STARTED', null],
      ['conversations', 4, 'ENDED_BEFORE_STARTED', null],
      ['messages', 3, 'UNKNOWN_CONVERSATION', 4],
      ['messages', 6, 'UNKNOWN_CONVERSATION', null],
    ]);
  });

  it('tell apart ids whose UTF-8 bytes are equal (a lone surrogate is written as U+FFFD)', () => {
    const { index, checks, accepted } = check(
      [conversation(1, 2, 'a\ud800b'), conversation(1, 3, 'a\ufffdb'), conversation(1, 4, 'a\ud800b')],
      [message(2, 'a\ufffdb'), message(3, 'a\udbffb'), message(4, 'a\ud800b')],
    );
    expect([index.size, index.idAt(0), index.idAt(1)]).toEqual([2, 'a\ud800b', 'a\ufffdb']);
    expect(accepted).toEqual([true, false, true]);
    expect(checks.rejected.map((r) => [r.table, r.line, r.code])).toEqual([
      ['conversations', 4, 'DUPLICATE_ID'],
      ['messages', 3, 'UNKNOWN_CONVERSATION'],
    ]);
  });

  it('stop at once when an accepted conversation was not added to the index', () => {
    const index = new ConversationIndex();
    const checks = new RowChecks({ fileNames: FILES, hasConversations: true, conversations: index });
    checks.accept(
      record(0, 2, { agent_id: 'a1', name: '张三', team: '一组', role: 'aftersale', hired_on: null }),
    );
    checks.startTable('conversations');
    expect(checks.accept(conversation(1, 2, 'c1'))).not.toBeNull();
    expect(() => checks.accept(conversation(1, 3, 'c1'))).toThrow(
      'the conversation index holds 0 conversations, not the 1 accepted',
    );
    expect(() => checks.startTable('messages')).toThrow('holds 0 conversations');
  });
});

describe('the row checks of another table with a unique id', () => {
  it('reject a repeated id, naming the file and line it was first accepted at, in any file', () => {
    const { checks } = check([conversation(1, 2, 'c1')], []);
    checks.startTable('surveys');
    const survey = (file: number, line: number, id: string) =>
      record(file, line, { survey_id: id, conversation_id: 'c1', agent_id: 'a1', submitted_at: T, score: 5 });
    // Lines past 2^16 and files past the first, so that a place is not cut to a small number.
    const accepted = [
      survey(1, 70_000, 's1'),
      survey(2, 3, 's2'),
      survey(2, 4, 's1'),
      survey(1, 9, 's2'),
    ].map((r) => checks.accept(r) !== null);
    expect(accepted).toEqual([true, true, false, false]);
    expect(checks.rejected.map((r) => [r.file, r.line, r.code, r.message.en])).toEqual([
      ['conversations-2.csv', 4, 'DUPLICATE_ID', expect.stringContaining('conversations-1.csv:70000')],
      ['conversations-1.csv', 9, 'DUPLICATE_ID', expect.stringContaining('conversations-2.csv:3')],
    ]);
  });
});
