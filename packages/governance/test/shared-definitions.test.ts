import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, serializeEvaluation, textOf } from '@scorebook/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/git.ts';
import { policyImpact, verifyPublished } from '../src/index.ts';
import { git, makeRepo, POLICY, publish, stopOf } from './repo.ts';

// The golden policy as format 2, written out in full, and the same with three parts taken from a
// shared file: the business hours (a mapping), the courtesy phrases (a list value) and the grades.
const SHARED = `scorebook_shared: 1
title: 电商客服共用定义
definitions:
  hours:
    mon: ["08:00-24:00"]
    tue: ["08:00-24:00"]
    wed: ["08:00-24:00"]
    thu: ["08:00-24:00"]
    fri: ["08:00-24:00"]
    sat: ["08:00-24:00"]
    sun: ["08:00-24:00"]
    holidays: []
  courtesy: ["谢谢", "好的", "好", "嗯", "ok", "收到", "谢谢亲"]
`;

function inlined(golden: string): string {
  return golden.replace('scorebook: 1', 'scorebook: 2');
}

function referencing(golden: string): string {
  const text = inlined(golden);
  const start = text.indexOf('business_hours:');
  const end = text.indexOf('\nexclusions:');
  return `${text.slice(0, start)}business_hours: { $shared: common/hours }\n${text.slice(end)}`.replace(
    'value: ["谢谢", "好的", "好", "嗯", "ok", "收到", "谢谢亲"]',
    'value: { $shared: common/courtesy }',
  );
}

let repo: string;
let golden: string;

beforeAll(() => {
  repo = makeRepo();
  golden = readFileSync(join(repo, POLICY), 'utf8');
});

async function filesOf(policyText: string, shared: string | null): Promise<Map<string, string>> {
  const top = mkdtempSync(join(tmpdir(), 'scorebook-shared-'));
  const dir = join(top, 'configs/policies/ecommerce-cs');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '2026-10-01.yaml'), policyText);
  if (shared !== null) {
    mkdirSync(join(top, 'configs/shared'));
    writeFileSync(join(top, 'configs/shared/common.yaml'), shared);
  }
  const evaluation = await evaluate({
    policiesDir: dir,
    dataDir: join(repo, 'data/sample'),
    period: '2026-10',
  });
  return new Map([...serializeEvaluation(evaluation)].map(([name, bytes]) => [name, textOf(bytes)]));
}

describe('a policy with shared definitions', () => {
  it('evaluates exactly like the same policy written out in full (results byte for byte)', async () => {
    expect(referencing(golden)).toContain('$shared: common/hours');
    expect(referencing(golden)).toContain('$shared: common/courtesy');
    const full = await filesOf(inlined(golden), null);
    const refs = await filesOf(referencing(golden), SHARED);
    const a = JSON.parse(full.get('policy.json') ?? '');
    const b = JSON.parse(refs.get('policy.json') ?? '');
    // results.json names the policy file's sha256 (its provenance); nothing else may differ.
    expect(a.sha256).not.toBe(b.sha256);
    expect(refs.get('results.json')?.split(b.sha256).length).toBe(2);
    expect(refs.get('results.json')?.replace(b.sha256, a.sha256)).toBe(full.get('results.json'));
    // explanations.json names the line of each rule in the policy file; the rest is identical.
    const lines = (text: string | undefined) => (text ?? '').replace(/"line": \d+/g, '"line": 0');
    expect(refs.get('explanations.json')).not.toBe(full.get('explanations.json'));
    expect(lines(refs.get('explanations.json'))).toBe(lines(full.get('explanations.json')));
    expect(refs.get('rejected.json')).toBe(full.get('rejected.json'));
    expect(a.shared).toBe(undefined);
    expect(b.shared).toEqual([{ file: 'common.yaml', sha256: sha256(Buffer.from(SHARED)) }]);
    // Provenance differs (the file's bytes, its text, where rules start in it); the meaning does not.
    const meaning = ({ text, sha256, shared, ...rest }: Record<string, unknown>) =>
      JSON.stringify(rest).replace(/"line":\d+/g, '"line":0');
    expect(meaning(b)).toBe(meaning(a));
    expect(Object.keys(b).slice(0, 12)).toEqual([
      'scorebook',
      'format',
      'id',
      'version',
      'effective_from',
      'title',
      'title_en',
      'description',
      'timezone',
      'file',
      'sha256',
      'shared',
    ]);
  });

  it('publish refuses an uncommitted shared file; verify --all reads it at the recorded commit', async () => {
    writeFileSync(join(repo, POLICY), referencing(golden));
    mkdirSync(join(repo, 'configs/shared'), { recursive: true });
    git(repo, 'add', POLICY);
    git(repo, 'commit', '-q', '-m', 'policy uses shared definitions');
    writeFileSync(join(repo, 'configs/shared/common.yaml'), SHARED);
    const refused = await stopOf(() => publish(repo, '2026-10'));
    expect(refused.problems.map((p) => [p.code, p.file])).toEqual([
      ['FILE_NOT_COMMITTED', join(repo, 'configs/shared/common.yaml')],
    ]);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'shared definitions');
    await publish(repo, '2026-10');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'publish 2026-10');
    const policyJson = JSON.parse(readFileSync(join(repo, 'data/results/2026-10/policy.json'), 'utf8'));
    expect(policyJson.shared).toEqual([{ file: 'common.yaml', sha256: sha256(Buffer.from(SHARED)) }]);
    const status = async () =>
      (await verifyPublished('data/results', { cwd: repo })).map((r) => [
        r.period,
        r.status,
        r.problems.map((p) => p.code),
      ]);
    expect(await status()).toEqual([['2026-10', 'ok', []]]);
    // A later edit of the shared file (committed or not) leaves the old period's verification alone.
    writeFileSync(join(repo, 'configs/shared/common.yaml'), SHARED.replaceAll('08:00-24:00', '09:00-18:00'));
    git(repo, 'commit', '-qam', 'shorter business hours');
    expect(await status()).toEqual([['2026-10', 'ok', []]]);
  });

  it('impact shows a change of a shared definition in the version that uses it', async () => {
    const file = join(repo, 'configs/shared/common.yaml');
    const committed = readFileSync(file, 'utf8');
    writeFileSync(file, committed.replace('"嗯", ', ''));
    try {
      const report = await policyImpact({
        baseRef: 'HEAD',
        policiesDir: 'configs/policies/ecommerce-cs',
        resultsRoot: 'data/results',
        cwd: repo,
      });
      expect(report.versions.map((v) => [v.change, v.file, v.published])).toEqual([
        ['edited', '2026-10-01.yaml', ['2026-10']],
      ]);
      expect(report.versions[0]?.changes.map((c) => [c.area, c.subject, c.kind])).toEqual([
        ['exclusion', 'courtesy-messages', 'changed'],
      ]);
    } finally {
      writeFileSync(file, committed);
    }
  });
});
