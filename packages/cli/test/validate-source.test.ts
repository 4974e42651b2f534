import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const valid = fileURLToPath(
  new URL('../../policy/test/fixtures/families/valid/ecommerce-cs/2026-10-01.yaml', import.meta.url),
);

/** A policy folder whose exclusion reads the extra column `responsible_party` with `operator`. */
function folder(operator: string, value: string): string {
  const root = mkdtempSync(join(tmpdir(), 'scorebook-validate-source-'));
  const dir = join(root, 'ecommerce-cs');
  mkdirSync(dir);
  const text = readFileSync(valid, 'utf8').replace(
    '        - { fact: category, operator: equal, value: product_defect }',
    `        - { fact: category, operator: equal, value: product_defect }\n        - { fact: responsible_party, operator: ${operator}, value: ${value} }`,
  );
  writeFileSync(join(dir, '2026-10-01.yaml'), text);
  writeFileSync(
    join(root, 'source.yaml'),
    'scorebook: 1\nkind: source\ntables:\n  complaints:\n    fields:\n      responsible_party: { column: 责任方, type: string }\n',
  );
  return dir;
}
const codes = (json: string) => (JSON.parse(json) as Array<{ code: string }>).map((p) => p.code);

describe('scorebook validate --source', () => {
  it('knows the extra fields a source declares: no "extra column?" warning', async () => {
    const dir = folder('equal', 'agent');
    const without = await runCli('validate', dir, '--format', 'json');
    expect(codes(without.stdout)).toEqual(['CONDITION_UNKNOWN_FACT']);
    expect(JSON.parse(without.stdout)[0].message.en).toContain(
      "declare its type in source.yaml's fields, e.g. responsible_party: { type: string }, and validate with --source",
    );
    const source = join(dir, '..', 'source.yaml');
    const r = await runCli('validate', dir, '--source', source, '--format', 'json');
    expect(r.code).toBe(0);
    expect(codes(r.stdout)).toEqual([]);
  });

  it('checks conditions on them by the declared type', async () => {
    const dir = folder('greaterThan', '3');
    const r = await runCli('validate', dir, '--source', join(dir, '..', 'source.yaml'), '--format', 'json');
    expect(codes(r.stdout)).toEqual(['CONDITION_OPERATOR_FACT_TYPE']);
  });

  it('checks metrics on custom tables against the source that declares them (docs/custom-tables.md)', async () => {
    const policies = fileURLToPath(new URL('../../../configs/policies/wecom-custom', import.meta.url));
    const example = fileURLToPath(
      new URL('../../../data/examples/wecom-community-2026-10/source.yaml', import.meta.url),
    );
    expect((await runCli('validate', policies, '--format', 'json')).code).toBe(0);
    expect((await runCli('validate', policies, '--source', example, '--format', 'json')).code).toBe(0);
    const other = join(mkdtempSync(join(tmpdir(), 'scorebook-validate-custom-')), 'source.yaml');
    writeFileSync(other, readFileSync(example, 'utf8').replace('x_group_members:', 'x_members:'));
    const r = await runCli('validate', policies, '--source', other, '--format', 'json');
    expect(r.code).toBe(1);
    expect(codes(r.stdout)).toEqual([
      'CUSTOM_TABLE_UNDECLARED',
      'CUSTOM_TABLE_UNDECLARED',
      'CUSTOM_TABLE_UNDECLARED',
      'CUSTOM_TABLE_UNDECLARED',
    ]);
  });
});
