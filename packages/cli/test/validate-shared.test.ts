import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const GOOD = `scorebook_shared: 1
title: 共用
definitions:
  courtesy: ["谢谢", "好的"]
`;

/** A repository layout: configs/shared with a good and a bad file, configs/policies/p using one. */
function layout(): string {
  const top = mkdtempSync(join(tmpdir(), 'scorebook-validate-shared-'));
  mkdirSync(join(top, 'configs/shared'), { recursive: true });
  mkdirSync(join(top, 'configs/policies/p'), { recursive: true });
  writeFileSync(join(top, 'configs/shared/common.yaml'), GOOD);
  writeFileSync(join(top, 'configs/shared/bad.yaml'), GOOD.replace('title: 共用', 'titel: 共用'));
  return top;
}
const found = (json: string) =>
  (JSON.parse(json) as Array<{ code: string; file: string; line: number; column: number }>).map((p) => [
    p.code,
    p.file.split('/').slice(-2).join('/'),
    p.line,
    p.column,
  ]);

describe('scorebook validate of shared definitions on their own', () => {
  it('checks a shared folder, every problem of every file at once', async () => {
    const top = layout();
    const r = await runCli('validate', join(top, 'configs/shared'), '--format', 'json');
    expect(r.code).toBe(1);
    expect(found(r.stdout)).toEqual([
      ['SHARED_KEY', 'shared/bad.yaml', 1, 1],
      ['SHARED_UNKNOWN_KEY', 'shared/bad.yaml', 2, 1],
    ]);
    const one = await runCli('validate', join(top, 'configs/shared/common.yaml'), '--lang', 'en');
    expect(one.code).toBe(0);
    expect(one.stderr).toContain('✓ 1 shared definitions files: all valid.');
  });
});
