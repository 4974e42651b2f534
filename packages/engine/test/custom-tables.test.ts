import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_TABLES } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { evaluate, inspectData, serializeEvaluation, textOf } from '../src/index.ts';
import { basePolicy, csv, writeScenario } from './scenario.ts';
import { stopped } from './stopped.ts';

const METRICS = `metrics:
  - id: community_active_rate
    title: 社群活跃度
    kind: ratio
    better: higher
    unit: ratio
    numerator: { table: x_group_members, where: { all: [ { fact: active, operator: equal, value: true } ] } }
    denominator: { table: x_group_members }
  - id: members_joined
    title: 新入群成员数
    kind: count
    better: higher
    table: x_group_members
  - id: member_messages
    title: 成员平均发言数
    kind: mean
    better: higher
    table: x_group_members
    field: messages
    where: { all: [ { fact: group_name, operator: notEqual, value: 测试群 } ] }
`;

const SCORECARDS = `  community:
    title: 社群
    roles: [community]
    scored:
      - { metric: community_active_rate, weight: 60, target: 100%, floor: 0% }
      - { metric: members_joined, weight: 40, target: 4, floor: 0 }
`;

const SOURCE = `scorebook: 1
kind: source
custom:
  x_group_members:
    title: 社群成员
    files: ["社群成员_*.csv"]
    id: member_id
    agent: agent_id
    time: joined_at
    fields:
      member_id: { column: 成员ID, type: id }
      agent_id: { column: 负责客服, type: id }
      group_name: { column: 群名称, type: string, required: true }
      joined_at: { column: 入群时间, type: timestamp, format: "yyyy/M/d H:mm" }
      active: { column: 是否活跃, type: bool, map: { 是: true, 否: false } }
      messages: { column: 发言数, type: int, min: 0 }
`;

const MEMBERS = csv(
  '成员ID,负责客服,群名称,入群时间,是否活跃,发言数',
  'm1,c1,售后1群,2026/10/3 10:00,是,10',
  'm2,c1,售后1群,2026/10/4 10:00,否,0',
  'm3,c1,测试群,2026/10/31 23:30,是,50',
  'm4,c1,售后2群,2026/11/1 0:10,是,7',
  'm5,c2,售后3群,2026/10/5 9:00,是,3',
  'm1,c2,售后3群,2026/10/6 9:00,否,1',
  'm6,zz,售后3群,2026/10/7 9:00,是,2',
  'm7,c2,售后3群,2026/9/30 23:59,否,9',
);

const AGENTS = csv('agent_id,name,team,role', 'c1,赵六,社群组,community', 'c2,钱七,社群组,community');

function run(
  options: {
    members?: Record<string, string>;
    /** More files of the data folder (contract tables). */
    files?: Record<string, string>;
    source?: string;
    engine?: 'duckdb';
    allowMissing?: string[];
  } = {},
) {
  const { policiesDir, dataDir } = writeScenario({
    policy: basePolicy({ metrics: METRICS, scorecards: SCORECARDS }),
    tables: { agents: AGENTS },
  });
  writeFileSync(join(dataDir, 'source.yaml'), options.source ?? SOURCE);
  for (const [name, text] of Object.entries({
    ...(options.members ?? { '社群成员_2026-10.csv': MEMBERS }),
    ...options.files,
  }))
    writeFileSync(join(dataDir, name), text);
  return evaluate({
    policiesDir,
    dataDir,
    period: '2026-10',
    maxRejected: { kind: 'rows', value: 10 },
    allowMissing: [...INPUT_TABLES.filter((t) => t !== 'agents'), ...(options.allowMissing ?? [])],
    ...(options.engine === undefined ? {} : { engine: options.engine }),
  });
}

