// The reference the evaluation benchmark races: the message metrics of the sample policy
// (responses, first and average response time, reply rate per agent) as one hand-written DuckDB
// query over the generated CSV files. Run alone as `node bench/duckdb-query.ts <data-dir>`: it
// prints one JSON line with its figures and values (the benchmark runs it in a child process so
// that its peak memory is its own).
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { childFigures, type MessageMetrics } from './bench-figures.ts';

// What the sample policy says of these metrics, written out by hand: business hours 08:00–24:00
// every day in Asia/Shanghai (UTC+8, no daylight saving), courtesy messages excluded by their
// normalised text, bots and system messages ignored, October 2026.
const COURTESY = ['谢谢', '好的', '好', '嗯', 'ok', '收到', '谢谢亲'];
const PERIOD_START = '2026-10-01 00:00:00+08';
const PERIOD_END = '2026-11-01 00:00:00+08';
// Trimmed from both ends by textIn. NFKC (which DuckDB lacks) is stood in for by listing the
// full-width spelling of the Latin words too.
const TRIM = String.raw`^[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}]+|[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}]+$`;
const FULL_WIDTH = ['ｏｋ'];

/** The query: per agent, responses, FRT and ART (seconds) and the reply rate. */
export function messageMetricsSql(dataDir: string): string {
  const text = (t: string) => `'${t.replaceAll("'", "''")}'`;
  const file = (table: string) => text(join(dataDir, `${table}.csv`));
  const courtesy = [...COURTESY, ...FULL_WIDTH].map(text).join(', ');
  // Business seconds since the epoch: 16 hours a day, plus the time past 08:00 local today.
  const business = (ms: string) =>
    `((floor((${ms} / 1000 + 28800) / 86400) * 57600) + least(greatest(((${ms} / 1000 + 28800) % 86400) - 28800, 0), 57600))`;
  return `
WITH messages AS (
  SELECT conversation_id, epoch_ms(sent_at::TIMESTAMPTZ) AS t, sender, agent_id
  FROM read_csv(${file('messages')}, header = true, all_varchar = true)
  WHERE sender IN ('customer', 'agent')
    AND NOT (sender = 'customer'
      AND lower(regexp_replace(text, ${text(TRIM)}, '', 'g')) IN (${courtesy}))
),
turns AS (
  SELECT *, lag(sender) OVER (PARTITION BY conversation_id ORDER BY t) AS previous FROM messages
),
edges AS (
  SELECT conversation_id, t, sender, agent_id,
    lead(t) OVER w AS next_t, lead(sender) OVER w AS next_sender, lead(agent_id) OVER w AS next_agent,
    count(*) FILTER (WHERE sender = 'customer') OVER (w ROWS UNBOUNDED PRECEDING) AS block
  FROM turns
  WHERE (sender = 'customer' AND previous IS DISTINCT FROM 'customer') OR (sender = 'agent' AND previous = 'customer')
  WINDOW w AS (PARTITION BY conversation_id ORDER BY t)
),
blocks AS (
  SELECT conversation_id, t AS block_start, block = 1 AS is_first,
    CASE WHEN next_sender = 'agent' THEN next_agent END AS agent_id,
    CASE WHEN next_sender = 'agent' THEN (${business('next_t')} - ${business('t')}) END AS seconds
  FROM edges WHERE sender = 'customer'
),
responses AS (
  SELECT * FROM blocks
  WHERE seconds IS NOT NULL AND block_start >= epoch_ms('${PERIOD_START}'::TIMESTAMPTZ) AND block_start < epoch_ms('${PERIOD_END}'::TIMESTAMPTZ)
),
conversation_facts AS (
  SELECT conversation_id, bool_and(seconds IS NOT NULL) AS replied FROM blocks GROUP BY conversation_id
),
conversations AS (
  SELECT c.agent_id, f.replied
  FROM read_csv(${file('conversations')}, header = true, all_varchar = true) c
  JOIN conversation_facts f USING (conversation_id)
  WHERE c.started_at::TIMESTAMPTZ >= '${PERIOD_START}'::TIMESTAMPTZ AND c.started_at::TIMESTAMPTZ < '${PERIOD_END}'::TIMESTAMPTZ
),
per_agent_responses AS (
  SELECT agent_id, count(*) AS responses,
    avg(seconds) FILTER (WHERE is_first) AS first_response_time, avg(seconds) AS avg_response_time
  FROM responses GROUP BY agent_id
),
per_agent_conversations AS (
  SELECT agent_id, count(*) FILTER (WHERE replied) / count(*) AS reply_rate FROM conversations GROUP BY agent_id
)
SELECT agent_id, r.responses, r.first_response_time, r.avg_response_time, c.reply_rate
FROM per_agent_responses r FULL JOIN per_agent_conversations c USING (agent_id)
ORDER BY agent_id`;
}

/** Runs the query on an in-memory DuckDB with every core; the values by agent. */
export async function runMessageMetrics(dataDir: string): Promise<Record<string, MessageMetrics>> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  const reader = await connection.runAndReadAll(messageMetricsSql(dataDir));
  const out: Record<string, MessageMetrics> = {};
  for (const row of reader.getRowObjectsJS()) {
    out[String(row.agent_id)] = {
      responses: Number(row.responses ?? 0),
      first_response_time: row.first_response_time === null ? null : Number(row.first_response_time),
      avg_response_time: row.avg_response_time === null ? null : Number(row.avg_response_time),
      reply_rate: row.reply_rate === null ? null : Number(row.reply_rate),
    };
  }
  connection.closeSync();
  return out;
}

if (import.meta.main) {
  const dir = process.argv[2];
  if (dir === undefined) throw new Error('usage: node bench/duckdb-query.ts <data-dir>');
  await childFigures(async () => ({ metrics: await runMessageMetrics(dir), note: '' }));
}
