import { describe, expect, it } from 'vitest';
import { inspectData } from '../src/index.ts';
import { AGENTS, csv, SENDER_MAP_GAP, writeScenario } from './scenario.ts';

describe('source check (inspectData)', () => {
  it('says that rows rejected for a value not in a map will stop evaluate, whatever the limit', async () => {
    const { dataDir } = writeScenario({
      tables: {
        agents: AGENTS,
        conversations: csv(
          'conversation_id,agent_id,channel,started_at,ended_at',
          'c1,a1,chat,2026-10-05T10:00:00+08:00,',
        ),
        ...SENDER_MAP_GAP,
      },
    });
    const inspection = await inspectData({ dataDir, maxRejected: { kind: 'rows', value: 5 } });
    expect(inspection.problems.map((p) => [p.code, p.severity, p.file, p.message.en])).toEqual([
      [
        'UNMAPPED_IN_DATA',
        'error',
        'messages.csv',
        "1 rows of messages were rejected because their sender is not in source.yaml's map; evaluate stops on any such row of the period it evaluates (UNMAPPED_IN_PERIOD). Add the values to the map (null for a value to read as missing); the rejected rows list each value.",
      ],
    ]);
  });

  it('counts the rows of targets and plans in the period by their period column, not all of them', async () => {
    const { dataDir } = writeScenario({
      tables: {
        agents: AGENTS,
        conversations: csv(
          'conversation_id,agent_id,channel,started_at,ended_at',
          'c1,a1,chat,2026-11-05T10:00:00+08:00,',
        ),
        targets: csv('agent_id,metric,period,target', 'a1,qa_score,2026-10,80', 'a1,qa_score,2026-11,85'),
        improvement_plans: csv(
          'plan_id,agent_id,period,metric,action,due_date,status,completed_at',
          'p1,a1,2026-10,qa_score,复盘,2026-11-05,done,2026-11-03',
          'p2,a1,2026-11,qa_score,复盘,2026-11-20,open,',
          'p3,a2,2026-11,qa_score,复盘,2026-12-05,open,',
          'p4,a2,2026-Q4,qa_score,复盘,2026-11-20,open,',
        ),
      },
    });
    const inspection = await inspectData({ dataDir, period: '2026-11' });
    const counts = (period: boolean) =>
      inspection.tables
        .filter((t) => ['agents', 'targets', 'improvement_plans'].includes(t.table))
        .map((t) => [t.table, t.rows, period ? t.inPeriod : t.rows]);
    expect(counts(true)).toEqual([
      ['agents', 3, 3],
      ['targets', 2, 1],
      ['improvement_plans', 4, 2],
    ]);
    const whole = await inspectData({ dataDir });
    expect(whole.tables.find((t) => t.table === 'improvement_plans')?.inPeriod).toBe(4);
  });
});
