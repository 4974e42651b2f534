export {
  BusinessClock,
  type BusinessHours,
  byWeekday,
  parseInterval,
  WEEKDAYS,
  type Weekday,
} from './business-hours.ts';
export {
  addDays,
  type DateParts,
  formatDate,
  parseDateParts,
  wallClockMs,
  weekdayIndex,
} from './calendar.ts';
export {
  formatInstantLocal,
  formatInstantUtc,
  localDateOf,
  localMidnight,
  parseTimestamp,
} from './instant.ts';
export {
  type Period,
  type PeriodKind,
  parsePeriod,
  previousPeriod,
  type ZonedPeriod,
  zonePeriod,
} from './period.ts';
export { isValidTimezone, Zone } from './zone.ts';
