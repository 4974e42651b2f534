// The calibration model against the engine (docs/calibration.md): the published period scored
// again with no edit gives the published results; random edits of the sample policy, written
// into its text as the page writes them, validate and give exactly what `scorebook evaluate`
// gives with that text as the policy; refused edits give `scorebook validate`'s codes and messages.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Manifest, PolicySnapshot, Results } from '@scorebook/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyEdits,
  type CalibrationData,
  checkEdits,
  decodeEdits,
  type Edits,
  editedText,
  editKey,
  encodeEdits,
  recompute,
} from '../src/lib/calibrate.ts';
import { calibrationData, calibrationFields, laterVersion } from '../src/lib/calibrate-data.ts';
import { t } from '../src/lib/messages.ts';
import { evaluatePeriod, outcomeOfResult, randomEdits } from './calibration-edits.ts';
import { CLI, ROOT, readJson, scorebook } from './fixture-site.ts';

const POLICIES = join(ROOT, 'configs/policies/ecommerce-cs');
const PERIOD = '2026-11';
let work = '';
let snapshot: PolicySnapshot;
let results: Results;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'scorebook-calibrate-'));
  const out = join(work, 'base');
  results = evaluatePeriod(POLICIES, 'data/sample', PERIOD, out);
  snapshot = readJson<PolicySnapshot>(join(out, 'policy.json'));
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const dataOf = (scorecard: string): CalibrationData =>
  calibrationData(PERIOD, snapshot, results.agents, scorecard);

