import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSample } from '@scorebook/sample';
import { describe, expect, it } from 'vitest';
import { REPOSITORY } from '../src/repository.ts';
import { runCli } from './run-cli.ts';

describe('evaluate --engine duckdb', () => {
  it('writes the files of the default engine, byte for byte, on a generated month', async () => {
    const root = mkdtempSync(join(tmpdir(), 'scorebook-engine-'));
    const data = join(root, 'data');
    mkdirSync(join(root, 'no-appeals'));
    generateSample({ out: data, agents: 12, start: '2026-10', months: 1, seed: 7, conversationsPerDay: 6 });
    const run = (out: string, ...more: string[]) =>
      runCli(
        'evaluate',
        ...['--policies', REPOSITORY.samplePolicy, '--data', data, '--period', '2026-10'],
        ...['--appeals', join(root, 'no-appeals'), '--out', join(root, out), '--quiet', ...more],
      );
    expect((await run('ts')).code).toBe(0);
    expect((await run('duckdb', '--engine', 'duckdb')).code).toBe(0);
    // --threads caps the threads of either engine and changes no byte.
    expect((await run('ts-1', '--threads', '1')).code).toBe(0);
    const sqlFile = join(root, 'ran.sql');
    const one = await runCli(
      'evaluate',
      ...['--policies', REPOSITORY.samplePolicy, '--data', data, '--period', '2026-10', '--lang', 'en'],
      ...[
        '--appeals',
        join(root, 'no-appeals'),
        '--out',
        join(root, 'duckdb-1'),
        '--engine',
        'duckdb',
        '--threads',
        '1',
      ],
      ...['--sql-out', sqlFile],
    );
    expect(one.code).toBe(0);
    // --sql-out: the statements DuckDB ran, the same as docs/scale-sample-policy.sql documents for this policy and month.
    const statements = (text: string) =>
      new Set(
        text
          .split('\n')
          .filter((line) => !line.startsWith('--'))
          .join('\n')
          .split(/;\n/)
          .map((x) => x.trim())
          .filter((x) => x !== ''),
      );
    const ran = readFileSync(sqlFile, 'utf8');
    expect(ran.startsWith('-- scorebook evaluate --engine duckdb 为策略 ecommerce-cs')).toBe(true);
    expect(ran).toContain('\n-- The SQL scorebook evaluate --engine duckdb ran for the policy ecommerce-cs');
    // Each statement once, in the order it ran (none repeated), and no temporary file left beside it.
    const list = ran.split('\n\n').slice(1);
    expect(new Set(list).size).toBe(list.length);
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const documented = readFileSync(join(REPOSITORY.root, 'docs', 'scale-sample-policy.sql'), 'utf8');
    expect([...statements(ran)].sort()).toEqual([...statements(documented)].sort());
    // It says which engine measured, and on how many threads (results.json records neither).
    expect(one.stderr).toContain('measuring: SQL on DuckDB (--engine duckdb)');
    expect(one.stderr).toContain('  Engine: duckdb, at most 1 thread (--threads 1)\n');
    const files = readdirSync(join(root, 'ts')).sort();
    expect(files).toEqual(['explanations.json', 'policy.json', 'rejected.json', 'results.json']);
    for (const other of ['duckdb', 'ts-1', 'duckdb-1'])
      for (const file of files)
        expect(readFileSync(join(root, other, file), 'utf8'), `${other}/${file}`).toBe(
          readFileSync(join(root, 'ts', file), 'utf8'),
        );
    const results = JSON.parse(readFileSync(join(root, 'ts', 'results.json'), 'utf8')) as {
      summary: { rated: number };
    };
    expect(results.summary.rated).toBe(12);
  }, 120_000);

  it('refuses --sql-out into a folder that cannot take it before evaluating, and an unknown engine as such', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'scorebook-sql-out-')), 'no-such-folder', 'x.sql');
    const { code, stderr } = await runCli(
      'evaluate',
      ...['--policies', 'p', '--data', 'd', '--period', '2026-10', '--out', 'o', '--lang', 'en'],
      ...['--engine', 'duckdb', '--sql-out', missing],
    );
    expect(code).toBe(1);
    expect(stderr).toContain('SQL_OUT_UNWRITABLE');
    expect(stderr).toContain(`The --sql-out file ${missing} cannot be written (ENOENT)`);
    const spark = await runCli(
      'evaluate',
      ...['--policies', 'p', '--data', 'd', '--period', '2026-10', '--out', 'o', '--lang', 'en'],
      ...['--engine', 'spark', '--sql-out', 'x.sql'],
    );
    expect(spark.code).toBe(2);
    expect(spark.stderr).toContain('"spark"');
  });

  it('refuses --sql-out without --engine duckdb, as bad usage', async () => {
    const { code, stderr } = await runCli(
      'evaluate',
      ...[
        '--policies',
        'p',
        '--data',
        'd',
        '--period',
        '2026-10',
        '--out',
        'o',
        '--sql-out',
        'x.sql',
        '--lang',
        'en',
      ],
    );
    expect(code).toBe(2);
    expect(stderr).toContain('--sql-out goes with --engine duckdb: the default engine runs no SQL');
  });

  it('is refused for an engine it does not know, as bad usage', async () => {
    const { code, stderr } = await runCli(
      'evaluate',
      ...['--policies', 'p', '--data', 'd', '--period', '2026-10', '--out', 'o'],
      ...['--engine', 'spark', '--lang', 'en'],
    );
    expect(code).toBe(2);
    expect(stderr).toContain('typescript, duckdb');
    expect(stderr).toContain('"spark"');
  });

  it('takes --threads as a whole number from 1 to 256, in evaluate, verify and impact alike', async () => {
    for (const bad of ['0', 'two', '1.5', '-1', '257', '0100']) {
      for (const command of [
        ['evaluate', '--policies', 'p', '--data', 'd', '--period', '2026-10', '--out', 'o'],
        ['verify', '--all'],
        ['verify', '--results', 'r', '--policies', 'p', '--data', 'd'],
        ['impact', '--base', 'main', '--policies', 'p'],
      ]) {
        const { code, stderr } = await runCli(...command, `--threads=${bad}`, '--lang', 'en');
        expect(code, `${command[0]} ${bad}`).toBe(2);
        expect(stderr).toContain(`--threads takes a whole number from 1 to 256 (got "${bad}")`);
      }
    }
    for (const command of ['evaluate', 'verify', 'impact'])
      expect((await runCli(command, '--help', '--lang', 'en')).stdout, command).toContain('[--threads N]');
  });

  it('is read by verify --all and impact too', async () => {
    for (const command of [
      ['verify', '--all', '--engine', 'spark', '--lang', 'en'],
      ['impact', '--base', 'main', '--policies', 'p', '--engine', 'spark', '--lang', 'en'],
    ]) {
      const { code, stderr } = await runCli(...command);
      expect(code, command[0]).toBe(2);
      expect(stderr).toContain('"spark"');
    }
    expect((await runCli('impact', '--help')).stdout).toContain('--engine typescript|duckdb');
    expect((await runCli('verify', '--help')).stdout).toContain(
      'scorebook verify --all [--results data/results] [--archive <dir>] [--engine typescript|duckdb]',
    );
  });
});
