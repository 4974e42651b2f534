import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockDirectory } from '@scorebook/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { archivedPath, type Manifest, verifyPublished } from '../src/index.ts';
import { commitAppeal, commitRow, git, makeRepo, POLICY, publish, stopOf } from './repo.ts';

let repo: string;
const read = (path: string) => readFileSync(join(repo, path), 'utf8');

beforeAll(() => {
  repo = makeRepo();
});

describe('publishing a period', () => {
  it('publishes results with a manifest of where they came from', async () => {
    const publication = await publish(repo, '2026-10');
    const manifest = JSON.parse(read('data/results/2026-10/manifest.json')) as Manifest;
    expect(manifest).toMatchObject({
      period: '2026-10',
      status: 'closed',
      published_at_commit: git(repo, 'rev-parse', 'HEAD'),
      policy: {
        id: 'ecommerce-cs',
        version: '2026.10',
        file: POLICY,
        git_commit: git(repo, 'rev-parse', 'HEAD'),
      },
      data_dir: 'data/sample',
      command:
        'npx scorebook publish --period 2026-10 --policies configs/policies/ecommerce-cs --data data/sample --results data/results',
      supersedes: null,
    });
    expect(manifest.policy.sha256).toBe(publication.evaluation.policy.sha256);
    expect(readdirSync(join(repo, 'data/results/2026-10')).sort()).toEqual([
      'explanations.json',
      'manifest.json',
      'policy.json',
      'rejected.json',
      'results.json',
    ]);
    expect(readdirSync(join(repo, 'data/results'))).toEqual(['2026-10']);
  });

  it('refuses a closed period, an empty reason, and superseding what is not published', async () => {
    const closed = await stopOf(() => publish(repo, '2026-10'));
    expect([closed.kind, closed.problems[0]!.code]).toEqual(['refused', 'PERIOD_CLOSED']);
    expect(
      (await stopOf(() => publish(repo, '2026-10', { supersede: { reason: '  ' } }))).problems[0]!.code,
    ).toBe('REASON_REQUIRED');
    const nothing = await stopOf(() => publish(repo, '2026-11', { supersede: { reason: 'x' } }));
    expect(nothing.problems[0]!.code).toBe('NOTHING_TO_SUPERSEDE');
  });

  it('refuses a supersede that would publish the same four files again, adding no slot', async () => {
    const manifest = read('data/results/2026-10/manifest.json');
    const same = await stopOf(() => publish(repo, '2026-10', { supersede: { reason: '再发布一次' } }));
    expect([same.kind, same.problems.map((p) => p.code)]).toEqual(['refused', ['SUPERSEDE_UNCHANGED']]);
    expect(same.problems[0]?.message.en).toContain(
      'The recomputed explanations.json, policy.json, rejected.json, results.json are byte for byte the publication in force',
    );
    expect(read('data/results/2026-10/manifest.json')).toBe(manifest);
    expect(existsSync(join(repo, 'data/results/2026-10/superseded'))).toBe(false);
  });

  it('supersedes with a reason into the next slot after the highest, keeping the history', async () => {
    const first = read('data/results/2026-10/results.json');
    // Each supersede publishes a real change: a QA review of October back-filled in the export.
    const review = (n: number) => `q0090${n},a001,,2026-10-2${n}T10:00:00+08:00,6${n},false`;
    commitRow(repo, 'data/sample/qa_reviews.csv', review(1));
    const one = await publish(repo, '2026-10', { supersede: { reason: '补录了 10 月的质检数据' } });
    expect(one.manifest.supersedes).toEqual({
      publication: 'superseded/1',
      reason: '补录了 10 月的质检数据',
    });
    expect(one.manifest.command).toBe(
      "npx scorebook publish --period 2026-10 --policies configs/policies/ecommerce-cs --data data/sample --results data/results --supersede --reason '补录了 10 月的质检数据'",
    );
    expect(read('data/results/2026-10/superseded/1/results.json')).toBe(first);
    commitRow(repo, 'data/sample/qa_reviews.csv', review(2));
    await publish(repo, '2026-10', { supersede: { reason: 'second' } });
    expect(read('data/results/2026-10/superseded/2/manifest.json')).toContain(
      '"publication": "superseded/1"',
    );
    expect(read('data/results/2026-10/superseded/1/results.json')).toBe(first);
    // A slot removed by hand: the next one is the highest + 1, never a slot in use.
    rmSync(join(repo, 'data/results/2026-10/superseded/1'), { recursive: true });
    commitRow(repo, 'data/sample/qa_reviews.csv', review(3));
    const three = await publish(repo, '2026-10', { supersede: { reason: "it's the third" } });
    expect(three.manifest.supersedes!.publication).toBe('superseded/3');
    expect(readdirSync(join(repo, 'data/results/2026-10/superseded')).sort()).toEqual(['2', '3']);
    expect(three.manifest.command).toMatch(/--reason 'it'\\''s the third'$/);
  });

  it('refuses to overwrite a period folder that is not a publication', async () => {
    const dir = join(repo, 'data/results/2026-11');
    renameSync(join(repo, 'data/results/2026-10'), dir);
    rmSync(join(dir, 'manifest.json'));
    const error = await stopOf(() => publish(repo, '2026-11'));
    expect([error.problems[0]!.code, error.problems[0]!.file]).toEqual(['NOT_A_PUBLICATION', dir]);
    expect(existsSync(join(dir, 'results.json'))).toBe(true);
    rmSync(dir, { recursive: true });
  });

  it('stops a second publish of the period with kind busy, with breakStaleLock too: its holder runs', async () => {
    const lock = lockDirectory(join(repo, 'data/results/2026-11'));
    const error = await stopOf(() => publish(repo, '2026-11'));
    const breaking = await stopOf(() => publish(repo, '2026-11', { breakStaleLock: true }));
    const held = readFileSync(lock.file, 'utf8');
    lock.release();
    expect([error.kind, error.problems[0]!.code]).toEqual(['busy', 'OUTPUT_BUSY']);
    expect([breaking.kind, breaking.problems[0]!.code]).toEqual(['busy', 'OUTPUT_BUSY']);
    expect(JSON.parse(held).pid).toBe(process.pid);
    expect(existsSync(join(repo, 'data/results/2026-11'))).toBe(false);
  });
});

describe('what is published is what was committed', () => {
  it('refuses a policy with uncommitted changes, naming the file and how to commit it', async () => {
    const file = join(repo, POLICY);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('title: ', 'title: 改 '));
    const error = await stopOf(() => publish(repo, '2026-11'));
    writeFileSync(file, original);
    expect([error.kind, error.problems[0]!.code, error.problems[0]!.file]).toEqual([
      'refused',
      'FILE_HAS_CHANGES',
      file,
    ]);
    expect(error.problems[0]!.message.en).toContain(`git add ${POLICY} && git commit`);
    git(repo, 'add', POLICY);
    writeFileSync(file, original.replace('title: ', 'title: 改 '));
    git(repo, 'add', POLICY);
    expect((await stopOf(() => publish(repo, '2026-11'))).problems[0]!.code).toBe('FILE_HAS_CHANGES');
    writeFileSync(file, original);
    git(repo, 'add', POLICY);
  });

  it('refuses a policy never committed, and every listed file that is not', async () => {
    const dir = join(repo, 'configs/policies/ecommerce-cs');
    writeFileSync(
      join(dir, '2026-11-01.yaml'),
      read(POLICY).replace('2026-10-01', '2026-11-01').replace('"2026.10"', '"2026.11"'),
    );
    writeFileSync(join(repo, 'source.yaml'), 'scorebook: 1\n');
    const error = await stopOf(() => publish(repo, '2026-11', { committedFiles: ['source.yaml'] }));
    rmSync(join(dir, '2026-11-01.yaml'));
    rmSync(join(repo, 'source.yaml'));
    expect(error.problems.map((p) => [p.code, p.file])).toEqual([
      ['FILE_NOT_COMMITTED', join(dir, '2026-11-01.yaml')],
      ['FILE_NOT_COMMITTED', join(repo, 'source.yaml')],
    ]);
    expect(error.problems[1]!.message.zh).toContain('git add source.yaml && git commit');
  });

  it('refuses a file committed in another repository than the one publish runs in, naming both', async () => {
    // A repository nested in this one (an export folder with its own git), its file committed there.
    const other = join(repo, 'exports');
    mkdirSync(other);
    git(other, 'init', '-q');
    writeFileSync(join(other, 'source.yaml'), 'scorebook: 1\n');
    git(other, 'add', 'source.yaml');
    git(other, 'commit', '-qm', 'source');
    const error = await stopOf(() => publish(repo, '2026-11', { committedFiles: ['exports/source.yaml'] }));
    rmSync(other, { recursive: true, force: true });
    const root = git(repo, 'rev-parse', '--show-toplevel');
    expect(error.problems.map((p) => [p.code, p.file])).toEqual([
      ['FILE_IN_OTHER_REPOSITORY', join(repo, 'exports/source.yaml')],
    ]);
    expect(error.problems[0]!.message.en).toBe(
      `exports/source.yaml is committed in another git repository (${join(root, 'exports')}) than the one publish runs in (${root}): a manifest records the commits of the repository publish runs in, so verify would not find this file's commit. Put it in the repository of ${root} and commit it there, or run publish in ${join(root, 'exports')}.`,
    );
  });

  it('says that a file never committed is ignored by git, by which rule, and to add it with -f', async () => {
    writeFileSync(join(repo, '.gitignore'), '# exports\nsource.yaml\n');
    writeFileSync(join(repo, 'source.yaml'), 'scorebook: 1\n');
    const error = await stopOf(() => publish(repo, '2026-11', { committedFiles: ['source.yaml'] }));
    rmSync(join(repo, 'source.yaml'));
    rmSync(join(repo, '.gitignore'));
    expect(error.problems.map((p) => [p.code, p.file])).toEqual([
      ['FILE_NOT_COMMITTED', join(repo, 'source.yaml')],
    ]);
    expect(error.problems[0]!.message.en).toContain(
      'git ignores it (rule .gitignore:2:source.yaml), so git add will not take it. Add it anyway and commit: git add -f source.yaml && git commit',
    );
    expect(error.problems[0]!.message.zh).toContain('git add -f source.yaml && git commit');
  });
});

