import { readCsv } from './csv.ts';
import { checkRegularFile } from './decode.ts';
import type { FileItem, ReadFileOptions } from './file-items.ts';
import { readJsonLines } from './jsonl.ts';
import { readXlsx } from './xlsx.ts';

/**
 * Reads one file of a table, in file order: CSV and xlsx yield their header, then one item per
 * record; JSON Lines one item per line (`file-items.ts`). Nothing is opened before the first
 * item is asked for; then a path that is not a regular file (a directory, a FIFO, a socket, a
 * device) stops the run with FILE_NOT_REGULAR, and a missing or unreadable one with
 * FILE_UNREADABLE, without waiting on the path. Every other problem that stops the run is a
 * ScorebookError('input') of `READ_ERRORS` (or of the xlsx reader) naming the file and, where
 * there is one, the line.
 */
export function readFile(options: ReadFileOptions): AsyncGenerator<FileItem> {
  switch (options.format) {
    // Both check the file as they open it.
    case 'csv':
      return readCsv(options);
    case 'jsonl':
      return readJsonLines(options);
    case 'xlsx':
      return checkedXlsx(options);
  }
}

async function* checkedXlsx(options: ReadFileOptions): AsyncGenerator<FileItem> {
  await checkRegularFile(options.path, options.name);
  yield* readXlsx(options);
}
