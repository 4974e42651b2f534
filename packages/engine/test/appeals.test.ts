import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Evaluation, evaluate } from '../src/index.ts';
import { basePolicy, csv, writeScenario } from './scenario.ts';
import { stopped } from './stopped.ts';
import { v2Policy } from './v2.ts';

const scorecards = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: csat_rate, weight: 40, target: 100%, floor: 50%, min_sample: 3 }
      - metric: qa_score
        weight: 30
        method: bands
        bands: [ { at_least: 90, score: 100 }, { at_least: 80, score: 70 } ]
      - metric: complaints_n
        weight: 30
        method: bands
        bands: [ { at_most: 0, score: 100 }, { at_most: 1, score: 50 } ]
    vetoes:
      - { id: red-line, reason: 红线, cap_grade: C, when: { all: [ { fact: red_line_count, operator: greaterThanInclusive, value: 1 } ] } }`;

const metrics = `metrics:
  - { id: complaints_n, title: 投诉数, kind: count, better: lower, table: complaints }`;

const tables = {
  agents: csv('agent_id,name,team,role', 'a1,张三,一组,aftersale', 'a2,李四,一组,aftersale'),
  surveys: csv(
    'survey_id,agent_id,submitted_at,csat',
    's1,a1,2026-10-05T10:00:00+08:00,5',
    's2,a1,2026-10-06T10:00:00+08:00,5',
    's3,a1,2026-10-07T10:00:00+08:00,2',
    's4,a1,2026-10-08T10:00:00+08:00,4',
    's5,a2,2026-10-05T10:00:00+08:00,5',
    's6,a2,2026-10-06T10:00:00+08:00,5',
    's7,a2,2026-10-07T10:00:00+08:00,5',
  ),
  qa_reviews: csv(
    'review_id,agent_id,reviewed_at,score,red_line',
    'q1,a1,2026-10-05T10:00:00+08:00,95,false',
    'q2,a2,2026-10-05T10:00:00+08:00,85,true',
  ),
  complaints: csv(
    'complaint_id,agent_id,filed_at,category,upheld',
    'p1,a1,2026-10-09T10:00:00+08:00,service,true',
    'p0,a1,2026-09-09T10:00:00+08:00,service,true',
  ),
};

/** An appeal file: the head, and a decision block (indented YAML) when decided. */
function appeal(agent: string, disputes: string, decision = '', filed = '2026-11-03T10:00:00+08:00'): string {
  return `scorebook: 1
