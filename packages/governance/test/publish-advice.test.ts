import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishAdvice } from '../src/publish-advice.ts';
import { git, makeRepo } from './repo.ts';

describe('the advice after publishing', () => {
  it('tells kept, ignored and outside folders apart, and counts data files git does not hold', () => {
    const repo = makeRepo();
    writeFileSync(join(repo, '.gitignore'), 'private/\n');
    mkdirSync(join(repo, 'private/results/2026-10'), { recursive: true });
    mkdirSync(join(repo, 'data/results/2026-10'), { recursive: true });
    git(repo, 'add', '.gitignore');
    git(repo, 'commit', '-q', '-m', 'ignore private/');
    const nowhere = mkdtempSync(join(tmpdir(), 'scorebook-nowhere-'));

    expect(publishAdvice(join(repo, 'data/results/2026-10'), join(repo, 'data/sample'), false)).toEqual({
      results: { kind: 'kept' },
      data: null,
    });
    expect(publishAdvice(join(repo, 'private/results/2026-10'), nowhere, false)).toEqual({
      results: { kind: 'ignored', rule: '.gitignore:1:private/' },
      data: { kind: 'outside' },
    });
    writeFileSync(join(repo, 'data/sample/late.csv'), 'x\n');
    writeFileSync(join(repo, 'data/sample/agents.csv'), 'changed\n');
    expect(publishAdvice(nowhere, join(repo, 'data/sample'), false)).toEqual({
      results: { kind: 'outside' },
      data: { kind: 'uncommitted', files: 2 },
    });
    expect(publishAdvice(nowhere, join(repo, 'private'), true).data).toBeNull();
  });
});
