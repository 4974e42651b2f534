import type { ReadProgress } from '@scorebook/engine';
import type { CommandIo } from '../commands/io.ts';
import { type Lang, t } from '../lang.ts';

/**
 * Progress of reading on stderr: on a terminal one line rewritten in place with a spinner and
 * the rows read; otherwise one line per table when it is done. Silent when `quiet`.
 */
export function progressReporter(io: CommandIo, lang: Lang, quiet: boolean): (p: ReadProgress) => void {
  if (quiet) return () => {};
  const frames = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';
  let tick = 0;
  const started = Date.now();
  return (p) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const rows = p.rows.toLocaleString('en-US');
    if (io.interactive) {
      const frame = p.done ? '✓' : frames[tick++ % frames.length];
      io.err(
        `\r\x1b[2K${frame} ${t(lang, '读取', 'reading')} ${p.table}: ${rows} ${t(lang, '行', 'rows')} (${seconds}s)${p.done ? '\n' : ''}`,
      );
    } else if (p.done) {
      io.err(`${t(lang, '已读取', 'read')} ${p.table}: ${rows} ${t(lang, '行', 'rows')} (${seconds}s)\n`);
    }
  };
}