describe('publishing through a source with a gap in a map', () => {
  it('refuses rows rejected for a value not in the map, and publishes once the value is mapped', async () => {
    const own = makeRepo();
    const data = join(own, 'data/sample');
    // A September row: not of the period, so the evaluation goes on (a row of the period would
    // stop it, UNMAPPED_IN_PERIOD) and publish refuses the gap in the map.
    const conversations = readFileSync(join(data, 'conversations.csv'), 'utf8').replace(
      'c000011,a001,chat,',
      'c000011,a001,微信,',
    );
    writeFileSync(join(data, 'conversations.csv'), conversations);
    const source = (extra: string) =>
      `scorebook: 1\nkind: source\ntables:\n  conversations:\n    fields:\n      channel: { column: channel, map: { chat: chat, phone: phone, ticket: ticket, wecom_group: wecom_group${extra} } }\n`;
    writeFileSync(join(data, 'source.yaml'), source(''));
    git(own, 'add', '-A');
    git(own, 'commit', '-q', '-m', 'a source without 微信');
    const error = await stopOf(() => publish(own, '2026-10'));
    expect(error.kind).toBe('refused');
    expect(error.problems.map((p) => [p.code, p.file])).toEqual([
      ['PUBLISH_UNMAPPED_VALUES', join(data, 'source.yaml')],
    ]);
    expect(error.problems[0]!.message.en).toMatch(
      /^1 rows were rejected because their conversations\.channel is not in source\.yaml's map, so the period is not published: .* The first row: conversations\.csv:\d+ /,
    );
    expect(existsSync(join(own, 'data/results/2026-10'))).toBe(false);
    writeFileSync(join(data, 'source.yaml'), source(', 微信: chat'));
    git(own, 'commit', '-q', '-am', 'map 微信');
    expect((await publish(own, '2026-10')).evaluation.rejected).toEqual([]);
  });
});

