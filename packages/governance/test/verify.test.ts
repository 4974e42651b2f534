import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINE_VERSION } from '@scorebook/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/git.ts';
import { isFailure, type Manifest, type VerifyRow, verifyPublished } from '../src/index.ts';
import { commitAppeal, git, makeRepo, POLICY, publish } from './repo.ts';

let repo: string;
const file = (path: string) => join(repo, path);
const rows = (extra: { archive?: string } = {}) => verifyPublished('data/results', { cwd: repo, ...extra });
const brief = (r: VerifyRow[]) =>
  r.map((x) => [x.period, x.publication, x.status, x.problems.map((p) => p.code)]);

/** Runs `change` on a file, verifies, then puts the file back. */
async function withEdit(path: string, change: (text: string) => string, extra = {}): Promise<VerifyRow[]> {
  const original = readFileSync(file(path), 'utf8');
  writeFileSync(file(path), change(original));
  try {
    return await rows(extra);
  } finally {
    writeFileSync(file(path), original);
  }
}

const editManifest = (path: string, edit: (m: Manifest) => void) =>
  withEdit(path, (text) => {
    const m = JSON.parse(text) as Manifest;
    edit(m);
    return `${JSON.stringify(m, null, 2)}\n`;
  });

beforeAll(async () => {
  repo = makeRepo();
  await publish(repo, '2026-10');
  await publish(repo, '2026-11');
  commitAppeal(repo, '2026-11', 'ap-1', 'a001', 'q00013');
  await publish(repo, '2026-11', { supersede: { reason: '补录了质检数据' }, appealsDir: 'configs/appeals' });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'publish');
});

