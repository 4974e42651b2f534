import type { CommandIo } from '../src/index.ts';
import { main } from '../src/index.ts';

/** Runs the command line in-process and captures what it prints. */
export async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIo = {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    color: false,
    interactive: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
