import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ignoreRule, uncommittedUnder } from '../src/git.ts';
import { git } from './repo.ts';

describe('uncommittedUnder', () => {
  it('lists a staged rename once, by its new path, beside changed and untracked files', () => {
    const repo = mkdtempSync(join(tmpdir(), 'scorebook-status-'));
    mkdirSync(join(repo, 'data'));
    writeFileSync(join(repo, 'data', 'orders.csv'), 'order_id\no1\n');
    writeFileSync(join(repo, 'data', 'agents.csv'), 'agent_id\na1\n');
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'data');
    git(repo, 'mv', 'data/orders.csv', 'data/订单 10月.csv');
    writeFileSync(join(repo, 'data', 'agents.csv'), 'agent_id\na1\na2\n');
    writeFileSync(join(repo, 'data', 'surveys.csv'), 'survey_id\n');
    expect(uncommittedUnder(join(repo, 'data'))?.files.sort()).toEqual([
      'data/agents.csv',
      'data/surveys.csv',
      'data/订单 10月.csv',
    ]);
  });
});

describe('ignoreRule', () => {
  it('names the rule that ignores a path, and none for a path a negated rule keeps', () => {
    const repo = mkdtempSync(join(tmpdir(), 'scorebook-ignore-'));
    git(repo, 'init', '-q', '-b', 'main');
    writeFileSync(join(repo, '.gitignore'), 'exports/*\n!exports/source.yaml\n');
    mkdirSync(join(repo, 'exports'));
    writeFileSync(join(repo, 'exports', 'source.yaml'), 'scorebook: 1\n');
    writeFileSync(join(repo, 'exports', 'orders.csv'), 'order_id\n');
    expect(ignoreRule(join(repo, 'exports', 'orders.csv'))).toBe('.gitignore:1:exports/*');
    expect(ignoreRule(join(repo, 'exports', 'source.yaml'))).toBeNull();
  });
});
