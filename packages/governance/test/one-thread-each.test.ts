import { describe, expect, it } from 'vitest';
import { oneThreadEach } from '../src/evaluate-pool.ts';

describe('the threads of each pooled evaluation (verify --all --threads, impact --threads)', () => {
  it('are left as they were without --threads, and one reading thread and one DuckDB thread with it', () => {
    expect(oneThreadEach({})).toEqual({});
    expect(oneThreadEach({ threads: 3 })).toEqual({ parallel: { threads: 1 }, sqlThreads: 1 });
    expect(oneThreadEach({ threads: 1 })).toEqual({ parallel: { threads: 1 }, sqlThreads: 1 });
  });
});
