import { describe, expect, it } from 'vitest';
import type { CommandIo } from '../src/index.ts';
import { progressBar, progressReporter } from '../src/output/progress.ts';

describe('progress', () => {
  it('draws a bar of the share done', () => {
    expect(progressBar(0, 100)).toBe(`[${'░'.repeat(24)}]   0%`);
    expect(progressBar(50, 100)).toBe(`[${'█'.repeat(12)}${'░'.repeat(12)}]  50%`);
    expect(progressBar(7, 0)).toBe(`[${'█'.repeat(24)}] 100%`);
  });

  it('rewrites one line on a terminal and prints a line per table otherwise', () => {
    let err = '';
    const io = (interactive: boolean): CommandIo => ({
      out: () => {},
      err: (text) => {
        err += text;
      },
      color: false,
      interactive,
    });
    const tty = progressReporter(io(true), 'en', false);
    tty({ table: 'messages', rows: 50_000, bytes: 25, totalBytes: 100, done: false });
    expect(err.startsWith('\r\u001b[2K')).toBe(true);
    expect(err).toMatch(/ {2}messages {6}\[█{6}░{18}\] {2}25% 50,000 rows/);
    err = '';
    const plain = progressReporter(io(false), 'zh', false);
    plain({ table: 'messages', rows: 50_000, bytes: 25, totalBytes: 100, done: false });
    expect(err).toBe('');
    plain({ table: 'messages', rows: 60_000, bytes: 100, totalBytes: 100, done: true });
    expect(err).toMatch(/^已读取 messages: 60,000 行/);
    err = '';
    progressReporter(io(true), 'zh', true)({ table: 'agents', rows: 1, bytes: 1, totalBytes: 1, done: true });
    expect(err).toBe('');
    // The stages after reading, a line each as it starts, naming SQL on DuckDB for that engine.
    const stages = progressReporter(io(false), 'en', false);
    stages({ stage: 'derive', engine: 'typescript' });
    stages({ stage: 'measure', engine: 'typescript' });
    stages({ stage: 'score', engine: 'typescript' });
    stages({ stage: 'measure', engine: 'duckdb' });
    expect(err.replace(/\(\d+\.\ds\)/g, '(s)').split('\n')).toEqual([
      'deriving customer blocks, responses and conversation facts (s)',
      'measuring: the conversations with their derived facts (s)',
      'scoring, grading, ranking and explaining (s)',
      'measuring: SQL on DuckDB (--engine duckdb) (s)',
      '',
    ]);
    err = '';
    progressReporter(io(false), 'zh', true)({ stage: 'score', engine: 'typescript' });
    expect(err).toBe('');
  });
});
