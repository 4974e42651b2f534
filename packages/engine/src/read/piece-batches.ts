import {
  type Encoding,
  type FileFormat,
  type FileRange,
  readFileBatches,
  type TableTyper,
} from '@scorebook/source';
import { type TableRecord, typedRecord } from './read-inputs.ts';

/** One piece of a file of a table, to read (the messages in pieces, the conversations' second read in parts). */
export interface PieceTask {
  /** The file's index in the run's file list, and its name and path. */
  file: number;
  name: string;
  path: string;
  format: FileFormat;
  encoding: Encoding;
  headerRow: number;
  range: FileRange;
  /** The file's header (CSV), which the typer matches to the fields. */
  header: { columns: readonly string[]; line: number } | null;
}

/**
 * The records of one piece, as the reading of the whole file gives them (each with its file
 * index and line), typed by `typer`: the piece's header first (a piece after the first is given
 * its file's), then each batch of records as it is read.
 */
export async function* pieceBatches(task: PieceTask, typer: TableTyper): AsyncGenerator<TableRecord[]> {
  if (task.header !== null) typer.fileHeader(task.name, task.header.columns, task.header.line);
  const options = {
    path: task.path,
    name: task.name,
    format: task.format,
    encoding: task.encoding,
    headerRow: task.headerRow,
    sheet: null,
    range: task.range,
  };
  for await (const items of readFileBatches(options)) {
    const batch: TableRecord[] = [];
    for (const item of items) {
      if (item.kind === 'header') typer.fileHeader(task.name, item.columns, item.line);
      else batch.push(typedRecord(item, typer, task.file, task.name));
    }
    yield batch;
  }
}