describe('a custom table declared by the source (x_group_members)', () => {
  it('measures ratio, count and mean metrics over the rows of the period, credited by its agent field', async () => {
    const e = await run();
    const [c1, c2] = e.results.agents;
    // c1: m1, m2, m3 in October (m4 is November); m3's group is left out of the mean by its where.
    expect(c1?.metrics.community_active_rate?.value).toBe(2 / 3);
    expect(c1?.metrics.members_joined?.value).toBe(3);
    expect(c1?.metrics.member_messages?.value).toBe(5);
    // c2: m5 only (its m1 repeats an id, m7 is September).
    expect(c2?.metrics.community_active_rate?.value).toBe(1);
    expect(c2?.metrics.members_joined?.value).toBe(1);
    expect(c2?.metrics.member_messages?.value).toBe(3);
    expect(c1?.base_score).toBe(60 * (2 / 3) + 40 * (3 / 4));
    expect(c2?.base_score).toBe(60 + 40 * (1 / 4));
  });

  it('warns when its files have no row of the period (another month’s export)', async () => {
    const september = csv(
      '成员ID,负责客服,群名称,入群时间,是否活跃,发言数',
      'm7,c2,售后3群,2026/9/30 23:59,否,9',
    );
    // A QA review of October: the period has data, only the custom table has none of it.
    const reviews = csv(
      'review_id,agent_id,reviewed_at,score,red_line',
      'q1,c1,2026-10-05T10:00:00+08:00,90,false',
    );
    const { warnings } = await run({
      members: { '社群成员_2026-09.csv': september },
      files: { 'qa_reviews.csv': reviews },
    });
    const empty = warnings.filter((w) => w.code === 'TABLE_EMPTY_IN_PERIOD');
    expect(empty.map((w) => w.message.en.split(',')[0])).toEqual(['The table x_group_members has files']);
    expect(empty[0]?.message.en).toContain('community_active_rate (community/community_active_rate)');
    expect((await run()).warnings.filter((w) => w.code === 'TABLE_EMPTY_IN_PERIOD')).toEqual([]);
  });

  it('rejects a repeated id and an unknown agent, naming file, line and field', async () => {
    const e = await run();
    expect(e.rejected.map((r) => [r.table, r.file, r.line, r.field, r.code])).toEqual([
      ['x_group_members', '社群成员_2026-10.csv', 7, 'member_id', 'DUPLICATE_ID'],
      ['x_group_members', '社群成员_2026-10.csv', 8, 'agent_id', 'UNKNOWN_AGENT'],
    ]);
    expect(e.rejected[0]?.message.en).toBe(
      'member_id "m1" is a duplicate (first at 社群成员_2026-10.csv:2); the earlier row is kept',
    );
  });

  it('records its files with sha256, rows, rejected rows and range in inputs', async () => {
    const e = await run();
    const input = e.results.inputs.x_group_members;
    expect(input?.rows).toBe(8);
    expect(input?.rejected).toBe(2);
    expect(input?.absent).toBe(false);
    expect(input?.files.map((f) => [f.path, f.rows, f.sha256.length])).toEqual([
      ['社群成员_2026-10.csv', 8, 64],
    ]);
    expect(input?.range).toEqual({ first: '2026-09-30T23:59:00+08:00', last: '2026-11-01T00:10:00+08:00' });
  });

  it('records the titles its source gives fields (English defaulting to Chinese) in inputs, and none without', async () => {
    const titled = SOURCE.replace(
      '{ column: 群名称, type: string, required: true }',
      '{ column: 群名称, type: string, required: true, title: 群名称, title_en: Group }',
    ).replace('{ column: 是否活跃, type: bool,', '{ column: 是否活跃, title: 是否活跃, type: bool,');
    const e = await run({ source: titled });
    expect(e.results.inputs.x_group_members?.titles).toEqual({
      group_name: { title: '群名称', title_en: 'Group' },
      active: { title: '是否活跃', title_en: '是否活跃' },
    });
    // results.json is the results as JSON with an indent of 2: the titles come last in the entry.
    expect(JSON.stringify(e.results.inputs.x_group_members, null, 2)).toMatch(
      /"range": \{[^}]*\},\n {2}"titles": \{\n {4}"group_name": \{\n {6}"title": "群名称",\n {6}"title_en": "Group"\n {4}\},/,
    );
    const plain = await run();
    expect(Object.keys(plain.results.inputs.x_group_members ?? {})).not.toContain('titles');
  });

  it('explains a scored metric with the rows behind it, at their file and line', async () => {
    const e = await run();
    const c1 = e.explanations.agents.find((a) => a.agent_id === 'c1');
    const evidence = c1?.metrics.community_active_rate?.evidence;
    expect(evidence?.total).toBe(1);
    expect(evidence?.records).toEqual([
      {
        table: 'x_group_members',
        file: '社群成员_2026-10.csv',
        line: 3,
        fields: {
          member_id: 'm2',
          agent_id: 'c1',
          group_name: '售后1群',
          joined_at: '2026-10-04T10:00:00+08:00',
          active: false,
          messages: 0,
        },
      },
    ]);
  });

  it('stops when its files match nothing, at its declaration, unless --allow-missing names it', async () => {
    const { problems } = await stopped(run({ members: {} }));
    expect(problems.map((p) => [p.code, p.file?.endsWith('source.yaml'), p.line])).toEqual([
      ['CUSTOM_TABLE_NO_FILES', true, 5],
    ]);
  });

  it('with --allow-missing, a declared table without files leaves its metrics without data', async () => {
    const events = csv('agent_id,at,type', 'c1,2026-10-05T10:00:00+08:00,praise');
    const e = await run({ members: { 'events.csv': events }, allowMissing: ['x_group_members'] });
    expect(e.results.inputs.x_group_members?.absent).toBe(true);
    expect(e.results.agents[0]?.metrics.members_joined?.value).toBe(null);
  });

  it('stops at the policy line of a metric on a custom table the source does not declare', async () => {
    const source = SOURCE.replaceAll('x_group_members', 'x_members');
    const { problems } = await stopped(run({ source, members: { '社群成员_2026-10.csv': MEMBERS } }));
    expect(problems[0]?.message.en).toBe(
      'The data\'s source declares no custom table "x_group_members" (custom in source.yaml). Declared custom tables: x_members. Declare it under custom in source.yaml, or correct the name.',
    );
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['CUSTOM_TABLE_UNDECLARED', 24, 25],
      ['CUSTOM_TABLE_UNDECLARED', 25, 27],
      ['CUSTOM_TABLE_UNDECLARED', 30, 12],
      ['CUSTOM_TABLE_UNDECLARED', 35, 12],
    ]);
  });

  it('is measured by the SQL engine as by the TypeScript engine, byte for byte', async () => {
    const sql = serializeEvaluation(await run({ engine: 'duckdb' }));
    expect(sql).toEqual(serializeEvaluation(await run()));
    expect(JSON.parse(textOf(sql.get('results.json') ?? [])).agents[0].metrics.members_joined.value).toBe(3);
  });

  it('is neither read nor recorded for a policy whose metrics do not name it', async () => {
    const { policiesDir, dataDir } = writeScenario({
      tables: { agents: AGENTS, events: csv('agent_id,at,type', 'c1,2026-10-05T10:00:00+08:00,praise') },
    });
    writeFileSync(join(dataDir, 'source.yaml'), SOURCE);
    // Every row would be rejected (no column matches): unread, it stops nothing.
    writeFileSync(join(dataDir, '社群成员_2026-10.csv'), csv('a,b', '1,2'));
    const e = await evaluate({
      policiesDir,
      dataDir,
      period: '2026-10',
      allowMissing: INPUT_TABLES.filter((t) => t !== 'agents' && t !== 'events'),
    });
    expect(Object.keys(e.results.inputs)).not.toContain('x_group_members');
    expect(e.rejected).toEqual([]);
  });

  it('is read by source check after the contract tables, with its rows of the period and rejected rows', async () => {
    const { dataDir } = writeScenario({ tables: { agents: AGENTS } });
    writeFileSync(join(dataDir, 'source.yaml'), SOURCE);
    writeFileSync(join(dataDir, '社群成员_2026-10.csv'), MEMBERS);
    const inspection = await inspectData({
      dataDir,
      period: '2026-10',
      maxRejected: { kind: 'rows', value: 10 },
    });
    const members = inspection.tables.at(-1);
    expect([members?.table, members?.rows, members?.rejected, members?.inPeriod]).toEqual([
      'x_group_members',
      8,
      2,
      4,
    ]);
    expect(members?.byCode.map((g) => [g.code, g.count])).toEqual([
      ['DUPLICATE_ID', 1],
      ['UNKNOWN_AGENT', 1],
    ]);
    expect(members?.values).toEqual([
      {
        field: 'active',
        counts: [
          ['true', 4],
          ['false', 2],
        ],
      },
    ]);
  });
});
