import { readCsv } from './csv.ts';
import { checkRegularFile } from './decode.ts';
import type { FileItem, ReadFileOptions } from './file-items.ts';
import { readJsonLines } from './jsonl.ts';
import { readXlsx } from './xlsx.ts';

/**
 * Reads one file of a table, in file order: CSV and xlsx yield their header, then one item per
 * record; JSON Lines one item per line (`file-items.ts`). Before anything is opened, a path that
 * is not a regular file (a directory, a FIFO, a socket, a device) stops the run with
 * FILE_NOT_REGULAR, and a missing or unreadable one with FILE_UNREADABLE; neither waits on the
 * path. Every other problem that stops the run is a ScorebookError('input') of `READ_ERRORS`
 * (or of the xlsx reader) naming the file and, where there is one, the line.
 */
export async function* readFile(options: ReadFileOptions): AsyncGenerator<FileItem> {
  await checkRegularFile(options.path, options.name);
  switch (options.format) {
    case 'csv':
      yield* readCsv(options);
      return;
    case 'jsonl':
      yield* readJsonLines(options);
      return;
    case 'xlsx':
      yield* readXlsx(options);
      return;
  }
}
