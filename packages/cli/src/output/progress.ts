import type { EvaluationProgress } from '@scorebook/engine';
import type { CommandIo } from '../commands/io.ts';
import type { Lang } from '../lang.ts';
import { say } from '../text.ts';

const WIDTH = 24;

/** A text progress bar: `[██████░░░░░░]  52%`. */
export function progressBar(done: number, total: number): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * WIDTH);
  return `[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%`;
}

/**
 * Progress on stderr: of reading, on a terminal one line rewritten in place with a bar (bytes of
 * the table read) and the rows so far, otherwise one line per table when it is done; then a line
 * as each stage after reading starts (deriving, measuring — in SQL on DuckDB with that engine —,
 * scoring), so that a long measure stage is not taken for a hang. Silent when `quiet`.
 */
export function progressReporter(io: CommandIo, lang: Lang, quiet: boolean): (p: EvaluationProgress) => void {
  if (quiet) return () => {};
  const started = Date.now();
  return (p) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if ('stage' in p) {
      const stage =
        p.stage === 'derive'
          ? say(lang, 'PROGRESS_DERIVE', { seconds })
          : p.stage === 'measure'
            ? say(lang, p.engine === 'duckdb' ? 'PROGRESS_MEASURE_SQL' : 'PROGRESS_MEASURE', { seconds })
            : say(lang, 'PROGRESS_SCORE', { seconds });
      io.err(`${stage}\n`);
      return;
    }
    const rows = p.rows.toLocaleString('en-US');
    if (io.interactive) {
      const bar = progressBar(p.done ? p.totalBytes : p.bytes, p.totalBytes);
      const line = say(lang, 'PROGRESS_READING', { table: p.table, bar, rows, seconds });
      io.err(`\r\x1b[2K${p.done ? '✓' : ' '} ${line}${p.done ? '\n' : ''}`);
    } else if (p.done) {
      io.err(`${say(lang, 'PROGRESS_READ', { table: p.table, rows, seconds })}\n`);
    }
  };
}
