import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/scorebook.js', import.meta.url));
// Debian's /usr/bin/node is older than the Node that runs TypeScript: the launcher hands over.
const OLD_NODE = '/usr/bin/node';
const oldNode =
  existsSync(OLD_NODE) &&
  (() => {
    const [major, minor] = execFileSync(OLD_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' })
      .trim()
      .split('.')
      .map(Number) as [number, number];
    return major < 22 || (major === 22 && minor < 18);
  })();

const STUB_MAIN =
  'export async function main(argv: string[]): Promise<number> { console.log("stub", ...argv); return 3; }\n';
// A stub main that prints the flags its Node was started with.
const FLAGS_MAIN =
  'export async function main(): Promise<number> { console.log(JSON.stringify(process.execArgv)); return 0; }\n';

/** A copy of the launcher with a stub main and, when given, a fake `node` package. */
function sandbox(
  nodePackage?: { bin: unknown; files: Record<string, string | null> },
  main = STUB_MAIN,
): string {
  const dir = mkdtempSync(join(tmpdir(), 'scorebook-launcher-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'src'));
  copyFileSync(bin, join(dir, 'bin/scorebook.js'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  writeFileSync(join(dir, 'src/main.ts'), main);
  if (nodePackage) {
    const pkg = join(dir, 'node_modules/node');
    mkdirSync(join(pkg, 'bin'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'node', bin: nodePackage.bin }));
    for (const [name, content] of Object.entries(nodePackage.files)) {
      writeFileSync(join(pkg, name), content ?? '');
      if (content !== null) chmodSync(join(pkg, name), 0o755);
    }
  }
  return join(dir, 'bin/scorebook.js');
}

const run = (launcher: string) =>
  spawnSync(OLD_NODE, [launcher, 'a', 'b'], {
    encoding: 'utf8',
    env: { ...process.env, SCOREBOOK_HANDED_OVER: '' },
  });

describe('the scorebook launcher', { timeout: 60_000 }, () => {
  it('runs under the Node that runs the tests', () => {
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toMatch(
      /^\d+\.\d+\.\d+$/,
    );
  });

  it('starts Node with the flags of its first line, as a command', () => {
    const launcher = sandbox(undefined, FLAGS_MAIN);
    chmodSync(launcher, 0o755);
    const out = execFileSync(launcher, [], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` },
    });
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env -S node --max-semi-space-size=16');
    expect(JSON.parse(out)).toEqual(['--max-semi-space-size=16']);
  });

  it.runIf(oldNode)('hands the flags it was started with over to Node 24', () => {
    const launcher = sandbox(
      { bin: { node: 'bin/node' }, files: { 'bin/node': `#!/bin/sh\nexec "${process.execPath}" "$@"\n` } },
      FLAGS_MAIN,
    );
    const r = spawnSync(OLD_NODE, ['--max-semi-space-size=16', launcher], {
      encoding: 'utf8',
      env: { ...process.env, SCOREBOOK_HANDED_OVER: '' },
    });
    expect([r.status, r.stdout]).toEqual([0, '["--max-semi-space-size=16"]\n']);
  });

  it.runIf(oldNode)('hands over from the machine’s Node, whatever its version', () => {
    const out = execFileSync(
      OLD_NODE,
      [bin, 'validate', fileURLToPath(new URL('../../../configs/policies/ecommerce-cs', import.meta.url))],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(out).toBe('');
  });

  it.runIf(oldNode)(
    'uses the executable the node package names (bin/node.exe on Windows), with the exit code',
    () => {
      const launcher = sandbox({
        bin: { node: 'bin/node.exe' },
        files: { 'bin/node': null, 'bin/node.exe': `#!/bin/sh\nexec "${process.execPath}" "$@"\n` },
      });
      const r = run(launcher);
      expect([r.status, r.stdout]).toEqual([3, 'stub a b\n']);
    },
  );

  it.runIf(oldNode)('says why a hand-over failed', () => {
    const missing = run(sandbox());
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(
      'the Node 24 that npm brings (the node package) is not installed. Run npm install',
    );
    const empty = run(sandbox({ bin: { node: 'bin/node' }, files: {} }));
    expect(empty.stderr).toContain('has no Node executable (bin/node): its install was probably interrupted');
    const broken = run(sandbox({ bin: { node: 'bin/node' }, files: { 'bin/node': null } }));
    expect(broken.stderr).toMatch(/Could not start Node 24 \(\S+bin\/node\): EACCES\. Run npm install/);
  });

  it.runIf(oldNode)(
    'stops Node 24 when the launcher is killed, and passes the pipe on to no one',
    async () => {
      // A main that says it started (and what it sees of the launcher's variable), waits, then
      // writes a file: killed with the launcher, it never writes it.
      const dir = mkdtempSync(join(tmpdir(), 'scorebook-launcher-kill-'));
      const started = join(dir, 'started');
      const finished = join(dir, 'finished');
      const slowMain = `import { writeFileSync } from 'node:fs';
export async function main(): Promise<number> {
  writeFileSync(${JSON.stringify(started)}, String(process.env.SCOREBOOK_LAUNCHER_FD));
  await new Promise((r) => setTimeout(r, 1500));
  writeFileSync(${JSON.stringify(finished)}, 'finished');
  return 0;
}
`;
      const node24 = {
        bin: { node: 'bin/node' },
        files: { 'bin/node': `#!/bin/sh\nexec "${process.execPath}" "$@"\n` },
      };
      const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const launch = (launcher: string) =>
        spawn(OLD_NODE, [launcher], { stdio: 'ignore', env: { ...process.env, SCOREBOOK_HANDED_OVER: '' } });

      const killed = launch(sandbox(node24, slowMain));
      for (let i = 0; i < 300 && !existsSync(started); i++) await wait(100);
      expect(readFileSync(started, 'utf8')).toBe('undefined');
      killed.kill('SIGKILL');
      await wait(3000);
      expect(existsSync(finished)).toBe(false);

      // Left alone, the same run finishes.
      rmSync(started);
      const whole = launch(sandbox(node24, slowMain));
      const code = await new Promise((r) => whole.on('exit', r));
      expect([code, readFileSync(finished, 'utf8')]).toEqual([0, 'finished']);
    },
  );
});
