import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  configTextFromBytes,
  type ParsedYaml,
  parseConfigYaml,
  problemAt,
  validateDocument,
} from '@scorebook/config-file';
import {
  type Bilingual,
  defineCatalogue,
  messageOf,
  type SourceProblem,
  sortProblems,
} from '@scorebook/problems';
import { parseDateParts } from '@scorebook/time';
import type { ActionDocument, AppealDocument } from './appeal-schema.ts';
import { APPEAL_ERRORS, type AppealErrorCode } from './errors.ts';
import validate from './generated/appeal-validator.js';
import {
  type Appeal,
  type AppealAction,
  type AppealTarget,
  type Decision,
  type PeriodAppeals,
  type Place,
  RECORD_TABLES,
  type RecordName,
  type RecordTable,
} from './model.ts';

/** An appeal file's bytes with its names: `file` for problems, `name` (`<period>/<id>.yaml`) for results. */
export interface AppealBytes {
  file: string;
  name: string;
  bytes: Uint8Array;
}

/** The appeals of a period, or every problem that keeps them from being used. */
export interface LoadedAppeals {
  appeals: PeriodAppeals;
  problems: SourceProblem[];
}

const ID = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * Reads the appeals of a period from `<dir>/<period>/*.yaml` (`docs/appeals.md`), in file-name
 * order (by code unit). A missing folder is a period without appeals. Other files of the folder
 * are left alone. Never throws for bad input: every problem of every file is returned.
 */
export function loadPeriodAppeals(dir: string, period: string): LoadedAppeals {
  const folder = join(dir, period);
  if (!existsSync(folder)) return checkAppealFiles(period, []);
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith('.yaml') && statSync(join(folder, n)).isFile());
  } catch {
    const problem: SourceProblem = {
      file: folder,
      line: 1,
      column: 1,
      path: '',
      code: 'APPEAL_NOT_IN_FOLDER',
      severity: 'error',
      message: messageOf(APPEAL_ERRORS, 'APPEAL_NOT_IN_FOLDER', { folder }),
    };
    return { appeals: { period, appeals: [], files: [] }, problems: [problem] };
  }
  const files = names
    .sort(compareText)
    .map((n) => ({ file: join(folder, n), name: `${period}/${n}`, bytes: readFileSync(join(folder, n)) }));
  return checkAppealFiles(period, files);
}

/**
 * Checks the appeal files of a period given as bytes (read from a folder or from git): YAML,
 * schema, then meaning, every problem of every file at once. The appeals are returned only
 * when no file has an error.
 */
export function checkAppealFiles(period: string, files: readonly AppealBytes[]): LoadedAppeals {
  const sorted = [...files].sort((a, b) => compareText(a.name, b.name));
  const appeals: Appeal[] = [];
  const problems: SourceProblem[] = [];
  const read: PeriodAppeals['files'] = [];
  for (const f of sorted) {
    const { text, problems: unreadable } = configTextFromBytes(f.file, f.bytes);
    if (text === null) {
      problems.push(...unreadable);
      continue;
    }
    read.push({ name: f.name, sha256: text.sha256 });
    const { parsed, problems: yaml } = parseConfigYaml(text);
    if (parsed === null || yaml.length > 0) {
      problems.push(...yaml);
      continue;
    }
    const checked = checkAppeal(parsed, period, f.name);
    problems.push(...checked.problems);
    if (checked.appeal !== null) appeals.push(checked.appeal);
  }
  const errors = problems.some((p) => p.severity === 'error');
  return {
    appeals: { period, appeals: errors ? [] : appeals, files: read },
    problems: sortProblems(problems),
  };
}

