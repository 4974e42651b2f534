-- The SQL of the measure stage of configs/policies/ecommerce-cs (2026.10) for 2026-10 on DuckDB,
-- as packages/engine/src/sql/compile-measure.ts writes it (docs/scale.md §6). Regenerate with
-- SCOREBOOK_WRITE_SQL=1 npx vitest run test/sql-sample-policy.test.ts (in packages/engine).

-- 1. Tables, filled by appenders from the rows the TypeScript stages accepted.
CREATE TABLE in_conversations ("seq" DOUBLE, "agent" INTEGER, "file" INTEGER, "line" INTEGER, "idx" INTEGER, "conversation_id" VARCHAR, "agent_id" VARCHAR, "channel" VARCHAR, "started_at" DOUBLE, "ended_at" DOUBLE, "resolved" BOOLEAN, "reopened" BOOLEAN, "transferred" BOOLEAN, "sla_due_at" DOUBLE, "closed_at" DOUBLE, "customer_id" VARCHAR);
CREATE TABLE in_surveys ("seq" DOUBLE, "agent" INTEGER, "file" INTEGER, "line" INTEGER, "survey_id" VARCHAR, "agent_id" VARCHAR, "conversation_id" VARCHAR, "submitted_at" DOUBLE, "csat" DOUBLE, "nps" DOUBLE);
CREATE TABLE in_complaints ("seq" DOUBLE, "agent" INTEGER, "file" INTEGER, "line" INTEGER, "complaint_id" VARCHAR, "agent_id" VARCHAR, "conversation_id" VARCHAR, "filed_at" DOUBLE, "category" VARCHAR, "upheld" BOOLEAN);
CREATE TABLE in_qa_reviews ("seq" DOUBLE, "agent" INTEGER, "file" INTEGER, "line" INTEGER, "review_id" VARCHAR, "agent_id" VARCHAR, "conversation_id" VARCHAR, "reviewed_at" DOUBLE, "score" DOUBLE, "red_line" BOOLEAN);
CREATE TABLE in_orders ("seq" DOUBLE, "agent" INTEGER, "file" INTEGER, "line" INTEGER, "order_id" VARCHAR, "agent_id" VARCHAR, "conversation_id" VARCHAR, "placed_at" DOUBLE, "amount" DOUBLE);
CREATE TABLE in_attendance ("seq" DOUBLE, "agent" INTEGER, "file" INTEGER, "line" INTEGER, "agent_id" VARCHAR, "date" VARCHAR, "status" VARCHAR);
CREATE TABLE in_assessments ("seq" DOUBLE, "agent" INTEGER, "file" INTEGER, "line" INTEGER, "agent_id" VARCHAR, "date" VARCHAR, "kind" VARCHAR, "attended" BOOLEAN, "score" DOUBLE);
CREATE TABLE in_events ("seq" DOUBLE, "agent" INTEGER, "file" INTEGER, "line" INTEGER, "agent_id" VARCHAR, "at" DOUBLE, "type" VARCHAR, "note" VARCHAR);
CREATE TABLE in_improvement_plans ("seq" DOUBLE, "agent" INTEGER, "file" INTEGER, "line" INTEGER, "plan_id" VARCHAR, "agent_id" VARCHAR, "period" VARCHAR, "metric" VARCHAR, "action" VARCHAR, "due_date" VARCHAR, "status" VARCHAR, "completed_at" VARCHAR, "counted" BOOLEAN, "completed" BOOLEAN, "late" BOOLEAN);
CREATE TABLE messages ("pos" DOUBLE, "conv" INTEGER, "sent_at" DOUBLE, "sender" INTEGER, "agent" INTEGER, "file" INTEGER, "line" INTEGER);
CREATE TABLE conv_index ("idx" INTEGER, "conversation_id" VARCHAR, "channel" VARCHAR);
CREATE TABLE agents ("agent" INTEGER, "agent_id" VARCHAR);
CREATE TABLE converted ("conversation_id" VARCHAR);
CREATE TABLE calendar ("open" DOUBLE, "close" DOUBLE);
CREATE TABLE wanted ("metric" INTEGER, "agent" INTEGER);
CREATE TABLE ex_complaints ("seq" DOUBLE, "agent" INTEGER, "file" INTEGER, "line" INTEGER, "in_period" BOOLEAN, "complaint_id" VARCHAR, "agent_id" VARCHAR, "conversation_id" VARCHAR, "filed_at" DOUBLE, "category" VARCHAR, "upheld" BOOLEAN);
CREATE TABLE ex_messages ("seq" DOUBLE, "agent" INTEGER, "file" INTEGER, "line" INTEGER, "in_period" BOOLEAN, "conversation_id" VARCHAR, "sent_at" DOUBLE, "sender" VARCHAR, "agent_id" VARCHAR, "text" VARCHAR, "normalized:text" VARCHAR);

