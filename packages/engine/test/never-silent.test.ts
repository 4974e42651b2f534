import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_TABLES } from '@scorebook/contract';
import type { Problem } from '@scorebook/problems';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.ts';
import { AGENTS, basePolicy, csv, runScenario, SENDER_MAP_GAP, writeScenario } from './scenario.ts';
import { stopped } from './stopped.ts';
import { v2Policy } from './v2.ts';

// `source-format.md`, "What is never silent": each rule stops the run (or rejects the row)
// instead of producing a confident wrong grade.

const CONV = 'conversation_id,agent_id,channel,started_at,ended_at';
const conv = (...rows: string[]) => csv(CONV, ...rows);
const MSG = 'conversation_id,sent_at,sender,agent_id,text';
/** A policy that scores only the resolution rate (是否解决). */
const RESOLUTION_POLICY = basePolicy({
  scorecards: `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: resolution_rate, weight: 100, target: 90%, floor: 50% }`,
});

const codes = (r: { problems: Problem[] }) => r.problems.map((p) => p.code);

describe('what is never silent', () => {
  it('1. a file that belongs to no table stops the run, naming it', async () => {
    const { policiesDir, dataDir } = writeScenario({ tables: { agents: AGENTS } });
    writeFileSync(join(dataDir, 'conversations_2026-10.csv'), `${CONV}\n`);
    writeFileSync(join(dataDir, 'Surveys.csv'), 'survey_id\n');
    const r = await stopped(
      evaluate({ policiesDir, dataDir, period: '2026-10', allowMissing: INPUT_TABLES }),
    );
    expect(r.problems.map((p) => [p.code, p.file])).toEqual([
      ['SOURCE_NEEDED', dataDir],
      ['STRAY_FILE', 'Surveys.csv'],
      ['STRAY_FILE', 'conversations_2026-10.csv'],
    ]);
  });

  it("1b. says the stray files together with the located files' problems (a header without a required column)", async () => {
    const { policiesDir, dataDir } = writeScenario({ tables: { agents: AGENTS } });
    writeFileSync(join(dataDir, 'Surveys.csv'), 'survey_id\n');
    // conversations.csv without its agent_id column.
    writeFileSync(
      join(dataDir, 'conversations.csv'),
      'conversation_id,channel,started_at\nc1,chat,2026-10-05T10:00:00+08:00\n',
    );
    const r = await stopped(
      evaluate({ policiesDir, dataDir, period: '2026-10', allowMissing: INPUT_TABLES }),
    );
    expect(r.problems.map((p) => [p.code, p.file])).toEqual([
      ['SOURCE_NEEDED', dataDir],
      ['STRAY_FILE', 'Surveys.csv'],
      ['REQUIRED_COLUMN_MISSING', 'conversations.csv'],
    ]);
  });

  it('3. a field a scored metric reads that no file has stops the run (CSV before reading, JSON Lines after)', async () => {
    const policy = basePolicy({
      scorecards: `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: fcr, weight: 100, target: 90%, floor: 50% }`,
    });
    const tables = { agents: AGENTS, conversations: conv('c1,a1,chat,2026-10-05T10:00:00+08:00,') };
    const r = await stopped(runScenario({ policy, tables }));
    expect(r.problems.map((p) => [p.code, p.file])).toEqual([
      ['FIELD_NOT_IN_DATA', 'conversations.csv'],
      ['FIELD_NOT_IN_DATA', 'conversations.csv'],
      ['FIELD_NOT_IN_DATA', 'conversations.csv'],
    ]);
    expect(r.problems[0]!.message.en).toContain('conversations.resolved (fcr (aftersale/fcr))');
    expect(r.problems[0]!.message.en).toContain(
      'in a condition null equals only null: "resolved equal true" would fail for every row, "upheld notEqual false" hold for every row',
    );
    const jsonl = await stopped(
      runScenario({
        policy,
        tables: {
          agents: AGENTS,
          conversations: [
            {
              conversation_id: 'c1',
              agent_id: 'a1',
              channel: 'chat',
              started_at: '2026-10-05T10:00:00+08:00',
              resolved: true,
            },
          ],
        },
      }),
    );
    expect(codes(jsonl)).toEqual(['FIELD_NOT_IN_DATA', 'FIELD_NOT_IN_DATA']);
  });

  it('3. so does a field that a flag, an award or a tie-breaker reads; an information-only metric is warned about', async () => {
    const scorecard = (rules: string) => `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: resolution_rate, weight: 100, target: 90%, floor: 50% }
${rules}`;
    const conversations = csv(`${CONV},resolved`, 'c1,a1,chat,2026-10-05T10:00:00+08:00,,true');
    const run = (rules: string) =>
      runScenario({ policy: v2Policy(scorecard(rules)), tables: { agents: AGENTS, conversations } });
    // Without a transferred column every agent's transfer rate would be 0 and the flag would hold.
    const flag = await stopped(
      run(`    flags:
      - { id: never-transfers, label: 从不转接, when: { all: [{ fact: transfer_rate, operator: equal, value: 0 }] } }`),
    );
    expect(flag.problems.map((p) => [p.code, p.file])).toEqual([['FIELD_NOT_IN_DATA', 'conversations.csv']]);
    expect(flag.problems[0]!.message.en).toContain(
      'conversations.transferred (transfer_rate (aftersale/never-transfers))',
    );
    // Without reopened and transferred, fcr would be the resolution rate, and pay 300.
    const award = await stopped(
      run(`    awards:
      - { id: fcr-star, title: 一次解决之星, metric: fcr, top: 1, amount: 300 }`),
    );
    expect(award.problems.map((p) => p.message.en.match(/reads (\S+)/)?.[1])).toEqual([
      'conversations.reopened',
      'conversations.transferred',
    ]);
    const ties = await stopped(
      run(`    distribution:
      tie_breakers: [fcr]
      grades:
        - { grade: S, max_share: 10% }`),
    );
    expect(codes(ties)).toEqual(['FIELD_NOT_IN_DATA', 'FIELD_NOT_IN_DATA']);
    // Shown for information only: the run goes on and says which metrics read a missing column.
    const info = await run('');
    const warned = info.warnings.filter((w) => w.code === 'INFO_METRIC_FIELD_NOT_IN_DATA');
    expect(
      warned.map((w) => w.message.en.match(/metric (\S+) reads (.+), which no file/)?.slice(1, 3)),
    ).toEqual([
      ['fcr', 'conversations.reopened, conversations.transferred'],
      ['transfer_rate', 'conversations.transferred'],
      ['sla_on_time_rate', 'conversations.sla_due_at, conversations.closed_at'],
    ]);
    // It says what to do when the export has no such column (an information metric cannot be hidden).
    expect(warned[1]?.message.zh).toBe(
      '仅供参考的指标 transfer_rate 读取的 conversations.transferred 在数据中没有这一列:它不计分,但它的值是把这一列当作处处为空算出的(transfer_rate 显示的数没有意义),不要据此判断。导出中有这一列时,在 source.yaml 中写出它来自哪一列;没有时可以忽略本条(报告网站仍在“其他指标(仅供参考)”中列出这个值)。',
    );
  });

  it('2. a required field no JSON Lines record has as a key is said once, with the keys the records have', async () => {
    const surveys = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, staffId: 'a1', evaluation: 100 }));
    const r = await stopped(
      runScenario({
        tables: { agents: AGENTS, conversations: conv('c1,a1,chat,2026-10-05T10:00:00+08:00,'), surveys },
      }),
    );
    expect(codes(r)).toEqual(['REQUIRED_KEY_MISSING']);
    expect(r.problems[0]!.message.en).toBe(
      'No record of the JSON Lines files of surveys (surveys.jsonl) has a key for the required fields survey_id, agent_id, submitted_at; the records have the keys: id, staffId, evaluation. In source.yaml, say which key each comes from:\ntables:\n  surveys:\n    fields:\n      survey_id: <key>\n      agent_id: <key>\n      submitted_at: <key>',
    );
  });

  it('3. a condition of an exclusion on a column the data lacks stops the run', async () => {
    const policy = basePolicy({
      exclusions: `  - id: vip
    table: conversations
    reason: VIP 会话另行考核
    when: { all: [ { fact: vip_level, operator: equal, value: "3" } ] }`,
    });
    const r = await stopped(
      runScenario({
        policy,
        tables: {
          agents: AGENTS,
          conversations: conv('c1,a1,chat,2026-10-05T10:00:00+08:00,'),
          messages: csv(MSG),
        },
      }),
    );
    expect(codes(r)).toEqual(['FIELD_NOT_IN_DATA']);
    expect(r.problems[0]!.message.en).toContain('conversations.vip_level (exclusion vip)');
  });

  it('4. a table a veto needs that source.yaml lists with files matching none stops the run, unless allowed', async () => {
    const tables = {
      agents: AGENTS,
      conversations: conv('c1,a1,chat,2026-10-05T10:00:00+08:00,'),
      messages: csv(MSG),
      'source.yaml': 'scorebook: 1\nkind: source\ntables:\n  qa_reviews:\n    files: ["质检_*.csv"]\n',
    };
    const r = await stopped(runScenario({ tables, allowMissing: [] }));
    expect(r.problems.map((p) => [p.code, p.file?.endsWith('source.yaml')])).toEqual([
      ['DECLARED_TABLE_NO_FILES', true],
    ]);
    expect(r.problems[0]!.message.en).toContain(
      'source.yaml lists the table qa_reviews (files: 质检_*.csv), and no file matches',
    );
    const allowed = await runScenario({ tables, allowMissing: ['qa_reviews'] });
    expect(allowed.results.inputs.qa_reviews).toMatchObject({ absent: true, files: [] });
  });

  it('4. a table only a scorecard no agent is on needs is not required: a warning names it and the scorecard', async () => {
    const scorecards = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: reply_rate, weight: 100, target: 100%, floor: 50% }
  community:
    title: 社群
    roles: [community]
    scored:
      - { metric: csat_rate, weight: 60, target: 90%, floor: 50% }
      - { metric: qa_score, weight: 40, target: 95, floor: 70 }`;
    const policy = basePolicy({ scorecards });
    const tables = {
      agents: csv('agent_id,name,team,role', 'a1,张三,售后一组,aftersale', 'a2,李四,售后一组,aftersale'),
      conversations: conv('c1,a1,chat,2026-10-05T10:00:00+08:00,'),
      messages: csv(
        MSG,
        'c1,2026-10-05T10:00:00+08:00,customer,,你好',
        'c1,2026-10-05T10:00:20+08:00,agent,a1,您好',
      ),
    };
    const e = await runScenario({ policy, tables, allowMissing: [] });
    expect(
      e.warnings.filter((w) => w.code.includes('TABLE_ABSENT')).map((w) => [w.code, w.message.en]),
    ).toEqual([
      [
        'UNUSED_SCORECARD_TABLE_ABSENT',
        "The data has no file of the table surveys, which only scorecards no agent of the data is on need (community): this run does not need it. If some agent should be on them, check the agents' role (and its map in source.yaml).",
      ],
      [
        'UNUSED_SCORECARD_TABLE_ABSENT',
        "The data has no file of the table qa_reviews, which only scorecards no agent of the data is on need (community): this run does not need it. If some agent should be on them, check the agents' role (and its map in source.yaml).",
      ],
    ]);
    expect(e.results.agents.map((a) => [a.agent_id, a.metrics.reply_rate?.value])).toEqual([
      ['a1', 1],
      ['a2', null],
    ]);
    // Once an agent is on the scorecard, its tables are required, each named at once.
    const withCommunity = { ...tables, agents: AGENTS };
    const r = await stopped(runScenario({ policy, tables: withCommunity, allowMissing: [] }));
    expect(r.problems.map((p) => [p.code, p.message.en.match(/the table (\w+)/)?.[1]])).toEqual([
      ['TABLE_ABSENT', 'surveys'],
      ['TABLE_ABSENT', 'qa_reviews'],
    ]);
  });

  it('4. a scored metric whose table is absent stops the run, unless allowed to be missing', async () => {
    const tables = { agents: AGENTS, conversations: conv('c1,a1,chat,2026-10-05T10:00:00+08:00,') };
    const r = await stopped(runScenario({ tables, allowMissing: [] }));
    // qa_reviews is only a veto's (red_line_count): a warning, not a stop (the spec says "scored").
    expect(codes(r)).toEqual(['TABLE_ABSENT']);
    expect(r.problems[0]!.message.en).toContain('need the table messages (first_response_time (aftersale/');
    const warned = await runScenario({ tables, allowMissing: ['messages'] });
    expect(
      warned.warnings
        .filter((w) => w.code === 'RULE_TABLE_ABSENT')
        .map((w) => [w.code, w.message.en.match(/the table (\w+)/)?.[1]]),
    ).toEqual([['RULE_TABLE_ABSENT', 'qa_reviews']]);
    const allowed = await runScenario({ tables, allowMissing: ['messages', 'qa_reviews'] });
    const a1 = allowed.results.agents[0]!;
    expect(allowed.results.inputs.messages).toMatchObject({ absent: true, files: [] });
    expect(a1.metrics.reply_rate).toEqual({
      value: null,
      sample: 0,
      score: null,
      weight: 50,
      status: 'no_data',
    });
    // A count on an absent table has no data either: not a confident zero.
    expect(a1.metrics.red_line_count).toMatchObject({ value: null, sample: 0 });
  });

  it('5. a period with no data stops the run, giving the dates the files cover', async () => {
    const tables = {
      agents: AGENTS,
      conversations: conv('c1,a1,chat,2026-09-05T10:00:00+08:00,'),
      messages: csv(MSG, 'c1,2026-09-05T10:00:00+08:00,customer,,在吗'),
    };
    const r = await stopped(runScenario({ tables }));
    expect(codes(r)).toEqual(['NO_DATA_IN_PERIOD']);
    expect(r.problems[0]!.message.en).toContain(
      'The files cover 2026-09-05T10:00:00+08:00 – 2026-09-05T10:00:00+08:00',
    );
  });

  it('6. an unknown sender is a rejected row, never a bot', async () => {
    const tables = {
      agents: AGENTS,
      conversations: conv(
        ...Array.from({ length: 200 }, (_, i) => `c${i},a1,chat,2026-10-05T10:00:00+08:00,`),
      ),
      messages: csv(
        MSG,
        ...Array.from({ length: 200 }, (_, i) => [
          `c${i},2026-10-05T10:00:00+08:00,customer,,在吗`,
          `c${i},2026-10-05T10:00:10+08:00,${i === 0 ? '客服' : 'agent'},a1,在的`,
        ]).flat(),
      ),
    };
    const e = await runScenario({ tables });
    expect(e.rejected.map((r) => [r.file, r.line, r.field, r.code])).toEqual([
      ['messages.csv', 3, 'sender', 'NOT_ALLOWED_VALUE'],
    ]);
    // The conversation whose reply was rejected is not answered: 199 of 200.
    expect(e.results.agents[0]!.metrics.reply_rate!.value).toBe(199 / 200);
  });
});

describe('what would leave grades silently wrong or missing', () => {
  it('needs orders.conversation_id for a conversion rate (converted is read from it)', async () => {
    const policy = basePolicy({
      scorecards: `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: conversion_rate, weight: 100, target: 30%, floor: 5% }`,
    });
    const r = await stopped(
      runScenario({
        policy,
        tables: {
          agents: AGENTS,
          conversations: conv('c1,a1,chat,2026-10-05T10:00:00+08:00,'),
          orders: csv('order_id,agent_id,placed_at,amount', 'o1,a1,2026-10-05T10:00:00+08:00,99'),
        },
      }),
    );
    expect(codes(r)).toEqual(['FIELD_NOT_IN_DATA']);
    expect(r.problems[0]!.message.en).toContain(
      'The policy reads orders.conversation_id (conversion_rate (aftersale/',
    );
  });

  it('warns when no agent has a role of a scorecard, and of roles without one (they are not rated, as the spec says)', async () => {
    const chinese = csv('agent_id,name,team,role', 'a1,张三,一组,售后', 'a2,李四,一组,售后');
    const none = await runScenario({
      tables: { agents: chinese, conversations: conv('c1,a1,chat,2026-10-05T10:00:00+08:00,') },
    });
    expect(none.results.summary).toMatchObject({ rated: 0, not_rated: 2 });
    expect(none.warnings.map((w) => w.code).filter((c) => c.includes('SCORECARD'))).toEqual([
      'NO_AGENT_HAS_SCORECARD',
    ]);
    expect(none.warnings.find((w) => w.code === 'NO_AGENT_HAS_SCORECARD')!.message.en).toContain(
      "found: 售后; the scorecards' roles: aftersale",
    );
    const mixed = csv('agent_id,name,team,role', 'a1,张三,一组,aftersale', 'a2,李四,一组,售后');
    const e = await runScenario({
      tables: { agents: mixed, conversations: conv('c1,a1,chat,2026-10-05T10:00:00+08:00,') },
    });
    expect(e.warnings.map((w) => w.code).filter((c) => c.includes('SCORECARD'))).toEqual([
      'ROLE_WITHOUT_SCORECARD',
    ]);
    expect(e.warnings.find((w) => w.code === 'ROLE_WITHOUT_SCORECARD')!.message.en).toContain(
      'The 1 agents of role "售后" belong to no scorecard',
    );
  });
});

describe('what a run can read but a reader must be told', () => {
  const many = (n: number, day = (i: number) => 1 + (i % 30)) =>
    Array.from(
      { length: n },
      (_, i) => `c${i},a1,chat,2026-10-${String(day(i)).padStart(2, '0')}T10:00:00+08:00,`,
    );

  it('warns of a field the policy reads that is empty in every row of the period (是否解决 left blank)', async () => {
    const policy = RESOLUTION_POLICY;
    const conversations = csv(
      'conversation_id,agent_id,channel,started_at,resolved',
      ...many(40).map((r) => `${r.slice(0, -1)},`),
    );
    const e = await runScenario({ policy, tables: { agents: AGENTS, conversations } });
    const empty = e.warnings.filter((w) => w.code === 'FIELD_EMPTY_IN_PERIOD');
    expect(empty).toHaveLength(1);
    expect(empty[0]!.message.en).toContain(
      'conversations.resolved is empty in all 40 rows of the period, and the policy reads it (resolution_rate (aftersale/resolution_rate))',
    );
    // Not "as if every value were false": a null upheld counts as upheld (trial 10 finding 3).
    expect(empty[0]!.message.zh).toContain(
      '空值不是"否",在条件里它只等于 null——例如"resolved 等于 true"对每一行都不成立(全部按未解决计),"upheld 不等于 false"对每一行都成立(全部按成立计)',
    );
  });

  it('warns of yes/no cells left empty in some rows, naming the agents (blank 是否解决 count as not resolved)', async () => {
    const policy = RESOLUTION_POLICY;
    const conversations = csv(
      'conversation_id,agent_id,channel,started_at,resolved',
      ...many(40).map((r, i) => `${r.slice(0, -1)},${i < 3 ? '' : 'true'}`),
    );
    const e = await runScenario({ policy, tables: { agents: AGENTS, conversations } });
    const partly = e.warnings.filter((w) => w.code === 'FIELD_PARTLY_EMPTY_IN_PERIOD');
    expect(partly.map((w) => w.message.en)).toEqual([
      `conversations.resolved is empty (or mapped to null in source.yaml) in 3 of the period's 40 rows, and the policy reads it (resolution_rate (aftersale/resolution_rate)): an empty value is not "false"; in a condition it equals only null — "resolved equal true" fails for it (the row counts as unresolved), "upheld notEqual false" holds (the row counts as upheld) — and metrics that take the field's value leave it out. Agents affected: a1 3. Check whether the export left this column unfilled.`,
    ]);
  });

  it('warns of a table the policy uses whose files have no row in the period (a header-only export)', async () => {
    const e = await runScenario({
      tables: {
        agents: AGENTS,
        conversations: conv('c1,a1,chat,2026-10-05T10:00:00+08:00,'),
        messages: csv(MSG),
        qa_reviews: 'review_id,agent_id,conversation_id,reviewed_at,score,red_line\n',
      },
    });
    expect(e.warnings.filter((w) => w.code === 'TABLE_EMPTY_IN_PERIOD').map((w) => w.message.en)).toEqual([
      // reply_rate reads messages through replied: a reply of any date to a conversation of the period.
      'The table messages has files, but none of its rows falls in 2026-10. Counted from the rows of the period, as if the period had no records: first_response_time (aftersale/first_response_time). Read through the conversations of the period: reply_rate (aftersale/reply_rate). For those, a row of any date that names a conversation of the period counts (a reply sent after the period still answers its conversation): they are computed from the rows of other dates these files hold, and miss only rows dated in 2026-10. Is the export only a header, or a file of another month?',
      expect.stringContaining('The table qa_reviews has files, but none of its rows falls in 2026-10'),
    ]);
  });

  it('warns of rows dated just after the period, which a folder per month leaves to no period (ROWS_AFTER_PERIOD)', async () => {
    const QA = 'review_id,agent_id,conversation_id,reviewed_at,score,red_line';
    const run = (...later: string[]) =>
      runScenario({
        tables: {
          agents: AGENTS,
          conversations: conv(
            'c1,a1,chat,2026-10-30T10:00:00+08:00,',
            'c2,a1,chat,2026-10-31T23:50:00+08:00,',
          ),
          // A reply after midnight answers a block of the period: messages are never warned of.
          messages: csv(
            MSG,
            'c1,2026-10-30T10:00:00+08:00,customer,,在吗',
            'c1,2026-10-30T10:00:10+08:00,agent,a1,在',
            'c2,2026-10-31T23:50:00+08:00,customer,,在吗',
            'c2,2026-11-01T00:05:00+08:00,agent,a1,在的',
          ),
          qa_reviews: csv(
            QA,
            'q1,a1,c1,2026-10-30T11:00:00+08:00,90,false',
            'q2,a1,c1,2026-10-31T11:00:00+08:00,90,false',
            'q3,a1,c1,2026-10-31T23:00:00+08:00,90,false',
            ...later,
          ),
        },
      });
    const after = (e: Awaited<ReturnType<typeof run>>) =>
      e.warnings.filter((w) => w.code === 'ROWS_AFTER_PERIOD').map((w) => [w.severity, w.message.en]);
    // Reviews of 30–31 October done on 1 November: the October folder's export runs over.
    const over = await run(
      'q4,a1,c1,2026-11-01T00:00:00+08:00,80,false',
      'q5,a1,c1,2026-11-01T16:36:00+08:00,80,false',
    );
    expect(after(over)).toEqual([
      [
        'warning',
        "qa_reviews has 2 rows dated after the period 2026-10 ended (2026-11-01T00:00:00+08:00): 2026-11-01T00:00:00+08:00 – 2026-11-01T16:36:00+08:00. They do not count in 2026-10. If exports are kept in one folder per month, the next period reads another folder and no period counts these rows: put them in the next period's export too (or give these files when evaluating it).",
      ],
    ]);
    expect(over.warnings.find((w) => w.code === 'ROWS_AFTER_PERIOD')?.message.zh).toBe(
      'qa_reviews 有 2 行的时间在期间 2026-10 结束(2026-11-01T00:00:00+08:00)之后(2026-11-01T00:00:00+08:00 – 2026-11-01T16:36:00+08:00),不计入 2026-10。若导出按月分文件夹,下个期间读的是另一个文件夹,这些行就不会被任何期间计入:请把它们也放进下个期间的导出(或评估下个期间时一并给出这些文件)。',
    );
    expect(over.results.agents.find((a) => a.agent_id === 'a1')?.metrics.first_response_time?.value).toBe(
      455,
    );
    // At the earliest of those rows: its file and line, where to look first.
    expect(over.warnings.filter((w) => w.code === 'ROWS_AFTER_PERIOD').map((w) => [w.file, w.line])).toEqual([
      ['qa_reviews.csv', 5],
    ]);
    // One row: said in the singular, its time once.
    expect(after(await run('q4,a1,c1,2026-11-01T09:00:00+08:00,80,false'))).toEqual([
      [
        'warning',
        "qa_reviews has 1 row dated after the period 2026-10 ended (2026-11-01T00:00:00+08:00): 2026-11-01T09:00:00+08:00. It does not count in 2026-10. If exports are kept in one folder per month, the next period reads another folder and no period counts this row: put it in the next period's export too (or give these files when evaluating it).",
      ],
    ]);
    // A folder holding later months too (rows a week after the end and more), or as many rows
    // after the period as in it, is not one month's export running over: no warning.
    expect(
      after(
        await run(
          'q4,a1,c1,2026-11-01T10:00:00+08:00,80,false',
          'q5,a1,c1,2026-11-08T00:00:00+08:00,80,false',
        ),
      ),
    ).toEqual([]);
    expect(
      after(
        await run(
          'q4,a1,c1,2026-11-01T10:00:00+08:00,80,false',
          'q5,a1,c1,2026-11-02T10:00:00+08:00,80,false',
          'q6,a1,c1,2026-11-03T10:00:00+08:00,80,false',
        ),
      ),
    ).toEqual([]);
  });

  it('warns of a few rows dated long before the period, most likely a year typed wrong (ROWS_LONG_BEFORE_PERIOD)', async () => {
    // 100 conversations of the period and one more, each with a customer message and a reply; the
    // last one's start typed a year early (trial 16 finding 4): its messages still count, by their time.
    const run = (extra: string[], typo: string) =>
      runScenario({
        tables: {
          agents: AGENTS,
          conversations: conv(
            ...Array.from(
              { length: 100 },
              (_, i) => `c${i},a1,chat,2026-10-${String((i % 28) + 1).padStart(2, '0')}T10:00:00+08:00,`,
            ),
            `c100,a1,chat,${typo},`,
            ...extra,
          ),
          messages: csv(
            MSG,
            ...Array.from({ length: 101 }, (_, i) => [
              `c${i},2026-10-${String((i % 28) + 1).padStart(2, '0')}T10:00:00+08:00,customer,,在吗`,
              `c${i},2026-10-${String((i % 28) + 1).padStart(2, '0')}T10:00:30+08:00,agent,a1,在`,
            ]).flat(),
          ),
        },
      });
    const before = (e: Awaited<ReturnType<typeof run>>) =>
      e.warnings
        .filter((w) => w.code === 'ROWS_LONG_BEFORE_PERIOD')
        .map((w) => [w.severity, w.file, w.line, w.message.en]);
    const typo = await run([], '2025-10-28T10:00:00+08:00');
    expect(before(typo)).toEqual([
      [
        'warning',
        'conversations.csv',
        102,
        "conversations has 1 row dated more than 31 days before the period 2026-10 started (2026-10-01T00:00:00+08:00), against 100 in the period; the earliest is 2025-10-28T10:00:00+08:00 (conversations.csv:102). So far from the other rows, the time is most likely written wrong (a year, say). By its time it does not count in 2026-10, while rows that refer to it (a conversation's messages) still count by their own. Check and correct this column of the export.",
      ],
    ]);
    expect(typo.warnings.find((w) => w.code === 'ROWS_LONG_BEFORE_PERIOD')?.message.zh).toBe(
      'conversations 有 1 行的时间比期间 2026-10 开始(2026-10-01T00:00:00+08:00)早 31 天以上,而本期间内有 100 行;最早的是 2025-10-28T10:00:00+08:00(conversations.csv:102)。离其余的行这么远,多半是时间写错了(例如年份)。这些行按它们的时间不计入 2026-10,而引用它们的行(例如会话的消息)仍按各自的时间计入。请检查导出中这一列并更正。',
    );
    // Exactly 31 days before the start is not long before; a day more is.
    expect(before(await run([], '2026-08-31T00:00:00+08:00'))).toEqual([]);
    expect(before(await run([], '2026-08-30T23:59:59+08:00')).map(([, , line]) => line)).toEqual([102]);
    // A folder holding earlier months too (more than 1% of the period's rows): not warned.
    expect(
      before(await run(['c101,a1,chat,2026-07-01T10:00:00+08:00,'], '2025-10-28T10:00:00+08:00')),
    ).toEqual([]);
  });

  it('says that orders of any date still credit the conversions of the period when no order falls in it', async () => {
    const policy = basePolicy({
      scorecards: `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: conversion_rate, weight: 50, target: 30%, floor: 5% }
      - { metric: avg_order_value, weight: 50, target: 300, floor: 100 }`,
    });
    const e = await runScenario({
      policy,
      tables: {
        agents: AGENTS,
        conversations: conv('c1,a1,chat,2026-10-31T23:00:00+08:00,', 'c2,a1,chat,2026-10-30T10:00:00+08:00,'),
        messages: csv(MSG),
        // Placed the day after the period, for an October conversation.
        orders: csv(
          'order_id,agent_id,conversation_id,placed_at,amount',
          'o1,a1,c1,2026-11-01T09:00:00+08:00,200',
        ),
      },
    });
    expect(e.warnings.filter((w) => w.code === 'TABLE_EMPTY_IN_PERIOD').map((w) => w.message.en)).toEqual([
      'The table orders has files, but none of its rows falls in 2026-10. Counted from the rows of the period, as if the period had no records: avg_order_value (aftersale/avg_order_value). Read through the conversations of the period: conversion_rate (aftersale/conversion_rate). For those, a row of any date that names a conversation of the period counts (an order placed after the period still makes its conversation converted): they are computed from the rows of other dates these files hold, and miss only rows dated in 2026-10. Is the export only a header, or a file of another month?',
    ]);
    // The November order converts c1: one of the two October conversations.
    expect(e.results.agents.find((a) => a.agent_id === 'a1')?.metrics.conversion_rate?.value).toBe(0.5);
  });

  it('stops on any row of the period rejected for a value not in a map, whatever the limit', async () => {
    const err = await stopped(
      runScenario({
        tables: {
          agents: AGENTS,
          conversations: conv('c1,a1,chat,2026-10-05T10:00:00+08:00,'),
          ...SENDER_MAP_GAP,
        },
        maxRejected: { kind: 'rows', value: 5 },
      }),
    );
    expect(err.problems.map((p) => [p.code, p.severity, p.message.en])).toEqual([
      [
        'UNMAPPED_IN_PERIOD',
        'error',
        '1 rows of messages in the period were rejected because their sender is not in source.yaml\'s map (agents affected: a1 1). This is a gap in source.yaml, not dirty data: a missing value drops a whole class of records (every "very dissatisfied" survey, say), so the run stops whatever --max-rejected says. Add the values to the map (null for a value to read as missing); the rejected rows list each value.',
      ],
    ]);
    expect(err.rejected.map((r) => [r.line, r.code])).toEqual([[4, 'UNMAPPED_VALUE']]);
  });

  it('stops on such a row also when the field at fault comes before the time field (channel before started_at)', async () => {
    const err = await stopped(
      runScenario({
        tables: {
          agents: AGENTS,
          conversations: csv(
            '会话,客服,渠道,开始',
            'c1,a1,在线,2026-10-05T10:00:00+08:00',
            'c2,a1,微信,2026-10-06T10:00:00+08:00',
          ),
          messages: csv(MSG),
          'source.yaml': `scorebook: 1