describe('the input archive', () => {
  it('keeps every input file by sha256, once', async () => {
    const archive = join(repo, '.scorebook/archive');
    const publication = await publish(repo, '2026-11', { archive: '.scorebook/archive' });
    const files = Object.values(publication.evaluation.results.inputs).flatMap((i) => i.files);
    expect(files.length).toBe(10);
    for (const f of files)
      expect(readFileSync(archivedPath(archive, f.sha256))).toEqual(
        readFileSync(join(repo, 'data/sample', f.path)),
      );
    expect(publication.manifest.command).toMatch(/ --archive \.scorebook\/archive$/);
  });
});

describe('a period in which no agent is rated', () => {
  it('is refused with the warnings that say why, and published with --allow-none-rated', async () => {
    const repo = makeRepo();
    // The export's roles in Chinese, no map in a source.yaml: no agent is in a scorecard.
    const agents = join(repo, 'data/sample/agents.csv');
    writeFileSync(
      agents,
      readFileSync(agents, 'utf8').replaceAll(',aftersale,', ',售后,').replaceAll(',presale,', ',售前,'),
    );
    git(repo, 'commit', '-q', '-am', 'data: roles as the help desk writes them');
    const refused = await stopOf(() => publish(repo, '2026-10'));
    expect(refused.kind).toBe('refused');
    expect(refused.problems.map((p) => p.code)).toContain('NO_AGENT_HAS_SCORECARD');
    expect(refused.problems.find((p) => p.code === 'NOBODY_RATED')?.message.en).toContain(
      'None of the 8 agents of 2026-10 is rated',
    );
    expect(existsSync(join(repo, 'data/results/2026-10'))).toBe(false);
    const published = await publish(repo, '2026-10', { allowNoneRated: true });
    const manifest = JSON.parse(readFileSync(join(published.dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.command).toContain(' --allow-none-rated');
  });
});

describe('the recorded command', () => {
  it('records --appeals when it names another folder than the default, even with no appeal file, and verifies', async () => {
    const repo = makeRepo();
    const other = await publish(repo, '2026-10', { appealsDir: 'elsewhere/appeals' });
    expect(other.manifest.command).toBe(
      'npx scorebook publish --period 2026-10 --policies configs/policies/ecommerce-cs --data data/sample --results data/results --appeals elsewhere/appeals',
    );
    expect(other.manifest.appeals).toBeUndefined();
    const november = await publish(repo, '2026-11', { appealsDir: 'configs/appeals' });
    expect(november.manifest.command).not.toContain('--appeals');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'publish 2026-10 and 2026-11');
    const rows = await verifyPublished('data/results', { cwd: repo });
    expect(rows.map((r) => [r.period, r.status])).toEqual([
      ['2026-10', 'ok'],
      ['2026-11', 'ok'],
    ]);
  });
});

describe('a period that has not ended', () => {
  it('is refused, and published with --allow-open-period, which verify --all accepts', async () => {
    const repo = makeRepo();
    // 2026-10 ends at 2026-11-01T00:00:00+08:00 (Shanghai), 2026-10-31T16:00Z.
    const now = new Date('2026-10-31T15:59:59.000Z');
    const refused = await stopOf(() => publish(repo, '2026-10', { now }));
    expect([refused.kind, refused.problems.map((p) => [p.code, p.message.en])]).toEqual([
      'refused',
      [
        [
          'PERIOD_NOT_ENDED',
          'Period 2026-10 ends at 2026-11-01T00:00:00+08:00 (it is now 2026-10-31T15:59:59.000Z): publishing now would close a period whose data is not complete, undone only by --supersede. Publish once the period has ended and its data is exported in full; to close it early all the same, add --allow-open-period.',
        ],
      ],
    ]);
    expect(existsSync(join(repo, 'data/results/2026-10'))).toBe(false);
    // From its end on, the period is published as usual.
    const ended = makeRepo();
    const atEnd = await publish(ended, '2026-10', { now: new Date('2026-10-31T16:00:00.000Z') });
    expect(atEnd.manifest.published_at).toBe('2026-10-31T16:00:00.000Z');
    expect(atEnd.manifest.command).not.toContain('--allow-open-period');
    const early = await publish(repo, '2026-10', { now, allowOpenPeriod: true });
    expect(early.manifest.command).toMatch(/ --allow-open-period$/);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'publish 2026-10 early');
    const rows = await verifyPublished('data/results', { cwd: repo });
    expect(rows.map((r) => [r.period, r.status])).toEqual([['2026-10', 'ok']]);
    // Verified, and said to have been published before its end.
    expect(rows[0]?.problems.map((p) => [p.code, p.severity, p.message.en])).toEqual([
      [
        'PUBLISHED_BEFORE_END',
        'warning',
        'Period 2026-10 was published at 2026-10-31T15:59:59.000Z, before it ended at 2026-11-01T00:00:00+08:00 (with --allow-open-period): its data was not complete then. Once the period has ended and its data is exported in full, re-publish it with --supersede.',
      ],
    ]);
    const onTime = await verifyPublished('data/results', { cwd: ended });
    expect(onTime[0]?.problems.map((p) => p.code)).toEqual(['PUBLICATION_NOT_COMMITTED']);
    // A manifest saying it was published early without the flag was edited (publish refuses that).
    const file = join(repo, 'data/results/2026-10/manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    writeFileSync(
      file,
      `${JSON.stringify({ ...manifest, command: manifest.command.replace(' --allow-open-period', '') }, null, 2)}\n`,
    );
    const edited = await verifyPublished('data/results', { cwd: repo });
    expect(edited.map((r) => [r.status, r.problems.map((p) => [p.code, p.message.en])])).toEqual([
      [
        'manifest_invalid',
        [
          [
            'MANIFEST_INCONSISTENT',
            'manifest.json: command --allow-open-period does not match the publication: recorded false, expected true (published_at 2026-10-31T15:59:59.000Z < period end 2026-11-01T00:00:00+08:00). The manifest was edited; restore it from git.',
          ],
        ],
      ],
    ]);
  });
});

