import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_TABLES } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.ts';
import { AGENTS, csv, runScenario, writeScenario } from './scenario.ts';
import { stopped } from './stopped.ts';

const CONV =
  'conversation_id,agent_id,channel,started_at,ended_at,resolved,reopened,transferred,sla_due_at,closed_at';
const conversations = (n: number) =>
  Array.from({ length: n }, (_, i) => `c${i},a1,chat,2026-10-05T10:00:00+08:00,,true,,,,`);

describe('rejected rows', () => {
  it('rejects a bad value, a value out of range, an unknown agent and a duplicate id, with file, line and field', async () => {
    const surveys = csv(
      'survey_id,agent_id,submitted_at,csat',
      's1,a1,2026-10-05T10:00:00+08:00,5',
      's2,a1,2026-10-05T10:00:00+08:00,five',
      's3,a1,2026-10-05T10:00:00+08:00,7',
      's4,zz,2026-10-05T10:00:00+08:00,4',
      's1,a1,2026-10-06T10:00:00+08:00,1',
      's5,a1,not-a-time,4',
    );
    const e = await runScenario({
      tables: { agents: AGENTS, surveys },
      maxRejected: { kind: 'rows', value: 10 },
    });
    expect(e.rejected.map((r) => [r.file, r.line, r.field, r.code])).toEqual([
      ['surveys.csv', 3, 'csat', 'BAD_VALUE'],
      ['surveys.csv', 4, 'csat', 'OUT_OF_RANGE'],
      ['surveys.csv', 5, 'agent_id', 'UNKNOWN_AGENT'],
      ['surveys.csv', 6, 'survey_id', 'DUPLICATE_ID'],
      ['surveys.csv', 7, 'submitted_at', 'BAD_VALUE'],
    ]);
    expect(e.results.inputs.surveys).toMatchObject({ rows: 6, rejected: 5 });
    expect(e.results.agents[0]!.metrics.csat_score).toMatchObject({ value: 5, sample: 1 });
  });

  it('rejects messages of unknown conversations and agent messages without agent_id', async () => {
    const e = await runScenario({
      tables: {
        agents: AGENTS,
        conversations: csv(CONV, ...conversations(1)),
        messages: [
          { conversation_id: 'c0', sent_at: '2026-10-05T10:00:00+08:00', sender: 'customer', text: 'hi' },
          { conversation_id: 'nope', sent_at: '2026-10-05T10:00:00+08:00', sender: 'customer', text: 'hi' },
          { conversation_id: 'c0', sent_at: '2026-10-05T10:00:09+08:00', sender: 'agent', text: 'hello' },
        ],
      },
      maxRejected: { kind: 'percent', value: 100 },
    });
    expect(e.rejected.map((r) => [r.line, r.field, r.code])).toEqual([
      [2, 'conversation_id', 'UNKNOWN_CONVERSATION'],
      [3, 'agent_id', 'MISSING_FIELD'],
    ]);
  });

  it('fails the run above the threshold and writes nothing', async () => {
    const err = await stopped(
      runScenario({
        tables: {
          agents: AGENTS,
          conversations: csv(CONV, ...conversations(50), 'bad,a1,chat,yesterday,,,,,,'),
        },
      }),
    );
    expect(err.problems.map((p) => p.code)).toEqual(['TOO_MANY_REJECTED']);
    expect(err.rejected[0]).toMatchObject({
      file: 'conversations.csv',
      line: 52,
      field: 'started_at',
      code: 'BAD_VALUE',
    });
  });

  it('says how many rows follow from which rejected row, and that every agents row counts (trial 10 finding 7)', async () => {
    const err = await stopped(
      runScenario({
        tables: {
          agents: `${AGENTS}a4,赵六,售后一组,\n`,
          conversations: csv(CONV, ...conversations(50), 'cx,a4,chat,2026-10-05T10:00:00+08:00,,,,,,'),
        },
      }),
    );
    expect(err.problems.map((p) => p.message.en.split('. ').slice(1).join('. '))).toEqual([
      'Mostly: 1 MISSING_FIELD [role]. Every row of agents is an agent: a rejected agent is not rated and the rows naming them are rejected too, so the limit is felt at once on this table. Fix the export or source.yaml; if these rows may go uncounted, raise the limit with --max-rejected 1 (in rows; a percentage works too, such as --max-rejected 5%).',
      'Mostly: 1 UNKNOWN_AGENT [agent_id]. Of them, 1 follows from the rejected row at agents.csv:5. Fix the export or source.yaml; if these rows may go uncounted, raise the limit with --max-rejected 1 (in rows; a percentage works too, such as --max-rejected 5%).',
    ]);
    const zh = err.problems[0]!.message.zh;
    expect(zh).toContain('客服表的每一行都是一名客服');
    const messages = await stopped(
      runScenario({
        tables: {
          agents: AGENTS,
          conversations: csv(CONV, ...conversations(50), 'cx,a1,chat,yesterday,,,,,,'),
          messages: csv(
            'conversation_id,sent_at,sender,agent_id,text',
            ...Array.from({ length: 3 }, (_, i) => `cx,2026-10-05T10:0${i}:00+08:00,customer,,在吗`),
          ),
        },
        maxRejected: { kind: 'percent', value: 5 },
      }),
    );
    expect(messages.problems.map((p) => p.message.en.split('. ')[2])).toEqual([
      'Of them, 3 follow from the rejected row at conversations.csv:52',
    ]);
    expect(messages.problems[0]!.message.zh).toContain(
      '其中3 行是因为 conversations.csv:52 的行被拒绝而随之被拒绝。',
    );
  });

  it('names the table (as the path) and, when its rejected rows lie in several files, the files with most', async () => {
    const day = (d: number, bad: number) =>
      csv(
        'survey_id,agent_id,submitted_at,csat',
        ...Array.from(
          { length: 4 },
          (_, i) => `s${d}-${i},a1,2026-10-0${d}T10:00:00+08:00,${i < bad ? 'x' : 5}`,
        ),
      );
    const err = await stopped(
      runScenario({
        tables: {
          agents: AGENTS,
          'surveys/2026-10-01.csv': day(1, 1),
          'surveys/2026-10-02.csv': day(2, 2),
          'surveys/2026-10-03.csv': day(3, 0),
          'surveys/2026-10-04.csv': day(4, 1),
          'surveys/2026-10-05.csv': day(5, 2),
        },
      }),
    );
    expect(err.problems.map((p) => [p.code, p.file, p.path])).toEqual([
      ['TOO_MANY_REJECTED', 'surveys/2026-10-02.csv', 'surveys'],
    ]);
    expect(err.problems[0]!.message.en).toBe(
      'Table surveys has 6 of 20 rows rejected, over the limit of 1% (in 4 files, most in: surveys/2026-10-02.csv (2), surveys/2026-10-05.csv (2), surveys/2026-10-01.csv (1), …). Mostly: 6 BAD_VALUE [csat]. Fix the export or source.yaml; if these rows may go uncounted, raise the limit with --max-rejected 6 (in rows; a percentage works too, such as --max-rejected 5%).',
    );
    expect(err.problems[0]!.message.zh).toContain(
      '超过上限 1%(分布在 4 个文件中,最多的:surveys/2026-10-02.csv (2), surveys/2026-10-05.csv (2), surveys/2026-10-01.csv (1), …)。',
    );
  });

  it('keeps a run within the default 1% threshold', async () => {
    const e = await runScenario({
      tables: {
        agents: AGENTS,
        conversations: csv(CONV, ...conversations(200), 'bad,a1,chat,yesterday,,,,,,'),
      },
    });
    expect(e.results.inputs.conversations).toMatchObject({ rows: 201, rejected: 1 });
  });

  it('reports a truncated JSON line with its line number', async () => {
    const { policiesDir, dataDir } = writeScenario({ tables: { agents: AGENTS } });
    writeFileSync(
      join(dataDir, 'events.jsonl'),
      '{"agent_id":"a1","at":"2026-10-05T10:00:00+08:00","type":"praise"}\n{"agent_id":"a1","at":"2026-10-0',
    );
    const err = await stopped(
      evaluate({ policiesDir, dataDir, period: '2026-10', allowMissing: INPUT_TABLES }),
    );
    expect(err.rejected[0]).toMatchObject({ file: 'events.jsonl', line: 2, field: null, code: 'BAD_JSON' });
  });
});

