import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/scorebook.js', import.meta.url));

describe('the scorebook launcher', () => {
  it('runs under the Node that runs the tests', () => {
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toMatch(
      /^\d+\.\d+\.\d+$/,
    );
  });

  // A machine's own older Node (Debian's /usr/bin/node is 20 here) hands over to Node 24.
  it.runIf(existsSync('/usr/bin/node'))('hands over from the machine’s Node, whatever its version', () => {
    const out = execFileSync(
      '/usr/bin/node',
      [bin, 'validate', fileURLToPath(new URL('../../../configs/policies/ecommerce-cs', import.meta.url))],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(out).toBe('');
  });
});