describe('a period whose rows stop early', () => {
  it('is refused, and published with --allow-partial-data, recorded in the command, which verify --all accepts', async () => {
    const repo = makeRepo();
    // The golden conversations and messages of 2026-12 stop on 2026-12-05; the month has ended.
    const now = new Date('2027-01-02T00:00:00.000Z');
    const refused = await stopOf(() => publish(repo, '2026-12', { now, allowNoneRated: true }));
    expect([refused.kind, refused.problems.map((p) => [p.code, p.message.en])]).toEqual([
      'refused',
      [
        [
          'PERIOD_PARTLY_COVERED_REFUSED',
          "The data of period 2026-12 is not complete: the rows of conversations, messages cover only part of the period. The rows of conversations cover only part of the period 2026-12 (2026-12-01T00:00:00+08:00 to 2027-01-01T00:00:00+08:00): 2026-12-01T08:58:20+08:00 – 2026-12-05T20:17:25+08:00. Are some files missing? The rows of messages cover only part of the period 2026-12 (2026-12-01T00:00:00+08:00 to 2027-01-01T00:00:00+08:00): 2026-12-01T08:58:20+08:00 – 2026-12-05T20:17:54+08:00. Are some files missing? Publishing now would close the period on incomplete data, undone only by --supersede. Complete the exported files (was the export run before the period ended?), then publish; to close it on this data all the same, add --allow-partial-data (recorded in the manifest's command).",
        ],
      ],
    ]);
    expect(refused.problems[0]?.message.zh).toBe(
      '期间 2026-12 的数据不完整:conversations, messages 的行只覆盖了期间的一部分。conversations 的行只覆盖了期间 2026-12(2026-12-01T00:00:00+08:00 至 2027-01-01T00:00:00+08:00)的一部分:2026-12-01T08:58:20+08:00 – 2026-12-05T20:17:25+08:00。是否少了一些文件?messages 的行只覆盖了期间 2026-12(2026-12-01T00:00:00+08:00 至 2027-01-01T00:00:00+08:00)的一部分:2026-12-01T08:58:20+08:00 – 2026-12-05T20:17:54+08:00。是否少了一些文件?现在发布会按不完整的数据关闭这个期间,之后只能 --supersede 替换。请补齐导出的文件(导出是否在期间结束前就运行了?)后再发布;若确需按现有数据关闭,加 --allow-partial-data(会记入 manifest 的 command)。',
    );
    expect(existsSync(join(repo, 'data/results/2026-12'))).toBe(false);
    // A month the rows cover is published as before, without the flag in its command.
    const october = await publish(repo, '2026-10', { now });
    expect(october.manifest.command).not.toContain('--allow-partial-data');
    const december = await publish(repo, '2026-12', { now, allowNoneRated: true, allowPartialData: true });
    expect(december.manifest.command).toMatch(/ --allow-none-rated --allow-partial-data$/);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'publish 2026-10 and 2026-12');
    const rows = await verifyPublished('data/results', { cwd: repo });
    expect(rows.map((r) => [r.period, r.status])).toEqual([
      ['2026-10', 'ok'],
      ['2026-12', 'ok'],
    ]);
  });
});

