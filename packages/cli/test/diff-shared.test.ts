import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const configs = fileURLToPath(new URL('../../../configs/', import.meta.url));
const SAMPLE = join(configs, 'policies/express-cs/2027-01-01.yaml');

/** A shared folder holding express-common.yaml with the S tier at `minScore` instead of 92. */
function editedShared(minScore: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'scorebook-diff-shared-'));
  const text = readFileSync(join(configs, 'shared/express-common.yaml'), 'utf8');
  const edited = text.replace('grade: S, min_score: 92', `grade: S, min_score: ${minScore}`);
  expect(edited).not.toBe(text);
  writeFileSync(join(dir, 'express-common.yaml'), edited);
  return dir;
}

type Change = { area: string; subject: string; field: string; before: unknown; after: unknown };
const changesOf = (stdout: string) =>
  (JSON.parse(stdout) as { changes: Change[] }).changes.map((c) => [
    `${c.area} ${c.subject} ${c.field}`,
    c.before,
    c.after,
  ]);

describe('scorebook diff with --shared-old / --shared-new', () => {
  it('shows a shared definition’s change as the change of the rule it became', async () => {
    const old = editedShared(90);
    const same = await runCli('diff', SAMPLE, SAMPLE, '--format', 'json');
    expect(same.code).toBe(0);
    expect(changesOf(same.stdout)).toEqual([]);
    const r = await runCli('diff', SAMPLE, SAMPLE, '--shared-old', old, '--format', 'json');
    expect(r.code).toBe(0);
    expect(changesOf(r.stdout)).toEqual([['grade S min_score', 90, 92]]);
    const back = await runCli('diff', SAMPLE, SAMPLE, '--shared-new', old, '--format', 'json');
    expect(changesOf(back.stdout)).toEqual([['grade S min_score', 92, 90]]);
    const both = await runCli('diff', SAMPLE, SAMPLE, '--shared-old', old, '--shared-new', old);
    expect(both.code).toBe(0);
    expect(both.stdout).toContain('0 处变更');
    const text = await runCli('diff', SAMPLE, SAMPLE, '--shared-old', old);
    expect(text.stdout).toContain('最低分 90 → 92');
  });

  it('refuses a folder that does not exist (exit 2)', async () => {
    const r = await runCli('diff', SAMPLE, SAMPLE, '--shared-new', join(configs, 'no-such-folder'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-folder');
    expect(r.stderr).toContain('--shared-new');
  });
});
