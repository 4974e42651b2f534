import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const agent = (id: string, more: object) => ({
  agent_id: id,
  name: `客服${id}`,
  team: '一组',
  role: 'aftersale',
  scorecard: 'aftersale',
  status: 'rated',
  grade: 'A',
  ...more,
});

function resultsDir(agents: object[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'scorebook-payroll-'));
  writeFileSync(join(dir, 'results.json'), JSON.stringify({ period: { id: '2026-10' }, agents }));
  return dir;
}

describe('scorebook payroll', () => {
  it('writes one CSV row per agent, amounts in cents, awards by id, who has left (trial 11)', async () => {
    // a2 has left (agents.csv status `left`) and is still paid; =a3's results predate employment_status.
    const dir = resultsDir([
      agent('a1', {
        employment_status: 'active',
        awards: [{ id: 'csat-star', place: 1, amount: 500 }],
        reward: { coefficient: 1.2, base: 2500.5, bonus: 3000.6, total: 3500.6 },
      }),
      agent('a2', {
        employment_status: 'left',
        awards: [],
        reward: { coefficient: 1, base: 2000, bonus: 2000, total: 2000 },
      }),
      agent('a4', {
        employment_status: 'active',
        status: 'not_rated',
        grade: null,
        awards: [],
        reward: null,
      }),
      agent('=a3', { awards: [], reward: { coefficient: 0.8, base: 1.005, bonus: 0.804, total: 0.804 } }),
    ]);
    const out = join(dir, 'payroll.csv');
    const r = await runCli('payroll', '--results', dir, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `✓ 已写出 ${out}:2026-10,4 名客服\n⚠ ${dir} 中没有 manifest.json:这些结果没有发布(evaluate 的预览),期间关闭前还可能改变。发薪请用已发布的结果(data/results/<期间>)。\n`,
    );
    // Every row ends with CRLF, the last one too.
    expect(readFileSync(out, 'utf8')).toBe(
      '\ufeffperiod,agent_id,name,team,role,employment_status,scorecard,status,grade,coefficient,base,bonus,awards,award_amount,total\r\n' +
        '2026-10,a1,客服a1,一组,aftersale,active,aftersale,rated,A,1.2,2500.5,3000.6,csat-star,500,3500.6\r\n' +
        '2026-10,a2,客服a2,一组,aftersale,left,aftersale,rated,A,1,2000,2000,,,2000\r\n' +
        '2026-10,a4,客服a4,一组,aftersale,active,aftersale,not_rated,,,,,,,\r\n' +
        "2026-10,'=a3,客服=a3,一组,aftersale,,aftersale,rated,A,0.8,1.01,0.8,,,0.8\r\n",
    );
  });

  it('writes XLSX when --out ends in .xlsx', async () => {
    const dir = resultsDir([
      agent('a1', { awards: [], reward: { coefficient: 1, base: 10, bonus: 10, total: 10 } }),
    ]);
    const out = join(dir, 'payroll.xlsx');
    expect((await runCli('payroll', '--results', dir, '--out', out)).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('refuses results of policy format 1 (exit 1) and another extension (exit 2)', async () => {
    const dir = resultsDir([agent('a1', {})]);
    const r = await runCli('payroll', '--results', dir, '--out', join(dir, 'p.csv'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('comes from a policy of format 1');
    const bad = await runCli('payroll', '--results', dir, '--out', join(dir, 'p.txt'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--out 应为 *.csv, *.xlsx 之一');
  });

  it('refuses the results of a monitoring period (exit 1), writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorebook-payroll-'));
    const reward = { coefficient: 1.5, base: 1500, bonus: 2250, total: 2250 };
    writeFileSync(
      join(dir, 'results.json'),
      JSON.stringify({
        period: { id: '2026-W46', kind: 'week' },
        agents: [agent('a1', { awards: [], reward })],
      }),
    );
    const out = join(dir, 'week-payroll.csv');
    const r = await runCli('payroll', '--results', dir, '--out', out, '--lang', 'en');
    expect([r.code, r.stderr]).toEqual([
      1,
      `✗ ${join(dir, 'results.json')} holds the results of the monitoring period 2026-W46: a monitoring period (a week, a day, a custom range) is for watching only and carries a month's bases and coefficients, so it has no payroll. Export the results of a published evaluation period (month, quarter, year), e.g. data/results/2026-10.\n`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('says nothing of publication for a published period', async () => {
    const dir = resultsDir([
      agent('a1', { awards: [], reward: { coefficient: 1, base: 10, bonus: 10, total: 10 } }),
    ]);
    writeFileSync(join(dir, 'manifest.json'), '{}\n');
    const out = join(dir, 'payroll.csv');
    const r = await runCli('payroll', '--results', dir, '--out', out, '--lang', 'en');
    expect([r.code, r.stderr]).toEqual([0, `✓ Wrote ${out}: 2026-10, 1 agents\n`]);
  });
});
