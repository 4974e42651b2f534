import { createHash } from 'node:crypto';

/**
 * A URL segment for an id from data (agent id, team name, version): the id itself when it is a
 * readable name — a letter or digit of any script first, then letters, digits, `_`, `-` and
 * single dots, at most 64, in Unicode NFC (`a0001`, `2026.10`, `售后一组`) — otherwise `h-` and 16
 * hex digits of its sha256, so that no data can change a path, name a special key (`__proto__`)
 * or hold characters a file system or URL treats specially.
 */
export function slugOf(id: string): string {
  if (/^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,63}$/u.test(id) && !id.includes('..') && id === id.normalize('NFC'))
    return id;
  return `h-${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
}