-- 2. Exclusions (compile-exclusions.ts): excluded_by in policy order; the rows of the period removed
-- per exclusion; per agent and exclusion the first rows in reading order, as evidence.
CREATE TABLE decided_complaints AS SELECT *, CASE WHEN (coalesce("category" = 'product_defect', FALSE)) THEN 'product-defect-complaints' ELSE NULL END AS excluded_by FROM ex_complaints;

SELECT excluded_by, count(*) AS n, min(seq) AS first FROM decided_complaints WHERE in_period AND excluded_by IS NOT NULL GROUP BY excluded_by ORDER BY first;

SELECT *, k <= 20 AS shown FROM (
  SELECT *, row_number() OVER (PARTITION BY agent, excluded_by ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent, excluded_by) AS total
  FROM decided_complaints WHERE agent >= 0 AND in_period AND excluded_by IS NOT NULL
) WHERE k <= 20 ORDER BY seq;

CREATE TABLE decided_messages AS SELECT *, CASE WHEN (coalesce("sender" = 'customer', FALSE) AND coalesce("normalized:text" IN ('谢谢', '好的', '好', '嗯', 'ok', '收到', '谢谢亲'), FALSE)) THEN 'courtesy-messages' ELSE NULL END AS excluded_by FROM ex_messages;

SELECT excluded_by, count(*) AS n, min(seq) AS first FROM decided_messages WHERE in_period AND excluded_by IS NOT NULL GROUP BY excluded_by ORDER BY first;

SELECT *, k <= 20 AS shown FROM (
  SELECT *, row_number() OVER (PARTITION BY agent, excluded_by ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent, excluded_by) AS total
  FROM decided_messages WHERE agent >= 0 AND in_period AND excluded_by IS NOT NULL
) WHERE k <= 20 ORDER BY seq;

-- 3. Derivation: customer blocks, business seconds, conversation facts, measured views.
CREATE TABLE pairs AS
WITH ordered AS (
  SELECT *, row_number() OVER (PARTITION BY conv ORDER BY sent_at, pos) AS k FROM (SELECT m.* FROM messages m WHERE NOT EXISTS (SELECT 1 FROM decided_messages x WHERE x.excluded_by IS NOT NULL AND x.file = m.file AND x.line = m.line))
), marked AS (
  SELECT *, lag(sender) OVER (PARTITION BY conv ORDER BY k) AS prev FROM ordered
), edges AS (
  SELECT * FROM marked
  WHERE (sender = 0 AND prev IS DISTINCT FROM 0) OR (sender = 1 AND prev = 0)
), numbered AS (
  SELECT *,
    sum(CASE WHEN sender = 0 THEN 1 ELSE 0 END) OVER (PARTITION BY conv ORDER BY k ROWS UNBOUNDED PRECEDING) AS block,
    lead(sender) OVER w AS r_sender, lead(sent_at) OVER w AS r_at, lead(agent) OVER w AS r_agent,
    lead(file) OVER w AS r_file, lead(line) OVER w AS r_line, lead(k) OVER w AS r_k
  FROM edges WINDOW w AS (PARTITION BY conv ORDER BY k)
)
SELECT row_number() OVER () AS pid, conv, block, sent_at AS block_start, coalesce(r_sender = 1, FALSE) AS answered,
  r_at, r_agent, r_file, r_line, r_k
