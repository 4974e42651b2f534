// One evaluation of a data folder with the sample policy, measured in its own process for the
// evaluation benchmark: `node bench/scorebook-run.ts <data-dir> [--engine stream|duckdb]`.
import { evaluate } from '@scorebook/engine';
import { REPOSITORY } from '../src/repository.ts';
import { childFigures, type MessageMetrics } from './bench-figures.ts';

const [dir] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: node bench/scorebook-run.ts <data-dir>');
await childFigures(async () => {
  const evaluation = await evaluate({
    policiesDir: REPOSITORY.samplePolicy,
    dataDir: dir,
    period: '2026-10',
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
  return {
    metrics,
    note: `rated ${summary.rated}/${summary.agents}, rejected rows ${summary.rejected_rows}`,
  };
});