kind: source
tables:
  conversations:
    fields:
      conversation_id: 会话
      agent_id: 客服
      channel: { column: 渠道, map: { 在线: chat } }
      started_at: 开始
`,
        },
        maxRejected: { kind: 'rows', value: 5 },
      }),
    );
    expect(err.problems.map((p) => [p.code, p.message.en.split(' (')[0]])).toEqual([
      [
        'UNMAPPED_IN_PERIOD',
        "1 rows of conversations in the period were rejected because their channel is not in source.yaml's map",
      ],
    ]);
    expect(err.rejected.map((r) => [r.line, r.field, r.code])).toEqual([[3, 'channel', 'UNMAPPED_VALUE']]);
  });

  it('warns when the rows of a dense table cover only part of the period, and of rejected rows of the period', async () => {
    // Conversations only on the first ten days of October, 5 of the period's 205 rejected (their
    // agent is unknown): 2.4% of the period, but 0.2% of the table with September's 2000 rows.
    const conversations = conv(
      ...many(200, (i) => 1 + (i % 10)),
      ...Array.from({ length: 5 }, (_, i) => `x${i},zz,chat,2026-10-03T10:00:00+08:00,`),
      ...Array.from(
        { length: 2000 },
        (_, i) => `s${i},a1,chat,2026-09-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00+08:00,`,
      ),
    );
    const e = await runScenario({ tables: { agents: AGENTS, conversations } });
    const codes = e.warnings.map((w) => w.code);
    expect(codes).toContain('PERIOD_PARTLY_COVERED');
    expect(e.warnings.find((w) => w.code === 'PERIOD_PARTLY_COVERED')!.message.en).toContain(
      '2026-10-01T10:00:00+08:00 – 2026-10-10T10:00:00+08:00',
    );
    // The same, as data: what publish reads to refuse the period.
    expect(e.partlyCovered).toEqual([
      { table: 'conversations', first: '2026-10-01T10:00:00+08:00', last: '2026-10-10T10:00:00+08:00' },
    ]);
    expect(e.warnings.find((w) => w.code === 'REJECTED_IN_PERIOD')!.message.en).toContain(
      'In the period 2026-10, 5 of 205 rows of conversations were rejected',
    );
  });

  it('names the agent of each rejected row: its own agent field, else its accepted conversation’s (trial 10 finding 12)', async () => {
    const conversations = conv(
      'c1,a1,chat,2026-10-05T10:00:00+08:00,',
      'c2,a2,chat,2026-10-05T10:00:00+08:00,2026-10-04T10:00:00+08:00',
      'c3,zz,chat,2026-10-05T10:00:00+08:00,',
    );
    const messages = csv(
      MSG,
      'c1,2026-10-05T10:00:00+08:00,customer,,在吗',
      'c1,2026-10-05T10:01:00+08:00,robot,,?',
      'c2,2026-10-05T10:01:00+08:00,customer,,在吗',
      'c9,2026-10-05T10:01:00+08:00,customer,,在吗',
      'c1,2026-10-05T10:02:00+08:00,agent,a2,在的',
      // A message of a3 (transferred in) rejected in a1's conversation: its own agent_id.
      'c1,2026-10-05T10:03:00+08:00,robot,a3,?',
    );
    const rows = async (threads: number) => {
      const e = await runScenario(
        { tables: { agents: AGENTS, conversations, messages }, maxRejected: { kind: 'rows', value: 100 } },
        { parallel: { threads, minBytes: 0 } },
      );
      return e.rejected.map((r) => [r.table, r.line, r.code, r.agent_id, r.record_id]);
    };
    // A message has no id of its own: its record is named by its conversation.
    const conversation = (value: string) => ({ field: 'conversation_id', value });
    const expected = [
      // The conversation's own agent_id, whether or not it is an agent.
      ['conversations', 3, 'ENDED_BEFORE_STARTED', 'a2', conversation('c2')],
      ['conversations', 4, 'UNKNOWN_AGENT', 'zz', conversation('c3')],
      // A message without agent_id: its conversation's agent (c1 → a1); none for a rejected or unknown conversation.
      ['messages', 3, 'NOT_ALLOWED_VALUE', 'a1', conversation('c1')],
      ['messages', 4, 'UNKNOWN_CONVERSATION', null, conversation('c2')],
      ['messages', 5, 'UNKNOWN_CONVERSATION', null, conversation('c9')],
      ['messages', 7, 'NOT_ALLOWED_VALUE', 'a3', conversation('c1')],
    ];
    expect(await rows(1)).toEqual(expected);
    expect(await rows(2)).toEqual(expected);
  });

  it('names the record of each rejected row by its table’s id, else its conversation, else none (trial 13)', async () => {
    const surveys = csv(
      'survey_id,agent_id,conversation_id,submitted_at,csat',
      // csat out of range: the survey's own id.
      's1,a1,c1,2026-10-05T10:00:00+08:00,9',
      // The id itself missing: the conversation it is about.
      ',a1,c1,2026-10-05T10:00:00+08:00,5',
      // Neither: nothing to name it by.
      ',a1,,2026-10-05T10:00:00+08:00,5',
      // A repeated id is named, as read.
      's2,a1,c1,2026-10-05T10:00:00+08:00,5',
      's2,a1,c1,2026-10-05T11:00:00+08:00,4',
      // A line the reader cannot take as a record has no values, so no record id.
      's3,a1',
    );
    const e = await runScenario({
      tables: { agents: AGENTS, conversations: conv('c1,a1,chat,2026-10-05T10:00:00+08:00,'), surveys },
      maxRejected: { kind: 'rows', value: 100 },
    });
    expect(e.rejected.map((r) => [r.line, r.code, r.record_id])).toEqual([
      [2, 'OUT_OF_RANGE', { field: 'survey_id', value: 's1' }],
      [3, 'MISSING_FIELD', { field: 'conversation_id', value: 'c1' }],
      [4, 'MISSING_FIELD', null],
      [6, 'DUPLICATE_ID', { field: 'survey_id', value: 's2' }],
      [7, 'FIELD_COUNT', null],
    ]);
    // A JSON Lines id that is a number is read as text, and named so.
    const jsonl = await runScenario({
      tables: {
        agents: AGENTS,
        conversations: conv('c1,a1,chat,2026-10-05T10:00:00+08:00,'),
        surveys: [{ survey_id: 12, agent_id: 'a1', submitted_at: '2026-10-05T10:00:00+08:00', csat: 9 }],
      },
      maxRejected: { kind: 'rows', value: 100 },
    });
    expect(jsonl.rejected.map((r) => [r.code, r.record_id])).toEqual([
      ['OUT_OF_RANGE', { field: 'survey_id', value: '12' }],
    ]);
    // In rejected.json's key order: after the line, before the agent.
    expect(Object.keys(e.rejected[0] ?? {})).toEqual([
      'table',
      'file',
      'line',
      'record_id',
      'agent_id',
      'field',
      'code',
      'message',
      'cause',
    ]);
  });

  it('counts a gap at an end of the period only on the days business hours open: weekends and holidays are no missing files', async () => {
    // A team open Monday to Friday; 1–7 October are holidays; a conversation every working day
    // from Thursday 8 October to Friday 30 October (31 October is a Saturday).
    const working = Array.from({ length: 23 }, (_, i) => 8 + i).filter((d) => {
      const weekday = new Date(Date.UTC(2026, 9, d)).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    });
    const rows = (days: number[]) =>
      conv(...days.map((d) => `c${d},a1,chat,2026-10-${String(d).padStart(2, '0')}T09:00:00+08:00,`));
    const week = ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => `  ${d}: ["09:00-18:00"]`).join('\n');
    const partly = async (businessHours: string, days: number[]) => {
      const e = await runScenario({
        policy: basePolicy({ businessHours }),
        tables: { agents: AGENTS, conversations: rows(days) },
      });
      return e.warnings
        .filter((w) => w.code === 'PERIOD_PARTLY_COVERED')
        .map((w) => w.message.en.split(';')[0]);
    };
    const holidays = `business_hours:\n${week}\n  holidays: [${[1, 2, 3, 4, 5, 6, 7].map((d) => `2026-10-0${d}`).join(', ')}]`;
    // Before the first row: the holidays, then 9 hours of Thursday; after the last: 15 hours of Friday, Saturday.
    expect(await partly(holidays, working)).toEqual([]);
    // The same rows without the holidays: 1, 2, 5, 6 and 7 October are open days with no rows.
    expect(await partly(`business_hours:\n${week}`, working)).toHaveLength(1);
    // Without business hours every day counts.
    expect(await partly('', working)).toHaveLength(1);
    // Rows that stop on Tuesday 27 October: Wednesday to Friday are open days without them.
    expect(
      await partly(
        holidays,
        working.filter((d) => d <= 27),
      ),
    ).toHaveLength(1);
  });

  it('warns of the days with conversations and not one message, read in one thread or in pieces (trial 7 H2)', async () => {
    // Twelve conversations a day all month, each with a question and a reply; the messages of
    // 10–12 October and of the 20th are missing from the export, the 25th has only 9 conversations.
    const days = Array.from({ length: 31 }, (_, i) => i + 1).filter((d) => d !== 25);
    const rows = days.flatMap((d) =>
      Array.from({ length: 12 }, (_, k) => ({
        id: `c${d}-${k}`,
        at: `2026-10-${String(d).padStart(2, '0')}T1${k % 10}:00:00+08:00`,
      })),
    );
    const nine = Array.from({ length: 9 }, (_, k) => ({
      id: `c25-${k}`,
      at: `2026-10-25T1${k}:00:00+08:00`,
    }));
    const missing = new Set(['10', '11', '12', '20', '25']);
    const conversations = conv(...[...rows, ...nine].map((r) => `${r.id},a1,chat,${r.at},`));
    const messages = csv(
      MSG,
      ...[...rows, ...nine]
        .filter((r) => !missing.has(r.at.slice(8, 10)))
        .flatMap((r) => [
          `${r.id},${r.at},customer,,在吗`,
          `${r.id},${r.at.replace(':00:00', ':00:30')},agent,a1,您好`,
        ]),
    );
    const { policiesDir, dataDir } = writeScenario({ tables: { agents: AGENTS, conversations, messages } });
    const options = {
      policiesDir,
      dataDir,
      period: '2026-10',
      allowMissing: INPUT_TABLES.filter((t) => t !== 'agents' && t !== 'conversations' && t !== 'messages'),
    };
    const warned = (e: { warnings: Problem[] }) =>
      e.warnings.filter((w) => w.code === 'MESSAGES_MISSING_DAYS').map((w) => w.message);
    const one = warned(await evaluate({ ...options, parallel: { threads: 1 } }));
    expect(one.map((m) => m.en)).toEqual([
      "The messages have not a single row on 2026-10-10 – 2026-10-12, 2026-10-20, while 48 conversations started on those days: they count as conversations without a customer question or a reply, and response times, reply rate and the like miss those days. Is the messages export missing those days' files (or only part of the dates)? Add them and evaluate again; if those days truly had no messages, ignore this.",
    ]);
    expect(one[0]?.zh).toMatch(
      /^messages 在 2026-10-10 – 2026-10-12, 2026-10-20 没有任何一行,而这几天开始了 48 个会话/,
    );
    // Read in pieces on worker threads, the days are counted piece by piece and added up.
    expect(
      warned(await evaluate({ ...options, parallel: { threads: 2, pieceBytes: 500, minBytes: 0 } })),
    ).toEqual(one);
    // With every day's messages, nothing is said.
    const complete = writeScenario({
      tables: {
        agents: AGENTS,
        conversations,
        messages: csv(MSG, ...[...rows, ...nine].flatMap((r) => [`${r.id},${r.at},customer,,在吗`])),
      },
    });
    expect(warned(await evaluate({ ...options, ...complete }))).toEqual([]);
  });
});

describe('files', () => {
  it('stops on two byte-identical files of one table (a download saved twice), naming both', async () => {
    const events = 'agent_id,at,type\na1,2026-10-05T10:00:00+08:00,praise\n';
    const r = await stopped(
      runScenario({
        tables: {
          agents: AGENTS,
          conversations: conv('c1,a1,chat,2026-10-05T10:00:00+08:00,'),
          'events/奖惩记录_2026-10.csv': events,
          'events/奖惩记录_2026-10 (1).csv': events,
        },
      }),
    );
    expect(r.problems.map((p) => [p.code, p.file])).toEqual([
      ['DUPLICATE_FILE', 'events/奖惩记录_2026-10.csv'],
    ]);
    expect(r.problems[0]!.message.en).toContain('the same as events/奖惩记录_2026-10 (1).csv');
  });

  it('names every file that cannot be read at all, not only the first', async () => {
    const r = await stopped(
      runScenario({ tables: { agents: AGENTS, 'surveys.csv': '', 'complaints.csv': '' } }),
    );
    expect(r.problems.map((p) => [p.code, p.file])).toEqual([
      ['FILE_EMPTY', 'complaints.csv'],
      ['FILE_EMPTY', 'surveys.csv'],
    ]);
  });
});

describe('what cannot be true', () => {
  it('rejects an end before the start, a negative order amount and a timestamp outside 1970–2100', async () => {
    const e = await runScenario({
      tables: {
        agents: AGENTS,
        conversations: conv(
          ...Array.from(
            { length: 300 },
            (_, i) => `c${i},a1,chat,2026-10-05T10:00:00+08:00,2026-10-05T10:05:00+08:00`,
          ),
          'cx,a1,chat,2026-10-05T10:00:00+08:00,2026-10-05T09:00:00+08:00',
        ),
        messages: csv(
          MSG,
          ...Array.from({ length: 300 }, (_, i) => `c${i},2026-10-05T10:00:00+08:00,customer,,在吗`),
          'c1,9999-01-01T00:00:00+08:00,agent,a1,在的',
        ),
        orders: csv(
          'order_id,agent_id,conversation_id,placed_at,amount',
          'o1,a1,c1,2026-10-05T10:00:00+08:00,-5',
        ),
      },
      maxRejected: { kind: 'rows', value: 5 },
    });
    expect(e.rejected.map((r) => [r.table, r.field, r.code])).toEqual([
      ['conversations', 'ended_at', 'ENDED_BEFORE_STARTED'],
      ['messages', 'sent_at', 'OUT_OF_RANGE'],
      ['orders', 'amount', 'OUT_OF_RANGE'],
    ]);
  });

  it('names the row that caused a cascade of rejections', async () => {
    const e = await stopped(
      runScenario({
        tables: {
          agents: csv('agent_id,name,team,role', 'a1,张三,一组,aftersale', 'a2,,一组,aftersale'),
          conversations: conv('c1,a2,chat,2026-10-05T10:00:00+08:00,'),
          messages: csv(MSG, 'c1,2026-10-05T10:00:00+08:00,customer,,在吗'),
        },
      }),
    );
    expect(e.rejected.map((r) => [r.table, r.code, r.cause && `${r.cause.file}:${r.cause.line}`])).toEqual([
      ['agents', 'MISSING_FIELD', null],
      ['conversations', 'UNKNOWN_AGENT', 'agents.csv:3'],
      ['messages', 'UNKNOWN_CONVERSATION', 'conversations.csv:2'],
    ]);
    expect(e.rejected[1]!.message.en).toContain('the agents row of agent_id "a2" was rejected (agents.csv:3');
  });
});
