import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Results } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const golden = join(root, 'packages/engine/test/fixtures/golden');
const samples = join(root, 'configs/policies/ecommerce-cs');
const broken = join(root, 'packages/policy/test/fixtures/broken');
const tmp = () => mkdtempSync(join(tmpdir(), 'scorebook-cli-'));

describe('scorebook validate', () => {
  it('passes the sample policies with exit 0', async () => {
    const r = await runCli('validate', samples);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('4 个版本全部有效');
  });

  it('fails a broken policy with exit 1, file:line:col and a caret', async () => {
    const dir = join(tmp(), 'ecommerce-cs');
    cpSync(join(broken, 'weights-not-100.yaml'), join(dir, '2026-10-01.yaml'), { recursive: true });
    const r = await runCli('validate', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(dir, '2026-10-01.yaml')}:60:5 错误 WEIGHTS_NOT_100`);
    expect(r.stderr).toContain(
      '考核表 "aftersale" 的权重合计为 105,应为 100:first_response_time 15 + avg_response_time 10 + reply_rate 10 + csat_rate 20 + fcr 25 + complaint_rate 10 + qa_score 15 = 105。',
    );
    expect(r.stderr).toMatch(/\n\s+\|\s+\^+/);
    const en = await runCli('validate', dir, '--lang', 'en');
    expect(en.stderr).toContain(
      'add up to 105; they must add up to 100: first_response_time 15 + avg_response_time 10 + reply_rate 10 + csat_rate 20 + fcr 25 + complaint_rate 10 + qa_score 15 = 105.',
    );
  });

  it('prints JSON and GitHub annotations', async () => {
    const dir = join(tmp(), 'ecommerce-cs');
    cpSync(join(broken, 'unknown-grade.yaml'), join(dir, '2026-10-01.yaml'), { recursive: true });
    const json = await runCli('validate', dir, '--format', 'json');
    expect(JSON.parse(json.stdout)[0]).toMatchObject({
      code: 'UNKNOWN_GRADE',
      line: 81,
      column: 20,
      path: 'scorecards.aftersale.vetoes[0].cap_grade',
    });
    const github = await runCli('validate', dir, '--format', 'github');
    expect(github.stdout).toMatch(
      /^::error file=.*2026-10-01\.yaml,line=81,col=20,endLine=81,endColumn=21,title=UNKNOWN_GRADE::未知的等级 "E"/,
    );
  });

  it('checks a single policy file too', async () => {
    expect((await runCli('validate', join(samples, '2026-11-01.yaml'))).code).toBe(0);
    expect((await runCli('validate', join(broken, 'unknown-grade.yaml'))).code).toBe(1);
  });

  it('treats bad usage as exit 2', async () => {
    expect((await runCli('validate')).code).toBe(2);
    expect((await runCli('validate', samples, '--format', 'xml')).code).toBe(2);
    expect((await runCli('nonsense')).code).toBe(2);
    expect((await runCli('validate', '--help')).code).toBe(0);
  });
});

describe('scorebook evaluate and verify', () => {
  it('evaluates the golden case, then verifies it byte for byte', async () => {
    const out = join(tmp(), 'out');
    const args = ['--policies', join(golden, 'policies/ecommerce-cs'), '--data', join(golden, 'data')];
    const r = await runCli('evaluate', ...args, '--period', '2026-10', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('8 名客服,6 名参评');
    expect(r.stderr).not.toContain('监控期间');
    expect(existsSync(join(out, 'results.json'))).toBe(true);
    const v = await runCli('verify', ...args, '--results', out);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('逐字节一致');
    // Each table's reading is shown on stderr, as evaluate shows it; --quiet says nothing there.
    expect(v.stderr).toContain('已读取 messages: 4,978 行');
    expect((await runCli('verify', ...args, '--results', out, '--quiet')).stderr).toBe('');

    const file = join(out, 'results.json');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('"base_score": 67.06830809052059', '"base_score": 67.1'),
    );
    const bad = await runCli('verify', ...args, '--results', out, '--lang', 'en');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('agents[a001].base_score: 67.1 → 67.06830809052059');
    expect(bad.stdout).toContain('✗ results.json differs (published → recomputed)');
  });

  it('stops at a stale lock of the output folder, naming --break-stale-lock, and breaks it with the flag', async () => {
    const out = join(tmp(), 'out');
    const args = ['--policies', join(golden, 'policies/ecommerce-cs'), '--data', join(golden, 'data')];
    const lock = join(dirname(out), '.out.lock');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(
      lock,
      JSON.stringify({ pid: Number(dead.stdout), host: hostname(), started_at: '2026-11-01T00:00:00Z' }),
    );
    const stale = await runCli('evaluate', ...args, '--period', '2026-10', '--out', out, '--quiet');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(`✗ ${lock} OUTPUT_LOCK_STALE`);
    expect(stale.stderr).toContain('加 --break-stale-lock 再运行一次');
    expect(existsSync(out)).toBe(false);
    const broken = await runCli(
      'evaluate',
      ...args,
      '--period',
      '2026-10',
      '--out',
      out,
      '--quiet',
      '--break-stale-lock',
    );
    expect(broken.code).toBe(0);
    // Printed even with --quiet; the lock's age is whatever seconds the run took.
    expect(broken.stderr.replace(/已 \d+ 秒/, '已 0 秒')).toBe(
      `  已收回一个失效的锁(--break-stale-lock):${lock}(主机 ${hostname()} 上的进程 ${dead.stdout},自 2026-11-01T00:00:00Z 起,已 0 秒)。\n`,
    );
    expect(existsSync(join(out, 'results.json'))).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });

  it('marks a scored period that rates no one with ⚠ and says why it matters (trial 7 M1)', async () => {
    const args = ['--policies', join(golden, 'policies/ecommerce-cs'), '--data', join(golden, 'data')];
    // December of the golden data has no agent with the 30 conversations eligibility asks for.
    const r = await runCli(
      'evaluate',
      ...args,
      '--period',
      '2026-12',
      '--out',
      join(tmp(), 'out'),
      '--lang',
      'en',
    );
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines.at(-4)).toMatch(/^⚠ 2026-12: policy ecommerce-cs \S+, 8 agents, 0 rated/);
    expect(lines.at(-2)).toMatch(/^ {2}Engine: typescript, at most \d+ threads? \(one per core\)$/);
    expect(lines.at(-1)).toBe(
      '⚠ None of the 8 agents is rated: the results hold no grade. The reason is most likely in the warnings above (roles no scorecard names: write a map for agents.role in source.yaml; or an eligibility no one meets). publish refuses such a period (NOBODY_RATED).',
    );
  });

  it('prints a file cut off inside its last line among the warnings, before the others, at its file and line', async () => {
    const data = join(tmp(), 'data');
    cpSync(join(golden, 'data'), data, { recursive: true });
    // surveys.csv cut inside its 226th line: a download that did not finish.
    const lines = readFileSync(join(data, 'surveys.csv'), 'utf8').split('\n');
    writeFileSync(
      join(data, 'surveys.csv'),
      `${lines.slice(0, 225).join('\n')}\n${lines[225]?.slice(0, 20)}`,
    );
    const args = ['--policies', join(golden, 'policies/ecommerce-cs'), '--data', data, '--period', '2026-10'];
    const r = await runCli('evaluate', ...args, '--out', join(tmp(), 'out'), '--lang', 'en');
    expect(r.code).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('⚠ '));
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toBe(
      '⚠ surveys.csv:226 The file surveys.csv of table surveys was most likely cut off (a download or copy that did not finish): its last line, line 226, has fewer cells than the header, and the file does not end with a line break. That line is a rejected row, and the rows after it are most likely not in the file: one rejected row stays far under the rejected-row limit, and nothing else says that the period may be missing many rows. Export or copy the file again; if the file really is complete and only its last row is broken, fix or remove that line. publish refuses this period unless --allow-partial-data is given.',
    );
    expect(r.stderr).toContain('1 row rejected, 5 warnings (above).');
  });

  it('says first that the policy file changed since publication, and shortens its text (trial 6 M4)', async () => {
    const out = join(tmp(), 'out');
    const policies = join(tmp(), 'ecommerce-cs');
    cpSync(join(golden, 'policies/ecommerce-cs'), policies, { recursive: true });
    const args = ['--policies', policies, '--data', join(golden, 'data')];
    expect((await runCli('evaluate', ...args, '--period', '2026-10', '--out', out)).code).toBe(0);
    const file = join(policies, '2026-10-01.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('target: 98%, floor: 85%', 'target: 97%, floor: 85%'),
    );
    const v = await runCli('verify', ...args, '--results', out, '--lang', 'en');
    expect(v.code).toBe(1);
    const lines = v.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^✗ The policy file .*2026-10-01\.yaml changed after publication: sha256 [0-9a-f]{12} when published, [0-9a-f]{12} now/,
    );
    // The policy's text is a difference of policy.json, shown by its start and its length.
    expect(lines.find((l) => l.startsWith('  text: '))).toMatch(
      /^ {2}text: ".{20,}… \([\d,]+ characters\) → ".{20,}… \([\d,]+ characters\)$/,
    );
  });

  it('says of a monitoring period why agents are not rated, and that it cannot be published', async () => {
    const args = ['--policies', join(golden, 'policies/ecommerce-cs'), '--data', join(golden, 'data')];
    const out = join(tmp(), 'w');
    const r = await runCli('evaluate', ...args, '--period', '2026-W41', '--out', out, '--lang', 'en');
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).summary as {
      agents: number;
      not_rated: number;
    };
    expect(r.stderr).toContain(
      `ⓘ 2026-W41 is a monitoring period (week) and cannot be published. Eligibility and minimum samples apply as the policy writes them (usually for a month), hence ${summary.not_rated} of ${summary.agents} agents not rated; every agent's metric values are in results.json.`,
    );
  });

  it('writes nothing and exits 1 on bad data', async () => {
    const data = join(tmp(), 'data');
    cpSync(join(golden, 'data'), data, { recursive: true });
    writeFileSync(join(data, 'surveys.csv'), 'survey_id,agent_id,csat\ns1,a001,5\n');
    const out = join(tmp(), 'out');
    const r = await runCli(
      'evaluate',
      '--policies',
      join(golden, 'policies/ecommerce-cs'),
      '--data',
      data,
      '--period',
      '2026-10',
      '--out',
      out,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('REQUIRED_COLUMN_MISSING');
    expect(r.stderr).toContain('没有写出任何结果');
    expect(existsSync(join(out, 'results.json'))).toBe(false);
    // verify writes nothing in any case: it does not say that nothing was written (trial 8).
    const policies = ['--policies', join(golden, 'policies/ecommerce-cs')];
    const good = join(tmp(), 'good');
    const e = await runCli(
      'evaluate',
      ...policies,
      '--data',
      join(golden, 'data'),
      '--period',
      '2026-10',
      '--out',
      good,
    );
    expect(e.code).toBe(0);
    const v = await runCli('verify', ...policies, '--data', data, '--results', good);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('REQUIRED_COLUMN_MISSING');
    expect(v.stderr).not.toContain('没有写出任何结果');
  });

  it('exits 2 on a bad period or missing option', async () => {
    const base = ['--policies', samples, '--data', join(golden, 'data'), '--out', join(tmp(), 'x')];
    expect((await runCli('evaluate', ...base, '--period', 'October')).code).toBe(2);
    const week = await runCli('publish', '--period', '2026-W43', '--lang', 'en');
    expect(week.code).toBe(2);
    expect(week.stderr).toContain(
      '--period 2026-W43 is a monitoring period (an ISO week): scorebook evaluate shows it, but it cannot be published',
    );
    const range = await runCli('publish', '--period', '2026-11-01..2026-11-11');
    expect([
      range.code,
      range.stderr.includes('PERIOD_NOT_EVALUATED') || range.stderr.includes('自定义区间'),
    ]).toEqual([2, true]);
    expect((await runCli('evaluate', ...base)).code).toBe(2);
    expect((await runCli('evaluate', ...base, '--period', '2026-10', '--max-rejected', 'lots')).code).toBe(2);
  });
});