FROM numbered WHERE sender = 0;

CREATE TABLE pair_seconds AS SELECT p.pid, CAST(sum(CASE WHEN c."open" IS NULL THEN 0 ELSE greatest(least(c."close", p.r_at) - greatest(c."open", p.block_start), 0) END) AS DOUBLE) / 1000 AS seconds
FROM pairs p LEFT JOIN calendar c ON c."open" < p.r_at AND c."close" > p.block_start
WHERE p.answered GROUP BY p.pid;

CREATE TABLE conv_facts AS
SELECT p.conv, TRUE AS inquiry, bool_or(NOT p.answered) AS unanswered,
  max(CASE WHEN NOT p.answered THEN p.block_start END) AS unanswered_since,
  max(CASE WHEN p.block = 1 THEN s.seconds END) AS first_response
FROM pairs p LEFT JOIN pair_seconds s USING (pid) GROUP BY p.conv;

CREATE TABLE m_responses AS
SELECT CAST(p.conv AS BIGINT) * 4294967296 + p.r_k AS seq, p.r_agent AS agent, p.r_file AS file, p.r_line AS line,
  ci.conversation_id, a.agent_id, ci.channel, p.block_start AS "at", s.seconds, p.block = 1 AS is_first
FROM pairs p JOIN pair_seconds s USING (pid) JOIN conv_index ci ON ci.idx = p.conv
LEFT JOIN agents a ON a.agent = p.r_agent
WHERE p.answered AND p.block_start >= CAST('1790784000000' AS DOUBLE) AND p.block_start < CAST('1793462400000' AS DOUBLE);

CREATE VIEW m_conversations AS
SELECT c.*, coalesce(f.inquiry, FALSE) AS inquiry,
  coalesce(f.inquiry, FALSE) AND NOT coalesce(f.unanswered, FALSE) AS replied,
  f.unanswered_since,
  f.first_response AS first_response_seconds,
  CASE WHEN c.ended_at IS NULL THEN NULL ELSE (c.ended_at - c.started_at) / 1000 END AS handle_seconds,
  CASE WHEN c.sla_due_at IS NULL THEN NULL ELSE coalesce(c.closed_at <= c.sla_due_at, FALSE) END AS on_time,
  c.conversation_id IN (SELECT conversation_id FROM converted) AS converted
FROM in_conversations c LEFT JOIN conv_facts f ON f.conv = c.idx;

CREATE VIEW m_surveys AS SELECT * FROM in_surveys;

CREATE VIEW m_complaints AS SELECT * FROM in_complaints i WHERE NOT EXISTS (SELECT 1 FROM decided_complaints x WHERE x.excluded_by IS NOT NULL AND x.file = i.file AND x.line = i.line);

CREATE VIEW m_qa_reviews AS SELECT * FROM in_qa_reviews;

CREATE VIEW m_orders AS SELECT * FROM in_orders;

CREATE VIEW m_attendance AS SELECT * FROM in_attendance;

CREATE VIEW m_assessments AS SELECT * FROM in_assessments;

CREATE VIEW m_events AS SELECT * FROM in_events;

CREATE VIEW m_improvement_plans AS SELECT * FROM in_improvement_plans;