kind: appeal
agent: ${agent}
filed_at: ${filed}
disputes: ${disputes}
claim: 不是我的问题
${decision === '' ? '' : `decision:\n  decided_by: 李主管\n  decided_at: 2026-11-20\n  reason: 复核属实\n${decision}`}`;
}

const UPHELD = '  outcome: upheld\n';

async function run(appeals: Record<string, string>, appealRules = ''): Promise<Evaluation> {
  const { policiesDir, dataDir } = writeScenario({
    policy: `${basePolicy({ scorecards, metrics })}${appealRules}`,
    tables,
  });
  const appealsDir = join(dataDir, '..', 'appeals');
  mkdirSync(join(appealsDir, '2026-10'), { recursive: true });
  for (const [name, text] of Object.entries(appeals)) writeFileSync(join(appealsDir, '2026-10', name), text);
  return evaluate({
    policiesDir,
    dataDir,
    period: '2026-10',
    appealsDir,
    allowMissing: ['conversations', 'messages', 'orders', 'attendance', 'assessments', 'events'],
  });
}

const agent = (e: Evaluation, id: string) => {
  const found = e.results.agents.find((a) => a.agent_id === id);
  if (found === undefined) throw new Error(`no agent ${id}`);
  return found;
};

describe('appeals applied between the row checks and the exclusions', () => {
  it('change nothing without appeal files, and add no key to the results', async () => {
    const e = await run({});
    expect(agent(e, 'a1').base_score).toBe(65);
    expect(agent(e, 'a2').base_score).toBe(91);
    expect(agent(e, 'a2').grade).toBe('C');
    expect('appealed' in agent(e, 'a1')).toBe(false);
    expect('appeals' in e.results).toBe(false);
    expect('appeals' in (e.explanations.agents[0] ?? {})).toBe(false);
  });

  it('remove a record: the metric loses it from its sample, counted under the appeal', async () => {
    const e = await run({ 'ap-1.yaml': appeal('a1', '{ record: surveys/s3 }', UPHELD) });
    const a1 = agent(e, 'a1');
    expect(a1.metrics.csat_rate).toEqual({ value: 1, sample: 3, score: 100, weight: 40, status: 'scored' });
    expect(a1.base_score).toBe(85);
    expect(a1.appealed).toEqual({ 'ap-1': 1 });
    expect(a1.appeals).toEqual([
      { id: 'ap-1', disputes: 'surveys/s3', outcome: 'upheld', status: 'applied', role: 'appellant' },
    ]);
    expect(agent(e, 'a2').appeals).toEqual([]);
    expect(e.results.appeals).toEqual([
      { file: '2026-10/ap-1.yaml', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    const explained = e.explanations.agents.find((x) => x.agent_id === 'a1')?.appeals?.[0];
    expect(explained?.changes).toEqual([
      {
        action: 'remove',
        target: 'surveys/s3',
        field: null,
        before: expect.objectContaining({
          table: 'surveys',
          line: 4,
          fields: expect.objectContaining({ csat: 2 }),
        }),
        after: null,
      },
    ]);
    expect(explained?.decision).toEqual({
      outcome: 'upheld',
      decided_by: '李主管',
      decided_at: '2026-11-20',
      reason: '复核属实',
      final: true,
    });
  });

  it('correct a field, after which the policy exclusion removes the record', async () => {
    const e = await run({
      'ap-1.yaml': appeal(
        'a1',
        '{ record: complaints/p1 }',
        `${UPHELD}  actions:\n    - correct: { record: complaints/p1, field: category, value: product_defect }\n`,
      ),
    });
    const a1 = agent(e, 'a1');
    expect(a1.excluded).toEqual({ defects: 1 });
    expect(a1.appealed).toEqual({});
    expect(a1.metrics.complaints_n?.value).toBe(0);
    expect(a1.base_score).toBe(80);
    const change = e.explanations.agents.find((x) => x.agent_id === 'a1')?.appeals?.[0]?.changes[0];
    expect([change?.field, change?.before?.fields.category, change?.after?.fields.category]).toEqual([
      'category',
      'service',
      'product_defect',
    ]);
  });

  it('warn of a correction no rule tells from the value it replaces, or of a field no rule reads (trial 7 H1)', async () => {
    const correct = (field: string, value: string) =>
      appeal(
        'a1',
        '{ record: complaints/p1 }',
        `${UPHELD}  actions:\n    - correct: { record: complaints/p1, field: ${field}, value: ${value} }\n`,
      );
    const said = (e: Evaluation) =>
      e.warnings
        .filter((w) => w.code.startsWith('APPEAL_CORRECTION'))
        .map((w) => [w.code, w.line, w.column, w.message.en]);
    // 产品缺陷 is not the exclusion's product_defect: the complaint still counts.
    const mistyped = await run({ 'ap-1.yaml': correct('category', '产品缺陷') });
    expect(agent(mistyped, 'a1').metrics.complaints_n?.value).toBe(1);
    expect(said(mistyped)).toEqual([
      [
        'APPEAL_CORRECTION_NO_EFFECT',
        13,
        26,
        'The appeal ap-1 corrects category of complaints/p1 from "service" to "产品缺陷", but the rules that read category (defects) come out the same for both values: the correction changes no result. Those rules test it against "product_defect". Is the value mistyped (a Chinese word where the data holds an English code, say)?',
      ],
    ]);
    expect(mistyped.warnings.find((w) => w.code === 'APPEAL_CORRECTION_NO_EFFECT')?.message.zh).toBe(
      '申诉 ap-1 把 complaints/p1 的 category 从 "service" 改为 "产品缺陷",但读取 category 的规则(defects)对这两个值的结论相同:这次更正不改变任何结果。这些规则认的值是 "product_defect"。是否写错了值(例如写了中文而数据里是英文代码)?',
    );
    // The value the exclusion names changes a result: nothing is said.
    expect(said(await run({ 'ap-1.yaml': correct('category', 'product_defect') }))).toEqual([]);
    // No rule or metric of this policy reads a complaint's conversation_id.
    expect(said(await run({ 'ap-1.yaml': correct('conversation_id', 'c9') }))).toEqual([
      [
        'APPEAL_CORRECTION_UNREAD',
        13,
        26,
        'The appeal ap-1 corrects conversation_id of complaints/p1 from null to "c9", but no rule or metric of the policy reads conversation_id: the correction changes only the record the explanations show, no result. Should another field be corrected?',
      ],
    ]);
  });

  it('reassign a record: it counts for the other agent, on both scorecards', async () => {
    const e = await run({
      'ap-1.yaml': appeal(
        'a1',
        '{ record: surveys/s3 }',
        `${UPHELD}  actions:\n    - reassign: { record: surveys/s3, to: a2 }\n`,
      ),
    });
    expect(agent(e, 'a1').metrics.csat_rate?.sample).toBe(3);
    expect(agent(e, 'a1').base_score).toBe(85);
    expect(agent(e, 'a2').metrics.csat_rate).toEqual({
      value: 0.75,
      sample: 4,
      score: 50,
      weight: 40,
      status: 'scored',
    });
    expect(agent(e, 'a2').base_score).toBe(71);
    expect(agent(e, 'a2').appeals).toEqual([
      { id: 'ap-1', disputes: 'surveys/s3', outcome: 'upheld', status: 'applied', role: 'assignee' },
    ]);
  });

  it('record a rejected appeal, which changes nothing', async () => {
    const before = await run({});
    const e = await run({ 'ap-1.yaml': appeal('a1', '{ record: surveys/s3 }', '  outcome: rejected\n') });
    const { appealed, appeals, ...rest } = agent(e, 'a1');
    expect(rest).toEqual(agent(before, 'a1'));
    expect(appealed).toEqual({});
    expect(appeals).toEqual([
      { id: 'ap-1', disputes: 'surveys/s3', outcome: 'rejected', status: 'rejected', role: 'appellant' },
    ]);
  });

  it('void a metric (left out of the base score) and a veto (holds but caps nothing)', async () => {
    const e = await run({
      'ap-1.yaml': appeal('a1', '{ metric: complaints_n }', UPHELD),
      'ap-2.yaml': appeal('a2', '{ veto: red-line }', UPHELD),
    });
    expect(agent(e, 'a1').metrics.complaints_n).toEqual({
      value: 1,
      sample: 1,
      score: null,
      weight: 30,
      status: 'appealed',
    });
    expect(agent(e, 'a1').base_score).toBe(5000 / 70);
    expect(agent(e, 'a2').vetoes).toEqual([]);
    expect(agent(e, 'a2').grade).toBe('A');
    expect(e.explanations.agents.find((x) => x.agent_id === 'a2')?.vetoes[0]?.holds).toBe(true);
  });

  it('refuse a late appeal and a second appeal on a final decision, as warnings; they change nothing', async () => {
    const e = await run(
      {
        'ap-1.yaml': appeal('a1', '{ record: surveys/s3 }', UPHELD, '2026-11-08T00:00:00+08:00'),
        'ap-2.yaml': appeal(
          'a1',
          '{ record: complaints/p1 }',
          '  outcome: rejected\n',
          '2026-11-07T23:59:59+08:00',
        ),
        'ap-3.yaml': appeal('a1', '{ record: complaints/p1 }', UPHELD, '2026-11-07T23:59:59+08:00'),
      },
      'appeals:\n  window_days: 7\n',
    );
    expect(agent(e, 'a1').base_score).toBe(65);
    expect(agent(e, 'a1').appeals?.map((a) => a.status)).toEqual(['refused', 'rejected', 'refused']);
    const refusals = e.warnings.filter((w) => w.code.startsWith('APPEAL_'));
    expect(refusals.map((w) => `${w.file?.slice(-9)}:${w.line}:${w.column} ${w.code}`)).toEqual([
      'ap-1.yaml:4:11 APPEAL_LATE',
      'ap-3.yaml:5:21 APPEAL_AFTER_FINAL',
    ]);
    expect(refusals[0]?.message.en).toBe(
      'The appeal 2026-10/ap-1.yaml was filed on 2026-11-08, after the deadline 2026-11-07 (7 days after the period): refused, it changes nothing.',
    );
  });

  it('refuse what the policy does not let be appealed', async () => {
    const e = await run(
      { 'ap-1.yaml': appeal('a1', '{ record: surveys/s3 }', UPHELD) },
      'appeals:\n  tables: [complaints]\n',
    );
    expect(agent(e, 'a1').base_score).toBe(65);
    expect(e.warnings.filter((w) => w.code.startsWith('APPEAL_')).map((w) => w.code)).toEqual([
      'APPEAL_NOT_APPEALABLE',
    ]);
  });

  it('stop on a name that does not exist, at the appeal file line and column', async () => {
    const { problems } = await stopped(
      run({
        'a.yaml': appeal('a9', '{ record: surveys/s1 }'),
        'b.yaml': appeal('a1', '{ record: surveys/s99 }'),
        'c.yaml': appeal('a1', '{ record: surveys/s5 }'),
        'd.yaml': appeal(
          'a1',
          '{ record: surveys/s3 }',
          `${UPHELD}  actions:\n    - correct: { record: surveys/s3, field: mood, value: 1 }\n    - correct: { record: surveys/s3, field: csat, value: 9 }\n    - reassign: { record: surveys/s3, to: a7 }\n`,
        ),
        'e.yaml': appeal('a1', '{ metric: fcr }'),
        'f.yaml': appeal('a1', '{ record: complaints/p0 }'),
      }),
    );
    expect(problems.map((p) => `${p.file?.slice(-6)}:${p.line}:${p.column} ${p.code}`)).toEqual([
      'a.yaml:3:8 APPEAL_UNKNOWN_AGENT',
      'b.yaml:5:21 APPEAL_UNKNOWN_RECORD',
      'c.yaml:5:21 APPEAL_NOT_AGENTS_RECORD',
      'd.yaml:13:45 APPEAL_UNKNOWN_FIELD',
      'd.yaml:14:58 APPEAL_BAD_VALUE',
      'd.yaml:15:43 APPEAL_UNKNOWN_ASSIGNEE',
      'e.yaml:5:21 APPEAL_NOT_IN_SCORECARD',
      'f.yaml:5:21 APPEAL_RECORD_OUTSIDE_PERIOD',
    ]);
    expect(problems.find((p) => p.code === 'APPEAL_BAD_VALUE')?.message).toEqual({
      zh: '"9" 不是字段 csat 可用的值:应为 整数 1–5,或 null。',
      en: '"9" is not a value of the field csat: expected a whole number 1–5, or null.',
    });
  });

  it('say what a yes/no correction is written as when it is given in the export’s words (否)', async () => {
    const { problems } = await stopped(
      run({
        'a.yaml': appeal(
          'a2',
          '{ record: qa_reviews/q2 }',
          `${UPHELD}  actions:\n    - correct: { record: qa_reviews/q2, field: red_line, value: 否 }\n`,
        ),
      }),
    );
    expect(problems.map((p) => [p.code, p.message.zh])).toEqual([
      [
        'APPEAL_BAD_VALUE',
        '"否" 不是字段 red_line 可用的值:应为 true 或 false(写数据合同的值,不是导出中的写法,如 是/否),或 null。',
      ],
    ]);
  });

  it('say when no appeal matches the data: the appeals of another data set (the default folder, another --data)', async () => {
    const { problems } = await stopped(
      run({
        'a.yaml': appeal('a9', '{ record: surveys/s1 }'),
        'b.yaml': appeal('a1', '{ record: surveys/s99 }'),
        'c.yaml': appeal('a1', '{ record: surveys/s5 }'),
      }),
    );
    const hint = problems.find((p) => p.code === 'APPEALS_NOT_FOR_THIS_DATA');
    expect(hint?.severity).toBe('warning');
    // At the period's appeal folder: the folder of the appeal files.
    const first = problems.find((p) => p.code === 'APPEAL_UNKNOWN_AGENT')?.file ?? '';
    expect(hint?.file).toBe(first.slice(0, first.lastIndexOf('/')));
    expect(hint?.file).toMatch(/2026-10$/);
    expect(hint?.message.en).toContain("None of the period's 3 appeals in ");
    expect(hint?.message.zh).toContain('请用 --appeals 指向这份数据的申诉文件夹');
    // One appeal that matches (a1's own survey s3) and the others are mistakes in this data's appeals.
    const { problems: some } = await stopped(
      run({
        'a.yaml': appeal('a9', '{ record: surveys/s1 }'),
        'd.yaml': appeal('a1', '{ record: surveys/s3 }'),
      }),
    );
    expect(some.map((p) => p.code)).toEqual(['APPEAL_UNKNOWN_AGENT']);
    // One appeal of a known agent naming a record that is not there: a mistyped record id of
    // this data's appeals, not another data set's (trial 7 M7).
    const { problems: mistyped } = await stopped(run({ 'e.yaml': appeal('a1', '{ record: surveys/s33 }') }));
    expect(mistyped.map((p) => p.code)).toEqual(['APPEAL_UNKNOWN_RECORD']);
    // Three files, every agent known, no record of them theirs: another data set with the same
    // agent ids (the bundled appeals with a generated month).
    const { problems: same } = await stopped(
      run({
        'a.yaml': appeal('a1', '{ record: surveys/s5 }'),
        'b.yaml': appeal('a1', '{ record: surveys/s99 }'),
        'c.yaml': appeal('a1', '{ record: surveys/s98 }'),
      }),
    );
    expect(same.map((p) => p.code)).toEqual([
      'APPEALS_NOT_FOR_THIS_DATA',
      'APPEAL_NOT_AGENTS_RECORD',
      'APPEAL_UNKNOWN_RECORD',
      'APPEAL_UNKNOWN_RECORD',
    ]);
    // Two such files stay mistakes of this data's appeals.
    const { problems: two } = await stopped(
      run({
        'a.yaml': appeal('a1', '{ record: surveys/s5 }'),
        'b.yaml': appeal('a1', '{ record: surveys/s99 }'),
      }),
    );
    expect(two.map((p) => p.code)).toEqual(['APPEAL_NOT_AGENTS_RECORD', 'APPEAL_UNKNOWN_RECORD']);
  });
});

describe('appeals under policy format 2', () => {
  // quality (60): csat_rate 50 (50% → 100%), qa_score 50 (50 → 100); complaints (40): complaints_n (2 → 0).
  const groups = `  aftersale:
    title: 售后
    roles: [aftersale]
    groups:
      - id: quality
        title: 服务质量
        weight: 60
        scored:
          - { metric: csat_rate, weight: 50, target: 100%, floor: 50%, min_sample: 3 }
          - { metric: qa_score, weight: 50, target: 100, floor: 50 }
      - id: complaints
        title: 投诉
        weight: 40
        scored:
          - { metric: complaints_n, weight: 100, target: 0, floor: 2 }