describe('scorebook diff', () => {
  it('shows the peak-season version in text, Markdown and JSON', async () => {
    const a = join(samples, '2026-10-01.yaml');
    const b = join(samples, '2026-11-01.yaml');
    const text = await runCli('diff', a, b);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('权重 15 → 25');
    const md = await runCli('diff', a, b, '--format', 'markdown', '--lang', 'en');
    expect(md.stdout).toContain(
      '| Scorecard aftersale › Scored metric › first_response_time | weight | 15 | 25 |',
    );
    const json = JSON.parse((await runCli('diff', a, b, '--format', 'json')).stdout);
    expect(json.changes.length).toBeGreaterThan(10);
  });

  it('refuses to compare an invalid policy', async () => {
    const r = await runCli('diff', join(samples, '2026-10-01.yaml'), join(broken, 'unknown-grade.yaml'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('UNKNOWN_GRADE');
  });
});

describe('the repository itself', () => {
  it('ships sample policies that pass their policy tests', async () => {
    const r = await runCli('test', samples);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n11 passed, 0 failed\n$/);
  }, 60_000);

  it('ships published periods that re-verify byte for byte', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const r = await runCli('verify', '--all');
      // The period column is as wide as its longest label, 2026-10/superseded/1.
      expect(r.stdout).toContain(`${'2026-10'.padEnd(20)} 通过(ok)\n`);
      expect(r.stdout).toContain(`${'2026-11'.padEnd(20)} 通过(ok)\n`);
      expect(r.stdout.split('\n')[0]).toBe(`期间${' '.repeat(16)} 状态`);
      expect(r.code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
  }, 60_000);

  it('ships sample data that the generator reproduces byte for byte', async () => {
    const out = join(tmp(), 'sample');
    expect((await runCli('sample', '--out', out, '--quiet')).code).toBe(0);
    for (const table of ['agents', 'conversations', 'messages', 'surveys', 'orders']) {
      expect(
        readFileSync(join(out, `${table}.csv`)).equals(
          readFileSync(join(root, 'data/sample', `${table}.csv`)),
        ),
        table,
      ).toBe(true);
    }
  }, 60_000);
});

describe('scorebook evaluate --appeals', () => {
  const appeal = (agent: string) => `scorebook: 1
kind: appeal
agent: ${agent}
filed_at: 2026-11-03T10:00:00+08:00
disputes: { record: complaints/p00003 }
claim: 产品缺陷
decision: { outcome: upheld, decided_by: 李主管, decided_at: 2026-11-05, reason: 属实 }
`;
  const run = (appeals: string, out: string, ...extra: string[]) =>
    runCli(
      'evaluate',
      ...['--policies', join(golden, 'policies/ecommerce-cs'), '--data', join(golden, 'data')],
      ...['--period', '2026-10', '--out', out, '--appeals', appeals, ...extra],
    );
  const folder = (agent: string) => {
    const dir = tmp();
    mkdirSync(join(dir, '2026-10'));
    writeFileSync(join(dir, '2026-10/ap-1.yaml'), appeal(agent));
    return dir;
  };

  it('applies the period folder of the appeals and records it in the results', async () => {
    const out = join(tmp(), 'out');
    const r = await run(folder('a001'), out);
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
    expect(results.appeals?.map((a) => a.file)).toEqual(['2026-10/ap-1.yaml']);
    expect(results.agents.find((a) => a.agent_id === 'a001')?.appealed).toEqual({ 'ap-1': 1 });
  });

  it('says in the summary which appeals were applied (trial 6 M7)', async () => {
    const dir = folder('a001');
    const r = await run(dir, join(tmp(), 'out'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Appeals: 1 file (${join(dir, '2026-10')}); applied 1 (ap-1)\n`);
  });

  it('stops with exit 1 at the appeal file line and column for an unknown agent', async () => {
    const dir = folder('a999');
    const r = await run(dir, join(tmp(), 'out'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(dir, '2026-10/ap-1.yaml')}:3:8 error APPEAL_UNKNOWN_AGENT`);
    expect(r.stderr).toContain('The agent "a999" is not in the period\'s agents table.');
  });
});
