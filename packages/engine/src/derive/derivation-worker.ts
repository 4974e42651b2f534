// A worker thread that derives customer blocks and responses from handed-over messages
// (derivation-thread.ts): one request, answered with the facts (their buffers transferred) and the
// tallies, or the error's text.
import { parentPort } from 'node:worker_threads';
import { type DerivationRequest, deriveRequested } from './derivation-thread.ts';

parentPort?.once('message', (request: DerivationRequest) => {
  try {
    const answer = deriveRequested(request);
    const facts = 'facts' in answer ? answer.facts : null;
    const transfer =
      facts === null
        ? []
        : [facts.inquiry, facts.unansweredSince, facts.firstResponse].map((a) => a.buffer as ArrayBuffer);
    parentPort?.postMessage(answer, transfer);
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
