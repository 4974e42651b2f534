import { Zone } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { toTimeFormat } from '../load/load-source.ts';
import type { FieldMapping, TableSource } from '../model.ts';
import { WallClock } from '../read/file-items.ts';
import { TableTyper } from './table-typer.ts';

const shanghai = new Zone('Asia/Shanghai');
const at = { file: 'source.yaml', line: 1, column: 1, path: '' };

const mapping = (field: string, m: Partial<FieldMapping> = {}): FieldMapping => ({
  field,
  column: m.column ?? field,
  map: m.map ?? null,
  format: m.format ?? null,
  number: m.number ?? null,
  type: m.type ?? null,
  source: at,
});

const reading = (table: TableSource['table'], fields: FieldMapping[]): TableSource => ({
  table,
  files: null,
  encoding: 'utf-8',
  headerRow: 1,
  sheet: null,
  fields,
  source: at,
});

describe('typing the records of a table', () => {
  const messages = new TableTyper(
    'messages',
    reading('messages', [
      mapping('conversation_id', { column: '会话ID' }),
      mapping('sent_at', {
        column: '发送时间',
        format: [toTimeFormat('yyyy/M/d H:mm:ss'), toTimeFormat('excel')],
      }),
      mapping('sender', {
        column: '发送方',
        map: new Map<string, string | null>([
          ['客户', 'customer'],
          ['客服', 'agent'],
          ['未知', null],
        ]),
      }),
      mapping('agent_id', { column: '客服工号' }),
      mapping('vip', {
        column: '是否VIP',
        type: 'bool',
        map: new Map([
          ['是', true],
          ['否', false],
        ]),
      }),
    ]),
    shanghai,
  );

  it('reads contract fields from their mapped columns and keeps other columns as text', () => {
    expect(
      messages.fileHeader('聊天.csv', ['会话ID', '发送时间', '发送方', '客服工号', '是否VIP', '备注'], 1),
    ).toEqual([]);
    expect(messages.record(['c1', ' 2026/10/5 9:00:00 ', '客服', 'a01', '是', '  急 '])).toEqual({
      values: {
        conversation_id: 'c1',
        sent_at: Date.UTC(2026, 9, 5, 1, 0, 0),
        sender: 'agent',
        agent_id: 'a01',
        text: null,
        vip: true,
        备注: '急',
      },
    });
  });

  it('tries formats in order: an Excel serial and an xlsx date cell are wall-clock times', () => {
    const a = messages.record(['c1', 46300.375, '客户', '', '', '']);
    expect(a).toMatchObject({ values: { sent_at: Date.UTC(2026, 9, 5, 1, 0, 0) } });
    const b = messages.record(['c1', new WallClock(Date.UTC(2026, 9, 5, 9, 0, 0, 500)), '客户', '', '', '']);
    expect(b).toMatchObject({ values: { sent_at: Date.UTC(2026, 9, 5, 1, 0, 0, 500) } });
  });

  it('rejects a value its map does not list, naming the value, the column and the keys', () => {
    const r = messages.record(['c1', '2026/10/5 9:00:00', 'Agent', '', '', '']);
    expect(r).toEqual({
      rejection: {
        field: 'sender',
        code: 'UNMAPPED_VALUE',
        message: expect.objectContaining({ en: expect.stringContaining('"Agent" of column 发送方') }),
      },
      // The fields after the one at fault are still typed (a time after it still tells the period).
      partial: {
        conversation_id: 'c1',
        sent_at: Date.UTC(2026, 9, 5, 1, 0, 0),
        agent_id: null,
        text: null,
        vip: null,
      },
    });
    expect('rejection' in r && r.rejection.message.en).toContain('keys: 客户, 客服, 未知');
  });

  it('rejects a record for its first field at fault and still types the later ones, the time among them', () => {
    const conversations = new TableTyper(
      'conversations',
      reading('conversations', [
        mapping('channel', { column: '渠道', map: new Map([['在线', 'chat']]) }),
        mapping('started_at', { format: [toTimeFormat('yyyy/M/d H:mm:ss')] }),
      ]),
      shanghai,
    );
    conversations.fileHeader('c.csv', ['conversation_id', 'agent_id', '渠道', 'started_at'], 1);
    expect(conversations.record(['c1', 'a1', '微信', '2026/10/5 9:00:00'])).toMatchObject({
      rejection: { field: 'channel', code: 'UNMAPPED_VALUE' },
      partial: { conversation_id: 'c1', agent_id: 'a1', started_at: Date.UTC(2026, 9, 5, 1, 0, 0) },
    });
    // Two fields at fault: the first in field order is the reason.
    expect(conversations.record(['c1', 'a1', '微信', 'yesterday'])).toMatchObject({
      rejection: { field: 'channel', code: 'UNMAPPED_VALUE' },
    });
  });

  it('reads an empty cell and a map value null as missing', () => {
    const r = messages.record(['c1', '2026/10/5 9:00:00', '未知', '', ' ', '']);
    expect(r).toMatchObject({ rejection: { field: 'sender', code: 'MISSING_FIELD' } });
  });

  it('rejects a timestamp no format matches, or outside 1970–2100', () => {
    const bad = messages.record(['c1', '2026-10-05', '客户', '', '', '']);
    expect(bad).toMatchObject({ rejection: { field: 'sent_at', code: 'BAD_VALUE' } });
    // The mapped column is named, as UNMAPPED_VALUE names it (trial 5 L3).
    expect('rejection' in bad ? bad.rejection.message.en : '').toMatch(
      /^column 发送时间 \(field sent_at\): "2026-10-05" is not a valid timestamp/,
    );
    expect(messages.record(['c1', '9999/1/1 0:00:00', '客户', '', '', ''])).toMatchObject({
      rejection: { field: 'sent_at', code: 'OUT_OF_RANGE' },
    });
  });

  it('reads a typed extra field the same from CSV text and JSON values', () => {
    const csv = new TableTyper('events', reading('events', [mapping('urgent', { type: 'bool' })]), shanghai);
    csv.fileHeader('events.csv', ['agent_id', 'at', 'type', 'urgent', 'count'], 1);
    const fromCsv = csv.record(['a1', '2026-10-05T09:00:00', 'praise', 'true', '3']);
    const json = new TableTyper('events', reading('events', [mapping('urgent', { type: 'bool' })]), shanghai);
    const fromJson = json.object({
      agent_id: 'a1',
      at: '2026-10-05T09:00:00',
      type: 'praise',
      urgent: true,
      count: 3,
    });
    expect(fromCsv).toEqual(fromJson);
    expect(fromJson).toMatchObject({ values: { urgent: true, count: '3' } });
  });

  it('names a required field without a column and a mapped column the file lacks', () => {
    const problems = messages.fileHeader('聊天.csv', ['会话ID', '发送方', '内容'], 1);
    expect(problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['MAPPED_COLUMN_MISSING', '聊天.csv', 1],
      ['MAPPED_COLUMN_MISSING', '聊天.csv', 1],
      ['MAPPED_COLUMN_MISSING', '聊天.csv', 1],
    ]);
    const plain = new TableTyper('surveys', null, shanghai);
    const missing = plain.fileHeader('surveys.csv', ['survey_id', 'agent_id', 'csat'], 1);
    expect(missing.map((p) => p.code)).toEqual(['REQUIRED_COLUMN_MISSING']);
    expect(missing[0]!.message.en).toContain('surveys.submitted_at');
  });

  it('sets the values of an accepted record in field order, then the extra columns in file order, for each header', () => {
    const events = new TableTyper(
      'events',
      reading('events', [mapping('urgent', { type: 'bool' })]),
      shanghai,
    );
    const keys = (cells: string[]) => {
      const typed = events.record(cells);
      return 'values' in typed ? JSON.stringify(typed.values) : typed.rejection.code;
    };
    events.fileHeader('a.csv', ['备注', 'type', 'at', 'agent_id', 'zeta', '2', 'alpha', '10'], 1);
    // Keys that are array indices come first, in ascending order, as in any object.
    expect(keys(['x', 'praise', '2026-10-05T09:00:00Z', ' a1 ', 'z', 'two', '', 'ten'])).toBe(
      '{"2":"two","10":"ten","agent_id":"a1","at":1791190800000,"type":"praise","note":null,"urgent":null,"备注":"x","zeta":"z","alpha":null}',
    );
    expect(keys(['x', 'praise', 'yesterday', 'a1', 'z', 'two', '', 'ten'])).toBe('BAD_VALUE');
    events.fileHeader('b.csv', ['urgent', 'agent_id', 'type', 'at', 'note', 'omega'], 1);
    expect(keys(['yes', 'a1', 'praise', '2026-10-05T09:00:00Z', '\u3000好\u00a0', 'o'])).toBe(
      '{"agent_id":"a1","at":1791190800000,"type":"praise","note":"好","urgent":true,"omega":"o"}',
    );
    // A column named __proto__ is set as a key is (a text then sets nothing; the record reads as before).
    events.fileHeader('c.csv', ['agent_id', 'at', 'type', '__proto__'], 1);
    expect(keys(['a1', '2026-10-05T09:00:00Z', 'praise', 'p'])).toBe(
      '{"agent_id":"a1","at":1791190800000,"type":"praise","note":null,"urgent":null}',
    );
    // Column names are keys whatever characters they hold.
    const odd = ['a"b', 'c\\d', 'e\nf', '}; x(', '\u2028', '\ud800', '$' + '{g}', "'"];
    events.fileHeader('d.csv', ['agent_id', 'at', 'type', ...odd], 1);
    const typed = events.record(['a1', '2026-10-05T09:00:00Z', 'praise', ...odd.map((_, i) => `${i}`)]);
    expect('values' in typed && Object.entries(typed.values)).toEqual([
      ['agent_id', 'a1'],
      ['at', 1791190800000],
      ['type', 'praise'],
      ['note', null],
      ['urgent', null],
      ...odd.map((name, i) => [name, `${i}`]),
    ]);
  });

  it('checks the closed vocabularies of the contract', () => {
    const plain = new TableTyper('messages', null, shanghai);
    plain.fileHeader('messages.csv', ['conversation_id', 'sent_at', 'sender'], 1);
    const typed = plain.record(['c1', '2026-10-05T09:00:00Z', '客服']);
    expect(typed).toMatchObject({ rejection: { field: 'sender', code: 'NOT_ALLOWED_VALUE' } });
    // The fix is a valid source.yaml snippet (a TODO source check refuses until it is replaced).
    expect('rejection' in typed ? typed.rejection.message.en : '').toBe(
      'field sender: "客服" is not one of customer, agent, bot, system. If the export spells a value its own way, map it in the data folder\'s source.yaml (draft one with scorebook source init when there is none), e.g. tables: { messages: { fields: { sender: { column: sender, map: { 客服: TODO } } } } }, with TODO replaced by one of the allowed values',
    );
  });
});

