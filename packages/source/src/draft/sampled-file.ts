import type { Bilingual } from '@scorebook/problems';
import type { Cell, FileFormat } from '../read/file-items.ts';
import type { DetectedEncoding } from './detect-encoding.ts';

/** The first rows of one sheet of a workbook, or of a CSV or JSON Lines file. */
export interface SampledSheet {
  /** xlsx: the sheet's name; null for CSV and JSON Lines. */
  name: string | null;
  /** CSV and xlsx: the 1-based row of `rows[0]` (1 unless rows above it could not be read). */
  firstRow: number;
  /** CSV and xlsx: the rows from `firstRow` on, header not yet told apart; JSON Lines: none. */
  rows: readonly (readonly Cell[])[];
  /** JSON Lines: the objects of the sample; CSV and xlsx: none. */
  objects: readonly Readonly<Record<string, unknown>>[];
  /** Records of the sample that the reader could not read (`bad` items). */
  badRecords: number;
  /**
   * CSV: the first problem met with a row tried as the header (a column name given twice), which
   * says why when no row serves as the header; absent when there was none.
   */
  headerProblem?: Bilingual;
}

/** What `scorebook source init` knows of one file of the data folder, from its first rows. */
export interface SampledFile {
  /** Relative to the data folder, `/`-separated. */
  path: string;
  /** From the extension; null for a file that is not CSV, JSON Lines or xlsx. */
  format: FileFormat | null;
  /** CSV and JSON Lines: what the first bytes say; null otherwise. */
  encoding: DetectedEncoding | null;
  /** CSV and JSON Lines: one; xlsx: every sheet in workbook order; none when `problem` is set. */
  sheets: readonly SampledSheet[];
  /** Why the file could not be sampled (empty, not decodable, not a workbook …). */
  problem: Bilingual | null;
}