describe('verify --all', () => {
  it('verifies every publication, the superseded ones too', async () => {
    expect(brief(await rows())).toEqual([
      ['2026-10', null, 'ok', []],
      ['2026-11', 'superseded/1', 'ok', []],
      ['2026-11', null, 'ok', []],
    ]);
  });

  it('verifies a copied results folder where it is, saying where it was published (trial 7 M3)', async () => {
    cpSync(file('data/results'), file('copies/results'), { recursive: true });
    try {
      const copied = await verifyPublished('copies/results', { cwd: repo });
      // The copy is not committed either: the publications in force say so too.
      expect(brief(copied)).toEqual([
        ['2026-10', null, 'ok', ['RESULTS_ELSEWHERE', 'PUBLICATION_NOT_COMMITTED']],
        ['2026-11', 'superseded/1', 'ok', ['RESULTS_ELSEWHERE']],
        ['2026-11', null, 'ok', ['RESULTS_ELSEWHERE', 'PUBLICATION_NOT_COMMITTED']],
      ]);
      expect(copied[0]!.problems[0]!.message.en).toBe(
        'This publication was written into --results data/results and is verified in copies/results (the results folder was copied or moved): everything it records is verified as usual; if this is the publication itself, move it back to data/results.',
      );
      expect(copied.every((r) => !isFailure(r))).toBe(true);
    } finally {
      rmSync(file('copies'), { recursive: true, force: true });
    }
  });

  it('continues past a truncated manifest and names it', async () => {
    const result = await withEdit('data/results/2026-10/manifest.json', (t) => t.slice(0, 100));
    expect(brief(result)[0]).toEqual(['2026-10', null, 'manifest_invalid', ['MANIFEST_UNREADABLE']]);
    expect(result[0]!.problems[0]!.file).toBe(file('data/results/2026-10/manifest.json'));
    expect(result.slice(1).map((r) => r.status)).toEqual(['ok', 'ok']);
  });

  it('checks the manifest’s shape field by field', async () => {
    const result = await editManifest('data/results/2026-10/manifest.json', (m) => {
      (m.policy as { sha256: string }).sha256 = 'abc';
      (m as { status: string }).status = 'open';
    });
    expect(result[0]!.problems.map((p) => p.message.en)).toEqual([
      'manifest.json: status should be "closed". The manifest was edited or is damaged; restore it from git.',
      'manifest.json: policy.sha256 should be a sha256. The manifest was edited or is damaged; restore it from git.',
    ]);
  });

  it('refuses a forged policy commit, and a commit this clone lacks', async () => {
    const forged = await editManifest('data/results/2026-10/manifest.json', (m) => {
      m.policy.git_commit = git(repo, 'rev-parse', 'HEAD');
      m.policy.sha256 = 'f'.repeat(64);
    });
    // The recorded sha256 must also be the results' own: the forgery is caught there first.
    expect(brief(forged)[0]).toEqual(['2026-10', null, 'manifest_invalid', ['MANIFEST_INCONSISTENT']]);
    const policy = file(POLICY);
    const original = readFileSync(policy, 'utf8');
    writeFileSync(policy, original.replace('title: ', 'title: 改 '));
    git(repo, 'commit', '-qam', 'edit the policy after publication');
    const edited = git(repo, 'rev-parse', 'HEAD');
    const wrongCommit = await editManifest('data/results/2026-10/manifest.json', (m) => {
      m.policy.git_commit = edited;
    });
    expect(brief(wrongCommit)[0]).toEqual(['2026-10', null, 'policy_unverified', ['POLICY_NOT_AT_COMMIT']]);
    const missing = await editManifest('data/results/2026-10/manifest.json', (m) => {
      m.policy.git_commit = '0'.repeat(40);
    });
    expect(missing[0]!.problems[0]!.message.en).toContain('fetch-depth: 0');
    // The policy edited since: verified from git at the recorded commit.
    expect((await rows()).map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('catches an edited command, supersede reason or published file', async () => {
    const command = await editManifest('data/results/2026-10/manifest.json', (m) => {
      m.command = m.command.replace('--data data/sample', '--data data/other');
    });
    expect(command[0]!.problems[0]!.message.en).toContain(
      'command --data does not match the publication: recorded data/other, expected data/sample',
    );
    const reason = await editManifest('data/results/2026-11/manifest.json', (m) => {
      m.supersedes!.reason = 'a different story';
    });
    expect(brief(reason)[2]).toEqual(['2026-11', null, 'manifest_invalid', ['MANIFEST_INCONSISTENT']]);
    const chain = await editManifest('data/results/2026-11/manifest.json', (m) => {
      m.supersedes = null;
      m.command = m.command.replace(/ --supersede --reason '[^']*'/, '');
    });
    expect(brief(chain)[2]).toEqual(['2026-11', null, 'manifest_invalid', ['SUPERSEDE_CHAIN_BROKEN']]);
    const results = await withEdit('data/results/2026-11/superseded/1/results.json', (t) =>
      t.replace('"rank": 1', '"rank": 9'),
    );
    expect(brief(results)[1]).toEqual([
      '2026-11',
      'superseded/1',
      'files_changed',
      ['PUBLISHED_FILE_CHANGED'],
    ]);
  });

  it('tells an input changed since publication from results that differ', async () => {
    const changed = await withEdit(
      'data/sample/surveys.csv',
      (t) => `${t}s9999,a001,c000002,2026-10-20T10:00:00+08:00,1,\n`,
    );
    expect(brief(changed)[0]).toEqual([
      '2026-10',
      null,
      'input_changed',
      ['INPUT_CHANGED', 'INPUT_CHANGE_EFFECT'],
    ]);
    expect(changed[0]!.problems[0]!.message.en).toMatch(
      /^The input file surveys\.csv changed since publication: recorded sha256 [0-9a-f]{12}, now [0-9a-f]{12}\.$/,
    );
    // The survey added moves a001's results: the agent is named (trial 10 finding 13).
    expect(changed[0]!.problems[1]!.message.en).toBe(
      'Recomputed with the data as it is now, 1 agent’s results change (a001); no agent’s total, grade, rank or rating status changes (only metric values, scores and the like). If the data was corrected, re-publish the period with --supersede --reason.',
    );
    // A complaint upheld against a001 moves its total too: the agents whose standing moves are named.
    const complained = await withEdit(
      'data/sample/complaints.csv',
      (t) =>
        `${t}${Array.from({ length: 5 }, (_, i) => `k999${i},a001,c000002,2026-10-20T10:00:00+08:00,service,true`).join('\n')}\n`,
    );
    expect(complained[0]!.problems.find((p) => p.code === 'INPUT_CHANGE_EFFECT')?.message.zh).toBe(
      '用现在的数据重新计算,有 1 名客服的结果改变(a001),其中 1 名的总分、等级、排名或参评状态改变(a001)。若数据是更正,请用 --supersede --reason 重新发布该期间。',
    );
    // Superseded publications whose inputs changed are shown but do not fail the run.
    expect(changed.map(isFailure)).toEqual([true, false, true]);
  });

  it('gives the same rows verified one at a time and side by side on threads, stops included', async () => {
    const gone = file('data/sample/surveys.csv');
    const surveys = readFileSync(gone, 'utf8');
    rmSync(gone);
    try {
      const [one, spread] = await Promise.all([
        verifyPublished('data/results', { cwd: repo, threads: 1 }),
        verifyPublished('data/results', { cwd: repo, threads: 3 }),
      ]);
      expect(spread).toEqual(one);
      expect(brief(one).map((r) => r.slice(2))).toEqual([
        ['input_changed', ['INPUT_GONE', 'RECOMPUTE_FAILED']],
        ['input_changed', ['INPUT_GONE', 'RECOMPUTE_FAILED']],
        ['input_changed', ['INPUT_GONE', 'RECOMPUTE_FAILED']],
      ]);
    } finally {
      writeFileSync(gone, surveys);
    }
    const [one, spread] = await Promise.all([
      verifyPublished('data/results', { cwd: repo, threads: 1 }),
      verifyPublished('data/results', { cwd: repo, threads: 2 }),
    ]);
    expect(spread).toEqual(one);
    expect(one.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('recomputes on the SQL engine when asked, to the same rows', async () => {
    // verify --all --engine duckdb: each recomputation measures in DuckDB, on worker threads too.
    const [typescript, duckdb] = await Promise.all([
      verifyPublished('data/results', { cwd: repo, threads: 1 }),
      verifyPublished('data/results', { cwd: repo, threads: 2, engine: 'duckdb' }),
    ]);
    expect(duckdb).toEqual(typescript);
    expect(duckdb.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('warns of a publication not committed and of a staging folder an interrupted publish left', async () => {
    const note = file('data/results/2026-10/README.txt');
    const staging = file('data/results/.2026-10.staging-999-x');
    writeFileSync(note, '发布说明\n');
    mkdirSync(staging);
    try {
      const [october] = await rows();
      expect(october?.status).toBe('ok');
      expect(october?.problems.map((p) => [p.code, p.severity])).toEqual([
        ['PUBLISH_LEFTOVER', 'warning'],
        ['PUBLICATION_NOT_COMMITTED', 'warning'],
      ]);
      expect(october?.problems[1]?.message.en).toBe(
        '1 files of the publication of 2026-10 are not committed to git (data/results/2026-10/README.txt): it verifies here, but a fresh clone has what was last committed. Commit it: git add data/results/2026-10 && git commit',
      );
      expect(isFailure(october as VerifyRow)).toBe(false);
    } finally {
      rmSync(note);
      rmSync(staging, { recursive: true });
    }
    expect((await rows())[0]?.problems).toEqual([]);
  });

  it('names a changed tracked file of a publication by its whole path (git status starts its line with a space)', async () => {
    const note = file('data/results/2026-10/README.txt');
    writeFileSync(note, '发布说明\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'a note');
    writeFileSync(note, '发布说明(改)\n');
    try {
      const [october] = await rows();
      expect(october?.problems.map((p) => p.code)).toEqual(['PUBLICATION_NOT_COMMITTED']);
      expect(october?.problems[0]?.message.en).toContain('(data/results/2026-10/README.txt)');
    } finally {
      git(repo, 'rm', '-q', '-f', 'data/results/2026-10/README.txt');
      git(repo, 'commit', '-q', '-m', 'no note');
    }
    expect((await rows())[0]?.problems).toEqual([]);
  });

  it('says when a corrected file moves no score', async () => {
    const same = await withEdit('data/sample/agents.csv', (t) => `${t}`.replace(/\n$/, '\n\n'));
    const effect = same[0]!.problems.find((p) => p.code === 'INPUT_CHANGE_EFFECT')!;
    expect(effect.severity).toBe('warning');
    expect(effect.message.en).toMatch(/^Recomputed with the data as it is now, no agent’s score/);
  });

  it('says which input file appeared, and which vanished', async () => {
    // A file that belongs to no table stops the recomputation, naming it (source-format.md, rule 1).
    writeFileSync(file('data/sample/notes.csv'), 'a,b\n');
    const stray = await rows();
    rmSync(file('data/sample/notes.csv'));
    expect(stray[0]!.status).toBe('recompute_failed');
    expect(stray[0]!.problems.map((p) => p.message.en).join(' ')).toContain('STRAY_FILE');
    const other = makeRepo();
    renameSync(join(other, 'data/sample/events.jsonl'), join(other, 'events.jsonl'));
    await publish(other, '2026-10', { allowMissing: ['events'] });
    git(other, 'add', '-A');
    git(other, 'commit', '-q', '-m', 'publish without events');
    renameSync(join(other, 'events.jsonl'), join(other, 'data/sample/events.jsonl'));
    const added = await verifyPublished('data/results', { cwd: other });
    expect(brief(added)[0]![3]).toEqual(['INPUT_ADDED', 'INPUT_CHANGE_EFFECT']);
    expect(added[0]!.problems[0]!.message.en).toMatch(/^The data folder now has an input file events\.jsonl/);
    renameSync(file('data/sample/orders.csv'), file('orders.csv'));
    const gone = await rows();
    renameSync(file('orders.csv'), file('data/sample/orders.csv'));
    // Without orders the recomputation stops (a scored metric needs the table): the row says so.
    expect(brief(gone)[0]!.slice(2)).toEqual(['input_changed', ['INPUT_GONE', 'RECOMPUTE_FAILED']]);
  });

  it('names results that differ with the same inputs', async () => {
    // The published file and its recorded hash both forged: only the recomputation can tell.
    const resultsFile = 'data/results/2026-10/results.json';
    const text = readFileSync(file(resultsFile), 'utf8');
    const manifestFile = 'data/results/2026-10/manifest.json';
    const manifest = readFileSync(file(manifestFile), 'utf8');
    const forged = text.replace('"rank": 1,', '"rank": 7,');
    writeFileSync(file(resultsFile), forged);
    const sha = sha256(forged);
    writeFileSync(
      file(manifestFile),
      manifest.replace(/"results\.json": "[0-9a-f]+"/, `"results.json": "${sha}"`),
    );
    const result = await rows();
    writeFileSync(file(resultsFile), text);
    writeFileSync(file(manifestFile), manifest);
    expect(brief(result)[0]).toEqual(['2026-10', null, 'differs', ['RESULTS_DIFFER']]);
    expect(result[0]!.problems[0]!.message.en).toMatch(
      /results\.json differ from the published ones: agents a\d{3}/,
    );
  });

  it('checks what another engine published, and says that only that engine can recompute it', async () => {
    // A publication of an earlier engine: its results and manifest say so, and it has no policy.json.
    const dir = file('data/results/2026-10');
    const saved = new Map(
      ['results.json', 'manifest.json', 'policy.json'].map((n) => [n, readFileSync(join(dir, n))]),
    );
    const results = saved
      .get('results.json')!
      .toString('utf8')
      .replace(/"engine": \{\n {4}"version": "[^"]+"/, '"engine": {\n    "version": "1.0.0"');
    writeFileSync(join(dir, 'results.json'), results);
    rmSync(join(dir, 'policy.json'));
    const manifest = JSON.parse(saved.get('manifest.json')!.toString('utf8')) as Manifest;
    manifest.engine.version = '1.0.0';
    manifest.files['results.json'] = sha256(results);
    delete manifest.files['policy.json'];
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const result = await rows();
    for (const [name, bytes] of saved) writeFileSync(join(dir, name), bytes);
    expect(brief(result)[0]).toEqual(['2026-10', null, 'engine_changed', ['ENGINE_VERSION_CHANGED']]);
    expect(isFailure(result[0]!)).toBe(false);
    expect(result[0]!.problems[0]!.message.en).toContain('npx scorebook verify --all');
  });

  it('verifies what an earlier engine published when this one recomputes the same bytes (its version aside)', async () => {
    const dir = file('data/results/2026-10');
    const saved = new Map(['results.json', 'manifest.json'].map((n) => [n, readFileSync(join(dir, n))]));
    const results = saved
      .get('results.json')!
      .toString('utf8')
      .replace(/"engine": \{\n {4}"version": "[^"]+"/, '"engine": {\n    "version": "1.9.9"');
    writeFileSync(join(dir, 'results.json'), results);
    const manifest = JSON.parse(saved.get('manifest.json')!.toString('utf8')) as Manifest;
    manifest.engine.version = '1.9.9';
    manifest.files['results.json'] = sha256(results);
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const result = await rows();
    for (const [name, bytes] of saved) writeFileSync(join(dir, name), bytes);
    // (The files edited here are not committed: PUBLICATION_NOT_COMMITTED says so beside it.)
    expect(brief(result)[0]!.slice(0, 3)).toEqual(['2026-10', null, 'ok']);
    expect(result[0]!.problems.find((p) => p.code === 'ENGINE_VERSION_SAME_BYTES')!.message.en).toBe(
      `The publication was made by engine 1.9.9, this is ${ENGINE_VERSION}: recomputed with this engine, the results are byte-identical: verified.`,
    );
  });

  it('ignores leftovers of an interrupted write, and names a period folder without a manifest', async () => {
    mkdirSync(file('data/results/.2026-10.staging-123-abcd'));
    writeFileSync(file('data/results/.2026-10.staging-123-abcd/manifest.json'), '{');
    writeFileSync(file('data/results/.2026-12.lock'), '{}');
    mkdirSync(file('data/results/2026-12'));
    const result = await rows();
    rmSync(file('data/results/.2026-10.staging-123-abcd'), { recursive: true });
    rmSync(file('data/results/.2026-12.lock'));
    rmSync(file('data/results/2026-12'), { recursive: true });
    expect(brief(result).map((r) => [r[0], r[2]])).toEqual([
      ['2026-10', 'ok'],
      ['2026-11', 'ok'],
      ['2026-11', 'ok'],
      ['2026-12', 'manifest_invalid'],
    ]);
  });
});

describe('the input archive', () => {
  it('keeps a publication verifiable after its data folder is corrected', async () => {
    const other = makeRepo();
    const archive = mkdtempSync(join(tmpdir(), 'scorebook-archive-'));
    await publish(other, '2026-10', { archive });
    git(other, 'add', '-A');
    git(other, 'commit', '-q', '-m', 'publish');
    writeFileSync(
      join(other, 'data/sample/surveys.csv'),
      `${readFileSync(join(other, 'data/sample/surveys.csv'), 'utf8')}s9999,a001,2026-10-20T10:00:00+08:00,,1,\n`,
    );
    const without = await verifyPublished('data/results', { cwd: other });
    expect(without[0]!.status).toBe('input_changed');
    const withArchive = await verifyPublished('data/results', { cwd: other, archive });
    expect([withArchive[0]!.status, withArchive[0]!.fromArchive]).toEqual(['ok', true]);
    rmSync(join(other, 'data/sample'), { recursive: true });
    expect((await verifyPublished('data/results', { cwd: other }))[0]!.status).toBe('input_missing');
    cpSync(archive, join(other, '.scorebook/archive'), { recursive: true });
    // The default archive: <repository>/.scorebook/archive.
    expect((await verifyPublished('data/results', { cwd: other }))[0]!.status).toBe('ok');
  });
});
