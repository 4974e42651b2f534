// Benchmark: build the report site for a generated period of 2,000 agents.
// Prints evaluation time, site build time and pages per second. Run: npm run bench:site -w @scorebook/cli
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, writeEvaluation } from '@scorebook/engine';
import { generateSample } from '@scorebook/sample';
import { REPOSITORY } from '../src/repository.ts';
import { buildSite } from '../src/site/build-site.ts';

const agents = Number(process.argv[2] ?? 2000);
const work = mkdtempSync(join(tmpdir(), 'scorebook-site-bench-'));
generateSample({
  out: join(work, 'data'),
  agents,
  start: '2026-10',
  months: 1,
  seed: 3,
  conversationsPerDay: 2,
});
let t = performance.now();
const evaluation = await evaluate({
  policiesDir: REPOSITORY.samplePolicy,
  dataDir: join(work, 'data'),
  period: '2026-10',
});
writeEvaluation(join(work, 'results', '2026-10'), evaluation);
console.log(`evaluated ${agents} agents in ${((performance.now() - t) / 1000).toFixed(1)} s`);
t = performance.now();
const report = await buildSite({
  resultsDir: join(work, 'results'),
  policiesDir: REPOSITORY.policies,
  outDir: join(work, 'site'),
});
const seconds = (performance.now() - t) / 1000;
console.log(
  `site built: ${report.pages} pages in ${seconds.toFixed(1)} s, ${(report.pages / seconds).toFixed(0)} pages/s`,
);
t = performance.now();
const again = await buildSite({
  resultsDir: join(work, 'results'),
  policiesDir: REPOSITORY.policies,
  outDir: join(work, 'site'),
});
console.log(
  `rebuild with nothing changed: ${((performance.now() - t) / 1000).toFixed(1)} s (${again.reused.length} periods re-used)`,
);
rmSync(work, { recursive: true, force: true });
