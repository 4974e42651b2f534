import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { byInputTable, type InputTableName } from '@scorebook/contract';
import { parse } from 'csv-parse/sync';

/** A row of a contract-shaped table as its CSV file holds it: every cell as text, `''` when empty. */
export type ContractRow = Readonly<Record<string, string>>;

/** A cell of a row by field: its text, `''` when it is empty (or the table has no such column). */
export function cell(row: ContractRow, field: string): string {
  return row[field] ?? '';
}

/** Every table of a contract-shaped data folder, each row in file order. */
export type ContractTables = Readonly<Record<InputTableName, readonly ContractRow[]>>;

/**
 * Reads every table of a contract-shaped folder (`<table>.csv`, UTF-8, as the sample generator
 * writes it). A table without a file is a thrown error — the export is made from a whole
 * company — but `appeals_filed`, which the generator does not write, `improvement_plans`, and
 * `ratings`, which older sample folders lack: they are then empty.
 */
export function readContractTables(dir: string): ContractTables {
  return byInputTable((table) => {
    const file = join(dir, `${table}.csv`);
    const optional = table === 'appeals_filed' || table === 'improvement_plans' || table === 'ratings';
    if (optional && !existsSync(file)) return [];
    return parse(readFileSync(file), { columns: true }) as ContractRow[];
  });
}
