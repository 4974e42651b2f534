import { readFileSync } from 'node:fs';
import type { AgentExplanation } from '@scorebook/contract';

/** The explanations of a period by agent, each parsed from the file only when a page asks for it. */
export interface Explanations {
  get(agentId: string): AgentExplanation | undefined;
  readonly size: number;
}

/** No explanations (a period without explanations.json). */
export const NO_EXPLANATIONS: Explanations = { get: () => undefined, size: 0 };

/**
 * Indexes explanations.json (`{…, "agents": [{…}, …]}`) without keeping its parsed tree: the file's
 * bytes stay in one buffer, the index holds where each agent's object starts and ends, and a
 * page's agent is parsed when asked for (then cached while the page is rendered: one at a time).
 * A 5,000-agent month's file is about 200 MB; parsed whole it would take several times that in
 * heap. The file is first scanned for JSON structure (strings and escapes honoured); its objects
 * are the elements of the one array at the top level. Stops the build with the file's name when
 * the file is not such a JSON object or says `"scorebook"` other than 1.
 */
export function indexExplanations(file: string): Explanations {
  const bytes = readFileSync(file);
  const version = /"scorebook"\s*:\s*([^,\s}]+)/.exec(bytes.toString('utf8', 0, 256))?.[1];
  if (version !== undefined && version !== '1')
    throw new Error(`${file}: written by another version of Scorebook (scorebook: ${version})`);
  const spans = new Map<string, [number, number]>();
  let depth = 0;
  let inString = false;
  let inAgents = false;
  let start = -1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
      continue;
    }
    if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) {
      if (depth === 1 && b === 0x5b) inAgents = true;
      else if (depth === 2 && inAgents && b === 0x7b) start = i;
      depth++;
    } else if (b === 0x7d || b === 0x5d) {
      depth--;
      if (depth === 2 && inAgents && b === 0x7d && start >= 0) {
        const one = parse(bytes, start, i + 1, file);
        spans.set(one.agent_id, [start, i + 1]);
        start = -1;
      } else if (depth === 1 && b === 0x5d) inAgents = false;
    }
  }
  if (depth !== 0 || inString) throw new Error(`${file}: not valid JSON (it ends inside a value)`);
  let last: { id: string; value: AgentExplanation } | null = null;
  return {
    size: spans.size,
    get(agentId) {
      if (last?.id === agentId) return last.value;
      const span = spans.get(agentId);
      if (span === undefined) return undefined;
      last = { id: agentId, value: parse(bytes, span[0], span[1], file) };
      return last.value;
    },
  };
}

// An agent's object as the engine wrote it (the shape of @scorebook/contract's AgentExplanation).
function parse(bytes: Buffer, start: number, end: number, file: string): AgentExplanation {
  try {
    return JSON.parse(bytes.toString('utf8', start, end)) as AgentExplanation;
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
