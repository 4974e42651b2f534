import type { RejectedRow } from '@scorebook/contract';
import { parsePeriod, Zone, zonePeriod } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { Coverage } from '../check/coverage.ts';
import { PeriodWarnings } from '../check/period-warnings.ts';
import { RowChecks } from '../check/row-checks.ts';
import { ConversationIndex } from '../derive/conversation-index.ts';
import { Row } from '../row.ts';
import { PieceSums } from './piece-sums.ts';
import type { TableRecord } from './read-inputs.ts';

const zone = new Zone('Asia/Shanghai');
const month = parsePeriod('2026-10');
if (month === null) throw new Error('2026-10 is a period');
const period = zonePeriod(month, zone);
const FIELDS = [
  { table: 'messages' as const, field: 'text', uses: ['m1'] },
  { table: 'complaints' as const, field: 'upheld', uses: ['c1'] },
];
const TABLES = new Map([
  ['messages' as const, ['m1']],
  ['complaints' as const, ['c1']],
]);
const DAY = 86_400_000;

// What a piece gives besides its messages, counted by the objects a piece counts with. Agents,
// spans, fields and rejections differ from piece to piece, so that keys come first in different
// pieces and a piece (the second) has no rejected row.
function piece(p: number) {
  const warnings = new PeriodWarnings(period, FIELDS, new Map(), new Set());
  const coverage = new Coverage(period);
  const rejected: RejectedRow[] = [];
  const n = 6 + p * 2;
  for (let i = 0; i < n; i++) {
    const agent = `a${(i * (p + 2)) % 7}`;
    const sentAt = period.startMs + (p * 9 + i) * DAY + (p === 2 ? 40 * DAY : 0);
    const row = new Row(
      { conversation_id: `c${i}`, sent_at: sentAt, agent_id: agent, text: i % 2 ? 'x' : null },
      0,
      100 * p + i,
    );
    coverage.add('messages', row);
    if (coverage.inPeriod('messages', row)) warnings.accepted('messages', row);
    warnings.accepted('complaints', new Row({ agent_id: agent, upheld: i % 3 === 0 ? null : true }, 0, i));
    if (p !== 1 && i % 3 !== 1) {
      const code = i % 2 === 0 ? 'UNMAPPED_VALUE' : 'BAD_VALUE';
      const record: TableRecord = {
        file: 0,
        fileName: 'messages.csv',
        line: 100 * p + i,
        rejection: { field: 'sender', code, message: { zh: code, en: code } },
        values: { sent_at: period.startMs + i * DAY, agent_id: `b${(p + i) % 4}` },
      };
      warnings.rejected('messages', record, `b${(p + i) % 4}`);
      rejected.push({
        table: 'messages',
        file: 'messages.csv',
        line: 100 * p + i,
        record_id: null,
        agent_id: `b${(p + i) % 4}`,
        field: 'sender',
        code,
        message: { zh: code, en: code },
        cause: null,
      });
    }
  }
  return {
    rows: n,
    rejected,
    coverage: coverage.part('messages'),
    warnings: warnings.part(),
    present: p === 1 ? ['x', 'text'] : ['text', `y${p}`],
    tallies: [],
    excluded: { counts: [], agents: [] },
    // The last piece ends its file inside a line (the reader's flag).
    cutOff: p === 2 ? [{ table: 'messages' as const, file: 'messages.csv', line: 219 }] : [],
  };
}

// The run's objects, as the parallel reading absorbs into them.
function run() {
  const checks = new RowChecks({
    fileNames: ['messages.csv'],
    hasConversations: true,
    conversations: new ConversationIndex(),
  });
  checks.startTable('messages');
  return {
    checks,
    coverage: new Coverage(period),
    warnings: new PeriodWarnings(period, FIELDS, TABLES, new Set(['messages', 'complaints'])),
    present: new Set(['sender']),
  };
}

const seen = (r: ReturnType<typeof run>) => ({
  rejected: r.checks.rejected.map((x) => `${x.line} ${x.code}`),
  rejectedBy: [...r.checks.rejectedBy],
  coverage: [r.coverage.range('messages', zone), r.coverage.noData(zone)],
  warnings: r.warnings.warnings({ kind: 'rows', value: 0 }, zone).map((w) => `${w.code} ${w.message.en}`),
  unmapped: r.warnings.unmapped().map((w) => `${w.code} ${w.message.en}`),
  present: [...r.present],
});

describe('the pieces of the messages table, added up in task order', () => {
  it('give the run what absorbing each piece in turn gives: rows, warnings and fields in the same order', () => {
    const pieces = [0, 1, 2].map(piece);
    const each = run();
    for (const p of pieces) {
      each.checks.absorb(p.rejected);
      each.coverage.absorb('messages', p.coverage);
      each.warnings.absorb(p.warnings);
      for (const f of p.present) each.present.add(f);
    }
    const sums = new PieceSums(period, 20);
    for (const p of [0, 1, 2].map(piece)) sums.add(p);
    const once = run();
    once.checks.absorb(sums.rejected);
    once.coverage.absorb('messages', sums.coverage);
    once.warnings.absorb(sums.warnings);
    for (const f of sums.present) once.present.add(f);

    expect(seen(once)).toEqual(seen(each));
    expect(sums.rows).toEqual([6, 8, 10]);
    expect(sums.cutOff).toEqual([{ table: 'messages', file: 'messages.csv', line: 219 }]);
    // Not trivial: rejected rows of two pieces, the warnings that name agents, a span past the period.
    const s = seen(once);
    expect(s.rejected).toHaveLength(11);
    expect(s.rejectedBy).toEqual([['messages', 11]]);
    expect(s.present).toEqual(['sender', 'text', 'y0', 'x', 'y2']);
    expect(s.warnings.map((w) => w.split(' ')[0])).toEqual([
      'FIELD_PARTLY_EMPTY_IN_PERIOD',
      'PERIOD_PARTLY_COVERED',
      'REJECTED_IN_PERIOD',
    ]);
    expect(s.warnings[2]).toContain('11 of 25 rows');
    expect(s.unmapped.map((w) => w.split(' ')[0])).toEqual(['UNMAPPED_IN_PERIOD']);
  });
});