/** The schema, then the meaning of one parsed appeal file. */
function checkAppeal(
  parsed: ParsedYaml,
  period: string,
  name: string,
): { appeal: Appeal | null; problems: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  const base = name.slice(name.lastIndexOf('/') + 1);
  const id = base.slice(0, -'.yaml'.length);
  const place = (path: ReadonlyArray<string | number>, anchor: 'key' | 'value' = 'value'): Place => {
    const {
      file,
      line,
      column,
      path: dotted,
    } = problemAt(parsed, path, { code: '', severity: 'error', message: { zh: '', en: '' } }, anchor);
    return { file, line, column, path: dotted };
  };
  const report = (code: AppealErrorCode, message: Bilingual, at: Place) =>
    problems.push({ ...at, code, severity: 'error', message });
  if (!ID.test(id))
    report('APPEAL_BAD_ID', messageOf(APPEAL_ERRORS, 'APPEAL_BAD_ID', { name: base }), place([]));

  const schema = validateDocument(parsed, validate, patternWords);
  if (schema.document === null)
    return { appeal: null, problems: [...problems, ...schema.problems.map(withExpectedForm)] };
  const doc: AppealDocument = schema.document;

  if (!isTimestamp(doc.filed_at))
    report(
      'APPEAL_BAD_TIME',
      messageOf(APPEAL_ERRORS, 'APPEAL_BAD_TIME', { value: doc.filed_at }),
      place(['filed_at']),
    );
  const recordOf = (text: string, path: ReadonlyArray<string | number>): RecordName | null => {
    const record = parseRecord(text);
    if (record === null)
      report(
        'APPEAL_BAD_RECORD',
        messageOf(APPEAL_ERRORS, 'APPEAL_BAD_RECORD', { record: text }),
        place(path),
      );
    return record;
  };

  const targets = Object.keys(doc.disputes);
  let disputes: AppealTarget | null = null;
  if (targets.length !== 1) {
    report(
      'APPEAL_ONE_TARGET',
      messageOf(APPEAL_ERRORS, 'APPEAL_ONE_TARGET', { found: targets.join(', ') }),
      place(['disputes'], 'key'),
    );
  } else if (doc.disputes.record !== undefined) {
    const record = recordOf(doc.disputes.record, ['disputes', 'record']);
    if (record !== null) disputes = { kind: 'record', record };
  } else if (doc.disputes.metric !== undefined) {
    disputes = { kind: 'metric', metric: doc.disputes.metric };
  } else if (doc.disputes.veto !== undefined) {
    disputes = { kind: 'veto', veto: doc.disputes.veto };
  }

  let decision: Decision | null = null;
  const d = doc.decision;
  if (d !== undefined) {
    const at = place(['decision'], 'key');
    if (parseDateParts(d.decided_at) === null)
      report(
        'APPEAL_BAD_DATE',
        messageOf(APPEAL_ERRORS, 'APPEAL_BAD_DATE', { value: d.decided_at }),
        place(['decision', 'decided_at']),
      );
    else if (d.decided_at < doc.filed_at.slice(0, 10))
      report(
        'APPEAL_DECIDED_BEFORE_FILED',
        messageOf(APPEAL_ERRORS, 'APPEAL_DECIDED_BEFORE_FILED', {
          decided: d.decided_at,
          filed: doc.filed_at.slice(0, 10),
        }),
        place(['decision', 'decided_at']),
      );
    const written = d.actions ?? [];
    if (d.outcome === 'rejected' && written.length > 0)
      report(
        'APPEAL_ACTIONS_ON_REJECTED',
        messageOf(APPEAL_ERRORS, 'APPEAL_ACTIONS_ON_REJECTED'),
        place(['decision', 'actions'], 'key'),
      );
    if (d.outcome === 'partly_upheld' && written.length === 0)
      report(
        'APPEAL_PARTLY_WITHOUT_ACTIONS',
        messageOf(APPEAL_ERRORS, 'APPEAL_PARTLY_WITHOUT_ACTIONS'),
        place(['decision', 'outcome']),
      );
    const actions: AppealAction[] = [];
    for (const [i, action] of written.entries()) {
      const path = ['decision', 'actions', i];
      const keys = Object.keys(action);
      if (keys.length !== 1) {
        report(
          'APPEAL_ONE_ACTION',
          messageOf(APPEAL_ERRORS, 'APPEAL_ONE_ACTION', { found: keys.join(', ') }),
          place(path),
        );
        continue;
      }
      const built = actionOf(action, path, place, recordOf);
      if (built !== null) actions.push(built);
    }
    decision = {
      outcome: d.outcome,
      decided_by: d.decided_by,
      decided_at: d.decided_at,
      reason: d.reason,
      final: d.final ?? null,
      actions:
        d.outcome === 'rejected'
          ? []
          : written.length > 0 || disputes === null
            ? actions
            : [defaultAction(disputes, at)],
      at,
    };
  }
  if (problems.length > 0 || disputes === null) return { appeal: null, problems };
  return {
    appeal: {
      id,
      period,
      file: parsed.source.file,
      name,
      sha256: parsed.source.sha256,
      agent: doc.agent,
      agentAt: place(['agent']),
      filed_at: doc.filed_at,
      filedAt: place(['filed_at']),
      disputes,
      disputesAt: place(['disputes', disputes.kind]),
      claim: doc.claim,
      filed: doc.filed === undefined ? null : { id: doc.filed, at: place(['filed']) },
      decision,
    },
    problems,
  };
}