/** The errors `scorebook validate --format json` gives for a policy folder, by code. */
function validateErrors(folder: string): Array<{ code: string; message: unknown }> {
  const run = spawnSync(process.execPath, [CLI, 'validate', folder, '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(run.status).toBe(1);
  return (JSON.parse(run.stdout) as Array<{ code: string; severity: string; message: unknown }>)
    .filter((p) => p.severity === 'error')
    .map(({ code, message }) => ({ code, message }))
    .sort(byCode);
}

function byCode(a: { code: string }, b: { code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** Evaluates the period with `text` as the policy's only version; the agents of `scorecard`. */
function evaluateWith(text: string, name: string): Results['agents'] {
  const policies = join(work, name, 'ecommerce-cs');
  mkdirSync(policies, { recursive: true });
  writeFileSync(join(policies, snapshot.file), text);
  return evaluatePeriod(policies, 'data/sample', PERIOD, join(work, name, 'out')).agents;
}

describe('the numbers the page offers', () => {
  it('leave out the minimum sample of a count, a sum or a formula, and give a veto on a ratio in its unit (trial 6 L4)', () => {
    const data = structuredClone(dataOf('aftersale'));
    const card = data.policy.scorecards.find((s) => s.id === 'aftersale');
    const [item] = card?.scored ?? [];
    const [veto] = card?.vetoes ?? [];
    if (card === undefined || item === undefined || veto === undefined) throw new Error('the sample changed');
    expect(data.metrics.find((m) => m.id === 'praise_count')?.kind).toBe('count');
    card.scored.push({ ...item, metric: 'praise_count', min_sample: 5 });
    card.vetoes.push({
      ...veto,
      id: 'low-csat',
      when: { all: [{ fact: 'csat_rate', operator: 'lessThan', value: 0.5 }] },
    });
    const fields = calibrationFields(data);
    const samples = fields.filter((f) => f.what === 'min_sample').map((f) => f.subject);
    expect(samples).toContain('csat_rate');
    expect(samples).not.toContain('praise_count');
    expect(fields.find((f) => f.subject === 'low-csat')?.unit).toBe('ratio');
    expect(fields.find((f) => f.subject === veto.id && f.what === 'leaf')?.unit).toBe('count');
  });
});

describe('calibration: scoring the published values again', () => {
  it('gives every published score, grade and rank with no edit, for each scorecard', () => {
    for (const card of snapshot.scorecards) {
      const data = dataOf(card.id);
      expect(data.agents.length).toBeGreaterThan(0);
      const again = recompute(data, applyEdits(data, {})).map(({ points: _, ...o }) => o);
      expect(again).toEqual(results.agents.filter((a) => a.scorecard === card.id).map(outcomeOfResult));
    }
  });

  it('writes no line and refuses nothing with no edit', () => {
    const data = dataOf('aftersale');
    expect(editedText(data, {})).toEqual({ text: snapshot.text, changed: [], unplaced: [] });
    expect(checkEdits(data, applyEdits(data, {}))).toEqual([]);
  });

  it('round-trips the edits through the URL fragment', () => {
    const edits = {
      [editKey('target', 'fcr')]: 0.85,
      [editKey('weight', 'fcr')]: 20,
      [editKey('grade', 'S')]: 93,
    };
    expect(decodeEdits(`#${encodeEdits(edits)}`)).toEqual(edits);
    expect(encodeEdits(edits)).toBe('grade~S=93&target~fcr=0.85&weight~fcr=20');
  });

  it.each([1, 2, 3, 4, 5, 6])(
    'equals scorebook evaluate exactly for random edit %i of the sample policy',
    (seed) => {
      const card = snapshot.scorecards[seed % snapshot.scorecards.length]?.id ?? '';
      const data = dataOf(card);
      const edits = randomEdits(data, seed);
      expect(Object.keys(edits).length).toBeGreaterThan(2);
      const policy = applyEdits(data, edits);
      expect(checkEdits(data, policy)).toEqual([]);
      const { text, changed, unplaced } = editedText(data, edits);
      expect(unplaced).toEqual([]);
      expect(changed.length).toBeGreaterThan(0);
      const engine = evaluateWith(text, `seed-${seed}`).filter((a) => a.scorecard === card);
      expect(recompute(data, policy).map(({ points: _, ...o }) => o)).toEqual(engine.map(outcomeOfResult));
      const published = results.agents.filter((a) => a.scorecard === card);
      expect(engine.some((a, i) => a.total_score !== published[i]?.total_score)).toBe(true);
    },
    120_000,
  );
});

describe('calibration: what validation refuses', () => {
  const refusals: Array<[string, string, Record<string, number>]> = [
    ['aftersale', 'weights not adding up to 100', { [editKey('weight', 'fcr')]: 25 }],
    ['aftersale', 'a decimal weight', { [editKey('weight', 'fcr')]: 12.5 }],
    [
      'aftersale',
      'a target beyond its floor, and weights',
      { [editKey('target', 'first_response_time')]: 100, [editKey('weight', 'first_response_time')]: 40 },
    ],
    ['presale', 'a ratio target below its floor', { [editKey('target', 'csat_rate')]: 0.65 }],
    ['aftersale', 'grades out of order', { [editKey('grade', 'A')]: 96 }],
    ['presale', 'a grade at the one above it', { [editKey('grade', 'B')]: 85 }],
  ];
  it.each(refusals)(
    '%s: %s, with the codes and messages of scorebook validate',
    (card, _what, edits) => {
      const data = dataOf(card);
      const page = checkEdits(data, applyEdits(data, edits));
      expect(page.length).toBeGreaterThan(0);
      const folder = join(work, `refused-${Object.keys(edits).join('-')}`, 'ecommerce-cs');
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, snapshot.file), editedText(data, edits).text);
      expect([...page].sort(byCode)).toEqual(validateErrors(folder));
    },
    60_000,
  );

  it('lists each weight, as the reader typed it, in the order of the policy (trial 9 finding 11)', () => {
    const data = dataOf('aftersale');
    expect(checkEdits(data, applyEdits(data, { [editKey('weight', 'fcr')]: 12.5 }))).toEqual([
      {
        code: 'WEIGHTS_NOT_100',
        message: {
          zh: '考核表 "aftersale" 的权重合计为 97.5,应为 100:first_response_time 25 + avg_response_time 15 + reply_rate 5 + csat_rate 15 + fcr 12.5 + complaint_rate 10 + qa_score 15 = 97.5。',
          en: 'The weights of scorecard "aftersale" add up to 97.5; they must add up to 100: first_response_time 25 + avg_response_time 15 + reply_rate 5 + csat_rate 15 + fcr 12.5 + complaint_rate 10 + qa_score 15 = 97.5.',
        },
      },
    ]);
  });
});

describe('calibration: forced-distribution shares and range bounds', () => {
  const cases = [
    { id: 'wecom-community', scorecards: ['presale', 'aftersale'] },
    { id: 'express-cs', scorecards: ['express'] },
  ];
  const base = new Map<string, { snapshot: PolicySnapshot; results: Results }>();

  beforeAll(() => {
    for (const { id } of cases) {
      const out = join(work, `${id}-base`);
      const r = evaluatePeriod(join(ROOT, 'configs/policies', id), 'data/sample', PERIOD, out);
      base.set(id, { snapshot: readJson<PolicySnapshot>(join(out, 'policy.json')), results: r });
    }
  }, 240_000);

  /** The page's recompute of `edits`, the lines it writes, and `scorebook evaluate` of its text. */
  function both(id: string, card: string, edits: Edits, name: string) {
    const { snapshot: s, results: r } = base.get(id) ?? { snapshot, results };
    const data = calibrationData(PERIOD, s, r.agents, card);
    const policy = applyEdits(data, edits);
    expect(checkEdits(data, policy)).toEqual([]);
    const written = editedText(data, edits);
    expect(written.unplaced).toEqual([]);
    // The versions before too: the history facts of express-cs read the periods before.
    const folder = join(work, name, id);
    mkdirSync(folder, { recursive: true });
    const versions = join(ROOT, 'configs/policies', id);
    for (const f of readdirSync(versions).filter((f) => f.endsWith('.yaml') && f < s.file))
      copyFileSync(join(versions, f), join(folder, f));
    writeFileSync(join(folder, s.file), written.text);
    scorebook('validate', folder);
    const engine = evaluatePeriod(folder, 'data/sample', PERIOD, join(work, name, 'out')).agents;
    return {
      ...written,
      page: recompute(data, policy).map(({ points: _, ...o }) => o),
      engine: engine.filter((a) => a.scorecard === card).map(outcomeOfResult),
      published: r.agents.filter((a) => a.scorecard === card).map(outcomeOfResult),
    };
  }

  it('refuses group weights and the weights inside a group with the codes and messages of scorebook validate', () => {
    const { snapshot: s, results: r } = base.get('wecom-community') ?? { snapshot, results };
    const data = calibrationData(PERIOD, s, r.agents, 'aftersale');
    const edits = { [editKey('group', 'outcome')]: 50.5, [editKey('weight', 'fcr')]: 45 };
    const page = checkEdits(data, applyEdits(data, edits));
    expect(page.map((p) => p.message.en)).toEqual([
      'The weights inside group "outcome" of scorecard "aftersale" add up to 95; they must add up to 100 (they share out the group\'s subtotal): fcr 45 + complaint_rate 20 + qa_score 30 = 95.',
      'The group weights of scorecard "aftersale" add up to 105.5; they must add up to 100: response 30 + outcome 50.5 + satisfaction 25 = 105.5.',
    ]);
    const folder = join(work, 'refused-groups', 'wecom-community');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, s.file), editedText(data, edits).text);
    expect([...page].sort(byCode)).toEqual(validateErrors(folder));
  }, 60_000);

  it('writes share edits into the distribution item of their grade, as percentages', () => {
    const edits = { [editKey('max_share', 'A')]: 0.1, [editKey('min_share', 'D')]: 0.15 };
    const run = both('wecom-community', 'aftersale', edits, 'shares');
    expect(run.changed).toEqual([
      {
        line: 134,
        before: '        - { grade: A, max_share: 20% }',
        after: '        - { grade: A, max_share: 10% }',
      },
      {
        line: 135,
        before: '        - { grade: D, min_share: 5% }',
        after: '        - { grade: D, min_share: 15% }',
      },
    ]);
    expect(run.page).toEqual(run.engine);
    expect(run.engine.some((a, i) => a.grade !== run.published[i]?.grade)).toBe(true);
  }, 120_000);

  it('writes a range bound into the pair that holds it, in the unit it is written in', () => {
    const edits = {
      [editKey('high', 'avg_handle_time')]: 600,
      [editKey('floor_low', 'avg_handle_time')]: 90,
    };
    const run = both('express-cs', 'express', edits, 'range');
    expect(run.changed).toEqual([
      {
        line: 86,
        before:
          '          - { metric: avg_handle_time, weight: 50, method: range, target: [5m, 15m], floor: [2m, 40m] }',
        after:
          '          - { metric: avg_handle_time, weight: 50, method: range, target: [5m, 10m], floor: [1.5m, 40m] }',
      },
    ]);
    expect(run.page).toEqual(run.engine);
    expect(run.engine.some((a, i) => a.total !== run.published[i]?.total)).toBe(true);
  }, 120_000);

  it.each([
    ['wecom-community', 'presale', 1],
    ['wecom-community', 'aftersale', 2],
    ['wecom-community', 'presale', 3],
    ['express-cs', 'express', 4],
    ['express-cs', 'express', 5],
    ['express-cs', 'express', 6],
  ])(
    'equals scorebook evaluate exactly for random edits of %s %s (seed %i), shares and bounds included',
    (id, card, seed) => {
      const { snapshot: s, results: r } = base.get(id) ?? { snapshot, results };
      const edits = randomEdits(calibrationData(PERIOD, s, r.agents, card), seed);
      const kinds = Object.keys(edits).map((k) => k.slice(0, k.indexOf('~')));
      expect(
        kinds.some((k) => ['max_share', 'min_share', 'low', 'high', 'floor_low', 'floor_high'].includes(k)),
      ).toBe(true);
      const run = both(id, card, edits, `${id}-seed-${seed}`);
      expect(run.changed.length).toBeGreaterThan(0);
      expect(run.page).toEqual(run.engine);
    },
    120_000,
  );
});

