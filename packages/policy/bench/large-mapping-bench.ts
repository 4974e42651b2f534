// Benchmark: validating policies with one very large mapping, at 12,500, 25,000 and 50,000 keys,
// to show the cost grows linearly: a mapping under an unknown key (one problem), and a mapping of
// unknown keys (one problem per key). Run: npm run bench -w @scorebook/policy
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPolicyBytes } from '../src/index.ts';

const example = readFileSync(
  fileURLToPath(new URL('../test/fixtures/example/example-policy.yaml', import.meta.url)),
  'utf8',
);
// Short keys in a flow mapping, so that 50,000 of them fit under the 256 KiB file limit.
const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i.toString(36)}`).join(',');
const cases: Array<[string, (n: number) => string]> = [
  ['a mapping of n keys under an unknown key', (n) => `${example}extra: {${keys(n)}}\n`],
  [
    'n unknown keys in business_hours',
    (n) =>
      example.replace(
        /^business_hours:\n( {2}.*\n)+/m,
        `business_hours: {mon: ["08:00-24:00"], ${keys(n)}}\n`,
      ),
  ],
];

for (const [name, make] of cases) {
  console.log(`${name}:`);
  for (const n of [12_500, 25_000, 50_000]) {
    const bytes = new TextEncoder().encode(make(n));
    const start = process.hrtime.bigint();
    const loaded = loadPolicyBytes('bench.yaml', bytes);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const size = `${(bytes.byteLength / 1024).toFixed(0)} KiB`;
    console.log(`  n = ${n}: ${ms.toFixed(0)} ms (${size}, ${loaded.problems.length} problems)`);
  }
}
