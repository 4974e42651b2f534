import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest, Results } from '@scorebook/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { isFailure, policyImpact, renderImpact, verifyPublished } from '../src/index.ts';
import { commitAppeal, git, makeRepo, publish, stopOf } from './repo.ts';

const APPEAL = `scorebook: 1
kind: appeal
agent: a001
filed_at: 2026-11-03T10:00:00+08:00
disputes: { record: complaints/p00003 }
claim: 这条投诉是产品缺陷导致的
decision:
  outcome: upheld
  decided_by: 李主管
  decided_at: 2026-11-05
  reason: 质检复核确认为产品缺陷
  actions:
    - correct: { record: complaints/p00003, field: category, value: product_defect }
`;

let repo: string;
const read = <T>(path: string) => JSON.parse(readFileSync(join(repo, path), 'utf8')) as T;
const a001 = (r: Results) => r.agents.find((a) => a.agent_id === 'a001');

beforeAll(async () => {
  repo = makeRepo();
  await publish(repo, '2026-10', { appealsDir: 'configs/appeals' });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'publish 2026-10');
});

describe('appeals decided after a period is published', () => {
  it('must be committed before the period is published again', async () => {
    mkdirSync(join(repo, 'configs/appeals/2026-10'), { recursive: true });
    writeFileSync(join(repo, 'configs/appeals/2026-10/ap-001.yaml'), APPEAL);
    const stop = await stopOf(() =>
      publish(repo, '2026-10', { appealsDir: 'configs/appeals', supersede: { reason: '' } }),
    );
    expect(stop.problems.map((p) => [p.code, p.file?.slice(repo.length)])).toEqual([
      ['FILE_NOT_COMMITTED', '/configs/appeals/2026-10/ap-001.yaml'],
    ]);
  });

  it('supersede the publication with the appeal ids as the reason, and verify --all stays green', async () => {
    const before = read<Results>('data/results/2026-10/results.json');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'appeal ap-001 decided');
    const publication = await publish(repo, '2026-10', {
      appealsDir: 'configs/appeals',
      supersede: { reason: '' },
    });
    const manifest = read<Manifest>('data/results/2026-10/manifest.json');
    expect(manifest.supersedes).toEqual({ publication: 'superseded/1', reason: 'appeals: ap-001' });
    expect(manifest.appeals).toEqual([
      {
        file: 'configs/appeals/2026-10/ap-001.yaml',
        sha256: publication.evaluation.results.appeals?.[0]?.sha256,
        git_commit: git(repo, 'rev-parse', 'HEAD'),
      },
    ]);
    expect(manifest.command).toContain("--reason 'appeals: ap-001' --appeals configs/appeals");
    const after = read<Results>('data/results/2026-10/results.json');
    expect(a001(before)?.excluded).toEqual({ 'courtesy-messages': 12 });
    expect(a001(after)?.excluded).toEqual({ 'product-defect-complaints': 1, 'courtesy-messages': 12 });
    // 1 upheld complaint in 44 conversations before; the corrected one is excluded after.
    expect([
      a001(before)?.metrics.complaint_rate?.value,
      a001(before)?.metrics.complaint_rate?.sample,
    ]).toEqual([1 / 44, 44]);
    expect(a001(after)?.metrics.complaint_rate).toEqual({
      value: 0,
      sample: 44,
      score: 100,
      weight: 10,
      status: 'scored',
    });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'publish 2026-10 again');
    const rows = await verifyPublished('data/results', { cwd: repo });
    expect(rows.map((r) => [r.period, r.publication, r.status])).toEqual([
      ['2026-10', 'superseded/1', 'ok'],
      ['2026-10', null, 'ok'],
    ]);
    expect(rows.some(isFailure)).toBe(false);
  });

  it('keep a given reason and add the appeals that changed to it; none changed, none added', async () => {
    commitAppeal(repo, '2026-10', 'ap-010', 'a001', 'q00007');
    await publish(repo, '2026-10', { appealsDir: 'configs/appeals', supersede: { reason: '重新发布' } });
    expect(read<Manifest>('data/results/2026-10/manifest.json').supersedes?.reason).toBe(
      '重新发布 (appeals: ap-010)',
    );
    const stop = await stopOf(() =>
      publish(repo, '2026-10', { appealsDir: 'configs/appeals', supersede: { reason: '' } }),
    );
    expect(stop.problems.map((p) => p.code)).toEqual(['REASON_REQUIRED']);
    // With a reason and no decision since: the same four files, refused rather than a silent slot.
    const same = await stopOf(() =>
      publish(repo, '2026-10', { appealsDir: 'configs/appeals', supersede: { reason: '重新发布' } }),
    );
    expect(same.problems.map((p) => p.code)).toEqual(['SUPERSEDE_UNCHANGED']);
  });

  it('show in impact whose score a decision the branch adds moves', async () => {
    const published = read<Results>('data/results/2026-10/results.json');
    const voided = APPEAL.replace('{ record: complaints/p00003 }', '{ metric: complaint_rate }').replace(
      / {2}actions:\n.*\n/,
      '',
    );
    writeFileSync(join(repo, 'configs/appeals/2026-10/ap-002.yaml'), voided);
    // Late (after the 30 days from publication): refused. Without a decision: pending.
    const late = voided.replace('filed_at: 2026-11-03T10:00:00+08:00', 'filed_at: 2027-03-01T10:00:00+08:00');
    writeFileSync(
      join(repo, 'configs/appeals/2026-10/ap-003.yaml'),
      late.replace('complaint_rate', 'csat_rate').replace('decided_at: 2026-11-05', 'decided_at: 2027-03-02'),
    );
    const pending = `${voided.slice(0, voided.indexOf('decision:')).replace('complaint_rate', 'fcr')}`;
    writeFileSync(join(repo, 'configs/appeals/2026-10/ap-004.yaml'), pending);
    const report = await policyImpact({
      baseRef: 'HEAD',
      policiesDir: 'configs/policies/ecommerce-cs',
      resultsRoot: 'data/results',
      appealsDir: 'configs/appeals',
      cwd: repo,
    });
    expect(report.versions).toEqual([]);
    expect(report.appeals.map((a) => a.period)).toEqual(['2026-10']);
    expect([report.appeals[0]?.added, report.appeals[0]?.edited, report.appeals[0]?.removed]).toEqual([
      ['ap-002', 'ap-003', 'ap-004'],
      [],
      [],
    ]);
    expect(report.appeals[0]?.refused).toEqual([{ id: 'ap-003', agent_id: 'a001' }]);
    expect(report.appeals[0]?.pending).toEqual([{ id: 'ap-004', agent_id: 'a001' }]);
    const text = renderImpact(report, 'en', 'text');
    expect(text).toContain(
      "⚠ Appeals refused, which change nothing (late, not appealable or after a final decision; evaluate's warnings say which): ap-003 (a001)",
    );
    expect(text).toContain('Appeals pending, not yet in effect: ap-004 (a001)');
    expect(report.appeals[0]?.scores.map((m) => [m.agent_id, m.from])).toEqual([
      ['a001', a001(published)?.total_score],
    ]);
    expect(text).toContain('Added: ap-002, ap-003, ap-004; edited: —; removed: —');
  });

  it('find in impact, without --period, every period whose appeal files the branch changes', async () => {
    // November is now the last closed month; the branch still decides October's appeals and files one of December.
    await publish(repo, '2026-11', { appealsDir: 'configs/appeals' });
    git(repo, 'add', 'data/results');
    git(repo, 'commit', '-q', '-m', 'publish 2026-11');
    mkdirSync(join(repo, 'configs/appeals/2026-12'), { recursive: true });
    writeFileSync(join(repo, 'configs/appeals/2026-12/ap-020.yaml'), APPEAL);
    const options = {
      baseRef: 'HEAD',
      policiesDir: 'configs/policies/ecommerce-cs',
      resultsRoot: 'data/results',
      appealsDir: 'configs/appeals',
      cwd: repo,
    };
    const report = await policyImpact(options);
    expect([report.period, report.versions]).toEqual(['2026-11', []]);
    expect(report.appeals.map((a) => [a.period, a.added, a.data_dir.slice(repo.length)])).toEqual([
      ['2026-10', ['ap-002', 'ap-003', 'ap-004'], '/data/sample'],
    ]);
    const published = read<Results>('data/results/2026-10/results.json');
    expect(report.appeals[0]?.scores.map((m) => [m.agent_id, m.from])).toEqual([
      ['a001', a001(published)?.total_score],
    ]);
    expect(report.appeals_not_evaluated).toEqual([
      { period: '2026-12', added: ['ap-020'], edited: [], removed: [] },
    ]);
    const zh = renderImpact(report, 'zh', 'text').split('\n');
    expect(zh.slice(0, 3)).toEqual([
      '变更影响(对比 HEAD):没有策略版本变更',
      '',
      '与 HEAD 相比,没有新增、修改或删除的版本文件。',
    ]);
    expect(zh).toContain('== 申诉裁决 2026-10');
    expect(zh).toContain(
      'ℹ 新增:ap-020;修改:—;删除:—。2026-12 尚未发布,没有记录的数据,未评估:要查看,加 --period 2026-12 --data <数据目录>。',
    );
    expect(renderImpact(report, 'en', 'markdown').split('\n')[0]).toBe(
      '### Impact of the change (against HEAD): no policy version changed',
    );
    // --period keeps to its own period's appeal files.
    const november = await policyImpact({ ...options, period: '2026-11' });
    expect([november.appeals, november.appeals_not_evaluated]).toEqual([[], []]);
  });
});

