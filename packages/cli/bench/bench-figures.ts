// What a benchmark child process measures of itself, and how the benchmark reads it back.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The message metrics the benchmark compares, for one agent. */
export interface MessageMetrics {
  /** Responses of the period credited to the agent (the sample of the average response time). */
  responses: number;
  first_response_time: number | null;
  avg_response_time: number | null;
  reply_rate: number | null;
}

/** What one run measured: wall and CPU seconds (every thread of the process), peak RSS in bytes. */
export interface Figures {
  wall: number;
  cpu: number;
  peakRss: number;
  /** RSS before the measured work started (the runtime and the modules loaded). */
  baseRss: number;
  metrics: Record<string, MessageMetrics>;
  note: string;
}

/**
 * Runs `work` in this process and prints its figures as one JSON line on stdout, for
 * {@link runChild}. Peak RSS is the process's maximum resident set: the child measures only itself.
 * What `work` returns as `afterwards` (checking what it wrote, say) runs after the figures are
 * taken, so that it counts in none of them; its text is added to the note.
 */
export async function childFigures(
  work: () => Promise<{
    metrics: Record<string, MessageMetrics>;
    note: string;
    afterwards?: () => Promise<string>;
  }>,
): Promise<void> {
  const baseRss = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const t = performance.now();
  const done = await work();
  const wall = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const { metrics } = done;
  const after = done.afterwards === undefined ? '' : await done.afterwards();
  const note = [done.note, after].filter((text) => text !== '').join(', ');
  const figures: Figures = { wall, cpu: (cpu.user + cpu.system) / 1e6, peakRss, baseRss, metrics, note };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

// The Node flags the scorebook command starts with: those of its first line (`#!/usr/bin/env -S node …`).
const COMMAND_FLAGS = (
  readFileSync(new URL('../bin/scorebook.js', import.meta.url), 'utf8').split('\n')[0] ?? ''
)
  .split(' ')
  .filter((word) => word.startsWith('--'));

/**
 * Runs a benchmark script of this folder in a child process, with the Node flags the scorebook
 * command starts with, and reads its figures.
 */
export function runChild(script: string, args: readonly string[]): Promise<Figures> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  return new Promise((resolve, reject) => {
    // With Node's compile cache, as the scorebook command runs (bin/scorebook.js): worker threads
    // then start from the cache too.
    const env = {
      ...process.env,
      NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'node-compile-cache'),
    };
    const child = spawn(process.execPath, [...COMMAND_FLAGS, path, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env,
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      out += text;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) reject(new Error(`${script} exited with ${code}`));
      else resolve(JSON.parse(last) as Figures);
    });
  });
}
