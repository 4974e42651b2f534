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
  daysInMonth,
  formatDate,
  parseDateParts,
  wallClockMs,
  weekdayIndex,
} from './calendar.ts';
export { PERIOD_ERRORS, type PeriodProblemCode } from './errors.ts';
export {
  formatInstantLocal,
  formatInstantUtc,
  localDateOf,
  localMidnight,
  parseTimestamp,
} from './instant.ts';
export {
  comparePeriods,
  type EvaluationKind,
  isEvaluationKind,
  isMonitoringKind,
  isoWeeksInYear,
  type MonitoringKind,
  type Period,
  type PeriodKind,
  type PeriodReading,
  parseEvaluationPeriod,
  parsePeriod,
  previousPeriod,
  readPeriod,
  weekOf,
  type ZonedPeriod,
  zonePeriod,
} from './period.ts';
export { isValidTimezone, Zone } from './zone.ts';
