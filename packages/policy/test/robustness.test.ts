import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPolicyBytes, loadPolicyFamily, loadPolicyFile } from '../src/index.ts';

const example = readFileSync(
  fileURLToPath(new URL('./fixtures/example/example-policy.yaml', import.meta.url)),
  'utf8',
);

describe('symbolic links', () => {
  const SECRET = 'root:x:0:0:secret first line';

  function layout() {
    const root = mkdtempSync(join(tmpdir(), 'scorebook-links-'));
    const folder = join(root, 'ecommerce-cs');
    mkdirSync(folder);
    writeFileSync(join(root, 'outside.txt'), `${SECRET}\n`);
    writeFileSync(join(folder, '2026-10-01.yaml'), example);
    return { root, folder };
  }

  it('refuses a link that leads out of the policy folder, saying so without a word of its content', () => {
    const { root, folder } = layout();
    symlinkSync(join(root, 'outside.txt'), join(folder, '2026-11-01.yaml'));
    const family = loadPolicyFamily(folder);
    expect(family.problems.map((p) => [p.code, p.file, p.line, p.column])).toEqual([
      ['POLICY_SYMLINK_OUTSIDE', folder, 1, 1],
    ]);
    expect(family.problems[0]!.message.en).toBe(
      `"2026-11-01.yaml" is a symbolic link to a file outside the policy folder ${folder}; it is not read. Put the policy file itself in the folder.`,
    );
    expect(JSON.stringify(family)).not.toContain('secret');
    expect(family.versions).toEqual([]);
    const alone = loadPolicyFile(join(folder, '2026-11-01.yaml'));
    expect(alone.problems.map((p) => p.code)).toEqual(['POLICY_SYMLINK_OUTSIDE']);
    expect(alone.problems[0]!.file).toBe(folder);
  });

  it('refuses a relative link up and out, and reads one that stays inside the folder', () => {
    const { folder } = layout();
    symlinkSync('../outside.txt', join(folder, 'up.yaml'));
    expect(loadPolicyFile(join(folder, 'up.yaml')).problems.map((p) => p.code)).toEqual([
      'POLICY_SYMLINK_OUTSIDE',
    ]);
    symlinkSync('2026-10-01.yaml', join(folder, 'same.yaml'));
    const inside = loadPolicyFile(join(folder, 'same.yaml'));
    expect(inside.problems).toEqual([]);
    expect(inside.policy?.version).toBe('2026.10');
  });
});

describe('control characters', () => {
  it('refuses NUL bytes with the line and column of each line’s first', () => {
    const text = example
      .replace('title: 电商客服月度绩效考核', 'title: 电商客服\0月度绩效考核')
      .replace('timezone: Asia/Shanghai', 'timezone: Asia/\0Shang\0hai');
    const loaded = loadPolicyBytes('p.yaml', new TextEncoder().encode(text));
    expect(loaded.policy).toBeNull();
    expect(loaded.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['CONTROL_CHARACTER', 5, 12],
      ['CONTROL_CHARACTER', 8, 16],
    ]);
    expect(loaded.problems[0]!.message.en).toContain('U+0000 (NUL)');
  });

  it('refuses the other characters YAML does not allow, and keeps tabs, CR and escapes', () => {
    const bell = loadPolicyBytes('p.yaml', new TextEncoder().encode(`${example}# \u0007\n`));
    expect(bell.problems.map((p) => [p.code, p.line, p.column, p.message.en.includes('U+0007')])).toEqual([
      ['CONTROL_CHARACTER', 104, 3, true],
    ]);
    const fine = example
      .replace('title: 电商客服月度绩效考核', 'title: "电商\\0客服"\t# tab')
      .replace(/\n/g, '\r\n');
    expect(loadPolicyBytes('p.yaml', new TextEncoder().encode(fine)).problems).toEqual([]);
  });
});
