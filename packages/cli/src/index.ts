export { EXIT, UsageError } from './cli-error.ts';
export type { CommandIo } from './commands/io.ts';
export { main, usage } from './main.ts';
