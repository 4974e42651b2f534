import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type EvaluateOptions, EvaluationError, evaluate, serializeEvaluation } from '../src/index.ts';
import { basePolicy, csv, writeScenario } from './scenario.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const golden = fileURLToPath(new URL('./fixtures/golden/', import.meta.url));

/** Paths where two JSON values differ: numbers by more than 1e-9 (relative beyond 1), anything else at all. */
function differences(a: unknown, b: unknown, at: string, out: string[]): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    if (!(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)))) out.push(`${at}: ${a} vs ${b}`);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${at}: ${a.length} vs ${b.length} items`);
    else
      a.forEach((x, i) => {
        differences(x, b[i], `${at}[${i}]`, out);
      });
  } else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.join() !== kb.join()) out.push(`${at}: keys ${ka.join()} vs ${kb.join()}`);
    else
      for (const k of ka)
        differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`, out);
  } else if (a !== b) out.push(`${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  return out;
}

/** Evaluates with both engines: the differences of their four files, the agents rated, a metric's values. */
async function both(
  options: EvaluateOptions,
): Promise<{ differences: string[]; agents: number; values: (metric: string) => unknown[] }> {
  const ts = await evaluate(options);
  const sql = serializeEvaluation(await evaluate({ ...options, engine: 'duckdb' }));
  const out: string[] = [];
  for (const [file, text] of serializeEvaluation(ts))
    differences(JSON.parse(text), JSON.parse(sql.get(file) ?? 'null'), file, out);
  return {
    differences: out,
    agents: ts.results.summary.rated,
    values: (metric) => ts.results.agents.map((a) => a.metrics[metric]?.value),
  };
}

// A deterministic generator of small random data (mulberry32).
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A month across a daylight-saving change (America/New_York, 2026-11-01) with business hours that
 * close for lunch, a holiday, every metric kind, conditions of every operator the SQL engine
 * computes, segments, ties, values outside the period, bots, excluded messages and complaints.
 */
function richScenario(seed: number): { policiesDir: string; dataDir: string } {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const agents = ['a1', 'a2', 'a3', 'a4'];
  const start = Date.parse('2026-10-27T00:00:00Z');
  const conversations: string[] = [];
  const messages: Array<Record<string, unknown>> = [];
  const surveys: string[] = [];
  const orders: string[] = [];
  const reviews: string[] = [];
  for (let c = 0; c < 120; c++) {
    const id = `c${c}`;
    const agent = pick(agents);
    let t = start + Math.floor(next() * 14 * 86_400) * 1000;
    const began = new Date(t).toISOString();
    const ended = next() < 0.8 ? new Date(t + Math.floor(next() * 7200) * 1000).toISOString() : '';
    const due = next() < 0.6 ? new Date(t + 3_600_000).toISOString() : '';
    const closed = next() < 0.7 ? new Date(t + Math.floor(next() * 7200) * 1000).toISOString() : '';
    conversations.push(
      `${id},${agent},${pick(['chat', 'email', 'phone'])},${began},${ended},${pick(['true', 'false', ''])},${pick(['true', 'false'])},${pick(['true', 'false'])},${due},${closed}`,
    );
    for (let m = 0; m < 1 + Math.floor(next() * 8); m++) {
      const sender = pick(['customer', 'customer', 'agent', 'agent', 'bot', 'system']);
      // Whole seconds and ties: equal times keep reading order.
      t += next() < 0.2 ? 0 : Math.floor(next() * 20_000) * 1000;
      messages.push({
        conversation_id: id,
        sent_at: new Date(t).toISOString(),
        sender,
        ...(sender === 'agent' ? { agent_id: next() < 0.9 ? agent : pick(agents) } : {}),
        text: sender === 'customer' && next() < 0.15 ? '谢谢' : '请问',
      });
    }
    if (next() < 0.6)
      surveys.push(
        `s${c},${agent},${id},${new Date(t + 60_000).toISOString()},${pick(['1', '2', '3', '4', '5', ''])},${pick(['0', '3', '6', '7', '8', '9', '10', ''])}`,
      );
    if (next() < 0.3)
      orders.push(`o${c},${agent},${id},${began},${pick(['0', '19.9', '0.1', '0.2', '250', '99.99'])}`);
    if (next() < 0.5)
      reviews.push(
        `r${c},${agent},${id},${began},${pick(['55', '60.5', '70', '70', '88', '100'])},${pick(['true', 'false'])}`,
      );
  }
  const hours = `business_hours:
  mon: ["09:00-12:00", "13:00-18:00"]
  tue: ["09:00-12:00", "13:00-18:00"]
  wed: ["09:00-12:00", "13:00-18:00"]
  thu: ["09:00-12:00", "13:00-18:00"]
  fri: ["09:00-17:30"]
  sat: ["10:00-14:00"]
  holidays: [2026-11-03]`;
  const metrics = `metrics:
  - { id: qa_median, title: 质检中位数, kind: median, better: higher, unit: score, table: qa_reviews, field: score }
  - { id: qa_p90, title: 质检P90, kind: p90, better: lower, unit: score, table: qa_reviews, field: score, where: { not: { fact: red_line, operator: equal, value: true } } }
  - { id: frt_p90, title: 首响P90, kind: p90, better: lower, unit: seconds, table: responses, field: seconds, where: { any: [ { fact: is_first, operator: equal, value: true }, { fact: channel, operator: in, value: [email] } ] } }
  - { id: promoters, title: 推荐, kind: nps, better: higher, unit: number, table: surveys, field: nps }
  - { id: big_sales, title: 大单, kind: sum, better: higher, unit: amount, table: orders, field: amount, where: { all: [ { fact: amount, operator: greaterThan, value: 0.1 } ] } }
  - { id: small_orders, title: 小单, kind: count, better: lower, unit: count, table: orders, where: { all: [ { fact: amount, operator: lessThanInclusive, value: 19.9 } ] } }
  - { id: late_chats, title: 十一月会话, kind: count, better: higher, unit: count, table: conversations, where: { all: [ { fact: started_at, operator: after, value: "2026-11-01" }, { fact: channel, operator: notIn, value: [phone, null] } ] } }
  - { id: early_handle, title: 月初处理时长, kind: mean, better: lower, unit: seconds, table: conversations, field: handle_seconds, where: { all: [ { fact: started_at, operator: before, value: "2026-11-05T12:00:00" }, { fact: resolved, operator: notEqual, value: null } ] } }
  - { id: unresolved_first, title: 未解决首响, kind: ratio, better: higher, unit: ratio, numerator: { table: conversations, where: { all: [ { fact: first_response_seconds, operator: lessThan, value: 3600 } ] } }, denominator: { table: conversations, where: { all: [ { fact: inquiry, operator: equal, value: true }, { fact: resolved, operator: equal, value: false } ] } } }
  - { id: resolution_mean, title: 解决时长, kind: mean, better: lower, unit: seconds, table: conversations, field: resolution_seconds }
  - { id: quick_resolved, title: 快速解决, kind: count, better: higher, unit: count, table: conversations, where: { all: [ { fact: resolution_seconds, operator: lessThan, value: 1800 } ] } }
  - { id: named_complaints, title: 点名投诉, kind: count, better: lower, unit: count, table: complaints, where: { any: [ { fact: category, operator: textIn, value: ["Product_Defect！", "ＬＯＧＩＳＴＩＣＳ"] }, { fact: complaint_id, operator: textIn, value: [] } ] } }
  - { id: mail_or_chat, title: 邮件或聊天, kind: count, better: higher, unit: count, table: conversations, where: { all: [ { fact: channel, operator: containsAny, value: ["MAIL", "ｃｈａ"] }, { not: { fact: conversation_id, operator: containsAny, value: ["c1"] } } ] } }
  - { id: odd_facts, title: 怪条件, kind: count, better: higher, unit: count, table: surveys, where: { any: [ { fact: csat, operator: equal, value: "5" }, { fact: csat, operator: contains, value: 5 }, { fact: csat, operator: in, value: [] }, { all: [] } ] } }`;
  const scorecards = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: first_response_time, weight: 1, target: 20s, floor: 600s }
      - { metric: avg_response_time, weight: 1, target: 20s, floor: 3000s }
      - { metric: reply_rate, weight: 3, target: 100%, floor: 50% }
      - { metric: sla_on_time_rate, weight: 5, target: 100%, floor: 0% }
      - { metric: conversion_rate, weight: 5, target: 100%, floor: 0% }
      - { metric: csat_score, weight: 5, target: 5, floor: 1 }
      - { metric: complaint_rate, weight: 5, target: 0%, floor: 50% }
      - { metric: qa_median, weight: 5, target: 100, floor: 50 }
      - { metric: qa_p90, weight: 5, target: 50, floor: 100 }
      - { metric: frt_p90, weight: 5, target: 60s, floor: 6000s }
      - { metric: promoters, weight: 5, target: 100, floor: -100 }
      - { metric: big_sales, weight: 5, target: 500, floor: 0 }
      - { metric: small_orders, weight: 5, target: 0, floor: 5 }
      - { metric: late_chats, weight: 5, target: 30, floor: 0 }
      - { metric: early_handle, weight: 5, target: 60s, floor: 7200s }
      - { metric: unresolved_first, weight: 5, target: 100%, floor: 0% }
      - { metric: odd_facts, weight: 5, target: 30, floor: 0 }
      - { metric: named_complaints, weight: 5, target: 0, floor: 3 }
      - { metric: mail_or_chat, weight: 5, target: 30, floor: 0 }
      - { metric: resolution_mean, weight: 5, target: 10m, floor: 2h }
      - { metric: quick_resolved, weight: 5, target: 20, floor: 0 }
      - metric: avg_handle_time
        weight: 5
        segments:
          field: channel
          targets:
            - { value: chat, target: 5m, floor: 60m }
            - { value: email, target: 30m, floor: 90m }`;
  return writeScenario({
    policy: basePolicy({ timezone: 'America/New_York', businessHours: hours, metrics, scorecards }).replace(
      'scorebook: 1',
      'scorebook: 2',
    ),
    tables: {
      agents: csv('agent_id,name,team,role', ...agents.map((a) => `${a},${a},一组,aftersale`)),
      conversations: csv(
        'conversation_id,agent_id,channel,started_at,ended_at,resolved,reopened,transferred,sla_due_at,closed_at',
        ...conversations,
      ),
      messages,
      surveys: csv('survey_id,agent_id,conversation_id,submitted_at,csat,nps', ...surveys),
      orders: csv('order_id,agent_id,conversation_id,placed_at,amount', ...orders),
      qa_reviews: csv('review_id,agent_id,conversation_id,reviewed_at,score,red_line', ...reviews),
      complaints: csv(
        'complaint_id,agent_id,conversation_id,filed_at,category,upheld',
        'k1,a1,c1,2026-11-02T10:00:00Z,logistics,true',
        'k2,a1,c2,2026-11-02T11:00:00Z,product_defect,true',
        'k3,a2,c3,2026-11-03T10:00:00Z,service,false',
      ),
    },
    period: '2026-11',
  });
}

