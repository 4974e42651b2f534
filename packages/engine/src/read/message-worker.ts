// A worker thread that reads pieces of the messages table (message-piece.ts): first a context,
// then any number of tasks, each answered by its id with the piece or the error's text. The first
// worker of a run is also asked, before the context, to cut the files (cut-messages.ts).
import { parentPort } from 'node:worker_threads';
import { type CutRequestFile, cutMessages } from './cut-messages.ts';
import {
  lookupOf,
  type MessagePieceContext,
  MessagePieceReader,
  type MessagePieceTask,
} from './message-piece.ts';

type Request =
  | { kind: 'cut'; files: CutRequestFile[]; pieceBytes: number }
  | { kind: 'context'; context: MessagePieceContext }
  | { kind: 'task'; id: number; task: MessagePieceTask };

let reader: MessagePieceReader | null = null;
parentPort?.on('message', (request: Request) => {
  if (request.kind === 'cut') {
    void cutMessages(request.files, request.pieceBytes, (report) => parentPort?.postMessage(report));
    return;
  }
  if (request.kind === 'context') {
    reader = new MessagePieceReader(request.context, lookupOf(request.context));
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