`;

  it('leave a voided metric out of its group subtotal, its weight shared inside the group', async () => {
    const { policiesDir, dataDir } = writeScenario({ policy: v2Policy(groups, metrics), tables });
    const appealsDir = join(dataDir, '..', 'appeals');
    mkdirSync(join(appealsDir, '2026-10'), { recursive: true });
    writeFileSync(join(appealsDir, '2026-10', 'ap-1.yaml'), appeal('a1', '{ metric: csat_rate }', UPHELD));
    const e = await evaluate({ policiesDir, dataDir, period: '2026-10', appealsDir });
    const a1 = agent(e, 'a1');
    // Without the appeal quality would be (50 + 90) ÷ 2 = 70 and the base 70·0.6 + 50·0.4 = 62. With
    // it, quality is qa alone (95 → 90); complaints 1 → 50; base (90·60 + 50·40) ÷ 100.
    expect(a1.metrics.csat_rate?.status).toBe('appealed');
    expect(a1.metrics.csat_rate?.value).toBe(0.75);
    expect(a1.groups?.map((g) => g.subtotal)).toEqual([90, 50]);
    expect(a1.base_score).toBe(74);
    expect(a1.grade_by_score).toBe('B');
    expect(a1.appeals).toEqual([
      { id: 'ap-1', disputes: 'metric:csat_rate', outcome: 'upheld', status: 'applied', role: 'appellant' },
    ]);
    expect(Object.keys(a1).slice(-3)).toEqual(['reward', 'appealed', 'appeals']);
  });

  it('keep a voided metric’s value as a fact: a flag on it still holds (docs/appeals.md)', async () => {
    const flagged = `${groups}    flags:
      - { id: low-csat, label: 满意度低, when: { all: [ { fact: csat_rate, operator: lessThan, value: 0.8 } ] } }