describe('a header of another table', () => {
  it('is said first when the required columns are missing and another table has all of its own (trial 6 M9)', () => {
    const typer = new TableTyper('qa_reviews', null, shanghai);
    const complaints = ['complaint_id', 'agent_id', 'conversation_id', 'filed_at', 'category', 'upheld'];
    const problems = typer.fileHeader('qa_reviews/complaints.csv', complaints, 1);
    expect(problems.map((p) => p.code)).toEqual([
      'HEADER_OF_ANOTHER_TABLE',
      'REQUIRED_COLUMN_MISSING',
      'REQUIRED_COLUMN_MISSING',
      'REQUIRED_COLUMN_MISSING',
    ]);
    expect(problems[0]?.message.en).toBe(
      'qa_reviews/complaints.csv is read as the table qa_reviews, but its header has every required column of complaints and lacks those of qa_reviews: the file is probably in the wrong folder. Move it to where complaints is read from (or list it under the files of complaints in source.yaml).',
    );
    // A header that only misses columns names no other table.
    expect(typer.fileHeader('qa.csv', ['review_id', 'agent_id'], 1).map((p) => p.code)).toEqual([
      'REQUIRED_COLUMN_MISSING',
      'REQUIRED_COLUMN_MISSING',
    ]);
  });
});
