export { CUSTOM_TABLE_ERRORS, type CustomTableErrorCode } from './custom/custom-errors.ts';
export { type DetectedEncoding, detectEncoding } from './draft/detect-encoding.ts';
export { DRAFT_ERRORS, type DraftErrorCode } from './draft/draft-errors.ts';
export { type FormatGuess, guessFormat } from './draft/guess-format.ts';
export { type ColumnMapping, matchColumns, scoreTables, type TableScore } from './draft/match-columns.ts';
export { normalizeHeader, normalizeValue } from './draft/normalize.ts';
export { type DraftPlan, planDraft } from './draft/plan-draft.ts';
export {
  DEFAULT_SAMPLE_ROWS,
  type DraftFolderOptions,
  draftSourceFor,
  sampleDataFolder,
} from './draft/sample-files.ts';
export type { SampledFile, SampledSheet } from './draft/sampled-file.ts';
export { ENUMERATED_FIELDS, FIELD_SYNONYMS, type FieldSynonyms, type Vocabulary } from './draft/synonyms.ts';
export {
  type DraftOptions,
  type DraftRoles,
  type DraftTimezone,
  draftSource,
  draftTodoLines,
} from './draft/write-draft.ts';
export { SOURCE_ERRORS, type SourceErrorCode } from './errors.ts';
export { HEADER_SEARCH_ROWS, withMisplacedHeader } from './fields/misplaced-header.ts';
export { quoteValue } from './fields/quote-value.ts';
export { VALUE_REJECTIONS, type ValueRejectionCode } from './fields/rejections.ts';
export {
  type MakeValues,
  type RowField,
  shapeOf,
  TableTyper,
  type TypedRecord,
  type ValueRejection,
} from './fields/table-typer.ts';
export { cellText, type TypedValue } from './fields/type-value.ts';
export {
  findSource,
  type LoadedSource,
  loadSourceBytes,
  loadSourceFile,
  type PartialSource,
} from './load/load-source.ts';
export { SOURCE_FILE_NAME } from './load/source-file-name.ts';
export { SOURCE_SCHEMA } from './load/source-schema.ts';
export { type DataFiles, type LocatedFile, type LocatedTable, locateFiles } from './locate/locate-files.ts';
export {
  type CustomTableSource,
  DEFAULT_SOURCE,
  EXTRA_FIELD_TYPES,
  type ExtraFieldType,
  type FieldMapping,
  type MappedValue,
  type Source,
  type SourceLine,
  type TableSource,
  type TimeFormat,
} from './model.ts';
export { type CsvOptions, csvItems } from './read/csv.ts';
export { type DecodedChunk, type DecodeOptions, decodeBytes } from './read/decode.ts';
export {
  type BadRecordCode,
  type Cell,
  ENCODINGS,
  type Encoding,
  FILE_FORMATS,
  type FileFormat,
  type FileItem,
  type FileRange,
  MAX_RECORD_BYTES,
  type ReadFileOptions,
  WallClock,
} from './read/file-items.ts';
export { type JsonLinesOptions, jsonLinesItems } from './read/jsonl.ts';
export { READ_ERRORS, type ReadErrorCode } from './read/read-errors.ts';
export { readFile, readFileBatches } from './read/read-file.ts';
export { type FilePieces, type SplitFileOptions, splitFile } from './read/split-file.ts';
export { trimText } from './read/white-space.ts';
export { readXlsx } from './read/xlsx.ts';
export { XLSX_ERRORS } from './read/xlsx-errors.ts';