-- 4. Every metric per agent: (metric, agent, n, s, o, pv) rows that add up.
SELECT 0 AS metric, agent, count(*) AS n, sum("seconds" ORDER BY seq) AS s, 0 AS o, NULL AS pv FROM m_responses WHERE agent >= 0 AND "seconds" IS NOT NULL AND (coalesce("is_first" = TRUE, FALSE)) GROUP BY agent
UNION ALL
SELECT 1 AS metric, agent, count(*) AS n, sum("seconds" ORDER BY seq) AS s, 0 AS o, NULL AS pv FROM m_responses WHERE agent >= 0 AND "seconds" IS NOT NULL AND TRUE GROUP BY agent
UNION ALL
SELECT 2 AS metric, agent, count(*) AS n, 0 AS s, 0 AS o, NULL AS pv FROM m_conversations WHERE agent >= 0 AND (coalesce("inquiry" = TRUE, FALSE) AND coalesce("replied" = TRUE, FALSE)) GROUP BY agent
UNION ALL
SELECT 2 AS metric, agent, 0 AS n, 0 AS s, count(*) AS o, NULL AS pv FROM m_conversations WHERE agent >= 0 AND (coalesce("inquiry" = TRUE, FALSE)) GROUP BY agent
UNION ALL
SELECT 3 AS metric, agent, count(*) AS n, 0 AS s, 0 AS o, NULL AS pv FROM m_conversations WHERE agent >= 0 AND (coalesce("inquiry" = TRUE, FALSE) AND (NOT (coalesce("replied" = TRUE, FALSE)))) GROUP BY agent
UNION ALL
SELECT 3 AS metric, agent, 0 AS n, 0 AS s, count(*) AS o, NULL AS pv FROM m_conversations WHERE agent >= 0 AND (coalesce("inquiry" = TRUE, FALSE)) GROUP BY agent
UNION ALL
SELECT 4 AS metric, agent, count(*) AS n, sum("handle_seconds" ORDER BY seq) AS s, 0 AS o, NULL AS pv FROM m_conversations WHERE agent >= 0 AND "handle_seconds" IS NOT NULL AND TRUE GROUP BY agent
UNION ALL
SELECT 5 AS metric, agent, count(*) AS n, 0 AS s, 0 AS o, NULL AS pv FROM m_conversations WHERE agent >= 0 AND (coalesce("resolved" = TRUE, FALSE)) GROUP BY agent
UNION ALL
SELECT 5 AS metric, agent, 0 AS n, 0 AS s, count(*) AS o, NULL AS pv FROM m_conversations WHERE agent >= 0 AND TRUE GROUP BY agent
UNION ALL
SELECT 6 AS metric, agent, count(*) AS n, 0 AS s, 0 AS o, NULL AS pv FROM m_conversations WHERE agent >= 0 AND (coalesce("resolved" = TRUE, FALSE) AND (NOT (coalesce("reopened" = TRUE, FALSE))) AND (NOT (coalesce("transferred" = TRUE, FALSE)))) GROUP BY agent
UNION ALL
SELECT 6 AS metric, agent, 0 AS n, 0 AS s, count(*) AS o, NULL AS pv FROM m_conversations WHERE agent >= 0 AND TRUE GROUP BY agent
UNION ALL
SELECT 7 AS metric, agent, count(*) AS n, 0 AS s, 0 AS o, NULL AS pv FROM m_conversations WHERE agent >= 0 AND (coalesce("transferred" = TRUE, FALSE)) GROUP BY agent
UNION ALL
SELECT 7 AS metric, agent, 0 AS n, 0 AS s, count(*) AS o, NULL AS pv FROM m_conversations WHERE agent >= 0 AND TRUE GROUP BY agent
UNION ALL
SELECT 8 AS metric, agent, count(*) AS n, 0 AS s, 0 AS o, NULL AS pv FROM m_conversations WHERE agent >= 0 AND (coalesce("on_time" = TRUE, FALSE)) GROUP BY agent
UNION ALL
SELECT 8 AS metric, agent, 0 AS n, 0 AS s, count(*) AS o, NULL AS pv FROM m_conversations WHERE agent >= 0 AND ((NOT ("sla_due_at" IS NULL))) GROUP BY agent
UNION ALL
SELECT 9 AS metric, agent, count(*) AS n, 0 AS s, 0 AS o, NULL AS pv FROM m_conversations WHERE agent >= 0 AND TRUE GROUP BY agent
UNION ALL
SELECT 10 AS metric, agent, count(*) AS n, sum("csat" ORDER BY seq) AS s, 0 AS o, NULL AS pv FROM m_surveys WHERE agent >= 0 AND "csat" IS NOT NULL AND TRUE GROUP BY agent
UNION ALL
SELECT 11 AS metric, agent, count(*) AS n, 0 AS s, 0 AS o, NULL AS pv FROM m_surveys WHERE agent >= 0 AND (coalesce("csat" >= CAST('4' AS DOUBLE), FALSE)) GROUP BY agent
UNION ALL
SELECT 11 AS metric, agent, 0 AS n, 0 AS s, count(*) AS o, NULL AS pv FROM m_surveys WHERE agent >= 0 AND ((NOT ("csat" IS NULL))) GROUP BY agent
UNION ALL
SELECT 12 AS metric, agent, count(*) AS n, 0 AS s, 0 AS o, NULL AS pv FROM m_surveys WHERE agent >= 0 AND (coalesce("csat" <= CAST('2' AS DOUBLE), FALSE)) GROUP BY agent
UNION ALL
SELECT 12 AS metric, agent, 0 AS n, 0 AS s, count(*) AS o, NULL AS pv FROM m_surveys WHERE agent >= 0 AND ((NOT ("csat" IS NULL))) GROUP BY agent
UNION ALL
SELECT 13 AS metric, agent, count(*) AS n, sum(CASE WHEN "nps" >= 9 THEN 1 WHEN "nps" <= 6 THEN -1 ELSE 0 END) AS s, 0 AS o, NULL AS pv FROM m_surveys WHERE agent >= 0 AND "nps" IS NOT NULL AND TRUE GROUP BY agent
UNION ALL
SELECT 14 AS metric, agent, count(*) AS n, 0 AS s, 0 AS o, NULL AS pv FROM m_complaints WHERE agent >= 0 AND ((NOT coalesce("upheld" = FALSE, FALSE))) GROUP BY agent
UNION ALL
SELECT 14 AS metric, agent, 0 AS n, 0 AS s, count(*) AS o, NULL AS pv FROM m_conversations WHERE agent >= 0 AND TRUE GROUP BY agent
UNION ALL
SELECT 15 AS metric, agent, count(*) AS n, sum("score" ORDER BY seq) AS s, 0 AS o, NULL AS pv FROM m_qa_reviews WHERE agent >= 0 AND "score" IS NOT NULL AND TRUE GROUP BY agent
UNION ALL
SELECT 16 AS metric, agent, count(*) AS n, 0 AS s, 0 AS o, NULL AS pv FROM m_qa_reviews WHERE agent >= 0 AND (coalesce("red_line" = TRUE, FALSE)) GROUP BY agent
UNION ALL
SELECT 17 AS metric, agent, count(*) AS n, 0 AS s, 0 AS o, NULL AS pv FROM m_conversations WHERE agent >= 0 AND (coalesce("converted" = TRUE, FALSE)) GROUP BY agent
UNION ALL
SELECT 17 AS metric, agent, 0 AS n, 0 AS s, count(*) AS o, NULL AS pv FROM m_conversations WHERE agent >= 0 AND TRUE GROUP BY agent
UNION ALL
SELECT 18 AS metric, agent, count(*) AS n, coalesce(sum("amount" ORDER BY seq), 0) AS s, 0 AS o, NULL AS pv FROM m_orders WHERE agent >= 0 AND TRUE GROUP BY agent
UNION ALL
SELECT 19 AS metric, agent, count(*) AS n, sum("amount" ORDER BY seq) AS s, 0 AS o, NULL AS pv FROM m_orders WHERE agent >= 0 AND "amount" IS NOT NULL AND TRUE GROUP BY agent
UNION ALL
SELECT 20 AS metric, agent, count(*) AS n, 0 AS s, 0 AS o, NULL AS pv FROM m_attendance WHERE agent >= 0 AND (coalesce("status" = 'on_time', FALSE)) GROUP BY agent
UNION ALL
SELECT 20 AS metric, agent, 0 AS n, 0 AS s, count(*) AS o, NULL AS pv FROM m_attendance WHERE agent >= 0 AND ((NOT coalesce("status" = 'approved_leave', FALSE))) GROUP BY agent
UNION ALL
SELECT 21 AS metric, agent, count(*) AS n, 0 AS s, 0 AS o, NULL AS pv FROM m_events WHERE agent >= 0 AND (coalesce("type" = 'violation', FALSE)) GROUP BY agent
UNION ALL
SELECT 22 AS metric, agent, count(*) AS n, 0 AS s, 0 AS o, NULL AS pv FROM m_events WHERE agent >= 0 AND (coalesce("type" = 'praise', FALSE)) GROUP BY agent
UNION ALL
SELECT 23 AS metric, agent, count(*) AS n, 0 AS s, 0 AS o, NULL AS pv FROM m_events WHERE agent >= 0 AND (coalesce("type" = 'knowledge_share', FALSE)) GROUP BY agent
UNION ALL
SELECT 24 AS metric, agent, count(*) AS n, sum("score" ORDER BY seq) AS s, 0 AS o, NULL AS pv FROM m_assessments WHERE agent >= 0 AND "score" IS NOT NULL AND (coalesce("kind" = 'exam', FALSE)) GROUP BY agent
UNION ALL
SELECT 25 AS metric, agent, count(*) AS n, 0 AS s, 0 AS o, NULL AS pv FROM m_assessments WHERE agent >= 0 AND (coalesce("kind" = 'training', FALSE) AND coalesce("attended" = TRUE, FALSE)) GROUP BY agent
UNION ALL
SELECT 25 AS metric, agent, 0 AS n, 0 AS s, count(*) AS o, NULL AS pv FROM m_assessments WHERE agent >= 0 AND (coalesce("kind" = 'training', FALSE)) GROUP BY agent
UNION ALL
SELECT 26 AS metric, agent, count(*) AS n, 0 AS s, 0 AS o, NULL AS pv FROM m_qa_reviews WHERE agent >= 0 AND (coalesce("score" >= CAST('80' AS DOUBLE), FALSE)) GROUP BY agent
UNION ALL
SELECT 26 AS metric, agent, 0 AS n, 0 AS s, count(*) AS o, NULL AS pv FROM m_qa_reviews WHERE agent >= 0 AND TRUE GROUP BY agent;

