import { byInputTable, INPUT_TABLES, type InputTableName, TABLES } from '@scorebook/contract';
import { parsePeriod, parseTimestamp, type Zone, zonePeriod } from '@scorebook/time';
import { type ContractRow, type ContractTables, cell } from './contract-tables.ts';

/**
 * The rows of one month, chosen so that the month evaluates exactly as it does on the whole
 * folder (`docs/example-export.md`), in three steps:
 *
 * 1. every row whose time field lies in the month in `zone` (from local midnight of its first
 *    day, inclusive, to local midnight after its last, exclusive; a date field by its date), and
 *    every agent;
 * 2. every conversation that a row kept in step 1 refers to, so that no reference breaks;
 * 3. every message and every order of a kept conversation, whenever it was sent or placed: the
 *    month's responses end with the reply, which may come after the month's last midnight (a
 *    question at 23:50 on the 31st), and a conversation is converted by an order of any date.
 *
 * Rows keep their order within each table. Throws a RangeError for a text that is not a month.
 */
export function selectMonth(tables: ContractTables, month: string, zone: Zone): ContractTables {
  const period = parsePeriod(month);
  if (period === null || period.kind !== 'month') throw new RangeError(`not a month: "${month}"`);
  const { startMs, endMs, firstDay, endDay } = zonePeriod(period, zone);
  const inMonth = (table: InputTableName, row: ContractRow): boolean => {
    const field = TABLES[table].timeField;
    if (field === null) return true;
    const text = row[field] ?? '';
    if (TABLES[table].fields[field]?.type === 'date') return text >= firstDay && text < endDay;
    const ms = parseTimestamp(text, zone);
    if (ms === null) throw new RangeError(`${table}: "${text}" in ${field} is not a timestamp`);
    return ms >= startMs && ms < endMs;
  };

  const kept = byInputTable((table) => new Set(tables[table].filter((row) => inMonth(table, row))));

  const conversations = new Set<string>();
  for (const table of INPUT_TABLES)
    for (const row of kept[table]) if (row.conversation_id) conversations.add(row.conversation_id);
  for (const row of tables.conversations)
    if (conversations.has(cell(row, 'conversation_id'))) kept.conversations.add(row);
  for (const row of kept.conversations) conversations.add(cell(row, 'conversation_id'));

  for (const table of ['messages', 'orders'] as const) {
    for (const row of tables[table])
      if (conversations.has(cell(row, 'conversation_id'))) kept[table].add(row);
  }

  return byInputTable((table) => tables[table].filter((row) => kept[table].has(row)));
}
