#!/usr/bin/env node
// The scorebook command. Scorebook runs on Node 24 (it runs its TypeScript directly); when this
// file is started by an older Node (a machine with Node 20), it hands over to the Node 24 that
// `npm install` brought (the `node` package), with the same arguments.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18)) {
  const { main } = await import('../src/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} else {
  let node;
  try {
    node = join(dirname(createRequire(import.meta.url).resolve('node/package.json')), 'bin', 'node');
  } catch {
    process.stderr.write(
      `Scorebook 需要 Node 24,当前是 ${process.versions.node}。请在仓库根目录运行 npm install(会带来 Node 24),或安装 Node 24。\n` +
        `Scorebook needs Node 24; this is ${process.versions.node}. Run npm install at the repository root (it brings Node 24), or install Node 24.\n`,
    );
    process.exit(2);
  }
  const result = spawnSync(node, [process.argv[1], ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
