import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftSourceFor } from '../../src/draft/sample-files.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scorebook-plans-'));
  await writeFile(join(dir, '客服名单.csv'), '工号,姓名,组别,岗位\na1,张三,一组,presale\n');
  await writeFile(
    join(dir, '绩效改进计划_2026-11.csv'),
    [
      '计划编号,工号,考核月份,改进项,改进措施,计划完成日期,计划状态,完成日期',
      'ip1,a1,2026-11,first_response_time,开启快捷回复,2026-11-20,已完成,2026-11-18',
      'ip2,a1,2026-11,conversion_rate,复盘未成交会话,2026-11-20,已取消,',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('source init on an improvement-plan sheet', () => {
  it('assigns a 绩效改进计划 sheet to improvement_plans, maps its headers and its statuses', async () => {
    const draft = await draftSourceFor(dir, { id: 'plans' });
    const plans = draft.slice(draft.indexOf('  improvement_plans:'));
    expect(plans).toContain('files: ["绩效改进计划_*.csv"]');
    expect(plans).not.toContain('TODO');
    for (const line of [
      'plan_id: 计划编号',
      'agent_id: 工号',
      'period: 考核月份',
      'metric: 改进项',
      'action: 改进措施',
      'due_date: 计划完成日期',
      'completed_at: 完成日期',
      '已完成: done',
      '已取消: cancelled',
    ])
      expect(plans).toContain(line);
  });
});
