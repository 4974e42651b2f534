import { createHash } from 'node:crypto';

/**
 * A URL segment for an id from data (agent id, team name, version): the id itself when it is
 * plain ASCII starting with a letter or digit (then letters, digits, `_`, `-`, single dots),
 * otherwise `h-` and 16 hex digits of its sha256, so that no data can change a path or name a
 * special key (`__proto__`).
 */
export function slugOf(id: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(id) && !id.includes('..')) return id;
  return `h-${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
}