`;
    const { policiesDir, dataDir } = writeScenario({ policy: v2Policy(flagged, metrics), tables });
    const appealsDir = join(dataDir, '..', 'appeals');
    mkdirSync(join(appealsDir, '2026-10'), { recursive: true });
    writeFileSync(join(appealsDir, '2026-10', 'ap-1.yaml'), appeal('a1', '{ metric: csat_rate }', UPHELD));
    const e = await evaluate({ policiesDir, dataDir, period: '2026-10', appealsDir });
    const a1 = agent(e, 'a1');
    expect(a1.metrics.csat_rate?.status).toBe('appealed');
    expect(a1.metrics.csat_rate?.score).toBe(null);
    expect(a1.metrics.csat_rate?.value).toBe(0.75);
    expect(a1.metrics.csat_rate?.sample).toBe(4);
    expect(a1.base_score).toBe(74);
    expect(a1.flags).toEqual(['low-csat']);
  });
});

describe('the period warnings of a table with appeals', () => {
  it('count the rows as the appeals leave them: a row an appeal removed is not counted (trial 16 finding 8)', async () => {
    const evaluateWith = async (appeals: Record<string, string>) => {
      const { policiesDir, dataDir } = writeScenario({
        policy: basePolicy({ scorecards, metrics }),
        tables: {
          ...tables,
          // q3's red line left empty: the red-line veto reads it.
          qa_reviews: csv(
            'review_id,agent_id,reviewed_at,score,red_line',
            'q1,a1,2026-10-05T10:00:00+08:00,95,false',
            'q2,a2,2026-10-05T10:00:00+08:00,85,true',
            'q3,a1,2026-10-06T10:00:00+08:00,90,',
          ),
        },
      });
      const appealsDir = join(dataDir, '..', 'appeals');
      mkdirSync(join(appealsDir, '2026-10'), { recursive: true });
      for (const [name, text] of Object.entries(appeals))
        writeFileSync(join(appealsDir, '2026-10', name), text);
      const e = await evaluate({
        policiesDir,
        dataDir,
        period: '2026-10',
        appealsDir,
        allowMissing: ['conversations', 'messages', 'orders', 'attendance', 'assessments', 'events'],
      });
      return e.warnings.filter((w) => w.code === 'FIELD_PARTLY_EMPTY_IN_PERIOD').map((w) => w.message.en);
    };
    expect(await evaluateWith({})).toEqual([
      expect.stringContaining(
        "qa_reviews.red_line is empty (or mapped to null in source.yaml) in 1 of the period's 3 rows",
      ),
    ]);
    expect((await evaluateWith({}))[0]).toContain('Agents affected: a1 1.');
    // Removed by an upheld appeal: the row is not the run's, and nothing is empty.
    expect(await evaluateWith({ 'ap-1.yaml': appeal('a1', '{ record: qa_reviews/q3 }', UPHELD) })).toEqual(
      [],
    );
  });
});
