import { createHash } from 'node:crypto';

/**
 * A URL segment for an id from data (agent id, team name, version): the id itself when it is
 * plain ASCII (letters, digits, `_`, `-`, single dots), otherwise a stable hash, so no data can
 * change a path.
 */
export function slugOf(id: string): string {
  if (/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/.test(id) && !id.includes('..')) return id;
  return `h-${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
}
