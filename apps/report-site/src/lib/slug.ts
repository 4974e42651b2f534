import { createHash } from 'node:crypto';

/**
 * A URL segment for an id from data (agent id, team name): the id itself when it is plain
 * ASCII, otherwise a stable hash, so no data can change a path.
 */
export function slugOf(id: string): string {
  if (/^[A-Za-z0-9_-]{1,64}$/.test(id)) return id;
  return `h-${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
}
