#!/usr/bin/env -S node --max-semi-space-size=16
// The scorebook command. Scorebook runs on Node 24 (it runs its TypeScript directly). The machine
// needs Node 20 or later (for npm and this file); when this file is started by a Node that cannot
// run TypeScript, it hands over to the Node 24 that `npm install` brought (the `node` package),
// with the same arguments: bin/node, or bin/node.exe on Windows, as that package's `bin` says.
// The first line starts Node with semi-spaces of 16 MiB (docs/scale.md §3): left to V8 on a large
// machine they are 64 MiB, and the main thread's young generation alone holds ~100 MB more at the
// peak of an evaluation. Handed over, Node 24 gets the same flags (process.execArgv).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import nodeModule, { createRequire } from 'node:module';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The oldest Node this launcher starts on; package.json `engines` and the README say the same. */
const MINIMUM_NODE = 20;

const [major, minor] = process.versions.node.split('.').map(Number);
const fail = (zh, en) => {
  process.stderr.write(`${zh}\n${en}\n`);
  process.exit(2);
};
if (major < MINIMUM_NODE)
  fail(
    `Scorebook 需要 Node ${MINIMUM_NODE} 或更高版本(用于 npm;Scorebook 自带 Node 24),当前是 ${process.versions.node}。请升级 Node。`,
    `Scorebook needs Node ${MINIMUM_NODE} or later (for npm; Scorebook brings its own Node 24); this is ${process.versions.node}. Upgrade Node.`,
  );

if (major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18)) {
  // Node keeps the modules it compiled (their TypeScript stripped) in a cache on disk, so that a
  // command starts in about half the time after its first run; worker threads find the cache
  // through the variable. It never fails a run (NODE_DISABLE_COMPILE_CACHE=1 turns it off). Read
  // from the default export: Node 20 has no such export, and a named import would not load there.
  if (process.env.SCOREBOOK_LAUNCHER_FD) watchLauncher(Number(process.env.SCOREBOOK_LAUNCHER_FD));
  const cache = nodeModule.enableCompileCache?.();
  if (cache?.directory !== undefined) process.env.NODE_COMPILE_CACHE ??= cache.directory;
  const { main } = await import('../src/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} else {
  const retry = 'npm install';
  if (process.env.SCOREBOOK_HANDED_OVER)
    fail(
      `交给的 Node(${process.execPath})是 ${process.versions.node},仍不能运行 Scorebook。请在仓库根目录重新运行 ${retry}。`,
      `The Node handed over to (${process.execPath}) is ${process.versions.node} and still cannot run Scorebook. Run ${retry} again at the repository root.`,
    );
  const node = bundledNode();
  const result = spawnSync(
    node,
    [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      // Descriptor 3 is one end of a pipe the launcher holds the other end of: Node 24 stops when
      // the launcher is gone (watchLauncher), so that killing the command kills the run.
      stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
      env: { ...process.env, SCOREBOOK_HANDED_OVER: '1', SCOREBOOK_LAUNCHER_FD: '3' },
    },
  );
  if (result.error)
    fail(
      `无法启动 Node 24(${node}):${result.error.code ?? result.error.message}。请在仓库根目录运行 ${retry},或安装 Node 24。`,
      `Could not start Node 24 (${node}): ${result.error.code ?? result.error.message}. Run ${retry} at the repository root, or install Node 24.`,
    );
  if (result.signal) process.kill(process.pid, result.signal);
  process.exit(result.status ?? 1);
}

/**
 * Handed over, Node 24 stops as soon as the launcher that started it is gone: the launcher waits
 * on it without running any code of its own, so a signal that ends the launcher (`kill -9` of the
 * command's process, which does not reach this one) would otherwise leave the run going on — a
 * publish finishing after its command was killed. The launcher's end of the pipe on `fd` closes
 * with the launcher (however it ends), and this process then ends itself with SIGTERM, as a
 * `kill` of it would (a publish stopped so leaves the earlier publication whole). The pipe does
 * not keep the process alive, and the variable is not passed on to processes this one starts.
 */
function watchLauncher(fd) {
  delete process.env.SCOREBOOK_LAUNCHER_FD;
  let launcher;
  try {
    launcher = new net.Socket({ fd, readable: true, writable: false });
  } catch {
    return;
  }
  const stop = () => process.kill(process.pid, 'SIGTERM');
  launcher.on('end', stop);
  launcher.on('error', stop);
  launcher.resume();
  launcher.unref();
}

/** The Node 24 executable of the `node` package, or a clear stop when it is not installed. */
function bundledNode() {
  let manifest;
  try {
    manifest = createRequire(import.meta.url).resolve('node/package.json');
  } catch {
    fail(
      `Scorebook 需要 Node 24,当前是 ${process.versions.node},且没有找到 npm 带来的 Node 24(node 包)。请在仓库根目录运行 npm install,或安装 Node 24。`,
      `Scorebook needs Node 24; this is ${process.versions.node}, and the Node 24 that npm brings (the node package) is not installed. Run npm install at the repository root, or install Node 24.`,
    );
  }
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  const relative = typeof bin === 'string' ? bin : (bin?.node ?? 'bin/node');
  // On Windows the package keeps an empty bin/node beside bin/node.exe.
  const candidates = process.platform === 'win32' ? ['bin/node.exe', relative] : [relative];
  const found = candidates.map((c) => join(dirname(manifest), c)).find((c) => existsSync(c));
  if (found === undefined)
    fail(
      `node 包(${dirname(manifest)})里没有 Node 可执行文件(${candidates.join('、')}):安装可能被中断了。请在仓库根目录重新运行 npm install。`,
      `The node package (${dirname(manifest)}) has no Node executable (${candidates.join(', ')}): its install was probably interrupted. Run npm install again at the repository root.`,
    );
  return found;
}
