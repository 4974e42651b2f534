import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePeriod } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILES, SCRIPT } from '../scripts/generated-files.ts';
import { loadPolicyFamily, loadPolicyFile, parseQuantity, selectVersion } from '../src/index.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

describe('the spec example and the sample policies', () => {
  it('accepts the spec example policy as it is', () => {
    const loaded = loadPolicyFile(`${fixtures}example/example-policy.yaml`);
    expect(loaded.problems).toEqual([]);
    expect(loaded.policy?.scorecards.map((s) => s.id)).toEqual(['aftersale', 'presale']);
    const frt = loaded.policy!.scorecards[0]!.scored[0]!;
    expect(frt).toMatchObject({
      metric: 'first_response_time',
      weight: 15,
      target: 20,
      floor: 60,
      method: 'linear',
      min_sample: 1,
    });
    expect(frt.source.line).toBe(61);
    expect(loaded.policy!.scorecards[0]!.scored[5]).toMatchObject({
      metric: 'complaint_rate',
      target: 0.005,
      floor: 0.03,
    });
  });

  it('accepts every sample policy in configs/', () => {
    const family = loadPolicyFamily(
      fileURLToPath(new URL('../../../configs/policies/ecommerce-cs', import.meta.url)),
    );
    expect(family.problems).toEqual([]);
    expect(family.versions.map((v) => v.version)).toEqual(['2026.10', '2026.11', '2026.12', '2027.01']);
  });
});

describe('the published JSON Schema and its validator', () => {
  it(`are what \`${SCRIPT}\` writes`, () => {
    expect(GENERATED_FILES.map((f) => f.path.split('/').slice(-2).join('/'))).toEqual([
      'generated/policy-validator.js',
      'schema/policy.schema.json',
    ]);
    for (const { path, text } of GENERATED_FILES) expect(readFileSync(path, 'utf8'), path).toBe(text());
  });
});

describe('quantities', () => {
  it('reads percentages, durations and plain numbers in the metric unit', () => {
    expect(parseQuantity('95%', 'ratio', 'm')).toEqual({ ok: true, value: 0.95 });
    expect(parseQuantity('0.5%', 'ratio', 'm')).toEqual({ ok: true, value: 0.005 });
    expect(parseQuantity(0.9, 'ratio', 'm')).toEqual({ ok: true, value: 0.9 });
    expect(parseQuantity('20s', 'seconds', 'm')).toEqual({ ok: true, value: 20 });
    expect(parseQuantity('2m', 'seconds', 'm')).toEqual({ ok: true, value: 120 });
    expect(parseQuantity('1.5h', 'seconds', 'm')).toEqual({ ok: true, value: 5400 });
    expect(parseQuantity(300, 'amount', 'm')).toEqual({ ok: true, value: 300 });
  });

  it('refuses units that do not fit and ratios written as percentages without %', () => {
    expect(parseQuantity('20s', 'ratio', 'm')).toMatchObject({ ok: false, code: 'QUANTITY_UNIT_MISMATCH' });
    expect(parseQuantity('95%', 'seconds', 'm')).toMatchObject({ ok: false, code: 'QUANTITY_UNIT_MISMATCH' });
    expect(parseQuantity(95, 'ratio', 'm')).toMatchObject({ ok: false, code: 'QUANTITY_RATIO_RANGE' });
    expect(parseQuantity('fast', 'seconds', 'm')).toMatchObject({ ok: false, code: 'QUANTITY_INVALID' });
  });
});

describe('policy families', () => {
  it('refuses two versions with the same version label or effective date', () => {
    const family = loadPolicyFamily(`${fixtures}families/duplicate-version/ecommerce-cs`);
    expect(family.problems.map((p) => [p.code, p.file.split('/').pop(), p.line])).toEqual([
      ['DUPLICATE_VERSION', '2026-11-01.yaml', 3],
      ['DUPLICATE_EFFECTIVE_FROM', '2026-12-01.yaml', 4],
      ['FILE_NAME_NOT_EFFECTIVE_FROM', '2026-12-01.yaml', 4],
    ]);
    expect(family.versions).toEqual([]);
  });

  it('refuses an id that is not the folder name', () => {
    const family = loadPolicyFamily(`${fixtures}families/wrong-folder/retail-cs`);
    expect(family.problems.map((p) => [p.code, p.line, p.column])).toEqual([['POLICY_ID_NOT_FOLDER', 2, 5]]);
  });

  it('selects the version in force at the start of a month, quarter or year', () => {
    const family = loadPolicyFamily(`${fixtures}families/valid/ecommerce-cs`);
    const pick = (p: string) => selectVersion(family, parsePeriod(p)!);
    expect(pick('2026-10').policy?.version).toBe('2026.10');
    expect(pick('2026-12').policy?.version).toBe('2026.10');
    expect(pick('2026-Q4').policy?.version).toBe('2026.10');
    expect(pick('2027-01').policy?.version).toBe('2027.01');
    expect(pick('2027').policy?.version).toBe('2027.01');
    expect(pick('2026').problem?.code).toBe('NO_VERSION_FOR_PERIOD');
    expect(pick('2026-09').problem?.message.en).toContain('2026-10-01');
  });

  it('reports a folder without policies and a path that is not a folder', () => {
    expect(loadPolicyFamily(`${fixtures}broken/../families`).problems[0]!.code).toBe('NO_POLICY_FILES');
    expect(loadPolicyFamily(`${fixtures}example/example-policy.yaml`).problems[0]!.code).toBe('NOT_A_FOLDER');
  });

  it('names the policy folders of a folder given for one policy (configs/policies for configs/policies/<id>)', () => {
    const [problem] = loadPolicyFamily(`${fixtures}families/valid`).problems;
    expect(problem?.code).toBe('NO_POLICY_FILES');
    expect(problem?.message.en).toBe(
      `The folder has no policy files (*.yaml) but holds policy folders: ecommerce-cs. Give one policy's folder, e.g. --policies ${fixtures}families/valid/ecommerce-cs.`,
    );
    expect(problem?.message.zh).toContain('但有策略文件夹:ecommerce-cs。');
  });
});
