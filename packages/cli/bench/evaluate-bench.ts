// Benchmark: evaluate a generated month (500 agents, ~570k conversations, ~3M messages) and race
// the hand-written DuckDB query of its message metrics on the same files (duckdb-query.ts). Each
// run is a child process of its own, so wall time, CPU time (every thread) and peak RSS are its
// own; the values the two compute are compared agent by agent.
// Run: npm run bench:evaluate -w @scorebook/cli [-- --agents N --per-day X --runs R --data DIR --keep]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSample } from '@scorebook/sample';
import { type Figures, type MessageMetrics, runChild } from './bench-figures.ts';

const { values } = parseArgs({
  options: {
    agents: { type: 'string' },
    'per-day': { type: 'string' },
    runs: { type: 'string' },
    data: { type: 'string' },
    keep: { type: 'boolean' },
  },
});
const agents = Number(values.agents ?? 500);
const perDay = Number(values['per-day'] ?? 52);
const runs = Number(values.runs ?? 1);
const dir = values.data ?? mkdtempSync(join(tmpdir(), 'scorebook-bench-'));

if (values.data === undefined) {
  const t = performance.now();
  const summary = generateSample({
    out: dir,
    agents,
    start: '2026-10',
    months: 1,
    seed: 42,
    conversationsPerDay: perDay,
  });
  const rows = Object.values(summary).reduce((a, b) => a + b, 0);
  const count = (table: string) => (summary[table] ?? 0).toLocaleString('en-US');
  console.log(
    `generated ${agents} agents, ${count('conversations')} conversations, ${count('messages')} messages (${rows.toLocaleString('en-US')} rows) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}

const contenders = [
  { name: 'scorebook evaluate (everything)', script: 'scorebook-run.ts', args: [dir, 'typescript'] },
  { name: 'scorebook evaluate --engine duckdb', script: 'scorebook-run.ts', args: [dir, 'duckdb'] },
  { name: 'DuckDB query (responses, FRT, ART, reply rate)', script: 'duckdb-query.ts', args: [dir] },
] as const;
const QUERY = 2;
const results: Array<{ name: string; runs: Figures[] }> = contenders.map((c) => ({ name: c.name, runs: [] }));
for (let r = 0; r < runs; r++) {
  for (const [i, c] of contenders.entries()) results[i]?.runs.push(await runChild(c.script, c.args));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const reference = median(results[QUERY]?.runs.map((f) => f.wall) ?? []);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
console.log(`\n| run | wall (median of ${runs}) | CPU | peak RSS | × the query |`);
console.log('|---|---|---|---|---|');
for (const { name, runs: figures } of results) {
  const wall = median(figures.map((f) => f.wall));
  const cpu = median(figures.map((f) => f.cpu));
  const rss = Math.max(...figures.map((f) => f.peakRss));
  console.log(
    `| ${name} | ${wall.toFixed(1)} s | ${cpu.toFixed(1)} s | ${mib(rss)} | ${(wall / reference).toFixed(2)} |`,
  );
}
const notes = results.flatMap(({ name, runs: figures }) =>
  figures[0]?.note ? [`${name}: ${figures[0].note}`] : [],
);
for (const note of notes) console.log(`  ${note}`);

const [scorebook, onDuckdb, query] = results.map((r) => r.runs[0]?.metrics ?? {});
console.log(`  values, scorebook against the query: ${compare(scorebook ?? {}, query ?? {}, 'the query')}`);
console.log(
  `  values, scorebook's two engines: ${compare(scorebook ?? {}, onDuckdb ?? {}, '--engine duckdb')}`,
);
if (values.keep || values.data !== undefined) console.log(`  data in ${dir}`);
else rmSync(dir, { recursive: true, force: true });

// The largest difference of each message metric over the agents both runs give; `other` names the
// second run in the count of agents with responses that only the first gives.
function compare(
  a: Record<string, MessageMetrics>,
  b: Record<string, MessageMetrics>,
  other: string,
): string {
  const fields = ['responses', 'first_response_time', 'avg_response_time', 'reply_rate'] as const;
  const worst = Object.fromEntries(fields.map((f) => [f, 0]));
  let agentsCompared = 0;
  let missing = 0;
  for (const [agent, x] of Object.entries(a)) {
    const y = b[agent];
    if (y === undefined) {
      if (x.responses > 0) missing++;
      continue;
    }
    agentsCompared++;
    for (const f of fields) {
      const u = x[f];
      const v = y[f];
      const d = u === null || v === null ? (u === v ? 0 : Number.POSITIVE_INFINITY) : Math.abs(u - v);
      worst[f] = Math.max(worst[f] ?? 0, d);
    }
  }
  const diffs = fields.map((f) => `${f} ${worst[f]?.toExponential(1)}`).join(', ');
  return `${agentsCompared} agents compared (${missing} with responses missing from ${other}); largest differences: ${diffs}`;
}
