import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const fixturePolicy = fileURLToPath(new URL('../../../configs/policies/ecommerce-cs', import.meta.url));

const GOOD = `scorebook: 1
kind: appeal
agent: a1
filed_at: 2026-11-03T10:00:00+08:00
disputes: { metric: csat_rate }
claim: 差评是物流导致的
`;

/** An appeals folder: 2026-10 with a good file, a misspelt key and a bad name; 2026-11 with a bad time. */
function appeals(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'scorebook-validate-appeals-')), 'appeals');
  mkdirSync(join(root, '2026-10'), { recursive: true });
  mkdirSync(join(root, '2026-11'));
  writeFileSync(join(root, '2026-10', 'ap-1.yaml'), GOOD);
  writeFileSync(join(root, '2026-10', 'ap-2.yaml'), GOOD.replace('claim:', 'cliam:'));
  writeFileSync(join(root, '2026-10', 'Ap 3.yaml'), GOOD);
  writeFileSync(join(root, '2026-11', 'ap-4.yaml'), GOOD.replace('2026-11-03T10:00:00+08:00', '2026-13-01'));
  return root;
}
const found = (json: string) =>
  (JSON.parse(json) as Array<{ code: string; file: string; line: number; column: number }>).map((p) => [
    p.code,
    p.file.split('/').slice(-2).join('/'),
    p.line,
    p.column,
  ]);

describe('scorebook validate of appeal files on their own', () => {
  it('checks an appeals folder, every problem of every period at once', async () => {
    const r = await runCli('validate', appeals(), '--format', 'json');
    expect(r.code).toBe(1);
    expect(found(r.stdout)).toEqual([
      ['APPEAL_BAD_ID', '2026-10/Ap 3.yaml', 1, 1],
      ['MISSING_KEY', '2026-10/ap-2.yaml', 1, 1],
      ['UNKNOWN_KEY', '2026-10/ap-2.yaml', 6, 1],
      ['BAD_FORMAT', '2026-11/ap-4.yaml', 4, 11],
    ]);
  });

  it('checks a period folder, or one file; a good file passes and is counted', async () => {
    const root = appeals();
    expect(found((await runCli('validate', join(root, '2026-11'), '--format', 'json')).stdout)).toEqual([
      ['BAD_FORMAT', '2026-11/ap-4.yaml', 4, 11],
    ]);
    const one = await runCli('validate', join(root, '2026-10', 'ap-1.yaml'), '--lang', 'en');
    expect(one.code).toBe(0);
    expect(one.stderr).toContain('✓ 1 appeal files (on their own, not against data or a policy): all valid.');
  });

  it('says what it checked: appeal files, not policy versions, and with an error the form a key takes', async () => {
    const root = appeals();
    const r = await runCli('validate', join(root, '2026-11'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('✗ 在 1 个申诉文件(未对照数据和策略)中发现 1 个错误、0 个警告。');
    expect(r.stderr).not.toContain('策略版本');
    writeFileSync(
      join(root, '2026-11', 'ap-4.yaml'),
      `${GOOD}decision: { outcome: upheld, decided_by: 李主管, decided_at: 2026-11-05, reason: 属实, actions: [{ remove: { record: complaints/p00073 } }] }\n`,
    );
    const form = await runCli('validate', join(root, '2026-11'), '--format', 'json');
    expect(JSON.parse(form.stdout)[0].message.zh).toBe(
      '这里应为文本,实际是映射(键: 值)。应写成:remove: complaints/p00012',
    );
    const both = await runCli('validate', join(root, '2026-10', 'ap-1.yaml'), fixturePolicy);
    expect(both.stderr).toContain('✓ 1 个策略文件夹、4 个版本;1 个申诉文件(未对照数据和策略)全部有效。');
  });
});
