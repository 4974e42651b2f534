// Publishing and verifying data read through a source (source.yaml): the source is committed,
// recorded in the manifest, and verify --all reads the data again through the recorded bytes.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Manifest, verifyPublished } from '../src/index.ts';
import { git, makeRepo, publish, stopOf } from './repo.ts';

const SOURCE = `scorebook: 1
kind: source
id: roster-export
tables:
  agents:
    files: ["客服名单.csv"]
`;

let repo: string;

beforeAll(() => {
  repo = makeRepo();
  renameSync(join(repo, 'data/sample/agents.csv'), join(repo, 'data/sample/客服名单.csv'));
  writeFileSync(join(repo, 'data/sample/source.yaml'), SOURCE);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'the roster as exported, read through a source');
});

describe('a publication read through a source', () => {
  it('records the source in the manifest and in results.json, and verifies', async () => {
    const publication = await publish(repo, '2026-10');
    const manifest = JSON.parse(readFileSync(join(publication.dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.source).toEqual({
      file: 'data/sample/source.yaml',
      sha256: publication.evaluation.source.sha256,
      git_commit: git(repo, 'rev-parse', 'HEAD'),
    });
    expect(manifest.allow_missing).toEqual([]);
    expect(publication.evaluation.results.source).toMatchObject({ path: 'source.yaml', id: 'roster-export' });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'publish 2026-10');
    const rows = await verifyPublished('data/results', { cwd: repo });
    expect(rows.map((r) => [r.period, r.status])).toEqual([['2026-10', 'ok']]);
  });

  it('verifies with the recorded source after the source file changed', async () => {
    writeFileSync(join(repo, 'data/sample/source.yaml'), `${SOURCE}# a later edit\n`);
    git(repo, 'commit', '-q', '-am', 'edit the source');
    const rows = await verifyPublished('data/results', { cwd: repo });
    expect(rows.map((r) => [r.period, r.status])).toEqual([['2026-10', 'ok']]);
  });

  it('refuses to publish with a source that has uncommitted changes, naming it', async () => {
    writeFileSync(join(repo, 'data/sample/source.yaml'), `${SOURCE}# not committed\n`);
    const error = await stopOf(() => publish(repo, '2026-10', { supersede: { reason: 'corrected' } }));
    expect(error.problems.map((p) => [p.code, p.message.en.includes('data/sample/source.yaml')])).toEqual([
      ['FILE_HAS_CHANGES', true],
    ]);
  });
});