describe('a period with a file cut off inside its last line', () => {
  // The golden surveys.csv cut at its 226th line, inside the row (a download that did not finish):
  // one rejected row, under the 1% limit, and the rows after it lost.
  const cutSurveys = (repo: string): void => {
    const file = join(repo, 'data/sample/surveys.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, `${lines.slice(0, 225).join('\n')}\n${(lines[225] ?? '').slice(0, 20)}`);
    git(repo, 'commit', '-q', '-am', 'surveys.csv cut off');
  };
  const now = new Date('2027-01-02T00:00:00.000Z');

  it('is refused naming the file and its line, published with --allow-partial-data, and verify --all accepts it with or without the flag', async () => {
    const repo = makeRepo();
    cutSurveys(repo);
    const refused = await stopOf(() => publish(repo, '2026-10', { now }));
    expect([refused.kind, refused.problems.map((p) => [p.code, p.severity, p.file, p.message.en])]).toEqual([
      'refused',
      [
        [
          'FILE_CUT_OFF_REFUSED',
          'error',
          null,
          "The data of period 2026-10 is most likely not complete: 1 file was cut off inside the last line (a download or copy that did not finish): surveys.csv line 226 (table surveys). Such a last line is shorter than a record and has no line break after it; the rows after it are most likely not in the file, while the one rejected row stays far under the rejected-row limit. Publishing now would close the period on incomplete data, undone only by --supersede. Export or copy the file again, then publish; if a file really is complete and only its last row is broken, fix or remove that line; to close the period on this data all the same, add --allow-partial-data (recorded in the manifest's command).",
        ],
      ],
    ]);
    expect(refused.problems[0]?.message.zh).toBe(
      '期间 2026-10 的数据多半不完整:1 个文件在最后一行中间被截断了(下载或复制没有完成):surveys.csv 第 226 行(表 surveys)。这样的最后一行比一行记录短,文件末尾也没有换行符,它之后的行多半不在文件里,而被拒绝的只有这一行,远低于被拒绝行的上限。现在发布会按不完整的数据关闭这个期间,之后只能 --supersede 替换。请重新导出或重新复制这个文件后再发布;如果文件确实完整、只是最后一行坏了,修正或删除这一行;若确需按现有数据关闭,加 --allow-partial-data(会记入 manifest 的 command)。',
    );
    expect(existsSync(join(repo, 'data/results/2026-10'))).toBe(false);
    const published = await publish(repo, '2026-10', { now, allowPartialData: true });
    expect(published.manifest.command).toBe(
      'npx scorebook publish --period 2026-10 --policies configs/policies/ecommerce-cs --data data/sample --results data/results --allow-partial-data',
    );
    expect(published.evaluation.cutOff).toEqual([{ table: 'surveys', file: 'surveys.csv', line: 226 }]);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'publish 2026-10');
    const rows = await verifyPublished('data/results', { cwd: repo });
    expect(rows.map((r) => [r.period, r.status, r.problems.map((p) => p.code)])).toEqual([
      ['2026-10', 'ok', []],
    ]);
    // A publication made before publish refused cut files has no flag in its command: still valid.
    const file = join(repo, 'data/results/2026-10/manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    writeFileSync(
      file,
      `${JSON.stringify({ ...manifest, command: manifest.command.replace(' --allow-partial-data', '') }, null, 2)}\n`,
    );
    git(repo, 'commit', '-q', '-am', 'a publication of an earlier Scorebook');
    const earlier = await verifyPublished('data/results', { cwd: repo });
    expect(earlier.map((r) => [r.period, r.status, r.problems.map((p) => p.code)])).toEqual([
      ['2026-10', 'ok', []],
    ]);
  });

  it('is refused together with rows that stop early, the cut files first, both allowed by the one flag', async () => {
    const repo = makeRepo();
    cutSurveys(repo);
    // The golden conversations and messages of 2026-12 stop on 2026-12-05.
    const refused = await stopOf(() => publish(repo, '2026-12', { now, allowNoneRated: true }));
    expect([refused.kind, refused.problems.map((p) => p.code)]).toEqual([
      'refused',
      ['FILE_CUT_OFF_REFUSED', 'PERIOD_PARTLY_COVERED_REFUSED'],
    ]);
    expect(refused.problems[0]?.message.en).toContain(': surveys.csv line 226 (table surveys).');
    const december = await publish(repo, '2026-12', { now, allowNoneRated: true, allowPartialData: true });
    expect(december.manifest.command).toMatch(/ --allow-none-rated --allow-partial-data$/);
  });
});

