// Benchmark: validating a policy of about 300 lines (the spec example with more scorecards).
// Prints the cold first validation and the median of warm ones. Run: npm run bench -w @scorebook/policy
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPolicyFile } from '../src/index.ts';

const example = readFileSync(
  fileURLToPath(new URL('../test/fixtures/example/example-policy.yaml', import.meta.url)),
  'utf8',
);
const presale = example.slice(example.indexOf('  presale:'));
let text = example;
for (let i = 0; text.split('\n').length < 300; i++) {
  text += `\n${presale.replace('  presale:', `  presale_${i}:`).replace('roles: [presale]', `roles: [presale_${i}]`)}`;
}
const dir = mkdtempSync(join(tmpdir(), 'scorebook-bench-'));
const file = join(dir, '2026-10-01.yaml');
writeFileSync(file, text);
const lines = text.split('\n').length;

const time = () => {
  const start = process.hrtime.bigint();
  const loaded = loadPolicyFile(file);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (loaded.policy === null) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
  return ms;
};
const cold = time();
const warm = Array.from({ length: 50 }, time).sort((a, b) => a - b);
const [min = 0] = warm;
const median = warm[25] ?? 0;
const max = warm.at(-1) ?? 0;
console.log(`policy validation, ${lines} lines:`);
console.log(`  first in a fresh process (module warm-up, catalog load): ${cold.toFixed(1)} ms`);
console.log(`  warm median of 50: ${median.toFixed(2)} ms (min ${min.toFixed(2)}, max ${max.toFixed(2)})`);
