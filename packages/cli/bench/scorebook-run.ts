// One evaluation of a data folder with the sample policy, measured in its own process for the
// evaluation benchmark: `node bench/scorebook-run.ts <data-dir> [typescript|duckdb] [threads]`
// (threads: the parallel option, default every core; 1 reads in one thread, for profiling).
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { evaluate, MEASURE_ENGINES, RESULT_FILES, writeEvaluation } from '@scorebook/engine';
import { REPOSITORY } from '../src/repository.ts';
import { childFigures, type MessageMetrics } from './bench-figures.ts';

const [dir, engine = 'typescript', threads] = process.argv.slice(2);
const measureEngine = MEASURE_ENGINES.find((e) => e === engine);
if (dir === undefined || measureEngine === undefined)
  throw new Error('usage: node bench/scorebook-run.ts <data-dir> [typescript|duckdb] [threads]');
await childFigures(async () => {
  const evaluation = await evaluate({
    policiesDir: REPOSITORY.samplePolicy,
    dataDir: dir,
    period: '2026-10',
    appealsDir: null,
    engine: measureEngine,
    ...(threads === undefined ? {} : { parallel: { threads: Number(threads) } }),
  });
  const metrics: Record<string, MessageMetrics> = {};
  for (const agent of evaluation.results.agents) {
    const m = agent.metrics;
    metrics[agent.agent_id] = {
      responses: m.avg_response_time?.sample ?? 0,
      first_response_time: m.first_response_time?.value ?? null,
      avg_response_time: m.avg_response_time?.value ?? null,
      reply_rate: m.reply_rate?.value ?? null,
    };
  }
  const { summary } = evaluation.results;
  // The four files written as `evaluate --out` writes them (measured); their bytes hashed
  // afterwards (not measured: the command does not hash them): equal hashes say the two engines
  // wrote the same results.
  const out = join(mkdtempSync(join(tmpdir(), 'scorebook-bench-out-')), 'out');
  writeEvaluation(out, evaluation);
  return {
    metrics,
    note: `rated ${summary.rated}/${summary.agents}, rejected rows ${summary.rejected_rows}`,
    afterwards: async () => {
      // One hash over the four files (each file's name, then its bytes, in RESULT_FILES order),
      // and each file's own sha256 as `sha256sum` prints it: the first 16 hex digits of each.
      const hash = createHash('sha256');
      const each: string[] = [];
      for (const name of RESULT_FILES) {
        hash.update(name);
        const own = createHash('sha256');
        for await (const chunk of createReadStream(join(out, name))) {
          hash.update(chunk as Buffer);
          own.update(chunk as Buffer);
        }
        each.push(`${name} ${own.digest('hex').slice(0, 16)}`);
      }
      rmSync(dirname(out), { recursive: true, force: true });
      return `files sha256 ${hash.digest('hex').slice(0, 16)} (${each.join(', ')})`;
    },
  };
});