describe('a period with more rejected rows than the default limit', () => {
  it('is published with --max-rejected, recorded in the manifest and its command, and verify --all re-evaluates with it', async () => {
    const repo = makeRepo();
    // Five surveys rejected of 381 rows (csat 7): more than 1%.
    const surveys = join(repo, 'data/sample/surveys.csv');
    const bad = [1, 2, 3, 4, 5].map((i) => `s90000${i},a001,,2026-10-0${i}T10:00:00+08:00,7,`);
    writeFileSync(surveys, `${readFileSync(surveys, 'utf8')}${bad.join('\n')}\n`);
    git(repo, 'commit', '-q', '-am', 'surveys with csat 7');
    const refused = await stopOf(() => publish(repo, '2026-10'));
    expect(refused.problems.map((p) => p.code)).toEqual(['TOO_MANY_REJECTED']);
    expect(existsSync(join(repo, 'data/results/2026-10'))).toBe(false);
    const published = await publish(repo, '2026-10', { maxRejected: { kind: 'rows', value: 5 } });
    expect(published.manifest.max_rejected).toBe('5');
    expect(published.manifest.command).toMatch(/ --max-rejected 5$/);
    expect(published.evaluation.results.inputs.surveys?.rejected).toBe(5);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'publish 2026-10');
    const rows = await verifyPublished('data/results', { cwd: repo });
    expect(rows.map((r) => [r.period, r.status, r.problems.map((p) => p.code)])).toEqual([
      ['2026-10', 'ok', []],
    ]);
    // A command without the limit the manifest records was edited.
    const file = join(repo, 'data/results/2026-10/manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    writeFileSync(
      file,
      `${JSON.stringify({ ...manifest, command: manifest.command.replace(' --max-rejected 5', '') }, null, 2)}\n`,
    );
    const edited = await verifyPublished('data/results', { cwd: repo });
    expect(edited.map((r) => [r.status, r.problems.map((p) => [p.code, p.message.en])])).toEqual([
      [
        'manifest_invalid',
        [
          [
            'MANIFEST_INCONSISTENT',
            'manifest.json: command --max-rejected does not match the publication: recorded null, expected 5. The manifest was edited; restore it from git.',
          ],
        ],
      ],
    ]);
  });
});

