import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  configTextFromBytes,
  type ParsedYaml,
  parseConfigYaml,
  problemAt,
  type SchemaValidator,
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

/**
 * The schema, then the meaning of one parsed appeal file. The checks of meaning run on every
 * value the schema accepts, also when other values of the file fail it; a value the schema
 * rejects is not checked again (`docs/appeals.md`). The appeal is built only from a file without
 * any problem.
 */
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
  problems.push(...schema.problems.map(withExpectedForm));
  const rejected = schema.document === null ? rejectedPointers(validate.errors ?? []) : [];
  const valueAt = (path: ReadonlyArray<string | number>): unknown => nodeAt(parsed.value, path);
  // A text the schema accepts (no schema error at it or inside it), or null.
  const textAt = (path: ReadonlyArray<string | number>): string | null => {
    const value = valueAt(path);
    const pointer = toPointer(path);
    const accepted = !rejected.some((r) => r === pointer || r.startsWith(`${pointer}/`));
    return typeof value === 'string' && accepted ? value : null;
  };

  const filedAt = textAt(['filed_at']);
  if (filedAt !== null && !isTimestamp(filedAt))
    report(
      'APPEAL_BAD_TIME',
      messageOf(APPEAL_ERRORS, 'APPEAL_BAD_TIME', { value: filedAt }),
      place(['filed_at']),
    );
  const recordOf = (path: ReadonlyArray<string | number>): RecordName | null => {
    const text = textAt(path);
    if (text === null) return null;
    const record = parseRecord(text);
    if (record === null)
      report(
        'APPEAL_BAD_RECORD',
        messageOf(APPEAL_ERRORS, 'APPEAL_BAD_RECORD', { record: text }),
        place(path),
      );
    return record;
  };

  let disputes: AppealTarget | null = null;
  const written = valueAt(['disputes']);
  if (isMapping(written)) {
    // Unknown keys are the schema's to report: only the targets are counted.
    const targets = TARGET_KEYS.filter((k) => Object.hasOwn(written, k));
    const [target] = targets;
    if (targets.length > 1) {
      report(
        'APPEAL_ONE_TARGET',
        messageOf(APPEAL_ERRORS, 'APPEAL_ONE_TARGET', { found: targets.join(', ') }),
        place(['disputes'], 'key'),
      );
    } else if (target === 'record') {
      const record = recordOf(['disputes', 'record']);
      if (record !== null) disputes = { kind: 'record', record };
    } else if (target === 'metric') {
      const metric = textAt(['disputes', 'metric']);
      if (metric !== null) disputes = { kind: 'metric', metric };
    } else if (target === 'veto') {
      const veto = textAt(['disputes', 'veto']);
      if (veto !== null) disputes = { kind: 'veto', veto };
    }
  }

  const actions: AppealAction[] = [];
  const d = valueAt(['decision']);
  if (isMapping(d)) {
    const decidedAt = textAt(['decision', 'decided_at']);
    if (decidedAt !== null && parseDateParts(decidedAt) === null)
      report(
        'APPEAL_BAD_DATE',
        messageOf(APPEAL_ERRORS, 'APPEAL_BAD_DATE', { value: decidedAt }),
        place(['decision', 'decided_at']),
      );
    else if (decidedAt !== null && filedAt !== null && decidedAt < filedAt.slice(0, 10))
      report(
        'APPEAL_DECIDED_BEFORE_FILED',
        messageOf(APPEAL_ERRORS, 'APPEAL_DECIDED_BEFORE_FILED', {
          decided: decidedAt,
          filed: filedAt.slice(0, 10),
        }),
        place(['decision', 'decided_at']),
      );
    const outcome = textAt(['decision', 'outcome']);
    // Null when `actions` is not a list (the schema says so).
    const list = d.actions === undefined ? [] : Array.isArray(d.actions) ? (d.actions as unknown[]) : null;
    if (outcome === 'rejected' && list !== null && list.length > 0)
      report(
        'APPEAL_ACTIONS_ON_REJECTED',
        messageOf(APPEAL_ERRORS, 'APPEAL_ACTIONS_ON_REJECTED'),
        place(['decision', 'actions'], 'key'),
      );
    if (outcome === 'partly_upheld' && list !== null && list.length === 0)
      report(
        'APPEAL_PARTLY_WITHOUT_ACTIONS',
        messageOf(APPEAL_ERRORS, 'APPEAL_PARTLY_WITHOUT_ACTIONS'),
        place(['decision', 'outcome']),
      );
    for (const [i, action] of (list ?? []).entries()) {
      if (!isMapping(action)) continue;
      const path = ['decision', 'actions', i];
      const keys = ACTION_KEYS.filter((k) => Object.hasOwn(action, k));
      const [key] = keys;
      if (keys.length > 1) {
        report(
          'APPEAL_ONE_ACTION',
          messageOf(APPEAL_ERRORS, 'APPEAL_ONE_ACTION', { found: keys.join(', ') }),
          place(path),
        );
        continue;
      }
      const built = key === undefined ? null : actionOf(key, action, path, place, recordOf);
      if (built !== null) actions.push(built);
    }
  }
  if (schema.document === null || problems.length > 0 || disputes === null) return { appeal: null, problems };
  const doc: AppealDocument = schema.document;
  let decision: Decision | null = null;
  if (doc.decision !== undefined) {
    const at = place(['decision'], 'key');
    const { outcome, decided_by, decided_at, reason, final } = doc.decision;
    decision = {
      outcome,
      decided_by,
      decided_at,
      reason,
      final: final ?? null,
      actions: outcome === 'rejected' ? [] : actions.length > 0 ? actions : [defaultAction(disputes, at)],
      at,
    };
  }
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

