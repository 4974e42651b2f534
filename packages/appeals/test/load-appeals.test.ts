import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILES } from '../scripts/generated-files.ts';
import { type AppealBytes, checkAppealFiles, loadPeriodAppeals } from '../src/load-appeals.ts';

const file = (name: string, text: string): AppealBytes => ({
  file: `configs/appeals/2026-10/${name}`,
  name: `2026-10/${name}`,
  bytes: new TextEncoder().encode(text),
});

const UPHELD = `scorebook: 1
kind: appeal
agent: a0012
filed_at: 2026-11-03T10:00:00+08:00
disputes: { record: complaints/p00012 }
claim: 这条投诉是产品缺陷导致的
decision:
  outcome: upheld
  decided_by: 李主管
  decided_at: 2026-11-05
  reason: 质检复核确认为产品缺陷
  actions:
    - correct: { record: complaints/p00012, field: category, value: product_defect }
`;

const codes = (r: ReturnType<typeof checkAppealFiles>) =>
  r.problems.map((p) => `${p.line}:${p.column} ${p.code}`);

describe('appeal files', () => {
  it('reads an upheld appeal into the model, with where each action is written', () => {
    const { appeals, problems } = checkAppealFiles('2026-10', [file('ap-1.yaml', UPHELD)]);
    expect(problems).toEqual([]);
    const [appeal] = appeals.appeals;
    expect(appeal?.id).toBe('ap-1');
    expect(appeal?.disputes).toEqual({ kind: 'record', record: { table: 'complaints', id: 'p00012' } });
    expect(appeal?.decision?.final).toBe(null);
    const action = appeal?.decision?.actions[0];
    expect(action?.kind).toBe('correct');
    expect(action?.at).toEqual({
      file: 'configs/appeals/2026-10/ap-1.yaml',
      line: 13,
      column: 26,
      path: 'decision.actions[0].correct.record',
    });
    expect(appeals.files).toEqual([
      { name: '2026-10/ap-1.yaml', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
  });

  it('gives an upheld decision without actions the default action of its target', () => {
    const text = UPHELD.replace(/ {2}actions:\n.*\n/, '').replace(
      'complaints/p00012 }',
      'complaints/p00012 }',
    );
    const metric = text.replace('{ record: complaints/p00012 }', '{ metric: complaint_rate }');
    const veto = text.replace('{ record: complaints/p00012 }', '{ veto: red-line }');
    const { appeals } = checkAppealFiles('2026-10', [
      file('a.yaml', text),
      file('b.yaml', metric),
      file('c.yaml', veto),
    ]);
    expect(appeals.appeals.map((a) => a.decision?.actions.map((x) => x.kind))).toEqual([
      ['remove'],
      ['void_metric'],
      ['void_veto'],
    ]);
  });

  it('reports every problem of every file at once, with line and column', () => {
    const rejected = UPHELD.replace('outcome: upheld', 'outcome: rejected');
    const partly = UPHELD.replace('outcome: upheld', 'outcome: partly_upheld').replace(
      / {2}actions:\n.*\n/,
      '',
    );
    const early = UPHELD.replace('decided_at: 2026-11-05', 'decided_at: 2026-11-01');
    const two = UPHELD.replace('{ record: complaints/p00012 }', '{ record: complaints/p00012, metric: fcr }')
      .replace('- correct:', '- void_metric: fcr\n      remove: orders/o1\n    - correct:')
      .replace('complaints/p00012, field', 'tickets/p00012, field');
    const schema = UPHELD.replace('kind: appeal', 'kind: appel').replace('claim:', 'claims:');
    const result = checkAppealFiles('2026-10', [
      file('r.yaml', rejected),
      file('p.yaml', partly),
      file('e.yaml', early),
      file('t.yaml', two),
      file('s.yaml', schema),
      file('Bad Name.yaml', UPHELD),
    ]);
    expect(result.appeals.appeals).toEqual([]);
    expect(result.problems.map((p) => `${p.file.slice(24)}:${p.line}:${p.column} ${p.code}`)).toEqual([
      'Bad Name.yaml:1:1 APPEAL_BAD_ID',
      'e.yaml:10:15 APPEAL_DECIDED_BEFORE_FILED',
      'p.yaml:8:12 APPEAL_PARTLY_WITHOUT_ACTIONS',
      'r.yaml:12:3 APPEAL_ACTIONS_ON_REJECTED',
      's.yaml:1:1 MISSING_KEY',
      's.yaml:2:7 NOT_ALLOWED_VALUE',
      's.yaml:6:1 UNKNOWN_KEY',
      't.yaml:5:1 APPEAL_ONE_TARGET',
      't.yaml:13:7 APPEAL_ONE_ACTION',
      't.yaml:15:26 APPEAL_BAD_RECORD',
    ]);
    const late = result.problems.find((p) => p.code === 'APPEAL_DECIDED_BEFORE_FILED');
    expect(late?.message.en).toBe(
      'The decision date 2026-11-01 is before the filing date 2026-11-03. Check decided_at and filed_at.',
    );
  });

  it('checks the meaning of every value the schema accepts, in the same run as the schema problems', () => {
    const text = `scorebook: 1
kind: appeal
agent: a0012
filed_at: 2026-11-3 10:00
disputes: { record: complaints/p00012, metric: fcr }
decision:
  outcome: accepted
  decided_by: 李主管
  decided_at: 2026/11/05
  actions:
    - remove: complaint/p000010
    - void_metric: fcr
      remove: orders/o1
    - correct: { record: tickets/p1, field: category, value: other, note: x }
`;
    const result = checkAppealFiles('2026-10', [file('AP_102.yaml', text)]);
    expect(result.appeals.appeals).toEqual([]);
    expect(result.problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.path}`)).toEqual([
      '1:1 APPEAL_BAD_ID ',
      '1:1 MISSING_KEY ',
      '4:11 BAD_FORMAT filed_at',
      '5:1 APPEAL_ONE_TARGET disputes',
      '6:1 MISSING_KEY decision',
      '7:12 NOT_ALLOWED_VALUE decision.outcome',
      '9:15 BAD_FORMAT decision.decided_at',
      '11:15 APPEAL_BAD_RECORD decision.actions[0].remove',
      '12:7 APPEAL_ONE_ACTION decision.actions[1]',
      '14:26 APPEAL_BAD_RECORD decision.actions[2].correct.record',
      '14:69 UNKNOWN_KEY decision.actions[2].correct.note',
    ]);
  });

  it('checks no value twice: a target or record the schema rejects has only the schema problem', () => {
    // `record: ""` fails the schema (not also APPEAL_BAD_RECORD); `mertic` is unknown, so one target is counted.
    const text = UPHELD.replace('{ record: complaints/p00012 }', '{ record: "", mertic: fcr }').replace(
      'decided_at: 2026-11-05',
      'decided_at: 2026-02-30',
    );
    const result = checkAppealFiles('2026-10', [
      file('ap-1.yaml', text.replace('kind: appeal', 'kind: apeal')),
    ]);
    expect(codes(result)).toEqual([
      '2:7 NOT_ALLOWED_VALUE',
      '5:21 EMPTY_VALUE',
      '5:25 UNKNOWN_KEY',
      '10:15 APPEAL_BAD_DATE',
    ]);
  });

  it('refuses a time that is not on the calendar', () => {
    const result = checkAppealFiles('2026-10', [
      file('x.yaml', UPHELD.replace('2026-11-03T10', '2026-02-30T10')),
    ]);
    expect(codes(result)).toEqual(['4:11 APPEAL_BAD_TIME']);
  });

  it('reads a period folder in file-name order; a missing folder is no appeals', () => {
    const dir = mkdtempSync(join(tmpdir(), 'appeals-'));
    expect(loadPeriodAppeals(dir, '2026-10')).toEqual({
      appeals: { period: '2026-10', appeals: [], files: [] },
      problems: [],
    });
    const folder = join(dir, '2026-10');
    mkdirSync(folder);
    writeFileSync(join(folder, 'b.yaml'), UPHELD);
    writeFileSync(join(folder, 'a.yaml'), UPHELD.replace(/decision:[\s\S]*/, ''));
    writeFileSync(join(folder, 'notes.txt'), 'not an appeal');
    const { appeals, problems } = loadPeriodAppeals(dir, '2026-10');
    expect(problems).toEqual([]);
    expect(appeals.appeals.map((a) => [a.id, a.name, a.decision === null])).toEqual([
      ['a', '2026-10/a.yaml', true],
      ['b', '2026-10/b.yaml', false],
    ]);
  });

  it('publishes its JSON Schema and ships the validator generated from it (npm run schema -w @scorebook/appeals)', () => {
    for (const { path, text } of GENERATED_FILES) expect(readFileSync(path, 'utf8')).toBe(text());
  });
});

describe('a value of the wrong type', () => {
  it('shows how the key is written (remove: <table>/<id>)', () => {
    const text = UPHELD.replace(
      '    - correct: { record: complaints/p00012, field: category, value: product_defect }',
      '    - remove: { record: complaints/p00012 }',
    );
    const { problems } = checkAppealFiles('2026-10', [file('ap-1.yaml', text)]);
    expect(problems.map((p) => [p.code, p.path, p.line, p.message.zh, p.message.en])).toEqual([
      [
        'WRONG_TYPE',
        'decision.actions[0].remove',
        13,
        '这里应为文本,实际是映射(键: 值)。应写成:remove: complaints/p00012',
        'Expected string here, found object. Write it as: remove: complaints/p00012',
      ],
    ]);
  });
});