-- 5. Evidence of each metric for the agents it scores.
-- 0: first_response_time
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY "seconds" DESC, seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_responses
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 0) AND "seconds" IS NOT NULL AND (coalesce("is_first" = TRUE, FALSE))
) WHERE k <= 20 ORDER BY agent, k;

-- 1: avg_response_time
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY "seconds" DESC, seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_responses
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 1) AND "seconds" IS NOT NULL AND TRUE
) WHERE k <= 20 ORDER BY agent, k;

-- 2: reply_rate
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_conversations
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 2) AND (coalesce("inquiry" = TRUE, FALSE)) AND NOT (coalesce("inquiry" = TRUE, FALSE) AND coalesce("replied" = TRUE, FALSE))
) WHERE k <= 20 ORDER BY agent, k;

-- 3: unreplied_rate
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_conversations
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 3) AND (coalesce("inquiry" = TRUE, FALSE) AND (NOT (coalesce("replied" = TRUE, FALSE))))
) WHERE k <= 20 ORDER BY agent, k;

-- 4: avg_handle_time
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY "handle_seconds" DESC, seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_conversations
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 4) AND "handle_seconds" IS NOT NULL AND TRUE
) WHERE k <= 20 ORDER BY agent, k;

-- 5: resolution_rate
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_conversations
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 5) AND TRUE AND NOT (coalesce("resolved" = TRUE, FALSE))
) WHERE k <= 20 ORDER BY agent, k;