describe('a veto voided by an upheld appeal', () => {
  it('is named in impact as voided by the appeal, not as a veto that no longer holds (trial 9 finding 7)', async () => {
    const own = makeRepo();
    await publish(own, '2026-10', { appealsDir: 'configs/appeals' });
    git(own, 'add', '-A');
    git(own, 'commit', '-q', '-m', 'publish 2026-10');
    // a002's red line still holds (red_line_count 1); the decision voids the veto.
    mkdirSync(join(own, 'configs/appeals/2026-10'), { recursive: true });
    writeFileSync(
      join(own, 'configs/appeals/2026-10/ap-101.yaml'),
      APPEAL.replace('agent: a001', 'agent: a002')
        .replace('{ record: complaints/p00003 }', '{ veto: red-line }')
        .replace(/ {2}actions:\n.*\n/, ''),
    );
    const report = await policyImpact({
      baseRef: 'HEAD',
      policiesDir: 'configs/policies/ecommerce-cs',
      resultsRoot: 'data/results',
      appealsDir: 'configs/appeals',
      cwd: own,
    });
    expect(report.appeals[0]?.vetoes).toEqual([
      {
        agent_id: 'a002',
        name: expect.any(String),
        added: [],
        removed: [],
        voided: [{ veto: 'red-line', appeal: 'ap-101' }],
        unvoided: [],
      },
    ]);
    const zh = renderImpact(report, 'zh', 'text').split('\n');
    const at = zh.indexOf('一票否决变化(1)');
    expect(zh[at + 1]).toMatch(/^ {2}客服 +新成立的否决 +不再成立的否决 +因申诉撤销$/);
    expect(zh[at + 2]).toMatch(/^ {2}\S+ \(a002\) +— +— +red-line \(ap-101\)$/);
    expect(renderImpact(report, 'en', 'markdown')).toContain(
      '| Agent | Vetoed | No longer vetoed | Voided by appeal |\n',
    );
  });

  it('is named in impact as no longer voided, not as a new veto, when the branch removes the appeal', async () => {
    const own = makeRepo();
    // On the base, the decision voids a002's red line (which still holds), and 2026-10 is published so.
    mkdirSync(join(own, 'configs/appeals/2026-10'), { recursive: true });
    const appeal = join(own, 'configs/appeals/2026-10/ap-101.yaml');
    writeFileSync(
      appeal,
      APPEAL.replace('agent: a001', 'agent: a002')
        .replace('{ record: complaints/p00003 }', '{ veto: red-line }')
        .replace(/ {2}actions:\n.*\n/, ''),
    );
    git(own, 'add', '-A');
    git(own, 'commit', '-q', '-m', 'appeal ap-101');
    await publish(own, '2026-10', { appealsDir: 'configs/appeals' });
    git(own, 'add', '-A');
    git(own, 'commit', '-q', '-m', 'publish 2026-10');
    // The branch removes the appeal: the veto is listed again.
    rmSync(appeal);
    const report = await policyImpact({
      baseRef: 'HEAD',
      policiesDir: 'configs/policies/ecommerce-cs',
      resultsRoot: 'data/results',
      appealsDir: 'configs/appeals',
      cwd: own,
    });
    expect(report.appeals[0]?.vetoes).toEqual([
      {
        agent_id: 'a002',
        name: expect.any(String),
        added: [],
        removed: [],
        voided: [],
        unvoided: [{ veto: 'red-line', appeal: 'ap-101' }],
      },
    ]);
    const zh = renderImpact(report, 'zh', 'text').split('\n');
    const at = zh.indexOf('一票否决变化(1)');
    expect(zh[at + 1]).toMatch(/^ {2}客服 +新成立的否决 +不再成立的否决 +申诉撤销被移除$/);
    expect(zh[at + 2]).toMatch(/^ {2}\S+ \(a002\) +— +— +red-line \(ap-101\)$/);
    expect(renderImpact(report, 'en', 'markdown')).toContain(
      '| Agent | Vetoed | No longer vetoed | Appeal voiding removed |\n',
    );
  });
});
