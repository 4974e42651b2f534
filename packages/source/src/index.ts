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