-- 6: fcr
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_conversations
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 6) AND TRUE AND NOT (coalesce("resolved" = TRUE, FALSE) AND (NOT (coalesce("reopened" = TRUE, FALSE))) AND (NOT (coalesce("transferred" = TRUE, FALSE))))
) WHERE k <= 20 ORDER BY agent, k;

-- 7: transfer_rate
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_conversations
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 7) AND (coalesce("transferred" = TRUE, FALSE))
) WHERE k <= 20 ORDER BY agent, k;

-- 8: sla_on_time_rate
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_conversations
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 8) AND ((NOT ("sla_due_at" IS NULL))) AND NOT (coalesce("on_time" = TRUE, FALSE))
) WHERE k <= 20 ORDER BY agent, k;

-- 9: conversations_handled
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_conversations
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 9) AND TRUE
) WHERE k <= 20 ORDER BY agent, k;

-- 10: csat_score
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY -"csat" DESC, seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_surveys
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 10) AND "csat" IS NOT NULL AND TRUE
) WHERE k <= 20 ORDER BY agent, k;

-- 11: csat_rate
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_surveys
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 11) AND ((NOT ("csat" IS NULL))) AND NOT (coalesce("csat" >= CAST('4' AS DOUBLE), FALSE))
) WHERE k <= 20 ORDER BY agent, k;

