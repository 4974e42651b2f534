import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureResultsIgnore } from '../src/commands/results-ignore.ts';

describe('the .gitignore publish keeps in a results folder', () => {
  it('is created with the folder when missing, and left alone once it lists the patterns', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'scorebook-results-ignore-')), 'data', 'results');
    expect(ensureResultsIgnore(root)).toBe(join(root, '.gitignore'));
    const text = readFileSync(join(root, '.gitignore'), 'utf8');
    expect(text.split('\n').slice(3)).toEqual(['.*.lock', '.*.lock.*', '.*.staging-*', '.*.replaced-*', '']);
    expect(ensureResultsIgnore(root)).toBeNull();
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toBe(text);
  });

  it("adds only the missing patterns at the end of the user's own file", () => {
    const root = mkdtempSync(join(tmpdir(), 'scorebook-results-ignore-'));
    writeFileSync(join(root, '.gitignore'), '*.tmp\n.*.lock');
    expect(ensureResultsIgnore(root)).toBe(join(root, '.gitignore'));
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toBe(
      '*.tmp\n.*.lock\n.*.lock.*\n.*.staging-*\n.*.replaced-*\n',
    );
    // A file written on Windows: its last line break is not left as a stray \r.
    writeFileSync(join(root, '.gitignore'), '*.tmp\r\n');
    ensureResultsIgnore(root);
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toBe(
      '*.tmp\n.*.lock\n.*.lock.*\n.*.staging-*\n.*.replaced-*\n',
    );
  });
});
