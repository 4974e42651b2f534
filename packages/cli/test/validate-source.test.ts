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

  it("refuses an exclusion written with the export's raw value instead of the mapped one", async () => {
    const dir = folder('equal', 'agent');
    const file = join(dir, '2026-10-01.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '- { fact: category, operator: equal, value: product_defect }',
        '- { fact: category, operator: equal, value: 产品质量 }',
      ),
    );
    const source = join(dir, '..', 'source.yaml');
    writeFileSync(
      source,
      `${readFileSync(source, 'utf8')}      category: { column: 投诉类型, map: { 产品质量: product_defect, 服务态度: attitude, 物流问题: logistics } }\n`,
    );
    const r = await runCli('validate', dir, '--source', source, '--format', 'json');
    expect(r.code).toBe(1);
    const problems = JSON.parse(r.stdout) as Array<{ code: string; line: number; column: number }>;
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([['CONDITION_RAW_VALUE', 26, 53]]);
    const human = await runCli('validate', dir, '--source', source);
    expect(human.stderr).toContain(
      `complaints.category 按数据来源中它的 map(${source}:7:17)读取,导出中的 "产品质量" 读作 product_defect:条件比较的是读取后的值,"产品质量" 永远不会相等,这个条件不会成立。写 product_defect。`,
    );
    expect(human.stderr).toContain(`${file}:26:53 错误 CONDITION_RAW_VALUE`);
    // Without the source, the map is unknown and the value cannot be judged.
    expect(codes((await runCli('validate', dir, '--format', 'json')).stdout)).toEqual([
      'CONDITION_UNKNOWN_FACT',
    ]);
  });
});
