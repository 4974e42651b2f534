import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatedSite } from './fixture-site.ts';

// October of a policy scoring QA (weight 80) and the plan completion rate (weight 20), built
// through the command line; September is "published" in another results root with a1's worst
// metrics, which October's explanations carry to the agent page (docs/plans.md).
const policy = `scorebook: 2
id: plans
version: "1"
effective_from: 2026-01-01
title: 考核
timezone: Asia/Shanghai
grades:
  - { grade: A, min_score: 80 }
  - { grade: D, min_score: 0 }
scorecards:
  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: qa_score, weight: 80, target: 90, floor: 60 }
      - { metric: plan_completion_rate, weight: 20, target: 100%, floor: 0% }
`;

let work = '';
const page = (lang: string, agent: string) =>
  readFileSync(join(work, 'site', lang, 'periods', '2026-10', 'agents', agent, 'index.html'), 'utf8');
// The plans table's rows as [plan id, outcome].
const plans = (html: string) =>
  [...html.matchAll(/data-plan="([^"]+)" data-outcome="([^"]+)"/g)].map((m) => [m[1], m[2]]);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'scorebook-plans-site-'));
  const policies = join(work, 'policies', 'plans');
  const data = join(work, 'data');
  const published = join(work, 'published', '2026-09');
  const appeals = join(work, 'appeals');
  for (const dir of [policies, data, published, appeals]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(policies, '2026-01-01.yaml'), policy);
  writeFileSync(
    join(data, 'agents.csv'),
    'agent_id,name,team,role\na1,甲,一组,aftersale\na2,乙,一组,aftersale\n',
  );
  writeFileSync(
    join(data, 'qa_reviews.csv'),
    'review_id,agent_id,reviewed_at,score,red_line\nq1,a1,2026-10-05T10:00:00+08:00,75,false\nq2,a2,2026-10-05T10:00:00+08:00,95,false\n',
  );
  writeFileSync(
    join(data, 'improvement_plans.csv'),
    [
      'plan_id,agent_id,period,metric,action,due_date,status,completed_at',
      'p1,a1,2026-10,qa_score,复盘质检扣分项,2026-10-20,done,2026-10-18',
      'p2,a1,2026-10,qa_score,参加话术培训,2026-10-20,done,2026-10-23',
      'p3,a1,2026-10,qa_score,抽查十个会话,2026-10-25,cancelled,',
      '',
    ].join('\n'),
  );
  writeFileSync(join(published, 'manifest.json'), '{}');
  writeFileSync(
    join(published, 'results.json'),
    JSON.stringify({
      policy: { id: 'plans', version: '1' },
      agents: [
        {
          agent_id: 'a1',
          worst_metrics: ['qa_score'],
          metrics: { qa_score: { value: 66, sample: 4, score: 20, weight: 80, status: 'scored' } },
        },
      ],
    }),
  );
  evaluatedSite(work, {
    policies,
    data,
    appeals,
    period: '2026-10',
    tables: ['agents', 'qa_reviews', 'improvement_plans'],
    history: join(work, 'published'),
  });
});

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

describe('the agent page of a policy that reads improvement plans', () => {
  it("shows last period's worst metrics next to this period's plans and their outcome", () => {
    const zh = page('zh', 'a1');
    expect(zh).toContain('上期(2026年9月)最弱的指标');
    expect(zh).toMatch(
      /data-previous-worst="qa_score"[^>]*>质检得分: <span data-previous-value>66<\/span> · <span data-previous-score>20\.0<\/span>/,
    );
    expect(zh).toContain('取自已发布的 2026-09/results.json(策略 plans 1)');
    expect(plans(zh)).toEqual([
      ['p1', 'completed'],
      ['p2', 'late'],
      ['p3', 'cancelled'],
    ]);
    // 1 of the 2 counted plans done on time.
    expect(zh).toContain('按期完成率 50%(2 项计划中按期完成 1 项,已取消的不计)');
    expect(zh).toContain('improvement_plans.csv:3');
    expect(page('en', 'a1')).toContain(
      'Completion rate 50% (1 of 2 plans done on time; cancelled ones left out)',
    );
  });

  it('says when the agent has no plan and last period has nothing of the agent', () => {
    const en = page('en', 'a2');
    expect(en).toContain('No improvement plan this period.');
    expect(en).toContain('No scored metric was below 100 last period.');
    expect(plans(en)).toEqual([]);
  });
});
