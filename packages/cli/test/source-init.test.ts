import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const example = fileURLToPath(new URL('../../../data/examples/helpdesk-2026-10/', import.meta.url));
const policy = fileURLToPath(new URL('../../../configs/policies/ecommerce-cs', import.meta.url));

describe('scorebook source init', () => {
  it('counts in its summary exactly the lines of the draft below its opening comment that say TODO', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'scorebook-init-')), 'exports');
    cpSync(example, dir, { recursive: true });
    rmSync(join(dir, 'source.yaml'));
    const r = await runCli('source', 'init', dir);
    const lines = readFileSync(join(dir, 'source.yaml'), 'utf8').split('\n');
    const below = lines.slice(lines.indexOf('scorebook: 1') + 1).filter((l) => l.includes('TODO'));
    expect(r.code).toBe(0);
    expect(below.length).toBe(14);
    expect(r.stderr).toContain(`已写出草稿 ${join(dir, 'source.yaml')},其中 14 行 TODO 待补全。`);
    rmSync(join(dir, 'source.yaml'));
    const en = await runCli('source', 'init', dir, '--lang', 'en');
    expect(en.stderr).toContain('with 14 TODO lines to complete.');
  });

  it('fills in the timezone of --policies, so that source check reads times as evaluate does', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'scorebook-init-')), 'exports');
    cpSync(example, dir, { recursive: true });
    rmSync(join(dir, 'source.yaml'));
    const r = await runCli('source', 'init', dir, '--policies', policy);
    expect(r.code).toBe(0);
    const lines = readFileSync(join(dir, 'source.yaml'), 'utf8').split('\n');
    const at = lines.indexOf('timezone: Asia/Shanghai');
    expect(lines.slice(at - 2, at)).toEqual([
      `# 取自策略 ${policy} 的 timezone,source check 与 evaluate 因此按同一时区读取。`,
      `# From the timezone of the policy ${policy}, so that source check reads times as evaluate does.`,
    ]);
    expect(lines).not.toContain('# timezone: Asia/Shanghai');
  });

  it('is listed in the top-level help, before source check', async () => {
    const r = await runCli('--help');
    expect(r.stdout).toContain(
      '  source init <data-dir>            为导出文件夹起草 source.yaml\n  source check <data-dir>',
    );
    const en = await runCli('--help', '--lang', 'en');
    expect(en.stdout).toContain(
      '  source init <data-dir>            draft a source.yaml for an export folder\n  source check <data-dir>',
    );
  });
});
