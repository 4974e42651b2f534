// Benchmark: evaluate a generated month of 500 agents, ~500k conversations and ~3M messages.
// Prints generation time, rows read per second and peak memory. Run: npm run bench -w @scorebook/cli
// Options: --agents N --per-day X (average conversations per agent and working day).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate } from '@scorebook/engine';
import { generateSample } from '@scorebook/sample';
import { REPOSITORY } from '../src/repository.ts';

const { values } = parseArgs({
  options: { agents: { type: 'string' }, 'per-day': { type: 'string' }, keep: { type: 'boolean' } },
});
const agents = Number(values.agents ?? 500);
const perDay = Number(values['per-day'] ?? 52);
const policies = REPOSITORY.samplePolicy;
const dir = mkdtempSync(join(tmpdir(), 'scorebook-bench-'));

let t = performance.now();
const summary = generateSample({
  out: dir,
  agents,
  start: '2026-10',
  months: 1,
  seed: 42,
  conversationsPerDay: perDay,
});
const generateSeconds = (performance.now() - t) / 1000;
const rows = Object.values(summary).reduce((a, b) => a + b, 0);
console.log(
  `generated ${agents} agents, ${summary.conversations!.toLocaleString('en-US')} conversations, ${summary.messages!.toLocaleString('en-US')} messages (${rows.toLocaleString('en-US')} rows) in ${generateSeconds.toFixed(1)} s`,
);

const rssBefore = process.memoryUsage().rss;
let peakHeap = 0;
const sampler = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 100);
const cpuBefore = process.cpuUsage();
t = performance.now();
const evaluation = await evaluate({ policiesDir: policies, dataDir: dir, period: '2026-10' });
const seconds = (performance.now() - t) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
clearInterval(sampler);
const peakRss = process.resourceUsage().maxRSS * 1024;
console.log(
  `evaluated 2026-10 in ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s): ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s`,
);
console.log(
  `  agents rated ${evaluation.results.summary.rated}/${evaluation.results.summary.agents}, rejected rows ${evaluation.rejected.length}`,
);
console.log(
  `  peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (before evaluating ${(rssBefore / 2 ** 20).toFixed(0)} MiB), peak heap sampled ${(peakHeap / 2 ** 20).toFixed(0)} MiB`,
);
if (values.keep) console.log(`  data kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });
