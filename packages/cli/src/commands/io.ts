/** Where a command writes: stdout, stderr, and whether they are terminals. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal: progress bars and colours. */
  color: boolean;
  interactive: boolean;
}

/** The process's own streams. */
export function processIo(): CommandIo {
  const tty = Boolean(process.stderr.isTTY) && process.env.NO_COLOR === undefined;
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    color: tty,
    interactive: Boolean(process.stderr.isTTY),
  };
}