describe('calibration: a later version of the policy', () => {
  const published = (id: string) => ({
    id,
    manifest: readJson<Manifest>(join(ROOT, 'data/results', id, 'manifest.json')),
    policy: readJson<PolicySnapshot>(join(ROOT, 'data/results', id, 'policy.json')),
  });
  // Newest first, as the site reads them; 2026-12 is wecom-community, another policy.
  const periods = ['2026-12', '2026-11', '2026-10'].map(published);
  const [december, november, october] = periods as [
    (typeof periods)[number],
    (typeof periods)[number],
    (typeof periods)[number],
  ];

  it('names the latest version a published period of the same policy used', () => {
    expect(laterVersion(october, periods)).toEqual({
      version: '2026.11',
      effective_from: '2026-11-01',
      file: '2026-11-01.yaml',
      period: '2026-11',
    });
    expect(laterVersion(november, periods)).toBe(null);
    expect(laterVersion(december, periods)).toBe(null);
  });

  it('ignores a draft (no manifest.json) and a period without policy.json', () => {
    expect(laterVersion(october, [{ ...november, manifest: null }, october])).toBe(null);
    expect(laterVersion({ policy: null }, periods)).toBe(null);
  });

  it('tells the reader, Chinese first, to make the changed lines in the latest version file', () => {
    const later = laterVersion(october, periods);
    const params = {
      version: '2026.10',
      period: '2026-10',
      latest: later?.version ?? '',
      latestPeriod: later?.period ?? '',
      latestFile: later?.file ?? '',
    };
    expect(t('zh', 'calibrateLaterVersion', params)).toBe(
      '这是版本 2026.10,适用于 2026-10;2026.11(已发布于 2026-11)更新:请在最新版本的文件(2026-11-01.yaml)中做这些改动的行,不要把这份文件整体另存。',
    );
    expect(t('en', 'calibrateLaterVersion', params)).toBe(
      'This is version 2026.10, in force for 2026-10; 2026.11 (published for 2026-11) is later: make the changed lines in the latest version file (2026-11-01.yaml) instead of saving this file whole.',
    );
    expect(t('zh', 'calibrateYamlNoteLater', { latest: '2026.11' })).toContain(
      '请把这些改动的行改进最新版本的文件',
    );
  });
});

