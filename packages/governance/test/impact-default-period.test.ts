import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { policyImpact } from '../src/index.ts';
import { git, makeRepo, POLICY, publish } from './repo.ts';

// Without --period, impact measures the last closed month — unless the versions the change edits
// governed published months and not that one: then the last month they governed, which their
// change would move (trial 7 M6: an edit of October's version was measured on November).

let repo: string;
const dir = 'configs/policies/ecommerce-cs';
const NOVEMBER = `${dir}/2026-11-01.yaml`;
const impact = () =>
  policyImpact({ baseRef: 'main', policiesDir: dir, resultsRoot: 'data/results', cwd: repo });

beforeAll(async () => {
  repo = makeRepo();
  await publish(repo, '2026-10');
  const october = readFileSync(join(repo, POLICY), 'utf8');
  writeFileSync(
    join(repo, NOVEMBER),
    october
      .replace('effective_from: 2026-10-01', 'effective_from: 2026-11-01')
      .replace('"2026.10"', '"2026.11"'),
  );
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'publish 2026-10, a November version');
  await publish(repo, '2026-11');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'publish 2026-11');
}, 120_000);

describe('the period impact measures by default', { timeout: 120_000 }, () => {
  it('is the last month the edited version governed, when it did not govern the last closed one', async () => {
    const original = readFileSync(join(repo, POLICY), 'utf8');
    writeFileSync(join(repo, POLICY), original.replace('target: 98%, floor: 85%', 'target: 97%, floor: 85%'));
    try {
      const report = await impact();
      expect([report.period, report.governed_by?.version]).toEqual(['2026-10', '2026.10']);
      expect(report.versions.map((v) => [v.file, v.published, v.not_in_force])).toEqual([
        ['2026-10-01.yaml', ['2026-10'], []],
      ]);
    } finally {
      writeFileSync(join(repo, POLICY), original);
    }
  });

  it('is the last closed month when the edited version governed it', async () => {
    const file = join(repo, NOVEMBER);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('target: 98%, floor: 85%', 'target: 97%, floor: 85%'));
    try {
      expect((await impact()).period).toBe('2026-11');
    } finally {
      writeFileSync(file, original);
    }
  });
});
