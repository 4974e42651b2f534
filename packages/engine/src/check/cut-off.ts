import { INPUT_TABLES } from '@scorebook/contract';
import { messageOf, type Problem } from '@scorebook/problems';
import { RUN_ERRORS } from '../errors.ts';
import { type CutOffFile, type Inputs, tableInput } from '../read/read-inputs.ts';

/**
 * The files the readers flagged as cut off inside their last line (`docs/sources.md`, a file cut
 * off): the contract's tables in contract order, then the custom tables in the order the source
 * declares them, each table's files in reading order. A table not read has none.
 */
export function cutOffFiles(inputs: Inputs): CutOffFile[] {
  return [...INPUT_TABLES.map((t) => inputs.tables[t]), ...inputs.custom.values()].flatMap((t) => t.cutOff);
}

/** One FILE_CUT_OFF warning per file of {@link cutOffFiles}, in the same order, at the file's last line. */
export function cutOffWarnings(inputs: Inputs, cut: readonly CutOffFile[]): Problem[] {
  return cut.map((c) => ({
    code: 'FILE_CUT_OFF',
    severity: 'warning',
    message: messageOf(RUN_ERRORS, 'FILE_CUT_OFF', { ...c, format: formatOf(inputs, c) }),
    file: c.file,
    line: c.line,
    column: null,
  }));
}

// How the file was read: a JSON Lines line that does not parse, or a CSV record short of cells.
function formatOf(inputs: Inputs, { table, file }: CutOffFile): 'csv' | 'jsonl' {
  return tableInput(inputs, table).files.find((f) => f.name === file)?.format === 'jsonl' ? 'jsonl' : 'csv';
}
