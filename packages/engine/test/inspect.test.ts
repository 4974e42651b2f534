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
});
