import type { FileItem, ReadFileOptions } from './file-items.ts';

/** Placeholder for the xlsx reader, which another branch provides; replaced when merging. */
export function readXlsx(options: ReadFileOptions): AsyncGenerator<FileItem> {
  throw new Error(`${options.name}: the xlsx reader is not on this branch yet`);
}