-- 12: negative_review_rate
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_surveys
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 12) AND (coalesce("csat" <= CAST('2' AS DOUBLE), FALSE))
) WHERE k <= 20 ORDER BY agent, k;

-- 13: nps
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_surveys
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 13) AND "nps" IS NOT NULL AND TRUE AND "nps" <= 6
) WHERE k <= 20 ORDER BY agent, k;

-- 14: complaint_rate
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_complaints
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 14) AND ((NOT coalesce("upheld" = FALSE, FALSE)))
) WHERE k <= 20 ORDER BY agent, k;

-- 15: qa_score
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY -"score" DESC, seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_qa_reviews
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 15) AND "score" IS NOT NULL AND TRUE
) WHERE k <= 20 ORDER BY agent, k;

-- 16: red_line_count
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_qa_reviews
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 16) AND (coalesce("red_line" = TRUE, FALSE))
) WHERE k <= 20 ORDER BY agent, k;

-- 17: conversion_rate
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_conversations
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 17) AND TRUE AND NOT (coalesce("converted" = TRUE, FALSE))
) WHERE k <= 20 ORDER BY agent, k;

-- 18: sales_amount
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_orders
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 18) AND TRUE
) WHERE k <= 20 ORDER BY agent, k;

-- 19: avg_order_value
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY -"amount" DESC, seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_orders
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 19) AND "amount" IS NOT NULL AND TRUE
) WHERE k <= 20 ORDER BY agent, k;

-- 20: attendance_rate
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_attendance
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 20) AND ((NOT coalesce("status" = 'approved_leave', FALSE))) AND NOT (coalesce("status" = 'on_time', FALSE))
) WHERE k <= 20 ORDER BY agent, k;

-- 21: violation_count
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_events
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 21) AND (coalesce("type" = 'violation', FALSE))
) WHERE k <= 20 ORDER BY agent, k;

-- 22: praise_count
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_events
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 22) AND (coalesce("type" = 'praise', FALSE))
) WHERE k <= 20 ORDER BY agent, k;

-- 23: knowledge_share_count
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_events
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 23) AND (coalesce("type" = 'knowledge_share', FALSE))
) WHERE k <= 20 ORDER BY agent, k;

-- 24: exam_score
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY -"score" DESC, seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_assessments
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 24) AND "score" IS NOT NULL AND (coalesce("kind" = 'exam', FALSE))
) WHERE k <= 20 ORDER BY agent, k;

-- 25: training_rate
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_assessments
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 25) AND (coalesce("kind" = 'training', FALSE)) AND NOT (coalesce("kind" = 'training', FALSE) AND coalesce("attended" = TRUE, FALSE))
) WHERE k <= 20 ORDER BY agent, k;

-- 26: qa_pass_rate
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_qa_reviews
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = 26) AND TRUE AND NOT (coalesce("score" >= CAST('80' AS DOUBLE), FALSE))
) WHERE k <= 20 ORDER BY agent, k;
