import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { draftPolicyFolders, draftTimezone } from '../src/commands/draft-timezone.ts';

const sample = fileURLToPath(new URL('../../../configs/policies/ecommerce-cs/', import.meta.url));

/** A folder of policy folders: each id a copy of the sample policy with every version's timezone set. */
function policies(zones: Record<string, string>): string {
  const root = join(mkdtempSync(join(tmpdir(), 'scorebook-tz-')), 'policies');
  mkdirSync(root);
  for (const [id, zone] of Object.entries(zones)) {
    const dir = join(root, id);
    cpSync(sample, dir, { recursive: true });
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      const file = join(dir, name);
      const text = readFileSync(file, 'utf8').replace(/^id: .*$/m, `id: ${id}`);
      writeFileSync(file, text.replace(/^timezone: .*$/m, `timezone: ${zone}`));
    }
  }
  return root;
}

describe('the timezone of a draft source', () => {
  it('is the only policy folder’s, or the one every folder shares, with where it comes from', () => {
    const one = policies({ 'ecommerce-cs': 'Asia/Shanghai' });
    expect(draftTimezone({ policiesRoot: one, cwd: join(one, '..') })).toEqual({
      zone: 'Asia/Shanghai',
      note: {
        zh: '取自策略 policies/ecommerce-cs 的 timezone,source check 与 evaluate 因此按同一时区读取。',
        en: 'From the timezone of the policy policies/ecommerce-cs, so that source check reads times as evaluate does.',
      },
    });
    const two = policies({ a: 'Asia/Tokyo', b: 'Asia/Tokyo' });
    expect(draftTimezone({ policiesRoot: two, cwd: join(two, '..') }).zone).toBe('Asia/Tokyo');
  });

  it('is --policies’s when given, whatever the other folders say', () => {
    const root = policies({ a: 'Asia/Tokyo', b: 'Europe/Berlin' });
    expect(draftTimezone({ policies: 'policies/b', policiesRoot: root, cwd: join(root, '..') })).toEqual({
      zone: 'Europe/Berlin',
      note: {
        zh: '取自策略 policies/b 的 timezone,source check 与 evaluate 因此按同一时区读取。',
        en: 'From the timezone of the policy policies/b, so that source check reads times as evaluate does.',
      },
    });
  });

  it('is left out, saying why, when the folders disagree, or there is none, or no valid version', () => {
    const root = policies({ a: 'Asia/Tokyo', b: 'Europe/Berlin' });
    const differ = draftTimezone({ policiesRoot: root, cwd: join(root, '..') });
    expect(differ.zone).toBeNull();
    expect(differ.note.zh).toBe(
      'timezone 未填:policies 下的策略文件夹的时区不止一个(Asia/Tokyo: policies/a; Europe/Berlin: policies/b),不知道用哪个。在填写之前,source check 按 UTC 读取不带时差的时间,evaluate 却按策略的时区:用 --policies <策略文件夹> 重新生成草稿,或自行填写。',
    );
    expect(differ.note.en).toBe(
      "timezone left out: more than one timezone in the policy folders under policies (Asia/Tokyo: policies/a; Europe/Berlin: policies/b); which one is meant is not known. Until it is filled in, source check reads timestamps without an offset as UTC, while evaluate reads them in the policy's timezone: draft again with --policies <policy folder>, or fill it in.",
    );
    const empty = join(mkdtempSync(join(tmpdir(), 'scorebook-tz-')), 'policies');
    expect(draftTimezone({ policiesRoot: empty, cwd: join(empty, '..') }).note.zh).toMatch(
      /^timezone 未填:policies 下没有策略文件夹。/,
    );
    expect(draftTimezone({ policies: 'nowhere', policiesRoot: root, cwd: join(root, '..') }).note.en).toMatch(
      /^timezone left out: nowhere has no valid policy version \(scorebook validate nowhere says why\)\./,
    );
  });

  it('reads only the folders that hold a policy file, as loading a policy does', () => {
    const root = policies({ 'ecommerce-cs': 'Asia/Shanghai' });
    mkdirSync(join(root, 'README-assets'));
    writeFileSync(join(root, 'README-assets', 'diagram.png'), '');
    mkdirSync(join(root, 'drafts'));
    writeFileSync(join(root, 'drafts', '.2026-01-01.yaml'), '');
    const options = { policiesRoot: root, cwd: join(root, '..') };
    expect(draftPolicyFolders(options).map((f) => f.dir)).toEqual([join(root, 'ecommerce-cs')]);
    expect(draftTimezone(options).note.en).toBe(
      'From the timezone of the policy policies/ecommerce-cs, so that source check reads times as evaluate does.',
    );
  });
});