const TARGET_KEYS = ['record', 'metric', 'veto'] as const;
const ACTION_KEYS = ['remove', 'correct', 'reassign', 'void_metric', 'void_veto'] as const;

/**
 * The action of `key` written at `path`. Its record is checked through `recordOf` (null when
 * the schema rejects it); its other values are read as the schema admits them, which is true of
 * every action of a file the appeal is built from.
 */
function actionOf(
  key: (typeof ACTION_KEYS)[number],
  written: Readonly<Record<string, unknown>>,
  path: ReadonlyArray<string | number>,
  place: (path: ReadonlyArray<string | number>) => Place,
  recordOf: (path: ReadonlyArray<string | number>) => RecordName | null,
): AppealAction | null {
  const action = written as ActionDocument;
  switch (key) {
    case 'remove': {
      const record = recordOf([...path, 'remove']);
      return record === null ? null : { kind: 'remove', record, at: place([...path, 'remove']) };
    }
    case 'correct': {
      const at = [...path, 'correct'];
      const record = recordOf([...at, 'record']);
      if (record === null || action.correct === undefined) return null;
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
    case 'reassign': {
      const at = [...path, 'reassign'];
      const record = recordOf([...at, 'record']);
      if (record === null || action.reassign === undefined) return null;
      return {
        kind: 'reassign',
        record,
        to: action.reassign.to,
        at: place([...at, 'record']),
        toAt: place([...at, 'to']),
      };
    }
    case 'void_metric':
      return action.void_metric === undefined
        ? null
        : { kind: 'void_metric', metric: action.void_metric, at: place([...path, 'void_metric']) };
    case 'void_veto':
      return action.void_veto === undefined
        ? null
        : { kind: 'void_veto', veto: action.void_veto, at: place([...path, 'void_veto']) };
  }
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

function isMapping(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The node at a path of a parsed value, or undefined. */
function nodeAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = value;
  for (const step of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, step)) return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

/** A path as a JSON pointer, the form of ajv's `instancePath`. */
function toPointer(path: ReadonlyArray<string | number>): string {
  return path.map((step) => `/${String(step).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/**
 * Where the schema rejects a value, as JSON pointers: each error's instance, and for an unknown
 * key the key itself (not the mapping it is in, whose other keys stay checked).
 */
function rejectedPointers(errors: NonNullable<SchemaValidator['errors']>): string[] {
  return errors.map((error) => {
    const params = error.params as Record<string, unknown>;
    return error.keyword === 'additionalProperties'
      ? `${error.instancePath}${toPointer([String(params.additionalProperty)])}`
      : error.instancePath;
  });
}
