import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest, Results } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { policyImpact } from '../src/index.ts';
import { git, makeRepo, publish } from './repo.ts';

const APPEAL = `scorebook: 1
kind: appeal
agent: a001
filed_at: 2027-01-15T10:00:00+08:00
disputes: { record: complaints/p00003 }
claim: 这条投诉是产品缺陷导致的
decision:
  outcome: upheld
  decided_by: 李主管
  decided_at: 2027-01-16
  reason: 质检复核确认为产品缺陷
  actions:
    - correct: { record: complaints/p00003, field: category, value: product_defect }
`;

// A period published weeks after it ended counts its appeal windows from that first publication
// (docs/appeals.md): an appeal filed after the period's end + 30 days is taken. Impact on that
// period must compare against what was published — the same appeals taken — not against an
// evaluation that counts the windows from the period's end and refuses them (trial 16 finding 1).

describe('impact on a period published late, with an upheld appeal filed after its end + 30 days', () => {
  it('takes the appeals the publication took, on both sides: its before side is what was published', async () => {
    const repo = makeRepo();
    const late = new Date('2027-01-10T02:00:00Z');
    await publish(repo, '2026-10', { appealsDir: 'configs/appeals', now: late });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'publish 2026-10');
    // Filed 5 days after the publication: after the period's end + 30 days (2026-11-30).
    mkdirSync(join(repo, 'configs/appeals/2026-10'), { recursive: true });
    writeFileSync(join(repo, 'configs/appeals/2026-10/ap-001.yaml'), APPEAL);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-am', 'appeal ap-001 filed after the publication');
    const before = JSON.parse(
      readFileSync(join(repo, 'data/results/2026-10/results.json'), 'utf8'),
    ) as Results;
    await publish(repo, '2026-10', {
      appealsDir: 'configs/appeals',
      supersede: { reason: '' },
      now: new Date('2027-01-17T02:00:00Z'),
    });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'publish 2026-10 again');
    const manifest = JSON.parse(
      readFileSync(join(repo, 'data/results/2026-10/manifest.json'), 'utf8'),
    ) as Manifest;
    expect(manifest.appeals_window_from).toEqual({ '2026-10': '2027-01-10T02:00:00.000Z' });
    const published = JSON.parse(
      readFileSync(join(repo, 'data/results/2026-10/results.json'), 'utf8'),
    ) as Results;
    const total = (r: Results) => r.agents.find((a) => a.agent_id === 'a001')?.total_score;
    // The appeal was taken: a001's total moved.
    expect(total(published)).not.toBe(total(before));

    // A branch that moves weight from the reply rate to the complaint rate (a001's appealed
    // complaint): impact's before side is every agent's published total.
    const policy = join(repo, 'configs/policies/ecommerce-cs/2026-10-01.yaml');
    writeFileSync(
      policy,
      readFileSync(policy, 'utf8')
        .replace('{ metric: reply_rate, weight: 10,', '{ metric: reply_rate, weight: 5,')
        .replace('{ metric: complaint_rate, weight: 10,', '{ metric: complaint_rate, weight: 15,'),
    );
    const report = await policyImpact({
      baseRef: 'HEAD',
      policiesDir: 'configs/policies/ecommerce-cs',
      resultsRoot: 'data/results',
      appealsDir: 'configs/appeals',
      period: '2026-10',
      cwd: repo,
    });
    const moved = report.versions[0]?.scores ?? [];
    expect(moved.map((m) => m.agent_id)).toContain('a001');
    for (const m of moved)
      expect(m.from, m.agent_id).toBe(published.agents.find((a) => a.agent_id === m.agent_id)?.total_score);
  });
});