describe('unreadable input', () => {
  it('stops on a missing required column, naming the file', async () => {
    const err = await stopped(
      runScenario({ tables: { agents: AGENTS, surveys: csv('survey_id,agent_id,csat', 's1,a1,5') } }),
    );
    expect(err.problems[0]).toMatchObject({ code: 'REQUIRED_COLUMN_MISSING', file: 'surveys.csv', line: 1 });
    expect(err.problems[0]!.message.en).toContain('submitted_at');
  });

  it('stops on a file that is not UTF-8, naming the line', async () => {
    const { policiesDir, dataDir } = writeScenario({ tables: { agents: AGENTS } });
    writeFileSync(
      join(dataDir, 'events.csv'),
      Buffer.concat([
        Buffer.from('agent_id,at,type,note\na1,2026-10-05T10:00:00+08:00,praise,'),
        Buffer.from([0xb1, 0xed, 0xd1, 0xef]),
        Buffer.from('\n'),
      ]),
    );
    const err = await stopped(
      evaluate({ policiesDir, dataDir, period: '2026-10', allowMissing: INPUT_TABLES }),
    );
    expect(err.problems[0]).toMatchObject({ code: 'FILE_NOT_UTF8', line: 2 });
  });

  it('stops without an agents table, and on a table given twice', async () => {
    const none = writeScenario({
      tables: { events: csv('agent_id,at,type', 'a1,2026-10-05T10:00:00+08:00,praise') },
    });
    expect(
      (await stopped(evaluate({ ...none, period: '2026-10', allowMissing: INPUT_TABLES }))).problems[0]!.code,
    ).toBe('AGENTS_MISSING');
    const twice = writeScenario({
      tables: { agents: AGENTS, 'events.csv': 'agent_id,at,type\n', 'events.jsonl': '' },
    });
    expect(
      (await stopped(evaluate({ ...twice, period: '2026-10', allowMissing: INPUT_TABLES }))).problems[0]!
        .code,
    ).toBe('TABLE_GIVEN_TWICE');
  });

  it('accepts a BOM, a folder of daily files and JSON booleans', async () => {
    const { policiesDir, dataDir } = writeScenario({ tables: { agents: `\ufeff${AGENTS}` } });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dataDir, 'qa_reviews'));
    writeFileSync(
      join(dataDir, 'qa_reviews', '2026-10-02.jsonl'),
      '{"review_id":"q2","agent_id":"a1","reviewed_at":"2026-10-02T10:00:00Z","score":80,"red_line":true}\n',
    );
    writeFileSync(
      join(dataDir, 'qa_reviews', '2026-10-01.csv'),
      'review_id,agent_id,reviewed_at,score,red_line\nq1,a1,2026-10-01T10:00:00Z,90,no\n',
    );
    const e = await evaluate({ policiesDir, dataDir, period: '2026-10', allowMissing: INPUT_TABLES });
    expect(e.results.inputs.qa_reviews!.files.map((f) => f.path)).toEqual([
      'qa_reviews/2026-10-01.csv',
      'qa_reviews/2026-10-02.jsonl',
    ]);
    expect(e.results.agents[0]!.metrics.qa_score).toMatchObject({ value: 85, sample: 2 });
    expect(e.results.agents[0]!.metrics.red_line_count).toMatchObject({ value: 1 });
  });

  it('refuses a period it cannot read', async () => {
    const { policiesDir, dataDir } = writeScenario({ tables: { agents: AGENTS } });
    expect((await stopped(evaluate({ policiesDir, dataDir, period: '2026-13' }))).problems[0]!.code).toBe(
      'BAD_PERIOD',
    );
    expect((await stopped(evaluate({ policiesDir, dataDir, period: '2026-10-05' }))).problems[0]!.code).toBe(
      'PERIOD_NOT_EVALUATED',
    );
    expect((await stopped(evaluate({ policiesDir, dataDir, period: '2025-12' }))).problems[0]!.code).toBe(
      'NO_VERSION_FOR_PERIOD',
    );
  });
});
