import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/scorebook.js', import.meta.url));
const example = fileURLToPath(new URL('../../../data/examples/helpdesk-2026-10/', import.meta.url));
const policy = fileURLToPath(
  new URL('../../../configs/policies/ecommerce-cs/2026-10-01.yaml', import.meta.url),
);

/** A company's own repository outside the Scorebook checkout, with one export folder. */
function ownRepository(): string {
  const repo = mkdtempSync(join(tmpdir(), 'scorebook-own-repo-'));
  cpSync(example, join(repo, 'exports', '2026-10'), { recursive: true });
  rmSync(join(repo, 'exports', '2026-10', 'source.yaml'));
  return repo;
}
/** `scorebook source init exports/2026-10` run in `cwd`, as a user runs it. */
function init(cwd: string) {
  const r = spawnSync(process.execPath, [bin, 'source', 'init', 'exports/2026-10'], {
    cwd,
    encoding: 'utf8',
  });
  return {
    code: r.status,
    stderr: r.stderr,
    draft: readFileSync(join(cwd, 'exports/2026-10/source.yaml'), 'utf8'),
  };
}

describe('scorebook source init in a company repository of its own', () => {
  it("never drafts from Scorebook's sample policies, and says plainly that it found none", () => {
    const r = init(ownRepository());
    expect(r.code).toBe(0);
    expect(r.draft).not.toContain('取自');
    expect(r.draft).toContain('# timezone 未填:configs/policies 下没有策略文件夹。');
    expect(r.draft).toContain('# role 未起草 map:configs/policies 下没有策略文件夹。');
    expect(r.stderr).toContain(
      '⚠ configs/policies 下没有策略文件夹(在运行命令的当前目录中查找,不读取 Scorebook 自带的示例策略):草稿未填 timezone,也未按策略的角色起草 role 的 map。在你自己的仓库根目录运行,或用 --policies <策略文件夹> 重新生成草稿。',
    );
  });

  it("takes the timezone and roles from the repository's own configs/policies", () => {
    const repo = ownRepository();
    mkdirSync(join(repo, 'configs', 'policies', 'own-cs'), { recursive: true });
    writeFileSync(
      join(repo, 'configs', 'policies', 'own-cs', '2026-10-01.yaml'),
      readFileSync(policy, 'utf8')
        .replace('id: ecommerce-cs', 'id: own-cs')
        .replace('timezone: Asia/Shanghai', 'timezone: Asia/Tokyo'),
    );
    const r = init(repo);
    expect(r.draft).toContain(
      '# 取自策略 configs/policies/own-cs 的 timezone,source check 与 evaluate 因此按同一时区读取。\n',
    );
    expect(r.draft).toContain('\ntimezone: Asia/Tokyo\n');
    expect(r.draft).toContain(
      '      # role 的 map 按 策略 configs/policies/own-cs 全部 1 个有效版本中考核表的角色起草。\n',
    );
    expect(r.draft).toContain('(aftersale, presale)');
    expect(r.stderr).not.toContain('⚠');
  });
});

describe('scorebook validate in a company repository of its own', () => {
  it("looks for published periods in its own data/results, never in the Scorebook checkout's", () => {
    // The sample's path, edited: the checkout's data/results published that path with other bytes.
    const repo = ownRepository();
    const dir = join(repo, 'configs', 'policies', 'ecommerce-cs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, '2026-10-01.yaml'),
      readFileSync(policy, 'utf8').replace('title: ', 'title: 改 '),
    );
    const r = spawnSync(
      process.execPath,
      [bin, 'validate', 'configs/policies/ecommerce-cs', '--format', 'json'],
      {
        cwd: repo,
        encoding: 'utf8',
      },
    );
    expect([r.status, JSON.parse(r.stdout)]).toEqual([0, []]);
  });
});
