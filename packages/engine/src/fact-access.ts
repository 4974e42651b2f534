import type { FactAccess } from '@scorebook/conditions';
import type { FieldSpec } from '@scorebook/contract';
import { formatInstantUtc, localMidnight, type Zone } from '@scorebook/time';
import type { Row } from './row.ts';

/**
 * How conditions read a {@link Row}: contract timestamps (kept as epoch milliseconds) appear as
 * ISO 8601 strings in UTC with milliseconds, dates as `YYYY-MM-DD`, other fields as read, a
 * missing field as null. `before`/`after` read timestamps and dates as instants directly.
 */
export function rowFactAccess(fields: Readonly<Record<string, FieldSpec>>, zone: Zone): FactAccess<Row> {
  const midnights = new Map<string, number>();
  return {
    value(fact) {
      const type = fields[fact]?.type;
      if (type === 'timestamp') {
        return (row) => {
          const v = row.values[fact];
          return typeof v === 'number' ? formatInstantUtc(v) : null;
        };
      }
      return (row) => (Object.hasOwn(row.values, fact) ? (row.values[fact] ?? null) : null);
    },
    instant(fact) {
      const type = fields[fact]?.type;
      if (type === 'timestamp') {
        return (row) => {
          const v = row.values[fact];
          return typeof v === 'number' ? v : null;
        };
      }
      if (type === 'date') {
        return (row) => {
          const v = row.values[fact];
          if (typeof v !== 'string') return null;
          let ms = midnights.get(v);
          if (ms === undefined) {
            ms = localMidnight(v, zone);
            midnights.set(v, ms);
          }
          return ms;
        };
      }
      return undefined;
    },
  };
}
