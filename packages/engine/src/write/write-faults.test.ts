// File system faults that a test cannot cause for real everywhere (a full disk; a read-only
// folder when tests run as root): node:fs is wrapped so that one call fails as the system would.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { stopOf } from '../../test/stopped.ts';
import { type Evaluation, evaluate } from '../evaluate.ts';
import { writeEvaluation } from './write-results.ts';

const fault = vi.hoisted(() => ({ call: '', code: '', after: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const failing =
    <A extends unknown[], R>(name: string, fn: (...args: A) => R) =>
    (...args: A): R => {
      if (fault.call === name && fault.after-- <= 0)
        throw Object.assign(new Error(`${fault.code}: simulated`), { code: fault.code });
      return fn(...args);
    };
  return {
    ...fs,
    default: fs,
    writeSync: failing('writeSync', fs.writeSync),
    mkdirSync: failing('mkdirSync', fs.mkdirSync),
    openSync: failing('openSync', fs.openSync),
  };
});

afterEach(() => {
  fault.call = '';
});

const golden = fileURLToPath(new URL('../../test/fixtures/golden/', import.meta.url));
let evaluation: Evaluation;
beforeAll(async () => {
  evaluation = await evaluate({
    policiesDir: join(golden, 'policies/ecommerce-cs'),
    dataDir: join(golden, 'data'),
    period: '2026-10',
  });
});

describe('writing results when the file system fails', () => {
  it('a full disk: says so, removes the half-written files, keeps the earlier results', () => {
    const parent = mkdtempSync(join(tmpdir(), 'scorebook-full-'));
    const out = join(parent, 'out');
    writeEvaluation(out, evaluation);
    const before = readFileSync(join(out, 'results.json'), 'utf8');
    Object.assign(fault, { call: 'writeSync', code: 'ENOSPC', after: 3 });
    const error = stopOf(() => writeEvaluation(out, evaluation));
    expect([error.kind, error.problems[0]!.code, error.problems[0]!.file]).toEqual([
      'input',
      'DISK_FULL',
      parent,
    ]);
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe(before);
  });

  it('a read-only place: names the folder instead of "no such file"', () => {
    const parent = mkdtempSync(join(tmpdir(), 'scorebook-ro-'));
    Object.assign(fault, { call: 'mkdirSync', code: 'EROFS', after: 0 });
    const error = stopOf(() => writeEvaluation(join(parent, 'deep', 'out'), evaluation));
    expect(error.problems[0]!.code).toBe('OUTPUT_READ_ONLY');
    expect(error.problems[0]!.message.en).toBe(
      `Cannot write to ${join(parent, 'deep')} (EROFS): it is read-only or not writable by you. Choose a writable output folder, or change its permissions.`,
    );
  });

  const root = process.getuid?.() === 0 || process.platform === 'win32';
  it.skipIf(root)('a folder without write permission, for real (root may write anywhere)', () => {
    const parent = mkdtempSync(join(tmpdir(), 'scorebook-ro-'));
    mkdirSync(join(parent, 'locked'));
    execFileSync('chmod', ['555', join(parent, 'locked')]);
    const error = stopOf(() => writeEvaluation(join(parent, 'locked', 'out'), evaluation));
    expect(error.problems[0]!.code).toBe('OUTPUT_READ_ONLY');
  });
});
