import { closeSync, openSync, readSync } from 'node:fs';
import type { AgentExplanation } from '@scorebook/contract';

/** The explanations of a period by agent, each parsed from the file only when a page asks for it. */
export interface Explanations {
  get(agentId: string): AgentExplanation | undefined;
  readonly size: number;
}

/** No explanations (a period without explanations.json). */
export const NO_EXPLANATIONS: Explanations = { get: () => undefined, size: 0 };

/** How much of explanations.json is read at a time while it is indexed. */
const CHUNK = 8 * 1024 * 1024;

/**
 * Indexes explanations.json (`{…, "agents": [{…}, …]}`) without keeping it in memory: the file is
 * read once in chunks of 8 MiB and scanned for JSON structure (strings and escapes honoured); the
 * objects of the one array at the top level are the agents, each parsed once (its `agent_id`
 * is the key) and then forgotten; the index keeps where each starts and ends. A page's agent is
 * read from the file and parsed when asked for (then cached while the page is rendered: one at a
 * time). A 5,000-agent month's file is about 200 MB; parsed whole it would take several times
 * that in heap. Stops the build with the file's name when the file is not such a JSON object or
 * says `"scorebook"` other than 1. `chunkSize` is for tests.
 */
export function indexExplanations(file: string, chunkSize = CHUNK): Explanations {
  const head = readSpan(file, 0, 256);
  const version = /"scorebook"\s*:\s*([^,\s}]+)/.exec(head.toString('utf8'))?.[1];
  if (version !== undefined && version !== '1')
    throw new Error(`${file}: written by another version of Scorebook (scorebook: ${version})`);
  const spans = new Map<string, [number, number]>();
  let depth = 0;
  let inString = false;
  let escaped = false;
  let inAgents = false;
  let start = -1;
  // The bytes of the agent object being scanned that came in earlier chunks.
  let pieces: Buffer[] = [];
  let startInChunk = 0;
  const chunk = Buffer.allocUnsafe(chunkSize);
  const fd = openSync(file, 'r');
  try {
    for (let offset = 0; ; ) {
      const n = readSync(fd, chunk, 0, chunkSize, offset);
      if (n === 0) break;
      for (let j = 0; j < n; j++) {
        const b = chunk[j];
        if (inString) {
          if (escaped) escaped = false;
          else if (b === 0x5c) escaped = true;
          else if (b === 0x22) inString = false;
          continue;
        }
        if (b === 0x22) inString = true;
        else if (b === 0x7b || b === 0x5b) {
          if (depth === 1 && b === 0x5b) inAgents = true;
          else if (depth === 2 && inAgents && b === 0x7b) {
            start = offset + j;
            startInChunk = j;
            pieces = [];
          }
          depth++;
        } else if (b === 0x7d || b === 0x5d) {
          depth--;
          if (depth === 2 && inAgents && b === 0x7d && start >= 0) {
            const bytes = Buffer.concat([...pieces, chunk.subarray(startInChunk, j + 1)]);
            spans.set(parse(bytes, file).agent_id, [start, offset + j + 1]);
            start = -1;
            pieces = [];
          } else if (depth === 1 && b === 0x5d) inAgents = false;
        }
      }
      if (start >= 0) {
        pieces.push(Buffer.from(chunk.subarray(startInChunk, n)));
        startInChunk = 0;
      }
      offset += n;
    }
  } finally {
    closeSync(fd);
  }
  if (depth !== 0 || inString) throw new Error(`${file}: not valid JSON (it ends inside a value)`);
  let last: { id: string; value: AgentExplanation } | null = null;
  return {
    size: spans.size,
    get(agentId) {
      if (last?.id === agentId) return last.value;
      const span = spans.get(agentId);
      if (span === undefined) return undefined;
      last = { id: agentId, value: parse(readSpan(file, span[0], span[1] - span[0]), file) };
      return last.value;
    },
  };
}

// At most `length` bytes of the file from `position`.
function readSpan(file: string, position: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  const fd = openSync(file, 'r');
  try {
    return bytes.subarray(0, readSync(fd, bytes, 0, length, position));
  } finally {
    closeSync(fd);
  }
}

// An agent's object as the engine wrote it (the shape of @scorebook/contract's AgentExplanation).
function parse(bytes: Buffer, file: string): AgentExplanation {
  try {
    return JSON.parse(bytes.toString('utf8')) as AgentExplanation;
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
