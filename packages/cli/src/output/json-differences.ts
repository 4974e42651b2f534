import type { Lang } from '../lang.ts';
import { say } from '../text.ts';

/**
 * The differences between two JSON texts, as `path: recorded → recomputed` lines; agents are
 * named by `agent_id` rather than by position. At most `limit` lines.
 */
export function jsonDifferences(
  recordedText: string,
  recomputedText: string,
  lang: Lang,
  limit: number,
): string[] {
  let recorded: unknown;
  try {
    recorded = JSON.parse(recordedText);
  } catch {
    return [say(lang, 'JSON_NOT_JSON')];
  }
  const recomputed = JSON.parse(recomputedText) as unknown;
  const lines: string[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (lines.length >= limit) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      const byId = a.every(hasAgentId) && b.every(hasAgentId);
      if (byId) {
        const mapB = new Map(b.map((x) => [(x as { agent_id: string }).agent_id, x]));
        const idsA = new Set(a.map((x) => (x as { agent_id: string }).agent_id));
        for (const x of a) {
          const id = (x as { agent_id: string }).agent_id;
          if (!mapB.has(id)) lines.push(say(lang, 'JSON_AGENT_NOT_RECOMPUTED', { at: `${path}[${id}]` }));
          else walk(x, mapB.get(id), `${path}[${id}]`);
        }
        for (const id of mapB.keys())
          if (!idsA.has(id)) lines.push(say(lang, 'JSON_AGENT_NOT_RECORDED', { at: `${path}[${id}]` }));
        return;
      }
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n; i++) walk(a[i], b[i], `${path}[${i}]`);
      return;
    }
    if (isObject(a) && isObject(b)) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const k of keys) walk(a[k], b[k], path === '' ? k : `${path}.${k}`);
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      const none = say(lang, 'JSON_NO_VALUE');
      lines.push(`${path}: ${shown(a) ?? none} → ${shown(b) ?? none}`);
    }
  };
  walk(recorded, recomputed, '');
  if (lines.length === 0) lines.push(say(lang, 'JSON_FORMATTING_ONLY'));
  return lines;
}

// A value as JSON; a longer one (a policy's text, say) as its first 60 characters and its length.
function shown(v: unknown): string | undefined {
  const json = JSON.stringify(v);
  if (json === undefined || json.length <= SHOWN_CHARACTERS) return json;
  return `${json.slice(0, 60)}… (${json.length.toLocaleString('en-US')} characters)`;
}

const SHOWN_CHARACTERS = 120;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function hasAgentId(v: unknown): boolean {
  return isObject(v) && typeof v.agent_id === 'string';
}