describe('a period published by another policy in the same results folder', () => {
  it('is refused, with or without --supersede, and published into the policy’s own results folder', async () => {
    const repo = makeRepo();
    await publish(repo, '2026-10');
    // A second team, with its own policy folder, in the same repository.
    const own = join(repo, 'configs/policies/other-team');
    mkdirSync(own);
    const version = readFileSync(join(repo, POLICY), 'utf8').replace(/^id: .*$/m, 'id: other-team');
    writeFileSync(join(own, '2026-10-01.yaml'), version);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'another team');
    const other = { policiesDir: 'configs/policies/other-team' };
    for (const extra of [{}, { supersede: { reason: '另一个团队' } }]) {
      const refused = await stopOf(() => publish(repo, '2026-10', { ...other, ...extra }));
      expect([refused.kind, refused.problems.map((p) => [p.code, p.message.en])]).toEqual([
        'refused',
        [
          [
            'PERIOD_OF_ANOTHER_POLICY',
            `Period 2026-10 in ${join(repo, 'data/results/2026-10')} was published and closed by another policy, ecommerce-cs (configs/policies/ecommerce-cs); this publish gives the policy other-team (configs/policies/other-team). A period of a results folder belongs to one policy, and --supersede does not replace it with another either. Give this policy a results folder of its own, e.g. --results data/results/other-team (and the same to verify, impact and site build).`,
          ],
        ],
      ]);
    }
    // The first team's publication is as it was.
    const manifest = JSON.parse(
      readFileSync(join(repo, 'data/results/2026-10/manifest.json'), 'utf8'),
    ) as Manifest;
    expect([manifest.policy.id, manifest.supersedes]).toEqual(['ecommerce-cs', null]);
    const published = await publish(repo, '2026-10', { ...other, resultsRoot: 'data/results/other-team' });
    expect(published.manifest.policy.id).toBe('other-team');
    // The same policy from a folder moved elsewhere (same name, so the same id) may supersede it.
    mkdirSync(join(repo, 'teams'));
    git(repo, 'mv', 'configs/policies/ecommerce-cs', 'teams/ecommerce-cs');
    git(repo, 'commit', '-q', '-m', 'move the policy');
    commitAppeal(repo, '2026-10', 'ap-9', 'a001', 'q00007');
    const moved = await publish(repo, '2026-10', {
      policiesDir: 'teams/ecommerce-cs',
      appealsDir: 'configs/appeals',
      supersede: { reason: '挪了目录' },
    });
    expect(moved.manifest.policy.file).toBe('teams/ecommerce-cs/2026-10-01.yaml');
    // Into the other team's own folder: the folder suggested is beside it, not inside.
    const nested = await stopOf(() =>
      publish(repo, '2026-10', { policiesDir: 'teams/ecommerce-cs', resultsRoot: 'data/results/other-team' }),
    );
    expect(nested.problems[0]?.message.en).toContain('e.g. --results data/results/ecommerce-cs (and');
  });
});