describe('the DuckDB engine gives the results of the TypeScript engine', { timeout: 60_000 }, () => {
  it('on the golden case', async () => {
    const run = await both({
      policiesDir: `${golden}policies/ecommerce-cs`,
      dataDir: `${golden}data`,
      period: '2026-10',
    });
    expect(run.differences).toEqual([]);
    expect(run.agents).toBeGreaterThan(0);
  });

  for (const [policy, period] of [
    ['ecommerce-cs', '2026-11'],
    ['express-cs', '2026-Q4'],
    // Formula metrics, team facts and history facts (the months before evaluated again).
    ['express-cs', '2026-11'],
    // Per-agent targets from targets.csv.
    ['presale-quota', '2026-11'],
    ['wecom-community', '2026-12'],
  ] as const) {
    it(`on the sample company, ${policy} ${period}`, async () => {
      const run = await both({
        policiesDir: `${root}configs/policies/${policy}`,
        dataDir: `${root}data/sample`,
        period,
      });
      expect(run.differences).toEqual([]);
      expect(run.agents).toBeGreaterThan(0);
    });
  }

  it('on the help-desk export, through its source (GB18030 CSV, JSON Lines, xlsx)', async () => {
    const run = await both({
      policiesDir: `${root}configs/policies/ecommerce-cs`,
      dataDir: `${root}data/examples/helpdesk-2026-10`,
      period: '2026-10',
    });
    expect(run.differences).toEqual([]);
    expect(run.agents).toBe(45);
  });

  for (const seed of [1, 2, 3]) {
    it(`on a random month across a daylight-saving change, seed ${seed}`, async () => {
      const run = await both({ ...richScenario(seed), period: '2026-11', allowMissing: ['attendance'] });
      expect(run.differences).toEqual([]);
      expect(run.agents).toBe(4);
      // The normalised-text conditions count something: k1 (ＬＯＧＩＳＴＩＣＳ) is a1's; chats and emails.
      expect(run.values('named_complaints')).toEqual([1, 0, 0, 0]);
      expect(run.values('mail_or_chat').some((v) => typeof v === 'number' && v > 0)).toBe(true);
    });
  }
});

