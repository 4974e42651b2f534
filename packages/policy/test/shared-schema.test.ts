import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { configTextFromBytes, parseConfigYaml, validatorModule } from '@scorebook/config-file';
import { describe, expect, it } from 'vitest';

const configs = fileURLToPath(new URL('../../../configs/', import.meta.url));
const schema = JSON.parse(readFileSync(join(configs, 'schema/shared.schema.json'), 'utf8'));

/** The published schema compiled as the project compiles its own (strict ajv, 2020-12). */
async function validator(): Promise<(value: unknown) => boolean> {
  const file = join(mkdtempSync(join(tmpdir(), 'scorebook-shared-schema-')), 'validate.mjs');
  writeFileSync(file, validatorModule(schema, 'test'));
  return (await import(pathToFileURL(file).href)).default;
}

describe('configs/schema/shared.schema.json, for editors', () => {
  it('accepts the sample shared file and refuses what the loader refuses', async () => {
    const validate = await validator();
    const { text } = configTextFromBytes('x.yaml', readFileSync(join(configs, 'shared/express-common.yaml')));
    const sample = text === null ? null : parseConfigYaml(text).parsed?.value;
    expect(validate(sample)).toBe(true);
    const base = { scorebook_shared: 1, title: 't', definitions: { a: [1] } };
    expect(validate({ ...base, scorebook_shared: 2 })).toBe(false);
    expect(validate({ ...base, colour: 'red' })).toBe(false);
    expect(validate({ ...base, definitions: {} })).toBe(false);
    expect(validate({ ...base, definitions: { 'Bad Name': 1 } })).toBe(false);
    expect(validate({ ...base, definitions: { a: { list: [{ $shared: 'x/y' }] } } })).toBe(false);
    expect(validate({ ...base, definitions: { a: { list: [{ shared: 'x/y' }] } } })).toBe(true);
  });
});
