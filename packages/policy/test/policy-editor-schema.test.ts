import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { configTextFromBytes, parseConfigYaml, validatorModule } from '@scorebook/config-file';
import { describe, expect, it } from 'vitest';
import engineValidate from '../src/generated/policy-validator.js';
import { loadPolicyFile, POLICY_SCHEMA } from '../src/index.ts';

const configs = fileURLToPath(new URL('../../../configs/', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const editorSchema = JSON.parse(readFileSync(join(configs, 'schema/policy.schema.json'), 'utf8'));
const SAMPLE = join(configs, 'policies/express-cs/2027-01-01.yaml');

/** The published schema compiled as the project compiles its own (strict ajv, 2020-12). */
async function editorValidator(): Promise<(value: unknown) => boolean> {
  const file = join(mkdtempSync(join(tmpdir(), 'scorebook-policy-schema-')), 'validate.mjs');
  writeFileSync(file, validatorModule(editorSchema, 'test'));
  return (await import(pathToFileURL(file).href)).default;
}

/** The YAML value of a file as written (references unresolved); null when it does not parse. */
function unresolved(file: string): Record<string, unknown> | null {
  const { text } = configTextFromBytes(file, readFileSync(file));
  const value = text === null ? null : (parseConfigYaml(text).parsed?.value ?? null);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

const editor = editorValidator();

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));

describe('configs/schema/policy.schema.json, for editors', () => {
  it('accepts the sample version that uses shared definitions, unresolved', async () => {
    const validate = await editor;
    const sample = unresolved(SAMPLE);
    expect(JSON.stringify(sample)).toContain('"$shared":"express-common/grades"');
    expect(validate(sample)).toBe(true);
  });

  it('refuses a reference with another key, a bad name, or in the format key', async () => {
    const validate = await editor;
    const sample = unresolved(SAMPLE) ?? {};
    const grades = (value: unknown) => validate({ ...sample, grades: value });
    expect(grades({ $shared: 'express-common/grades' })).toBe(true);
    expect(grades({ $shared: 'express-common/grades', cap_grade: 'C' })).toBe(false);
    expect(grades({ $shared: 'Express-common/grades' })).toBe(false);
    expect(grades({ $shared: 'express-common/Grades' })).toBe(false);
    expect(grades({ $shared: 'express-common' })).toBe(false);
    expect(grades({ $shared: 'express-common/grades/a' })).toBe(false);
    expect(grades({ $shared: 1 })).toBe(false);
    expect(validate({ ...sample, scorebook: { $shared: 'express-common/format' } })).toBe(false);
    expect(validate({ $shared: 'express-common/policy' })).toBe(false);
    const express = (sample.scorecards as Record<string, Record<string, unknown>>).express;
    expect(express?.vetoes).toEqual([{ $shared: 'express-common/red-line-veto' }]);
    const withVeto = (veto: unknown) =>
      validate({ ...sample, scorecards: { express: { ...express, vetoes: [veto] } } });
    expect(withVeto({ $shared: 'express-common/red-line-veto' })).toBe(true);
    expect(withVeto({ $shared: 'express-common/red line' })).toBe(false);
    expect(withVeto({ $shared: 'express-common/red-line-veto', cap_grade: 'C' })).toBe(false);
    // A condition is an open mapping in the schema; a mapping with `$shared` there is still a reference.
    const [exclusion] = sample.exclusions as Array<Record<string, unknown>>;
    const withWhen = (when: unknown) => validate({ ...sample, exclusions: [{ ...exclusion, when }] });
    expect(withWhen({ $shared: 'express-common/courtesy' })).toBe(true);
    expect(withWhen({ $shared: 'express-common/courtesy', all: [] })).toBe(false);
    expect(withWhen({ $shared: 'express-common/' })).toBe(false);
  });

  it('judges every policy without references as the engine does', async () => {
    const validate = await editor;
    const files = [...yamlFiles(join(configs, 'policies')), ...yamlFiles(fixtures)].filter(
      (f) => !readFileSync(f, 'utf8').includes('$shared'),
    );
    const values = files.map(unresolved).filter((v) => v !== null);
    expect(values.length).toBeGreaterThan(30);
    const verdicts = values.map((v) => [validate(v), engineValidate(v)]);
    expect(verdicts.filter(([editor, engine]) => editor !== engine)).toEqual([]);
    expect(verdicts.filter(([, engine]) => !engine).length).toBeGreaterThan(0);
  });
});

describe('the engine validator, after resolution', () => {
  it('refuses a $shared left in place and accepts the resolved sample', () => {
    expect(JSON.stringify(POLICY_SCHEMA)).not.toContain('$shared');
    expect(engineValidate(unresolved(SAMPLE))).toBe(false);
    const loaded = loadPolicyFile(SAMPLE);
    expect(loaded.problems).toEqual([]);
    expect(JSON.stringify(loaded.raw)).not.toContain('$shared');
    expect(engineValidate(loaded.raw)).toBe(true);
    expect(engineValidate({ ...loaded.raw, grades: { $shared: 'express-common/grades' } })).toBe(false);
  });
});
