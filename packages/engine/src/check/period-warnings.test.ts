import { parsePeriod, Zone, zonePeriod } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { Row } from '../row.ts';
import { PeriodWarnings } from './period-warnings.ts';
import { DEFAULT_REJECTED_LIMIT } from './rejected-limit.ts';

const zone = new Zone('Asia/Shanghai');
const month = parsePeriod('2026-10');
if (month === null) throw new Error('2026-10 is a period');
const period = zonePeriod(month, zone);
const DAY = 86_400_000;
const FIELDS = [
  { table: 'messages' as const, field: 'text', uses: ['m1'] },
  { table: 'messages' as const, field: 'agent_id', uses: ['m2'] },
  { table: 'complaints' as const, field: 'upheld', uses: ['c1'] },
];

describe('PeriodWarnings counters', () => {
  it('counts rows and filled cells by field index, tables interleaved, as `table.field` counts', () => {
    const warnings = new PeriodWarnings(period, FIELDS, new Map(), new Set());
    for (let i = 0; i < 7; i++) {
      const sentAt = period.startMs + (i + 3) * DAY;
      const text = i % 2 === 0 ? 'x' : null;
      warnings.accepted('messages', new Row({ sent_at: sentAt, agent_id: 'a1', text }, 0, i));
      if (i % 3 === 0) warnings.accepted('complaints', new Row({ agent_id: `a${i}`, upheld: null }, 1, i));
    }
    const part = warnings.part();
    expect([...part.rows]).toEqual([
      ['messages', 7],
      ['complaints', 3],
    ]);
    expect(new Map(part.filled)).toEqual(
      new Map([
        ['messages.text', 4],
        ['messages.agent_id', 7],
      ]),
    );
    // Yes/no fields count their empty cells by agent; a span is kept for dense tables only.
    expect([...(part.empty.get('complaints.upheld') ?? [])]).toEqual([
      ['a0', 1],
      ['a3', 1],
      ['a6', 1],
    ]);
    expect([...part.span]).toEqual([['messages', [period.startMs + 3 * DAY, period.startMs + 9 * DAY]]]);
  });

  it('adds parts, counts of fields it does not watch included, as if it had counted the rows', () => {
    const piece = new PeriodWarnings(period, FIELDS, new Map(), new Set());
    piece.accepted('messages', new Row({ sent_at: period.startMs + DAY, agent_id: 'a1', text: 'x' }, 0, 1));
    piece.accepted(
      'messages',
      new Row({ sent_at: period.startMs + 5 * DAY, agent_id: 'a1', text: null }, 0, 2),
    );
    // A sum of pieces watches no field (read/piece-sums.ts), then gives what it added up.
    const sums = new PeriodWarnings(period, [], new Map(), new Set());
    sums.absorb(piece.part());
    sums.absorb(piece.part());
    const watching = new PeriodWarnings(period, FIELDS, new Map(), new Set());
    watching.accepted(
      'messages',
      new Row({ sent_at: period.startMs + 2 * DAY, agent_id: null, text: null }, 0, 3),
    );
    watching.absorb(sums.part());
    const part = watching.part();
    expect([...part.rows]).toEqual([['messages', 5]]);
    expect(new Map(part.filled)).toEqual(
      new Map([
        ['messages.text', 2],
        ['messages.agent_id', 4],
      ]),
    );
    expect([...part.span]).toEqual([['messages', [period.startMs + DAY, period.startMs + 5 * DAY]]]);
  });

  it('says a field empty in every row of the period, and one partly empty', () => {
    const tables = new Map([
      ['messages' as const, ['m1', 'm2']],
      ['complaints' as const, ['c1']],
    ]);
    const warnings = new PeriodWarnings(period, FIELDS, tables, new Set(['messages', 'complaints']));
    for (let i = 0; i < 3; i++) {
      warnings.accepted(
        'messages',
        new Row({ sent_at: period.startMs + i * 10 * DAY, agent_id: 'a1', text: null }, 0, i),
      );
      warnings.accepted('complaints', new Row({ agent_id: 'a2', upheld: i === 0 ? null : true }, 1, i));
    }
    const said = warnings.warnings(DEFAULT_REJECTED_LIMIT, zone).map((w) => w.code);
    expect(said).toEqual(['FIELD_EMPTY_IN_PERIOD', 'FIELD_PARTLY_EMPTY_IN_PERIOD', 'PERIOD_PARTLY_COVERED']);
    // The messages stop on the 21st: the warning's table and span, as data.
    expect(warnings.partlyCovered(zone)).toEqual([
      { table: 'messages', first: '2026-10-01T00:00:00+08:00', last: '2026-10-21T00:00:00+08:00' },
    ]);
  });
});
