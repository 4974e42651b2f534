import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const policies = fileURLToPath(new URL('../../../configs/policies/ecommerce-cs', import.meta.url));

/** A data folder whose source.yaml has a map typo and names two columns its files lack. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scorebook-source-errors-'));
  writeFileSync(
    join(dir, 'source.yaml'),
    `scorebook: 1
kind: source
tables:
  agents:
    files: ["客服名单.csv"]
    fields:
      agent_id: 工号
      name: 名字
  conversations:
    files: ["会话.csv"]
    fields:
      agent_id: 客服工号
      customer_id: 访客编号
      resolved: { column: 是否解决, map: { 是: true, 否: flase } }
`,
  );
  writeFileSync(join(dir, '客服名单.csv'), '工号,姓名,team,role\na1,张三,售后一组,aftersale\n');
  writeFileSync(
    join(dir, '会话.csv'),
    'conversation_id,客服工号,访客ID,channel,started_at,ended_at,是否解决\nc1,a1,u1,chat,2026-10-05T10:00:00+08:00,,是\n',
  );
  return dir;
}

// The problem lines of the human output: `✗ <place> CODE`, `⚠ <place> CODE` and `<file>:<line>:<col> 错误 CODE`.
const lines = (stderr: string, dir: string) =>
  stderr
    .split('\n')
    .filter((l) => /^(✗ |⚠ |\S+:\d+:\d+ )/.test(l))
    .map((l) => l.replace(join(dir, '/'), '').replace(/ \(.*\)$/, ''));

describe('a source.yaml with errors, on the command line', () => {
  it('source check reports the map typo and the missing columns in one run, exit 1', async () => {
    const dir = folder();
    const r = await runCli('source', 'check', dir, '--quiet');
    expect(r.code).toBe(1);
    expect(lines(r.stderr, dir)).toEqual([
      '✗ 会话.csv:1 MAPPED_COLUMN_MISSING',
      '✗ 客服名单.csv:1 MAPPED_COLUMN_MISSING',
      'source.yaml:14:52 错误 SOURCE_MAP_VALUE_TYPE',
      '⚠ source.yaml SOURCE_ROWS_NOT_READ',
    ]);
  });

  it('evaluate reports them together too, in English with --lang en, and writes nothing', async () => {
    const dir = folder();
    const out = join(mkdtempSync(join(tmpdir(), 'scorebook-source-errors-out-')), 'results');
    const r = await runCli(
      'evaluate',
      '--policies',
      policies,
      '--data',
      dir,
      '--period',
      '2026-10',
      '--out',
      out,
      '--lang',
      'en',
    );
    expect(r.code).toBe(1);
    expect(lines(r.stderr, dir)).toEqual([
      '✗ 会话.csv:1 MAPPED_COLUMN_MISSING',
      '✗ 客服名单.csv:1 MAPPED_COLUMN_MISSING',
      'source.yaml:14:52 error SOURCE_MAP_VALUE_TYPE',
      '⚠ source.yaml SOURCE_ROWS_NOT_READ',
      '✗ No results were written.',
    ]);
    expect(r.stderr).toContain('the headers of agents, conversations were checked');
    expect(existsSync(out)).toBe(false);
  });
});
