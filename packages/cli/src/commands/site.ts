import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GOVERNANCE_ERRORS } from '@scorebook/governance';
import { type Bilingual, messageOf } from '@scorebook/problems';
import { parseCommandArgs, required } from '../args.ts';
import { EXIT, usageError } from '../cli-error.ts';
import { type Lang, langOption, pickLang } from '../lang.ts';
import { commandHint } from '../repository.ts';
import { buildSite, listPeriods } from '../site/build-site.ts';
import { serveSite } from '../site/serve-site.ts';
import { siteRefusal } from '../site/site-errors.ts';
import { say } from '../text.ts';
import type { CommandIo } from './io.ts';

export const SITE_HELP: Bilingual = {
  zh: `scorebook site build --results <dir> --out <dir> [--full] [--quiet] [--lang zh|en]
scorebook site serve <dir> [--port 4321]

build:用结果文件夹(每个期间一个子文件夹,如 <results>/2026-10/,由 evaluate 或 publish 写出)生成静态报告网站;
      每个期间只按它自己的文件显示(策略来自其 policy.json);只重建新增或变化的期间。
      --out 只能是新的或空的文件夹,或之前 site build 生成的文件夹(有 .scorebook-site.json 标记)。
      --policies 仍可写,但不再读取。
serve:在本机预览已生成的网站。
`,
  en: `scorebook site build --results <dir> --out <dir> [--full] [--quiet] [--lang zh|en]
scorebook site serve <dir> [--port 4321]

build: builds the static report site from a results folder (one sub-folder per period, written by
       evaluate or publish); each period is shown from its own files only (its policy from its
       policy.json); only new or changed periods are rebuilt. --out must be a new or empty folder or
       one that site build made (it has the .scorebook-site.json marker). --policies is accepted
       and not read.
serve: previews a built site on localhost.
`,
};

/** `scorebook site build|serve`. */
export async function runSite(argv: string[], io: CommandIo): Promise<number> {
  const [action, ...rest] = argv;
  if (action === 'build') return siteBuild(rest, io);
  if (action === 'serve') return siteServe(rest, io);
  if (action === undefined || argv.includes('--help') || argv.includes('-h')) {
    io.out(SITE_HELP[pickLang(langOption(argv))]);
    return action === undefined ? EXIT.usage : EXIT.ok;
  }
  throw usageError('SITE_UNKNOWN_ACTION', { action });
}

async function siteBuild(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseCommandArgs('site build', argv, {
    results: { type: 'string' },
    policies: { type: 'string' },
    out: { type: 'string' },
    full: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (values.help) {
    io.out(SITE_HELP[pickLang(values.lang)]);
    return EXIT.ok;
  }
  const lang = pickLang(values.lang);
  const resultsDir = required(values, 'results', 'site build');
  const periods = listPeriods(resultsDir);
  if (periods.length === 0) {
    const example = join(resultsDir, '2026-10', 'results.json');
    io.err(`${say(lang, 'SITE_NO_PERIODS', { dir: resultsDir, example })}\n`);
    return EXIT.failed;
  }
  const report = await buildSiteWithProgress(io, lang, values.quiet === true, {
    resultsDir,
    outDir: required(values, 'out', 'site build'),
    full: values.full === true,
  });
  if (!values.quiet) io.err(`${siteSummary(report, lang, required(values, 'out', 'site build'))}\n`);
  // Published files changed since: their pages warn, and the build says so, even when quiet.
  if (report.altered.length > 0) {
    const changed = report.altered.map(
      (a) =>
        `⚠ ${messageOf(GOVERNANCE_ERRORS, 'PUBLISHED_FILE_CHANGED', { file: `${a.period}/${a.file}`, recorded: a.recorded, current: a.current })[lang]}`,
    );
    io.err(`${[...changed, say(lang, 'SITE_ALTERED', { command: commandHint() })].join('\n')}\n`);
  }
  return EXIT.ok;
}

/** Builds the site, showing Astro's page count as it goes. */
export async function buildSiteWithProgress(
  io: CommandIo,
  lang: Lang,
  quiet: boolean,
  options: { resultsDir: string; policiesDir?: string; outDir: string; full?: boolean },
) {
  let pages = 0;
  return buildSite({
    ...options,
    onOutput: (line) => {
      if (quiet) return;
      if (line.includes('.html')) {
        pages++;
        if (io.interactive) io.err(`\r\x1b[2K${say(lang, 'SITE_RENDERING', { pages })}`);
        else if (pages % 500 === 0) io.err(`${say(lang, 'SITE_RENDERED', { pages })}\n`);
      } else if (/error/i.test(line)) io.err(`${line}\n`);
    },
  }).finally(() => {
    if (!quiet && io.interactive) io.err('\n');
  });
}

/** The closing line of a site build. */
export function siteSummary(report: Awaited<ReturnType<typeof buildSite>>, lang: Lang, out: string): string {
  return say(lang, 'SITE_BUILT', {
    pages: report.pages,
    periods: report.periods.length,
    rebuilt: report.rebuilt.length,
    reused: report.reused.length,
    seconds: report.seconds.toFixed(1),
    index: resolve(out, 'index.html'),
  });
}

async function siteServe(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('site serve', argv, { port: { type: 'string' } });
  if (values.help) {
    io.out(SITE_HELP[pickLang(values.lang)]);
    return EXIT.ok;
  }
  const lang = pickLang(values.lang);
  const dir = positionals[0];
  if (dir === undefined) throw usageError('SITE_SERVE_NO_DIR');
  if (!existsSync(join(dir, 'index.html'))) throw siteRefusal('SITE_NOT_BUILT', dir, { dir });
  const port = Number(values.port ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw usageError('PORT_INVALID', { got: String(values.port) });
  return serveUntilStopped(dir, port, io, lang);
}

/** Serves a site and waits for Ctrl-C. */
export async function serveUntilStopped(
  dir: string,
  port: number,
  io: CommandIo,
  lang: Lang,
): Promise<number> {
  const server = await serveSite(dir, port).catch((error: unknown) => {
    // A port another program holds is the user's to change, not an internal error.
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw siteRefusal('SITE_PORT_IN_USE', dir, { port: String(port), other: String(port + 1) });
    throw error;
  });
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  io.out(`${say(lang, 'SITE_SERVING', { url: `http://localhost:${actual}/` })}\n`);
  await new Promise<void>((resolvePromise) => {
    const stop = () => {
      server.close();
      resolvePromise();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT.ok;
}
