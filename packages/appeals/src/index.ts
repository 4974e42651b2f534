export { APPEAL_SCHEMA, type AppealDocument, OUTCOMES } from './appeal-schema.ts';
export { APPEAL_ERRORS, type AppealErrorCode } from './errors.ts';
export { type AppealBytes, checkAppealFiles, type LoadedAppeals, loadPeriodAppeals } from './load-appeals.ts';
export {
  type Appeal,
  type AppealAction,
  type AppealTarget,
  type Decision,
  type Outcome,
  type PeriodAppeals,
  type Place,
  RECORD_TABLES,
  type RecordName,
  type RecordTable,
  recordText,
} from './model.ts';
