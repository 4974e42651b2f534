import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.ts';

const golden = fileURLToPath(new URL('./fixtures/golden/', import.meta.url));
const policies = `${golden}policies/ecommerce-cs`;

// A CSV line split on commas (the golden CSV files quote nothing).
function parseCsv(text: string): Array<Record<string, string>> {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i]!, v])));
}

// The same instant in UTC with `Z`, or as Shanghai wall-clock time without an offset.
function respell(value: string, how: 'Z' | 'local'): string {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return value;
  const ms = Date.parse(value.replace(/(\.\d{3})\d+/, '$1'));
  if (how === 'Z') return new Date(ms).toISOString();
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 23);
}

describe('the same data in other spellings gives the same results', () => {
  it('JSON Lines instead of CSV, timestamps in UTC or without offset, in daily files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorebook-spellings-'));
    let turn = 0;
    for (const file of readdirSync(`${golden}data`)) {
      const table = file.replace(/\.(csv|jsonl)$/, '');
      const text = readFileSync(`${golden}data/${file}`, 'utf8');
      const rows: Array<Record<string, unknown>> = file.endsWith('.csv')
        ? parseCsv(text)
        : text
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l));
      const converted = rows.map((row) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(row)) {
          if (v === '') continue;
          out[k] = typeof v === 'string' ? respell(v, turn++ % 2 === 0 ? 'Z' : 'local') : v;
        }
        return out;
      });
      // Split into two daily files, read in name order.
      mkdirSync(join(dir, table));
      const half = Math.ceil(converted.length / 2);
      writeFileSync(
        join(dir, table, '1.jsonl'),
        `${converted
          .slice(0, half)
          .map((r) => JSON.stringify(r))
          .join('\n')}\n`,
      );
      writeFileSync(
        join(dir, table, '2.jsonl'),
        `${converted
          .slice(half)
          .map((r) => JSON.stringify(r))
          .join('\n')}\n`,
      );
    }
    const a = await evaluate({ policiesDir: policies, dataDir: `${golden}data`, period: '2026-10' });
    const b = await evaluate({ policiesDir: policies, dataDir: dir, period: '2026-10' });
    expect(b.rejected).toEqual([]);
    expect(b.results.agents).toEqual(a.results.agents);
  });
});
