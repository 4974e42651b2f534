import { PublishError, publishPeriod } from '@scorebook/governance';
import { parsePeriod } from '@scorebook/time';
import { parseCommandArgs, required } from '../args.ts';
import { EXIT, UsageError } from '../cli-error.ts';
import { pickLang, t } from '../lang.ts';
import { progressReporter } from '../output/progress.ts';
import { summaryText } from './evaluate.ts';
import type { CommandIo } from './io.ts';

export const PUBLISH_HELP = `scorebook publish --period <P> --policies <dir> --data <dir> [--results data/results]
                  [--supersede --reason "…"] [--quiet] [--lang zh|en]

评估并发布一个期间到 <results>/<P>/(结果、解释、被拒绝的行和 manifest.json:策略文件与哈希、
策略的 git 提交、输入哈希、引擎版本、完整命令)。已发布的期间即关闭:再次发布会被拒绝,
除非 --supersede --reason "原因",原发布保留在 <P>/superseded/<n>/。
Evaluates and publishes a period into <results>/<P>/ with a manifest. A published period is
closed: publishing it again is refused unless --supersede --reason "why", which keeps the
earlier publication in <P>/superseded/<n>/.
`;

/** `scorebook publish`. */
export async function runPublish(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('publish', argv, {
    period: { type: 'string' },
    policies: { type: 'string' },
    data: { type: 'string' },
    results: { type: 'string' },
    supersede: { type: 'boolean' },
    reason: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (values.help) {
    io.out(PUBLISH_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0)
    throw new UsageError(`scorebook publish takes no positional arguments\n\n${PUBLISH_HELP}`);
  const lang = pickLang(values.lang);
  const period = required(values, 'period', 'publish');
  if (parsePeriod(period) === null)
    throw new UsageError(
      `--period takes a month 2026-10, a quarter 2026-Q4 or a year 2026 (got "${period}")`,
    );
  if (values.reason !== undefined && !values.supersede)
    throw new UsageError('--reason goes with --supersede');
  if (values.supersede && (values.reason === undefined || values.reason.trim() === '')) {
    throw new UsageError(t(lang, '--supersede 需要 --reason "原因"', '--supersede needs --reason "why"'));
  }
  try {
    const publication = await publishPeriod({
      period,
      policiesDir: required(values, 'policies', 'publish'),
      dataDir: required(values, 'data', 'publish'),
      resultsRoot: values.results ?? 'data/results',
      ...(values.supersede ? { supersede: { reason: values.reason! } } : {}),
      onProgress: progressReporter(io, lang, values.quiet === true),
    });
    if (!values.quiet) {
      io.err(summaryText(publication.evaluation, lang, publication.dir));
      if (publication.superseded)
        io.err(
          t(
            lang,
            `  原发布已保留在 ${publication.superseded}\n`,
            `  The earlier publication is kept in ${publication.superseded}\n`,
          ),
        );
      io.err(
        t(
          lang,
          `  已关闭。请提交 ${publication.dir} 到 git。\n`,
          `  Closed. Commit ${publication.dir} to git.\n`,
        ),
      );
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof PublishError) {
      io.err(`✗ ${error.code}\n  ${lang === 'zh' ? error.zh : error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  }
}
