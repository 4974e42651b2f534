import { cpSync, existsSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { evaluate, writeEvaluation } from '@scorebook/engine';
import type { Bilingual } from '@scorebook/problems';
import { parseCommandArgs } from '../args.ts';
import { EXIT } from '../cli-error.ts';
import { pickLang } from '../lang.ts';
import { gradeCounts } from '../output/run-summary.ts';
import { REPOSITORY } from '../repository.ts';
import { say } from '../text.ts';
import type { CommandIo } from './io.ts';
import { buildSiteWithProgress, serveUntilStopped, siteSummary } from './site.ts';

export const DEMO_HELP: Bilingual = {
  zh: `scorebook demo [--no-serve] [--port 4321] [--lang zh|en]

主任务:用 configs/policies 评估 data/sample 的每个期间(已发布的期间取自 data/results),生成报告网站,
并在终端中启动本地服务显示地址(非终端环境或 --no-serve 时只生成)。
`,
  en: `scorebook demo [--no-serve] [--port 4321] [--lang zh|en]

The main job: evaluates every period of data/sample with configs/policies (published periods come
from data/results), builds the report site and serves it locally (builds only with --no-serve or
when not on a terminal).
`,
};

const SAMPLE_PERIODS = ['2026-10', '2026-11', '2026-12', '2026-Q4'];

/** `scorebook demo`: the whole product on the bundled sample company. */
export async function runDemo(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseCommandArgs('demo', argv, {
    'no-serve': { type: 'boolean' },
    port: { type: 'string' },
  });
  if (values.help) {
    io.out(DEMO_HELP[pickLang(values.lang)]);
    return EXIT.ok;
  }
  const lang = pickLang(values.lang);
  const resultsDir = join(REPOSITORY.demoWork, 'results');
  const siteDir = join(REPOSITORY.demoWork, 'site');
  const published = REPOSITORY.publishedResults;
  rmSync(resultsDir, { recursive: true, force: true });

  const steps = SAMPLE_PERIODS.length + 1;
  for (const [i, period] of SAMPLE_PERIODS.entries()) {
    const step = `[${i + 1}/${steps}]`;
    if (existsSync(join(published, period, 'results.json'))) {
      cpSync(join(published, period), join(resultsDir, period), { recursive: true });
      io.err(`${say(lang, 'DEMO_PUBLISHED', { step, period })}\n`);
      continue;
    }
    io.err(`${say(lang, 'DEMO_EVALUATING', { step, period })}\n`);
    const evaluation = await evaluate({
      policiesDir: REPOSITORY.samplePolicy,
      dataDir: REPOSITORY.sampleData,
      period,
    });
    writeEvaluation(join(resultsDir, period), evaluation);
    const { rated, agents, grades } = evaluation.results.summary;
    io.err(`${say(lang, 'DEMO_RATED', { rated, agents, grades: gradeCounts(grades) })}\n`);
  }
  io.err(`${say(lang, 'DEMO_BUILDING_SITE', { step: `[${steps}/${steps}]` })}\n`);
  const report = await buildSiteWithProgress(io, lang, false, {
    resultsDir,
    policiesDir: REPOSITORY.policies,
    outDir: siteDir,
  });
  io.err(`${siteSummary(report, lang, siteDir)}\n`);
  const serve = values['no-serve'] !== true && io.interactive && process.stdout.isTTY;
  if (!serve) {
    const site = relative(REPOSITORY.root, siteDir);
    io.out(`${say(lang, 'DEMO_SITE_READY', { dir: resolve(siteDir), site })}\n`);
    return EXIT.ok;
  }
  return serveUntilStopped(siteDir, Number(values.port ?? 4321), io, lang);
}
