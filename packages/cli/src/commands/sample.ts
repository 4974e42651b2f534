import type { Bilingual } from '@scorebook/problems';
import { generateSample } from '@scorebook/sample';
import { noPositionals, parseCommandArgs, required } from '../args.ts';
import { EXIT, usageError } from '../cli-error.ts';
import { pickLang } from '../lang.ts';
import { say } from '../text.ts';
import type { CommandIo } from './io.ts';

export const SAMPLE_HELP: Bilingual = {
  zh: `scorebook sample --out <dir> [--agents 60] [--months 3] [--start 2026-10] [--seed 1]
                 [--conversations-per-day 1.8] [--quiet] [--lang zh|en]

生成一个确定性的模拟客服公司(售前、售后、社群),按数据契约写出全部表;相同参数得到相同字节。
`,
  en: `scorebook sample --out <dir> [--agents 60] [--months 3] [--start 2026-10] [--seed 1]
                 [--conversations-per-day 1.8] [--quiet] [--lang zh|en]

Generates a deterministic synthetic customer-service company (pre-sales, after-sales, community)
laid out as the data contract; the same options give the same bytes.
`,
};

/** `scorebook sample`: writes a synthetic company's exports. */
export function runSample(argv: string[], io: CommandIo): number {
  const { values, positionals } = parseCommandArgs('sample', argv, {
    out: { type: 'string' },
    agents: { type: 'string' },
    months: { type: 'string' },
    start: { type: 'string' },
    seed: { type: 'string' },
    'conversations-per-day': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (values.help) {
    io.out(SAMPLE_HELP[pickLang(values.lang)]);
    return EXIT.ok;
  }
  noPositionals('sample', positionals);
  const lang = pickLang(values.lang);
  const number = (name: string, fallback: number, integer: boolean) => {
    const raw = values[name as keyof typeof values];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
      throw usageError('NOT_A_POSITIVE_NUMBER', { option: name, whole: integer, got: String(raw) });
    return n;
  };
  const out = required(values, 'out', 'sample');
  const started = Date.now();
  let lastReport = 0;
  const summary = generateSample({
    out,
    agents: number('agents', 60, true),
    months: number('months', 3, true),
    start: values.start ?? '2026-10',
    seed: number('seed', 1, true),
    conversationsPerDay: number('conversations-per-day', 1.8, false),
    onProgress: (p) => {
      if (values.quiet || (Date.now() - lastReport < 500 && p.done < p.days)) return;
      lastReport = Date.now();
      const line = say(lang, 'SAMPLE_PROGRESS', {
        day: p.day,
        done: p.done,
        days: p.days,
        conversations: p.conversations.toLocaleString('en-US'),
      });
      io.err(io.interactive ? `\r\x1b[2K${line}${p.done === p.days ? '\n' : ''}` : `${line}\n`);
    },
  });
  if (!values.quiet) {
    const rows = Object.entries(summary)
      .map(([table, n]) => `${table} ${n.toLocaleString('en-US')}`)
      .join(', ');
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.err(`${say(lang, 'SAMPLE_WROTE', { out, seconds, rows })}\n`);
  }
  return EXIT.ok;
}
