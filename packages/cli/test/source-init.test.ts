import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    // The policy named, so that the draft does not depend on the folder the tests run in.
    const r = await runCli('source', 'init', dir, '--policies', policy);
    const lines = readFileSync(join(dir, 'source.yaml'), 'utf8').split('\n');
    const below = lines.slice(lines.indexOf('scorebook: 1') + 1).filter((l) => l.includes('TODO'));
    expect(r.code).toBe(0);
    expect(below.length).toBe(15);
    // The orders' and complaints' references to a conversation are mapped, not left as TODO; so is
    // 工单截止时间, the conversations' SLA due time (trial 16 finding 10).
    expect(lines).toContain('      sla_due_at: { column: 工单截止时间, format: "yyyy/MM/dd HH:mm:ss" }');
    expect(lines).toContain('      conversation_id: 关联会话ID');
    expect(lines).toContain('      conversation_id: 关联会话');
    expect(r.stderr).toContain(`已写出草稿 ${join(dir, 'source.yaml')},其中 15 行 TODO 待补全。`);
    rmSync(join(dir, 'source.yaml'));
    const en = await runCli('source', 'init', dir, '--policies', policy, '--lang', 'en');
    expect(en.stderr).toContain('with 15 TODO lines to complete.');
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

  it("drafts a map of role from the positions found to the policy's roles, which source check refuses until done", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'scorebook-init-')), 'exports');
    cpSync(example, dir, { recursive: true });
    rmSync(join(dir, 'source.yaml'));
    // Positions the policy does not name, and two that are its roles but for the case.
    const agents = readFileSync(join(dir, '客服名单.csv'), 'utf8')
      .replace('a0001,贾伟,售前一组,售前客服', 'a0001,贾伟,售前一组,Presale')
      .replace('a0002,叶泽辉,售前一组,售前客服', 'a0002,叶泽辉,售前一组,组长')
      .replace(/,社群运营,/g, ',community,');
    writeFileSync(join(dir, '客服名单.csv'), agents);
    expect((await runCli('source', 'init', dir, '--policies', policy)).code).toBe(0);
    const lines = readFileSync(join(dir, 'source.yaml'), 'utf8').split('\n');
    const at = lines.indexOf('      role:');
    expect(lines.slice(at, at + 11)).toEqual([
      '      role:',
      '        column: 岗位',
      '        map:',
      '          Presale: presale # 1',
      '          community: community # 12',
      '          售前客服: TODO # 19',
      '          售后客服: TODO # 27',
      '          组长: TODO # 1',
      `      # role 的 map 按 策略 ${policy} 全部 4 个有效版本中考核表的角色起草。`,
      `      # The map of role is drafted to the scorecards' roles of all 4 valid versions of the policy ${policy}.`,
      "      # TODO role: 把每个 TODO 换成策略的角色之一(aftersale, community, presale),或不参加考核的岗位自己的名称 / replace each TODO with one of the policy's roles (aftersale, community, presale), or a name of its own for a position no scorecard rates",
    ]);
    const check = await runCli('source', 'check', dir, '--lang', 'en');
    expect(check.code).toBe(1);
    const todos = check.stderr
      .split('\n')
      .filter((l) => l.includes('SOURCE_MAP_TODO (tables.agents.fields.role'));
    expect(todos.map((l) => l.slice(l.lastIndexOf('.') + 1))).toEqual(['售前客服)', '售后客服)', '组长)']);
    expect(check.stderr).toContain(
      'In the map of role, "组长" is still the draft\'s TODO. Write the role this position stands for: one of the roles of a scorecard of the policy',
    );
  });

  it("leaves role as it is when the export writes the policy's roles, and says so", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'scorebook-init-')), 'exports');
    cpSync(example, dir, { recursive: true });
    rmSync(join(dir, 'source.yaml'));
    const agents = readFileSync(join(dir, '客服名单.csv'), 'utf8')
      .replace(/,售前客服,/g, ',presale,')
      .replace(/,售后客服,/g, ',aftersale,')
      .replace(/,社群运营,/g, ',community,');
    writeFileSync(join(dir, '客服名单.csv'), agents);
    expect((await runCli('source', 'init', dir, '--policies', policy)).code).toBe(0);
    const lines = readFileSync(join(dir, 'source.yaml'), 'utf8').split('\n');
    const at = lines.indexOf('      role: 岗位');
    expect(lines[at + 3]).toBe(
      "      # 取值都是策略的角色 / every value is one of the policy's roles: aftersale, community, presale",
    );
  });

  it('drafts no map of role without a valid policy, saying why and listing the values', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'scorebook-init-')), 'exports');
    cpSync(example, dir, { recursive: true });
    rmSync(join(dir, 'source.yaml'));
    const empty = join(dir, '..', 'no-policy');
    mkdirSync(empty);
    expect((await runCli('source', 'init', dir, '--policies', empty)).code).toBe(0);
    const lines = readFileSync(join(dir, 'source.yaml'), 'utf8').split('\n');
    const at = lines.indexOf('      role: 岗位');
    expect(lines.slice(at + 1, at + 4)).toEqual([
      `      # role 未起草 map:${empty} 没有有效的策略版本(运行 scorebook validate ${empty} 查看)。岗位的写法与策略的角色不同时,没有考核表会考核这些客服:用 --policies <策略文件夹> 重新生成草稿,或自行填写 map。`,
      `      # No map drafted for role: ${empty} has no valid policy version (scorebook validate ${empty} says why). When the export writes positions otherwise than the policy's roles, no scorecard rates those agents: draft again with --policies <policy folder>, or write the map yourself.`,
      '      # 取值 / values: 售后客服, 售前客服, 社群运营',
    ]);
  });
});
