import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

// A run-time import or re-export: `import type …` and `export type …` are erased by TypeScript.
const IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** The file a specifier names: relative paths as written, `@scorebook/<p>` by its package's exports. */
function resolveSpecifier(from: string, specifier: string): string | null {
  if (specifier.startsWith('.')) return resolve(dirname(from), specifier);
  const workspace = /^@scorebook\/([^/]+)(\/.*)?$/.exec(specifier);
  if (workspace === null) return null;
  const folder = join(root, 'packages', workspace[1] ?? '');
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
    exports: Record<string, string>;
  };
  const target = manifest.exports[`.${workspace[2] ?? ''}`];
  return target === undefined ? null : join(folder, target);
}

/** Every file the module loads at run time (workspace sources) and every other package it names. */
function closure(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveSpecifier(file, specifier);
      if (target === null) packages.add(specifier);
      else visit(target);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => relative(root, f)).sort(), packages: [...packages].sort() };
}

describe('@scorebook/engine/scoring', () => {
  it('loads no node: module at run time, directly or through what it imports', () => {
    const { files, packages } = closure(join(root, 'packages/engine/src/score/scoring.ts'));
    expect(files).toContain('packages/engine/src/score/rate-agent.ts');
    expect(packages.filter((p) => p.startsWith('node:'))).toEqual([]);
    for (const file of files)
      expect(readFileSync(join(root, file), 'utf8')).not.toMatch(/\bprocess\.|\brequire\(/);
  });

  it('is the module the engine scores with (the same functions, not copies)', async () => {
    const scoring = await import('@scorebook/engine/scoring');
    const rate = await import('../src/score/rate-agent.ts');
    const metric = await import('../src/score/score-metric.ts');
    const distribution = await import('../src/score/distribution.ts');
    expect(scoring.rateAgent).toBe(rate.rateAgent);
    expect(scoring.assignRanks).toBe(rate.assignRanks);
    expect(scoring.scoreMetric).toBe(metric.scoreMetric);
    expect(scoring.scoreSegmented).toBe(metric.scoreSegmented);
    expect(scoring.distributeGrades).toBe(distribution.distributeGrades);
  });
});
