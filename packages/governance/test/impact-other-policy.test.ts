import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { policyImpact, renderImpact } from '../src/index.ts';
import { git, makeRepo, POLICY, publish } from './repo.ts';

let repo: string;
const OTHER = 'configs/policies/presales-cs';

// October published under ecommerce-cs, November under another policy, presales-cs.
beforeAll(async () => {
  repo = makeRepo();
  cpSync(join(repo, 'configs/policies/ecommerce-cs'), join(repo, OTHER), { recursive: true });
  const other = join(repo, OTHER, '2026-10-01.yaml');
  writeFileSync(other, readFileSync(other, 'utf8').replace('id: ecommerce-cs', 'id: presales-cs'));
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'a second policy');
  await publish(repo, '2026-10');
  await publish(repo, '2026-11', { policiesDir: OTHER });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'publish 2026-10 and 2026-11');
  const file = join(repo, POLICY);
  writeFileSync(file, readFileSync(file, 'utf8').replace('title: ', 'title: 改 '));
}, 120_000);

describe('impact on a period another policy governed', { timeout: 120_000 }, () => {
  it('by default takes the last month this policy governed, not the last month published', async () => {
    const report = await policyImpact({
      baseRef: 'main',
      policiesDir: 'configs/policies/ecommerce-cs',
      resultsRoot: 'data/results',
      cwd: repo,
    });
    expect([report.period, report.other_policy, report.governed_by?.id]).toEqual([
      '2026-10',
      false,
      'ecommerce-cs',
    ]);
  });

  it('names the policy that governed a period given, and labels every figure hypothetical', async () => {
    const report = await policyImpact({
      baseRef: 'main',
      policiesDir: 'configs/policies/ecommerce-cs',
      resultsRoot: 'data/results',
      period: '2026-11',
      cwd: repo,
    });
    expect([report.period, report.governed_by, report.other_policy]).toEqual([
      '2026-11',
      { id: 'presales-cs', version: '2026.10', file: `${OTHER}/2026-10-01.yaml` },
      true,
    ]);
    expect(renderImpact(report, 'en', 'markdown').split('\n')[2]).toBe(
      `> ⚠ 2026-11 was published under another policy, presales-cs 2026.10 (${OTHER}/2026-10-01.yaml); this policy never governed it: every figure below is hypothetical, as if this policy had governed 2026-11.`,
    );
    expect(renderImpact(report, 'zh', 'text').split('\n')[2]).toBe(
      `⚠ 2026-11 是按另一个策略 presales-cs 2026.10(${OTHER}/2026-10-01.yaml)发布的,这个策略从未考核过它:以下数字都是假设,即假如由这个策略考核 2026-11。`,
    );
  });

  it('refuses, without --period, a policy that governed none of the folder’s periods: they are another team’s (trial 10 finding 2)', async () => {
    const third = 'configs/policies/mycs';
    cpSync(join(repo, OTHER), join(repo, third), { recursive: true });
    const file = join(repo, third, '2026-10-01.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('id: presales-cs', 'id: mycs'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'a third policy, never published');
    const options = { baseRef: 'main', policiesDir: third, resultsRoot: 'data/results', cwd: repo };
    await expect(policyImpact(options)).rejects.toMatchObject({
      problems: [
        {
          code: 'POLICY_GOVERNED_NO_PERIOD_HERE',
          message: {
            en: "The policy mycs governed none of the periods in data/results (they were published under ecommerce-cs, presales-cs, perhaps another team's): grade changes computed on them are not your agents'. If your publications are in another folder, add --results <folder>; to try the policy on another policy's period anyway, name it with --period, e.g. --period 2026-11 (every figure is then labelled hypothetical).",
          },
        },
      ],
    });
    // Named, the period is scored, every figure hypothetical.
    const named = await policyImpact({ ...options, period: '2026-11' });
    expect([named.period, named.other_policy]).toEqual(['2026-11', true]);
  });
});
