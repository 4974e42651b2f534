import { parsePeriod, Zone, zonePeriod } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { Row } from '../row.ts';
import { Coverage } from './coverage.ts';

const zone = new Zone('Asia/Shanghai');
const month = parsePeriod('2026-10');
if (month === null) throw new Error('2026-10 is a period');
const period = zonePeriod(month, zone);

describe('Coverage.add', () => {
  it('says whether the row it counts is in the period, as inPeriod does', () => {
    const coverage = new Coverage(period);
    const rows: Array<[Parameters<Coverage['add']>[0], Row]> = [
      ['messages', new Row({ sent_at: period.startMs }, 0, 2)],
      ['messages', new Row({ sent_at: period.endMs }, 0, 3)],
      ['messages', new Row({ sent_at: period.startMs - 1 }, 0, 4)],
      ['messages', new Row({ sent_at: null }, 0, 5)],
      ['attendance', new Row({ date: period.firstDay }, 0, 6)],
      ['attendance', new Row({ date: period.endDay }, 0, 7)],
      ['agents', new Row({ agent_id: 'a1' }, 0, 8)],
    ];
    const added = rows.map(([table, row]) => coverage.add(table, row));
    expect(added).toEqual([true, false, false, false, true, false, true]);
    expect(added).toEqual(rows.map(([table, row]) => coverage.inPeriod(table, row)));
    // Rows with a time field in the period, of every table: the agents table has none.
    expect(coverage.part('messages').inPeriod).toBe(2);
    // Without a period every row counts as in it.
    const any = new Coverage(null);
    expect(rows.map(([table, row]) => any.add(table, row))).toEqual(rows.map(() => true));
  });
});
