import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type EvaluateOptions, evaluate } from '../src/index.ts';
import { serializeEvaluation } from '../src/write/write-results.ts';

const golden = fileURLToPath(new URL('./fixtures/golden/', import.meta.url));

/** Paths where two JSON values differ: numbers by more than 1e-9, anything else at all. */
export function differences(a: unknown, b: unknown, at = '$', out: string[] = []): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    if (!(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)))) out.push(`${at}: ${a} vs ${b}`);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${at}: ${a.length} vs ${b.length} items`);
    else
      a.forEach((x, i) => {
        differences(x, b[i], `${at}[${i}]`, out);
      });
  } else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.join() !== kb.join()) out.push(`${at}: keys ${ka.join()} vs ${kb.join()}`);
    else
      for (const k of ka)
        differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`, out);
  } else if (a !== b) out.push(`${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  return out;
}

async function both(options: EvaluateOptions): Promise<string[]> {
  const ts = serializeEvaluation(await evaluate(options));
  const sql = serializeEvaluation(await evaluate({ ...options, engine: 'duckdb' }));
  const out: string[] = [];
  for (const [file, text] of ts)
    differences(JSON.parse(text), JSON.parse(sql.get(file) ?? 'null'), file, out);
  return out;
}

describe('the DuckDB engine gives the results of the TypeScript engine', () => {
  it('on the golden case', async () => {
    expect(
      await both({
        policiesDir: `${golden}policies/ecommerce-cs`,
        dataDir: `${golden}data`,
        period: '2026-10',
      }),
    ).toEqual([]);
  });
});