describe('calibration: per-agent targets (quota items)', () => {
  const QUOTA = join(ROOT, 'configs/policies/presale-quota');
  let quotaSnapshot: PolicySnapshot;
  let quotaResults: Results;

  beforeAll(() => {
    const out = join(work, 'quota-base');
    quotaResults = evaluatePeriod(QUOTA, 'data/sample', PERIOD, out);
    quotaSnapshot = readJson<PolicySnapshot>(join(out, 'policy.json'));
  }, 120_000);

  it('scores each agent by its own published target, and an edit of the item moves only agents without one', () => {
    const data = calibrationData(PERIOD, quotaSnapshot, quotaResults.agents, 'presale');
    const own = quotaResults.agents.filter((a) => a.metrics.sales_amount?.quota?.from === 'targets');
    expect(own.length).toBeGreaterThan(0);
    const again = recompute(data, applyEdits(data, {})).map(({ points: _, ...o }) => o);
    expect(again).toEqual(quotaResults.agents.filter((a) => a.scorecard === 'presale').map(outcomeOfResult));
    const edits = { [editKey('target', 'sales_amount')]: 3000, [editKey('floor', 'sales_amount')]: 1000 };
    const policy = applyEdits(data, edits);
    expect(checkEdits(data, policy)).toEqual([]);
    const { text } = editedText(data, edits);
    const policies = join(work, 'quota-edit', 'presale-quota');
    mkdirSync(policies, { recursive: true });
    writeFileSync(join(policies, quotaSnapshot.file), text);
    const engine = evaluatePeriod(policies, 'data/sample', PERIOD, join(work, 'quota-edit', 'out')).agents;
    expect(recompute(data, policy).map(({ points: _, ...o }) => o)).toEqual(
      engine.filter((a) => a.scorecard === 'presale').map(outcomeOfResult),
    );
  }, 120_000);
});