function actionOf(
  action: ActionDocument,
  path: ReadonlyArray<string | number>,
  place: (path: ReadonlyArray<string | number>) => Place,
  recordOf: (text: string, path: ReadonlyArray<string | number>) => RecordName | null,
): AppealAction | null {
  if (action.remove !== undefined) {
    const record = recordOf(action.remove, [...path, 'remove']);
    return record === null ? null : { kind: 'remove', record, at: place([...path, 'remove']) };
  }
  if (action.correct !== undefined) {
    const at = [...path, 'correct'];
    const record = recordOf(action.correct.record, [...at, 'record']);
    if (record === null) return null;
    return {
      kind: 'correct',
      record,
      field: action.correct.field,
      value: action.correct.value,
      at: place([...at, 'record']),
      fieldAt: place([...at, 'field']),
      valueAt: place([...at, 'value']),
    };
  }
  if (action.reassign !== undefined) {
    const at = [...path, 'reassign'];
    const record = recordOf(action.reassign.record, [...at, 'record']);
    if (record === null) return null;
    return {
      kind: 'reassign',
      record,
      to: action.reassign.to,
      at: place([...at, 'record']),
      toAt: place([...at, 'to']),
    };
  }
  if (action.void_metric !== undefined)
    return { kind: 'void_metric', metric: action.void_metric, at: place([...path, 'void_metric']) };
  if (action.void_veto !== undefined)
    return { kind: 'void_veto', veto: action.void_veto, at: place([...path, 'void_veto']) };
  return null;
}

/** What an `upheld` decision without actions does: removes the record, voids the metric or the veto. */
function defaultAction(target: AppealTarget, at: Place): AppealAction {
  switch (target.kind) {
    case 'record':
      return { kind: 'remove', record: target.record, at };
    case 'metric':
      return { kind: 'void_metric', metric: target.metric, at };
    case 'veto':
      return { kind: 'void_veto', veto: target.veto, at };
  }
}

/** `<table>/<id>` with a table of {@link RECORD_TABLES} and a non-empty id, or null. */
function parseRecord(text: string): RecordName | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const table = text.slice(0, slash);
  const id = text.slice(slash + 1);
  if (id.trim() === '' || !isRecordTable(table)) return null;
  return { table, id };
}

function isRecordTable(table: string): table is RecordTable {
  return (RECORD_TABLES as readonly string[]).includes(table);
}

/** A calendar-valid date and clock of the schema's timestamp pattern. */
function isTimestamp(text: string): boolean {
  if (parseDateParts(text.slice(0, 10)) === null) return false;
  const [h = 0, m = 0, s = 0] = text.slice(11, 19).split(':').map(Number);
  return h <= 23 && m <= 59 && s <= 59;
}

function patternWords(pattern: string, value: string): { what: string; whatEn: string } {
  if (pattern.includes('[T ]'))
    return {
      what: `${value} 应为 ISO 8601 时间,例如 2026-11-03T10:00:00+08:00`,
      whatEn: `${value} should be an ISO 8601 time such as 2026-11-03T10:00:00+08:00`,
    };
  return { what: `${value} 应为日期 YYYY-MM-DD`, whatEn: `${value} should be a date YYYY-MM-DD` };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// The sentence added to a WRONG_TYPE message (its code stays the schema's).
const FORM_HINTS = defineCatalogue({
  EXPECTED_FORM: {
    zh: (p: { form: string }) => `应写成:${p.form}`,
    en: (p: { form: string }) => `Write it as: ${p.form}`,
  },
});

/** How each key of an appeal file is written, for a value of the wrong type (`WRONG_TYPE`). */
const EXPECTED_FORMS: Readonly<Record<string, string>> = {
  remove: 'remove: complaints/p00012',
  record: 'record: complaints/p00012',
  correct: 'correct: { record: complaints/p00012, field: category, value: product_defect }',
  reassign: 'reassign: { record: complaints/p00012, to: a0002 }',
  void_metric: 'void_metric: csat_rate',
  void_veto: 'void_veto: red-line',
  disputes: 'disputes: { record: complaints/p00012 }',
  decision: 'decision: { outcome: upheld, decided_by: 李主管, decided_at: 2026-11-05, reason: … }',
  actions: 'actions: [{ remove: complaints/p00012 }]',
};

/** A `WRONG_TYPE` problem of a key whose form the file format fixes, with that form added to its message. */
function withExpectedForm(problem: SourceProblem): SourceProblem {
  const key =
    problem.path
      ?.replace(/\[\d+\]$/, '')
      .split('.')
      .pop() ?? '';
  const form = Object.hasOwn(EXPECTED_FORMS, key) ? EXPECTED_FORMS[key] : undefined;
  if (problem.code !== 'WRONG_TYPE' || form === undefined) return problem;
  const added = messageOf(FORM_HINTS, 'EXPECTED_FORM', { form });
  return {
    ...problem,
    message: { zh: problem.message.zh + added.zh, en: `${problem.message.en} ${added.en}` },
  };
}
