export { SOURCE_ERRORS, type SourceErrorCode } from './errors.ts';
export { VALUE_REJECTIONS, type ValueRejectionCode } from './fields/rejections.ts';
export { type RowField, TableTyper, type TypedRecord, type ValueRejection } from './fields/table-typer.ts';
export { cellText, type TypedValue, trimText } from './fields/type-value.ts';
export {
  findSource,
  type LoadedSource,
  loadSourceBytes,
  loadSourceFile,
  SOURCE_FILE_NAME,
} from './load/load-source.ts';
export { SOURCE_SCHEMA } from './load/source-schema.ts';
export { type DataFiles, type LocatedFile, type LocatedTable, locateFiles } from './locate/locate-files.ts';
export {
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
export {
  type BadRecordCode,
  type Cell,
  ENCODINGS,
  type Encoding,
  FILE_FORMATS,
  type FileFormat,
  type FileItem,
  MAX_RECORD_BYTES,
  type ReadFileOptions,
  WallClock,
} from './read/file-items.ts';
export { readXlsx } from './read/xlsx.ts';
