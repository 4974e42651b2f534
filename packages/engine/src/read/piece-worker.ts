// A worker thread that reads pieces of a run's tables: first a context, then any number of
// pieces of the messages table (message-piece.ts), each answered by its id with the piece or the
// error's text; the first worker of a run is also asked, before the context, to cut the messages
// files and then the conversations files (cut-in-pieces.ts), one cutting after the other. Once the messages are in, it may be given a part of the conversations'
// second read (measure/second-read.ts), answered with what the part counted.
import { parentPort } from 'node:worker_threads';
import { readSecondReadPart, type SecondReadPart } from '../measure/second-read.ts';
import { type CutRequestFile, type CutTable, cutInPieces } from './cut-in-pieces.ts';
import { lookupOf, type MessagePieceContext, MessagePieceReader } from './message-piece.ts';
import type { PieceTask } from './piece-batches.ts';

type Request =
  | { kind: 'cut'; table: CutTable; files: CutRequestFile[]; pieceBytes: number }
  | { kind: 'context'; context: MessagePieceContext }
  | { kind: 'task'; id: number; task: PieceTask }
  | { kind: 'second-read'; part: SecondReadPart };

let reader: MessagePieceReader | null = null;
// The cuttings asked for, one after the other (cutInPieces never throws).
let cutting = Promise.resolve();
parentPort?.on('message', (request: Request) => {
  if (request.kind === 'cut') {
    const { table, files, pieceBytes } = request;
    cutting = cutting.then(() =>
      cutInPieces(table, files, pieceBytes, (report) => parentPort?.postMessage(report)),
    );
    return;
  }
  if (request.kind === 'context') {
    reader = new MessagePieceReader(request.context, lookupOf(request.context));
    return;
  }
  if (request.kind === 'second-read') {
    // The messages are read: what the pieces' reading held can go.
    reader = null;
    readSecondReadPart(request.part).then(
      (answer) => parentPort?.postMessage({ secondRead: answer }),
      (error: unknown) =>
        parentPort?.postMessage({
          secondRead: { error: error instanceof Error ? error.message : String(error) },
        }),
    );
    return;
  }
  const { id, task } = request;
  (reader ?? failure()).read(task).then(
    (piece) => {
      const m = piece.messages;
      const buffers = [m.conversation, m.sentAt, m.sender, m.agent, m.file, m.line].map(
        (a) => a.buffer as ArrayBuffer,
      );
      parentPort?.postMessage({ id, piece }, buffers);
    },
    (error: unknown) =>
      parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});

function failure(): never {
  throw new Error('a task before the context');
}
