import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INPUT_TABLES } from '@scorebook/contract';
import type { RejectedLimit } from '../src/check/rejected-limit.ts';
import { type EvaluateOptions, type Evaluation, evaluate } from '../src/index.ts';

/**
 * A table given inline: CSV text, or rows written as JSON Lines; a name with an extension (or a
 * folder) is written as that file.
 */
type InlineTable = string | Array<Record<string, unknown>>;

/** Options of a small hand-computed scenario. */
export interface Scenario {
  /** The policy YAML; {@link basePolicy} when omitted. */
  policy?: string;
  tables: Record<string, InlineTable>;
  period?: string;
  /** Evaluate a monitoring period (a week, a day, a range). */
  monitoring?: boolean;
  maxRejected?: RejectedLimit;
  /**
   * Tables that may be absent though the policy's metrics need them; by default every table the
   * scenario does not give (hand-computed scenarios give only the tables they are about).
   */
  allowMissing?: string[];
}

/** Writes a scenario to a temporary folder: `policies/<id>/<date>.yaml` and `data/`. */
export function writeScenario(scenario: Scenario): { policiesDir: string; dataDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'scorebook-scenario-'));
  const policy = scenario.policy ?? basePolicy();
  const id = /^id: (\S+)/m.exec(policy)?.[1] ?? 'test';
  const date = /^effective_from: (\S+)/m.exec(policy)?.[1] ?? '2026-01-01';
  const policiesDir = join(root, 'policies', id);
  mkdirSync(policiesDir, { recursive: true });
  writeFileSync(join(policiesDir, `${date}.yaml`), policy);
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  for (const [name, table] of Object.entries(scenario.tables)) {
    const file = join(
      dataDir,
      name.includes('.') ? name : `${name}.${typeof table === 'string' ? 'csv' : 'jsonl'}`,
    );
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, typeof table === 'string' ? table : table.map((r) => JSON.stringify(r)).join('\n'));
  }
  return { policiesDir, dataDir };
}

/** Runs a scenario and returns its evaluation; `more` adds options (an engine, say). */
export async function runScenario(
  scenario: Scenario,
  more: Partial<EvaluateOptions> = {},
): Promise<Evaluation> {
  const { policiesDir, dataDir } = writeScenario(scenario);
  return evaluate({
    ...more,
    policiesDir,
    dataDir,
    period: scenario.period ?? '2026-10',
    ...(scenario.maxRejected ? { maxRejected: scenario.maxRejected } : {}),
    ...(scenario.monitoring ? { monitoring: true } : {}),
    allowMissing:
      scenario.allowMissing ??
      INPUT_TABLES.filter((t) => !Object.keys(scenario.tables).some((n) => n.split('.')[0] === t)),
  });
}

/** A small policy: one aftersale scorecard of response metrics; pieces can be replaced. */
export function basePolicy(
  parts: {
    timezone?: string;
    businessHours?: string;
    exclusions?: string;
    scorecards?: string;
    metrics?: string;
  } = {},
): string {
  return `scorebook: 1
id: test
version: "1"
effective_from: 2026-01-01
title: 测试策略
timezone: ${parts.timezone ?? 'Asia/Shanghai'}
${parts.businessHours ?? ''}
exclusions:
  - id: courtesy
    table: messages
    reason: 礼貌性结束语
    when: { all: [ { fact: sender, operator: equal, value: customer }, { fact: text, operator: textIn, value: ["谢谢", "好的", "ok"] } ] }
  - id: defects
    table: complaints
    reason: 产品缺陷
    when: { all: [ { fact: category, operator: equal, value: product_defect } ] }
${parts.exclusions ?? ''}
${parts.metrics ?? ''}
grades:
  - { grade: A, min_score: 90 }
  - { grade: B, min_score: 70 }
  - { grade: C, min_score: 0 }
scorecards:
${
  parts.scorecards ??
  `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: first_response_time, weight: 50, target: 20s, floor: 60s }
      - { metric: reply_rate, weight: 50, target: 100%, floor: 50% }
    vetoes:
      - { id: red-line, reason: 红线, cap_grade: C, when: { all: [ { fact: red_line_count, operator: greaterThanInclusive, value: 1 } ] } }`
}
`;
}

/** CSV text from a header and rows. */
export function csv(header: string, ...rows: string[]): string {
  return `${[header, ...rows].join('\n')}\n`;
}

/** The agents table used by most scenarios. */
export const AGENTS = csv(
  'agent_id,name,team,role',
  'a1,张三,售后一组,aftersale',
  'a2,李四,售后一组,aftersale',
  'a3,王五,社群组,community',
);

/**
 * Messages read through a source whose sender map lacks 系统: the third row (line 4) is rejected
 * with UNMAPPED_VALUE (for the checks that stop on a gap in a map).
 */
export const SENDER_MAP_GAP = {
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
};
