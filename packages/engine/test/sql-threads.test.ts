import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluate } from '../src/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const options = {
  policiesDir: `${root}configs/policies/ecommerce-cs`,
  dataDir: `${root}data/sample`,
  period: '2026-10',
  appealsDir: null,
  engine: 'duckdb',
} as const;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('DuckDB’s threads (the CLI’s --threads, docs/scale.md §0)', () => {
  it('are the ones sqlThreads asks for, and DuckDB’s own default (every core) without it', async () => {
    const create = vi.spyOn(DuckDBInstance, 'create');
    await evaluate({ ...options, sqlThreads: 1 });
    await evaluate(options);
    const settings = create.mock.calls.map((call) => call[1] as Record<string, string> | undefined);
    expect(settings).toHaveLength(2);
    expect(settings[0]?.threads).toBe('1');
    expect(settings[1]).not.toHaveProperty('threads');
  }, 60_000);
});
