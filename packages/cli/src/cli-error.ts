/** Bad usage of the command line: exit code 2, with what to type instead. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Exit codes of every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
