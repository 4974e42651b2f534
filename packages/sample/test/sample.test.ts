import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate } from '@scorebook/engine';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { generateSample } from '../src/index.ts';

const policies = fileURLToPath(new URL('../../../configs/policies/ecommerce-cs', import.meta.url));
type Rows = Array<Record<string, string>>;

function generate(seed: number): { dir: string; table: (name: string) => Rows } {
  const dir = mkdtempSync(join(tmpdir(), 'scorebook-sample-'));
  generateSample({ out: dir, agents: 40, start: '2026-10', months: 3, seed, conversationsPerDay: 2 });
  const table = (name: string) => parse(readFileSync(join(dir, `${name}.csv`)), { columns: true }) as Rows;
  return { dir, table };
}

function localHour(timestamp: string): number {
  return Number(timestamp.slice(11, 13));
}

function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('the sample generator', () => {
  const a = generate(11);

  it('gives the same bytes for the same seed, and other bytes for another', () => {
    const b = generate(11);
    const c = generate(12);
    for (const file of readdirSync(a.dir))
      expect(readFileSync(join(b.dir, file)).equals(readFileSync(join(a.dir, file))), file).toBe(true);
    expect(readFileSync(join(c.dir, 'messages.csv')).equals(readFileSync(join(a.dir, 'messages.csv')))).toBe(
      false,
    );
  });

  it('fills every table of the data contract', () => {
    expect(readdirSync(a.dir).sort()).toEqual(
      [
        'agents',
        'assessments',
        'attendance',
        'complaints',
        'conversations',
        'events',
        'improvement_plans',
        'messages',
        'orders',
        'qa_reviews',
        'ratings',
        'surveys',
        'targets',
      ].map((t) => `${t}.csv`),
    );
    for (const file of readdirSync(a.dir))
      expect(a.table(file.replace('.csv', '')).length, file).toBeGreaterThan(0);
  });

  it('passes evaluate with zero rejected rows in every month', { timeout: 60_000 }, async () => {
    for (const period of ['2026-10', '2026-11', '2026-12']) {
      const e = await evaluate({ policiesDir: policies, dataDir: a.dir, period });
      expect(e.rejected, period).toEqual([]);
      expect(e.results.summary.rated, period).toBeGreaterThan(20);
    }
  });

  it('rates every agent working on the 25th by its supervisor, two peers, itself and operations', () => {
    const ratings = a.table('ratings');
    const roles = new Set(ratings.map((r) => r.rater_role));
    expect(roles).toEqual(new Set(['supervisor', 'peer', 'self', 'cross_dept']));
    expect(ratings.every((r) => Number(r.score) >= 1 && Number(r.score) <= 5)).toBe(true);
    expect(ratings.filter((r) => r.rater_role === 'self').every((r) => r.rater_id === r.agent_id)).toBe(true);
    expect(new Set(ratings.map((r) => r.rated_at?.slice(8, 10)))).toEqual(new Set(['25', '26', '27', '28']));
  });

  it('gives each active presale agent a sales quota per month, lower for new hires', () => {
    const quotas = a.table('targets');
    const agents = new Map(a.table('agents').map((r) => [r.agent_id, r]));
    expect(
      quotas.every((r) => agents.get(r.agent_id)?.role === 'presale' && r.metric === 'sales_amount'),
    ).toBe(true);
    expect(quotas.every((r) => agents.get(r.agent_id)?.status === 'active')).toBe(true);
    expect(new Set(quotas.map((r) => r.target))).toEqual(new Set(['2500', '4000', '5000', '6000']));
    expect(quotas.filter((r) => r.target === '2500').every((r) => r.floor === '')).toBe(true);
    expect(quotas.filter((r) => r.target === '5000').every((r) => r.floor === '2000')).toBe(true);
  });

  it('gives weak presale agents two improvement plans a month from the second month, outcomes cycling', () => {
    const plans = a.table('improvement_plans');
    const agents = new Map(a.table('agents').map((r) => [r.agent_id, r]));
    expect(plans.every((r) => agents.get(r.agent_id)?.role === 'presale' && r.period !== '2026-10')).toBe(
      true,
    );
    expect(plans.length % 2).toBe(0);
    expect(plans.slice(0, 7).map((r) => [r.status, r.completed_at])).toEqual([
      ['done', `${plans[0]?.period}-17`],
      ['done', `${plans[1]?.period}-19`],
      ['done', `${plans[2]?.period}-24`],
      ['missed', ''],
      ['done', `${plans[4]?.period}-20`],
      ['cancelled', ''],
      ['open', ''],
    ]);
  });

  it('has presale, aftersale and community teams, and agents who join or leave', () => {
    const agents = a.table('agents');
    expect(new Set(agents.map((r) => r.role))).toEqual(new Set(['presale', 'aftersale', 'community']));
    expect(agents.some((r) => r.status === 'left')).toBe(true);
    expect(agents.some((r) => r.hired_on! >= '2026-10-01')).toBe(true);
  });

  it('has quiet nights: 2–10% of inquiries start between 00:00 and 08:00', () => {
    const conversations = a.table('conversations');
    const night = conversations.filter((r) => localHour(r.started_at!) < 8).length / conversations.length;
    expect(night).toBeGreaterThan(0.02);
    expect(night).toBeLessThan(0.1);
  });

  it('peaks on 双十一: 11-11 is busier than twice an October weekday', () => {
    const perDay = new Map<string, number>();
    for (const r of a.table('conversations'))
      perDay.set(r.started_at!.slice(0, 10), (perDay.get(r.started_at!.slice(0, 10)) ?? 0) + 1);
    const octoberWeekdays = ['2026-10-13', '2026-10-14', '2026-10-15', '2026-10-20', '2026-10-21'].map(
      (d) => perDay.get(d) ?? 0,
    );
    const average = octoberWeekdays.reduce((x, y) => x + y, 0) / octoberWeekdays.length;
    expect(perDay.get('2026-11-11')!).toBeGreaterThan(2 * average);
  });

  it('correlates satisfaction with speed: slower first responses get lower CSAT', () => {
    const first = new Map<string, number>();
    const blockStart = new Map<string, number>();
    for (const m of a.table('messages')) {
      const t = Date.parse(m.sent_at!);
      if (m.sender === 'customer' && !blockStart.has(m.conversation_id!))
        blockStart.set(m.conversation_id!, t);
      if (m.sender === 'agent' && !first.has(m.conversation_id!) && blockStart.has(m.conversation_id!)) {
        first.set(m.conversation_id!, (t - blockStart.get(m.conversation_id!)!) / 1000);
      }
    }
    const xs: number[] = [];
    const ys: number[] = [];
    for (const s of a.table('surveys')) {
      const seconds = first.get(s.conversation_id!);
      if (seconds === undefined || seconds > 3600) continue;
      xs.push(seconds);
      ys.push(Number(s.csat));
    }
    expect(xs.length).toBeGreaterThan(500);
    expect(pearson(xs, ys)).toBeLessThan(-0.15);
  });

  it('writes bot replies, courtesy closings in many spellings, every complaint category and red lines', () => {
    const messages = a.table('messages');
    expect(messages.some((m) => m.sender === 'bot')).toBe(true);
    const closings = new Set(
      messages
        .filter(
          (m) => m.sender === 'customer' && /谢谢|好|嗯|ok|ＯＫ|收到/i.test(m.text!) && m.text!.length <= 6,
        )
        .map((m) => m.text),
    );
    expect(closings.size).toBeGreaterThanOrEqual(10);
    expect(new Set(a.table('complaints').map((c) => c.category))).toEqual(
      new Set(['attitude', 'misinformation', 'process_error', 'product_defect', 'logistics', 'other']),
    );
    expect(a.table('qa_reviews').some((q) => q.red_line === 'true')).toBe(true);
    expect(a.table('conversations').some((c) => c.transferred === 'true' && c.sla_due_at === '')).toBe(true);
    expect(a.table('conversations').some((c) => c.sla_due_at !== '')).toBe(true);
  });
});