describe('what the DuckDB engine does not compute is refused by name', () => {
  it('refuses a higher-is-better ratio over two tables, naming the metric and its policy line', async () => {
    const metrics = `metrics:
  - { id: polite, title: 礼貌, kind: ratio, better: higher, unit: ratio, numerator: { table: surveys, where: { all: [ { fact: csat, operator: equal, value: 5 } ] } }, denominator: { table: orders } }`;
    const scorecards = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: polite, weight: 100, target: 100%, floor: 0% }`;
    const options = {
      ...writeScenario({
        policy: basePolicy({ metrics, scorecards }),
        tables: {
          agents: csv('agent_id,name,team,role', 'a1,甲,一组,aftersale'),
          surveys: csv('survey_id,agent_id,submitted_at,csat', 's1,a1,2026-10-02T10:00:00+08:00,5'),
          orders: csv('order_id,agent_id,placed_at,amount', 'o1,a1,2026-10-03T10:00:00+08:00,5'),
        },
      }),
      period: '2026-10',
      allowMissing: ['conversations', 'messages'],
    };
    const error = await evaluate({ ...options, engine: 'duckdb' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvaluationError);
    const [problem, ...more] = (error as EvaluationError).problems;
    expect(more).toEqual([]);
    expect(problem?.code).toBe('SQL_CONDITION_UNSUPPORTED');
    expect(problem?.line).toBe(29);
    expect(problem?.path).toBe('scorecards.aftersale.scored[0]');
    expect(problem?.message.en).toContain('"polite"');
    expect(problem?.message.en).toContain('different tables');
    // The TypeScript engine computes it.
    expect((await evaluate(options)).results.agents[0]?.metrics.polite?.value).toBe(1);
  });
});
