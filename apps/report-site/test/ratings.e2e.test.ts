// Browser test of what an agent page shows of a rating metric (AgentRatings.astro,
// docs/ratings.md): express-cs 2027.01's teamwork rating evaluated on its policy-test fixture
// (configs/policies/express-cs/tests/fixtures/ratings-2027-01) through the command line, built
// into a site. e1: supervisor 5, peers 4.5 and 4 (4.25) → 4.7; its self rating is left out. e3: one rater once its own rating is left out, below 2.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_TABLES } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { builtSite, checkPage } from './browser.ts';
import { ROOT, scorebook } from './fixture-site.ts';

const DATA = join(ROOT, 'configs/policies/express-cs/tests/fixtures/ratings-2027-01');

const site = builtSite('ratings', (work) => {
  const results = join(work, 'results');
  mkdirSync(join(work, 'appeals'));
  const missing = INPUT_TABLES.filter(
    (t) => !['agents', 'conversations', 'qa_reviews', 'ratings'].includes(t),
  ).join(',');
  scorebook(
    'evaluate',
    ...['--policies', join(ROOT, 'configs/policies/express-cs'), '--data', DATA, '--allow-missing', missing],
    ...[
      '--appeals',
      join(work, 'appeals'),
      '--period',
      '2027-01',
      '--out',
      join(results, '2027-01'),
      '--quiet',
    ],
  );
  scorebook('site', 'build', '--results', results, '--out', join(work, 'site'), '--quiet');
});
const { url } = site;
const texts = (selector: string) => site.page.locator(selector).allTextContents();

describe.skipIf(!site.present)('an agent page with a rating metric', () => {
  it('shows the value, the raters it rests on and each role with its weight, mean and counts', async () => {
    await site.page.goto(url('zh/periods/2027-01/agents/e1/index.html'));
    const rating = site.page.locator('[data-ratings] [data-rating="teamwork_rating"]');
    expect(await rating.locator('h3').textContent()).toBe('团队协作评分: 4.7');
    const role = (name: string) => texts(`[data-rating="teamwork_rating"] tr[data-role="${name}"] td`);
    expect(await role('supervisor')).toEqual(['0.6', '5', '1', '1']);
    // 4.25 shown as scores are, to one decimal.
    expect(await role('peer')).toEqual(['0.4', '4.3', '2', '3']);
    expect(await rating.locator('tr[data-role]').count()).toBe(2);
    // The conventional roles named in Chinese beside the policy's word.
    expect(await texts('[data-rating="teamwork_rating"] tr[data-role] th')).toEqual([
      '主管 supervisor',
      '同事 peer',
    ]);
    await checkPage(site.page, 'ratings-zh');
  });

  it('lists the ratings left out with the reason, the rater, the score, the file and the line', async () => {
    await site.page.goto(url('zh/periods/2027-01/agents/e1/index.html'));
    // k5, e1's own rating (line 6); k6 is of another dimension, so not a teamwork rating at all.
    const left = site.page.locator('[data-rating="teamwork_rating"] li[data-left-out]');
    expect(await left.evaluateAll((items) => items.map((i) => i.getAttribute('data-left-out')))).toEqual([
      'self',
    ]);
    const [shown] = await left.allTextContents();
    expect(shown).toContain('e1 (自评)');
    expect(shown).toContain('ratings.csv:6');
    expect(shown).not.toContain('ops-01');
    await site.page.goto(url('en/periods/2027-01/agents/e1/index.html'));
    expect(await site.page.locator('[data-ratings] h2').textContent()).toBe('Ratings by people');
    await checkPage(site.page, 'ratings-en');
  });

  it('says why an agent below the raters required has no rating value', async () => {
    await site.page.goto(url('zh/periods/2027-01/agents/e3/index.html'));
    const rating = site.page.locator('[data-ratings] [data-rating="teamwork_rating"]');
    expect(await rating.locator('h3').textContent()).toBe('团队协作评分: —');
    expect(await rating.locator('h3 + p').textContent()).toBe('计入 0 位评分人(至少需要 2 位)');
    expect(await rating.locator('tr[data-role="supervisor"] td').allTextContents()).toEqual([
      '0.6',
      '3',
      '1',
      '1',
    ]);
    // The supervisor's rating (line 10) is left out for want of raters; e3's own (line 11) as self.
    const left = rating.locator('li[data-left-out]');
    expect(await left.evaluateAll((items) => items.map((i) => i.getAttribute('data-left-out')))).toEqual([
      'below_min_raters',
      'self',
    ]);
    const [supervisor, self] = await left.allTextContents();
    expect(supervisor).toContain('ratings.csv:10');
    expect(self).toContain('ratings.csv:11');
  });
});
