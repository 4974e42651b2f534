// Benchmark: build the report site for a generated month of 5,000 agents (or the number given).
// Prints the evaluation time; the site build's wall time, pages per second and peak memory (the
// resident set of the processes the build starts — Astro — and of this process, which also holds
// the generated month, sampled every 100 ms from /proc);
// the size of the period's overview page, of its largest page and of the whole site; and the
// time of a rebuild with nothing changed. Goal: ≤ 60 s, ≤ 1 GB, overview ≤ 300 KB.
// Run: npm run bench:site -w @scorebook/cli [-- <agents>]
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, writeEvaluation } from '@scorebook/engine';
import { generateSample } from '@scorebook/sample';
import { REPOSITORY } from '../src/repository.ts';
import { buildSite } from '../src/site/build-site.ts';

const agents = Number(process.argv[2] ?? 5000);
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

const peak = watchMemory();
t = performance.now();
const cpuBefore = childrenCpu();
const report = await buildSite({ resultsDir: join(work, 'results'), outDir: join(work, 'site') });
const seconds = (performance.now() - t) / 1000;
const cpu = childrenCpu();
const memory = peak.stop();
const site = join(work, 'site');
const overview = statSync(join(site, 'zh/periods/2026-10/index.html')).size;
const pages = htmlSizes(site);
const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a), { path: '', bytes: 0 });
console.log(
  `site built: ${report.pages} pages in ${seconds.toFixed(1)} s, ${(report.pages / seconds).toFixed(0)} pages/s; peak memory of the build's processes ${mib(memory.children)} MiB, of this process ${mib(memory.self)} MiB (it holds the generated month)`,
);
console.log(
  `CPU time of the build's processes: ${(cpu.user - cpuBefore.user).toFixed(1)} s user + ${(cpu.system - cpuBefore.system).toFixed(1)} s system (the wall time of an idle machine, Astro rendering one page at a time); load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
);
console.log(
  `period overview ${kib(overview)} KiB; largest page ${kib(largest.bytes)} KiB (${largest.path}); site ${mib(treeSize(site))} MiB`,
);
t = performance.now();
const again = await buildSite({ resultsDir: join(work, 'results'), outDir: site });
console.log(
  `rebuild with nothing changed: ${((performance.now() - t) / 1000).toFixed(1)} s (${again.reused.length} periods re-used)`,
);
rmSync(work, { recursive: true, force: true });

/**
 * The CPU time, in seconds, of this process's children that have ended and been waited for
 * (`cutime` and `cstime` of /proc/self/stat): the Astro build once it has exited.
 */
function childrenCpu(): { user: number; system: number } {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  // Fields 16 and 17 of proc(5), counted from the state (field 3) here; ticks of 1/100 s.
  return { user: Number(fields[13] ?? 0) / 100, system: Number(fields[14] ?? 0) / 100 };
}

// The peaks of the summed resident set of this process's descendants, and of this process,
// sampled from /proc.
function watchMemory(): { stop: () => { children: number; self: number } } {
  let children = 0;
  let self = 0;
  const sample = () => {
    children = Math.max(
      children,
      descendants(process.pid).reduce((s, pid) => s + rss(pid), 0),
    );
    self = Math.max(self, rss(process.pid));
  };
  const timer = setInterval(sample, 100);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { children, self };
    },
  };
}

function descendants(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  if (!existsSync(file)) return [];
  const children = readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return children.flatMap((c) => [c, ...descendants(c)]);
}

function rss(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kb ?? 0) * 1024;
  } catch {
    return 0;
  }
}

function htmlSizes(dir: string, base = dir): Array<{ path: string; bytes: number }> {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return htmlSizes(p, base);
    return name.endsWith('.html') ? [{ path: p.slice(base.length + 1), bytes: statSync(p).size }] : [];
  });
}

function treeSize(dir: string): number {
  return readdirSync(dir).reduce((s, name) => {
    const p = join(dir, name);
    return s + (statSync(p).isDirectory() ? treeSize(p) : statSync(p).size);
  }, 0);
}

function kib(bytes: number): string {
  return (bytes / 1024).toFixed(0);
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}
