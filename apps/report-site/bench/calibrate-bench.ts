// The calibration's recompute on a large month (docs/calibration.md, performance): evaluates
// November of the sample company, repeats its agents to `agents` (default 5,000; every copy
// with its own id), and prints how long one recompute takes (scores, grades and ranks of every
// agent of the scorecard), the median of 20 after 5 warm-up runs, and the same for the
// weightless-items check. Prints figures; asserts nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PolicySnapshot, Results } from '@scorebook/contract';
import { applyEdits, editKey, recompute, weightlessItems } from '../src/lib/calibrate.ts';
import { calibrationData } from '../src/lib/calibrate-data.ts';
import { scorebook } from '../test/fixture-site.ts';

const agents = Number(process.argv[2] ?? 5000);
const work = mkdtempSync(join(tmpdir(), 'scorebook-calibrate-bench-'));
try {
  const out = join(work, 'out');
  scorebook(
    'evaluate',
    '--policies',
    'configs/policies/ecommerce-cs',
    '--data',
    'data/sample',
    '--period',
    '2026-11',
    '--out',
    out,
    '--quiet',
  );
  const snapshot = JSON.parse(readFileSync(join(out, 'policy.json'), 'utf8')) as PolicySnapshot;
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
  const card = 'aftersale';
  const own = results.agents.filter((a) => a.scorecard === card);
  const many = Array.from({ length: agents }, (_, i) => {
    const a = own[i % own.length];
    if (a === undefined) throw new Error('no agent of the scorecard');
    return { ...a, agent_id: `${a.agent_id}-${i}` };
  });
  const data = calibrationData('2026-11', snapshot, many, card);
  const policy = applyEdits(data, { [editKey('target', 'first_response_time')]: 45 });
  // Wall time (median of 20) and the CPU time of this thread per run (what an idle machine's wall time would be).
  const measure = (run: () => void) => {
    for (let i = 0; i < 5; i++) run();
    const cpu = process.cpuUsage();
    const times = Array.from({ length: 20 }, () => {
      const t = performance.now();
      run();
      return performance.now() - t;
    }).sort((a, b) => a - b);
    const used = process.cpuUsage(cpu);
    const median = (times[9] ?? 0) + ((times[10] ?? 0) - (times[9] ?? 0)) / 2;
    return `${median.toFixed(1)} ms wall (median of 20), ${((used.user + used.system) / 1000 / 20).toFixed(1)} ms CPU per run`;
  };
  const once = measure(() => recompute(data, policy));
  const outcome = recompute(data, policy);
  const weightless = measure(() => weightlessItems(data, policy, outcome));
  console.log(
    `agents of the scorecard: ${data.agents.length} (${card}, ${data.policy.scorecards.find((s) => s.id === card)?.scored.length} scored metrics)`,
  );
  console.log(`recompute (scores, grades, ranks): ${once}`);
  console.log(`weightless-items check (one recompute per item): ${weightless}`);
  console.log(`load average: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  console.log(`page data: ${(JSON.stringify(data).length / 1024).toFixed(0)} KiB of JSON`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
