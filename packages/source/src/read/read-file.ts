import { readCsvBatches } from './csv.ts';
import { checkRegularFile } from './decode.ts';
import type { FileItem, ReadFileOptions } from './file-items.ts';
import { readJsonLinesBatches } from './jsonl.ts';
import { readXlsxBatches } from './xlsx.ts';

/**
 * Reads one file of a table, in file order: CSV and xlsx yield their header, then one item per
 * record; JSON Lines one item per line (`file-items.ts`). Nothing is opened before the first
 * item is asked for; then a path that is not a regular file (a directory, a FIFO, a socket, a
 * device) stops the run with FILE_NOT_REGULAR, and a missing or unreadable one with
 * FILE_UNREADABLE, without waiting on the path. Every other problem that stops the run is a
 * ScorebookError('input') of `READ_ERRORS` (or of the xlsx reader) naming the file and, where
 * there is one, the line.
 */
export async function* readFile(options: ReadFileOptions): AsyncGenerator<FileItem> {
  for await (const batch of readFileBatches(options)) yield* batch;
}

/**
 * {@link readFile} in batches: the same items in the same order, handed over as arrays (fresh,
 * never empty; one per chunk read), for readers of whole tables, to whom a hand-over per item
 * costs more than typing it. Items read before a stop are yielded before it is thrown.
 */
export function readFileBatches(options: ReadFileOptions): AsyncGenerator<FileItem[]> {
  switch (options.format) {
    // Both check the file as they open it.
    case 'csv':
      return readCsvBatches(options);
    case 'jsonl':
      return readJsonLinesBatches(options);
    case 'xlsx':
      return checkedXlsx(options);
  }
}

async function* checkedXlsx(options: ReadFileOptions): AsyncGenerator<FileItem[]> {
  await checkRegularFile(options.path, options.name);
  yield* readXlsxBatches(options);
}
