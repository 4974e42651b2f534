import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/** A row of a contract-shaped table as its CSV file holds it: every cell as text, `''` when empty. */
export type ContractRow = Readonly<Record<string, string>>;

/** The tables of the data contract that an export is made of, in the contract's order. */
export const CONTRACT_TABLES = [
  'agents',
  'conversations',
  'messages',
  'surveys',
  'complaints',
  'qa_reviews',
  'orders',
  'attendance',
  'assessments',
  'events',
] as const;
export type ContractTable = (typeof CONTRACT_TABLES)[number];

/** Every table of a contract-shaped data folder, each row in file order. */
export type ContractTables = Readonly<Record<ContractTable, readonly ContractRow[]>>;

/**
 * The field that places a row of each table in a period (`semantics.md`); null for `agents`,
 * which belongs to every period.
 */
export const TIME_FIELDS: Readonly<Record<ContractTable, string | null>> = {
  agents: null,
  conversations: 'started_at',
  messages: 'sent_at',
  surveys: 'submitted_at',
  complaints: 'filed_at',
  qa_reviews: 'reviewed_at',
  orders: 'placed_at',
  attendance: 'date',
  assessments: 'date',
  events: 'at',
};

/**
 * Reads every table of a contract-shaped folder (`<table>.csv`, UTF-8, as the sample generator
 * writes it). A table without a file is a thrown error: the export is made from a whole company.
 */
export function readContractTables(dir: string): ContractTables {
  const tables = {} as Record<ContractTable, ContractRow[]>;
  for (const table of CONTRACT_TABLES) {
    tables[table] = parse(readFileSync(join(dir, `${table}.csv`)), { columns: true }) as ContractRow[];
  }
  return tables;
}
