import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isCustomTableName, measuredFields, TABLES } from '@scorebook/contract';
import { loadPolicyFamily, policyMetricCatalog, segmentDefinitions, selectVersion } from '@scorebook/policy';
import { parsePeriod, Zone, zonePeriod } from '@scorebook/time';
import { expect, it } from 'vitest';
import { evaluate } from '../src/index.ts';
import { exclusionsSql } from '../src/sql/compile-exclusions.ts';
import { measureSql } from '../src/sql/compile-measure.ts';
import { DUCKDB } from '../src/sql/dialect.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const file = `${root}docs/scale-sample-policy.sql`;

// The SQL `evaluate --engine duckdb` runs for the sample policy in October 2026, as documented.
function sampleSql(): string {
  const period = parsePeriod('2026-10');
  if (period === null) throw new Error('2026-10 is a period');
  const { policy } = selectVersion(loadPolicyFamily(`${root}configs/policies/ecommerce-cs`), period);
  if (policy === null) throw new Error('the sample policy is in force in 2026-10');
  const zone = new Zone(policy.timezone);
  const catalog = policyMetricCatalog(policy);
  const metrics = [...catalog, ...segmentDefinitions(policy, catalog)];
  // The sample policy's exclusions are decided in SQL (docs/scale.md §5.3).
  const exclusions = exclusionsSql({
    exclusions: policy.exclusions,
    fieldsOf: (table) => TABLES[table].fields,
    zone,
    cap: 20,
    dialect: DUCKDB,
  });
  if (exclusions.refusals.length > 0) throw new Error('every exclusion of the sample policy compiles');
  const sql = measureSql({
    decidedInSql: new Set(exclusions.tables.map((t) => t.table)),
    metrics,
    fieldsOf: (table) =>
      table === 'ratings' ? TABLES.ratings.fields : isCustomTableName(table) ? {} : measuredFields(table),
    zone,
    period: zonePeriod(period, zone),
    businessHours: policy.business_hours !== null,
    cap: 20,
    dialect: DUCKDB,
  });
  return `${[
    `-- The SQL of the measure stage of configs/policies/ecommerce-cs (${policy.version}) for 2026-10 on DuckDB,`,
    '-- as packages/engine/src/sql/compile-measure.ts writes it (docs/scale.md §6). Regenerate with',
    '-- SCOREBOOK_WRITE_SQL=1 npx vitest run test/sql-sample-policy.test.ts (in packages/engine).',
    '',
    '-- 1. Tables, filled by appenders from the rows the TypeScript stages accepted.',
    ...sql.tables.map(
      (t) =>
        `CREATE TABLE ${t.name} (${t.columns.map((c) => `${DUCKDB.ident(c.name)} ${DUCKDB.type(c.type)}`).join(', ')});`,
    ),
    ...exclusions.tables.map(
      ({ load: t }) =>
        `CREATE TABLE ${t.name} (${t.columns.map((c) => `${DUCKDB.ident(c.name)} ${DUCKDB.type(c.type)}`).join(', ')});`,
    ),
    '',
    '-- 2. Exclusions (compile-exclusions.ts): excluded_by in policy order; the rows of the period removed',
    '-- per exclusion; per agent and exclusion the first rows in reading order, as evidence.',
    ...exclusions.tables.map((t) => `${t.decide};\n\n${t.counts};\n\n${t.evidence};\n`),
    '-- 3. Derivation: customer blocks, business seconds, conversation facts, measured views.',
    ...sql.derive.map((s) => `${s};\n`),
    '-- 4. Every metric per agent: (metric, agent, n, s, o, pv) rows that add up.',
    `${sql.values};`,
    '',
    '-- 5. Evidence of each metric for the agents it scores.',
    ...sql.evidence.map((e, i) => `-- ${i}: ${metrics[i]?.id}\n${e ?? '-- none'};\n`),
  ].join('\n')}`;
}

it('docs/scale-sample-policy.sql is the SQL the engine writes for the sample policy', () => {
  const sql = sampleSql();
  if (process.env.SCOREBOOK_WRITE_SQL === '1') writeFileSync(file, sql);
  expect(readFileSync(file, 'utf8')).toBe(sql);
});

// The statements of the documented file: its comment lines left out, each statement ending with `;`
// at a line's end.
function statementsOf(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('--'))
    .join('\n')
    .split(/;\n/)
    .map((statement) => statement.trim())
    .filter((statement) => statement !== '');
}

it('is what evaluate --engine duckdb runs on the sample company: every statement of the file, and no other', async () => {
  const ran: string[] = [];
  await evaluate({
    policiesDir: `${root}configs/policies/ecommerce-cs`,
    dataDir: `${root}data/sample`,
    period: '2026-10',
    appealsDir: null,
    engine: 'duckdb',
    onSqlStatement: (statement) => ran.push(statement),
  });
  const documented = statementsOf(readFileSync(file, 'utf8'));
  expect(documented.length).toBeGreaterThan(50);
  expect([...new Set(ran)].sort()).toEqual([...new Set(documented)].sort());
}, 60_000);
