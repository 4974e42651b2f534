import { describe, expect, it } from 'vitest';
import { inspectData } from '../src/index.ts';
import { AGENTS, csv, writeScenario } from './scenario.ts';

describe('source check (inspectData)', () => {
  it('says that rows rejected for a value not in a map will stop evaluate, whatever the limit', async () => {
    const { dataDir } = writeScenario({
      tables: {
        agents: AGENTS,
        conversations: csv(
          'conversation_id,agent_id,channel,started_at,ended_at',
          'c1,a1,chat,2026-10-05T10:00:00+08:00,',
        ),
        messages: csv(
          '会话,时间,发送方,客服,内容',
          'c1,2026-10-05T10:00:00+08:00,客户,,你好',
          'c1,2026-10-05T10:00:30+08:00,客服,a1,您好',
          'c1,2026-10-05T10:01:00+08:00,系统,,转接',
        ),
        'source.yaml': `scorebook: 1
kind: source
tables:
  messages:
    fields:
      conversation_id: 会话
      sent_at: 时间
      sender: { column: 发送方, map: { 客户: customer, 客服: agent } }
      agent_id: 客服
      text: 内容
`,
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
