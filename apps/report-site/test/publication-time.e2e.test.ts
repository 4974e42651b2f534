// Browser test of a site built from a results folder inside the repository, named relatively
// (`site build --results .scorebook/site-test-…/results`, run from the repository's root), at a
// fixed build time (SCOREBOOK_SITE_NOW): the periods
// published before they ended are marked, by published_at or by the build's time, and the
// commands the pages print name this results folder and the appeals folder the manifest records.
//   2026-11  published without published_at, ended before the build: no mark; its command is
//            given `--appeals configs/appeals-x` (a folder without appeal files for the period)
//   2026-12  published_at 2026-12-01T02:00Z, a month before its end: published before it ended
//   2026-Q4  published without published_at, built before its end: not ended as of the build
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Manifest } from '@scorebook/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { builtSite } from './browser.ts';
import { CLI, ROOT, readJson } from './fixture-site.ts';

const BUILT_AT = '2026-12-15T04:00:00Z';
const PUBLISHED_AT = '2026-12-01T02:00:00.000Z';

// Inside the repository (`.scorebook/` is ignored by git), as a team's own results folder is.
let inRepository = '';
let results = '';
afterAll(() => {
  if (inRepository !== '') rmSync(inRepository, { recursive: true, force: true });
});

const site = builtSite('periods published before they ended', (work) => {
  mkdirSync(join(ROOT, '.scorebook'), { recursive: true });
  inRepository = mkdtempSync(join(ROOT, '.scorebook', 'site-test-'));
  results = relative(ROOT, join(inRepository, 'results'));
  mkdirSync(join(ROOT, results));
  for (const period of ['2026-11', '2026-12', '2026-Q4'])
    cpSync(join(ROOT, 'data/results', period), join(ROOT, results, period), { recursive: true });
  const edit = (period: string, change: (m: Manifest) => void) => {
    const file = join(ROOT, results, period, 'manifest.json');
    const manifest = readJson<Manifest>(file);
    change(manifest);
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  };
  edit('2026-11', (m) => {
    delete m.published_at;
    m.command += ' --appeals configs/appeals-x';
  });
  edit('2026-12', (m) => {
    m.published_at = PUBLISHED_AT;
  });
  edit('2026-Q4', (m) => {
    delete m.published_at;
  });
  execFileSync(
    process.execPath,
    [CLI, 'site', 'build', '--results', results, '--out', join(work, 'site'), '--quiet'],
    { cwd: ROOT, env: { ...process.env, SCOREBOOK_SITE_NOW: BUILT_AT }, stdio: 'pipe' },
  );
});
const { url } = site;

const EARLY_NOTE_ZH =
  '本期间到 2027-01-01 00:00 Asia/Shanghai 才结束,却在 2026-12-01 10:00 Asia/Shanghai 发布,早于期间结束:发布时本期间的数据还不完整,期间结束后重新计算的结果可能不同。';
const OPEN_NOTE_EN =
  'This period ends at 2027-01-01 00:00 Asia/Shanghai and had not ended when the site was built (2026-12-15 12:00 Asia/Shanghai), so it was published before it ended (its manifest.json records no publication time): its data was not complete when it was published, and its results recomputed after its end may differ.';

describe.skipIf(!site.present)('periods published before they ended', () => {
  it('marks them in the home page’s list, by published_at or by the build’s time, and not a period that had ended', async () => {
    for (const [lang, early, open] of [
      ['zh', '发布时本期间尚未结束', '本期间尚未结束(截至建站时)'],
      ['en', 'published before the period ended', 'the period has not ended (as of the site’s build)'],
    ] as const) {
      await site.page.goto(url(`${lang}/index.html`));
      const mark = (period: string) =>
        site.page.locator(`tr[data-period="${period}"] [data-early-publication]`);
      expect(await mark('2026-12').getAttribute('data-early-publication')).toBe('published_at');
      expect(await mark('2026-12').textContent()).toBe(early);
      expect(await mark('2026-Q4').getAttribute('data-early-publication')).toBe('build');
      expect(await mark('2026-Q4').textContent()).toBe(open);
      expect(await mark('2026-11').count()).toBe(0);
      // Still published: the mark is beside the status, not instead of it.
      expect(await site.page.locator('tr[data-period="2026-12"] [data-status]').textContent()).toBe(
        lang === 'zh' ? '已发布' : 'published',
      );
    }
  });

  it('says on every page of such a period when it ends and when it was published, or the site built', async () => {
    await site.page.goto(url('zh/periods/2026-12/index.html'));
    expect(await site.page.locator('h1 [data-early-publication]').textContent()).toBe('发布时本期间尚未结束');
    expect(await site.page.locator('[data-early-note="published_at"]').textContent()).toBe(EARLY_NOTE_ZH);
    await site.page.goto(url('zh/periods/2026-12/audit/index.html'));
    expect(await site.page.locator('[data-early-note]').textContent()).toBe(EARLY_NOTE_ZH);
    await site.page.goto(url('en/periods/2026-Q4/index.html'));
    expect(await site.page.locator('[data-early-note="build"]').textContent()).toBe(OPEN_NOTE_EN);
    await site.page.goto(url('zh/periods/2026-11/index.html'));
    expect(await site.page.locator('main > [data-early-note], h1 [data-early-publication]').count()).toBe(0);
    // The period switcher marks the other periods as the home page does.
    expect(
      await site.page
        .locator('[data-period-switcher] [data-early-publication]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-early-publication'))),
    ).toEqual(['published_at', 'build']);
    await site.page.goto(url('zh/policies/index.html'));
    expect(await site.page.locator('main [data-early-publication]').count()).toBe(2);
  });

  it('prints commands for the results folder as it was given, with the appeals folder the manifest records, and they verify', async () => {
    expect(results).toMatch(/^\.scorebook\/site-test-\w+\/results$/);
    const m = readJson<Manifest>(join(ROOT, 'data/results/2026-11/manifest.json'));
    await site.page.goto(url('zh/periods/2026-11/audit/index.html'));
    expect(await site.page.locator('[data-verify-command]').textContent()).toBe(
      `npx scorebook verify --policies configs/policies/ecommerce-cs --data ${m.data_dir} --results ${results}/2026-11 --appeals configs/appeals-x`,
    );
    expect(await site.page.locator('[data-verify-all-command]').textContent()).toBe(
      `npx scorebook verify --all --results ${results}`,
    );
    await site.page.goto(url('zh/periods/2026-12/audit/index.html'));
    const command = (await site.page.locator('[data-verify-command]').textContent()) ?? '';
    expect(command).toBe(
      `npx scorebook verify --policies configs/policies/wecom-community --data data/sample --results ${results}/2026-12`,
    );
    // Run from the repository's root as printed (no word is quoted), it verifies the publication.
    const run = spawnSync(process.execPath, [CLI, ...command.split(' ').slice(2), '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    await site.page.goto(url('en/periods/2026-11/calibrate/aftersale/index.html'));
    expect(await site.page.locator('[data-impact]').textContent()).toBe(
      `npx scorebook impact --base main --policies configs/policies/ecommerce-cs --period 2026-11 --results ${results} --appeals configs/appeals-x`,
    );
  });
});
