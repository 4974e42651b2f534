import { type SplitFileOptions, splitFile } from '@scorebook/source';

/** A file to cut, as the run's reading opens it. Plain data: it crosses to a worker thread. */
export type CutRequestFile = Omit<SplitFileOptions, 'pieceBytes' | 'onPiece'>;

/**
 * What the cutting says as it goes: each piece as it is found (`file` is the file's place in the
 * request), each file's sha256 once it is read to its end, and at the end whether every file
 * could be cut (false: one cannot be, or reading one failed — the table is then read in one
 * thread, which reports the failure precisely).
 */
export type CutReport = { table: CutTable } & (
  | { cut: 'piece'; file: number; range: { start: number; end: number; line: number } }
  | { cut: 'file'; file: number; sha256: string }
  | { cut: 'end'; ok: boolean }
);

/** The tables whose files a worker thread cuts: the messages, and the conversations for their second read. */
export type CutTable = 'messages' | 'conversations';

/**
 * Cuts the files one after another into pieces of about `pieceBytes` (`splitFile`), reporting
 * each piece as soon as it is found; never throws (a failure is `{ cut: 'end', ok: false }`).
 */
export async function cutInPieces(
  table: CutTable,
  files: readonly CutRequestFile[],
  pieceBytes: number,
  report: (r: CutReport) => void,
): Promise<void> {
  let ok = true;
  try {
    for (const [file, options] of files.entries()) {
      const split = await splitFile({
        path: options.path,
        name: options.name,
        format: options.format,
        encoding: options.encoding,
        pieceBytes,
        onPiece: (range) => report({ table, cut: 'piece', file, range }),
      });
      if (split === null) {
        ok = false;
        break;
      }
      report({ table, cut: 'file', file, sha256: split.sha256 });
    }
  } catch {
    ok = false;
  }
  report({ table, cut: 'end', ok });
}
