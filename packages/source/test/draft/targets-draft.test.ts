import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftSourceFor } from '../../src/draft/sample-files.ts';

let zh: string;
let en: string;
beforeAll(async () => {
  zh = await mkdtemp(join(tmpdir(), 'scorebook-targets-'));
  await writeFile(join(zh, '客服名单.csv'), '工号,姓名,组别,岗位\na1,张三,一组,presale\n');
  await writeFile(
    join(zh, '销售任务_2026-10.csv'),
    '工号,考核指标,考核月份,目标值,底线值\na1,sales_amount,2026-10,5000,2000\n',
  );
  en = await mkdtemp(join(tmpdir(), 'scorebook-targets-'));
  await writeFile(join(en, 'agents.csv'), 'Employee ID,Name,Team,Role\na1,Ann,One,presale\n');
  await writeFile(
    join(en, 'Quotas.csv'),
    'Employee ID,KPI,Period,Quota,Minimum\na1,sales_amount,2026-11,5000,2000\n',
  );
});
afterAll(async () => {
  await rm(zh, { recursive: true, force: true });
  await rm(en, { recursive: true, force: true });
});

describe('source init on a quota sheet', () => {
  it('assigns a 销售任务 sheet to targets and maps its Chinese headers', async () => {
    const draft = await draftSourceFor(zh, { id: 'quotas' });
    const targets = draft.slice(draft.indexOf('  targets:'));
    expect(targets).toContain('files: ["销售任务_*.csv"]');
    expect(targets).not.toContain('TODO');
    for (const line of [
      'agent_id: 工号',
      'metric: 考核指标',
      'period: 考核月份',
      'target: 目标值',
      'floor: 底线值',
    ])
      expect(targets).toContain(line);
  });

  it('assigns a Quotas sheet to targets and maps its English headers', async () => {
    const draft = await draftSourceFor(en, { id: 'quotas' });
    const targets = draft.slice(draft.indexOf('  targets:'));
    expect(targets).toContain('files: ["Quotas.csv"]');
    expect(targets).not.toContain('TODO');
    for (const line of [
      'agent_id: Employee ID',
      'metric: KPI',
      'period: Period',
      'target: Quota',
      'floor: Minimum',
    ])
      expect(targets).toContain(line);
  });
});
