import { cpSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, writeEvaluation } from '@scorebook/engine';
import { parseCommandArgs } from '../args.ts';
import { EXIT } from '../cli-error.ts';
import { pickLang, t } from '../lang.ts';
import type { CommandIo } from './io.ts';
import { buildSiteWithProgress, serveUntilStopped, siteSummary } from './site.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export const DEMO_HELP = `scorebook demo [--no-serve] [--port 4321] [--lang zh|en]

主任务:用 configs/policies 评估 data/sample 的每个期间(已发布的期间取自 data/results),生成报告网站,
并在终端中启动本地服务显示地址(非终端环境或 --no-serve 时只生成)。
The main job: evaluates every period of data/sample with configs/policies (published periods come
from data/results), builds the report site and serves it locally (builds only with --no-serve or
when not on a terminal).
`;

const SAMPLE_PERIODS = ['2026-10', '2026-11', '2026-12', '2026-Q4'];

/** `scorebook demo`: the whole product on the bundled sample company. */
export async function runDemo(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseCommandArgs('demo', argv, {
    'no-serve': { type: 'boolean' },
    port: { type: 'string' },
  });
  if (values.help) {
    io.out(DEMO_HELP);
    return EXIT.ok;
  }
  const lang = pickLang(values.lang);
  const work = join(ROOT, '.scorebook', 'demo');
  const resultsDir = join(work, 'results');
  const siteDir = join(work, 'site');
  const published = join(ROOT, 'data', 'results');
  const policies = join(ROOT, 'configs', 'policies', 'ecommerce-cs');
  rmSync(resultsDir, { recursive: true, force: true });

  const steps = SAMPLE_PERIODS.length + 1;
  for (const [i, period] of SAMPLE_PERIODS.entries()) {
    const prefix = `[${i + 1}/${steps}]`;
    if (existsSync(join(published, period, 'results.json'))) {
      cpSync(join(published, period), join(resultsDir, period), { recursive: true });
      io.err(
        `${prefix} ${period}: ${t(lang, '使用已发布的结果', 'using the published results')} (data/results/${period})\n`,
      );
      continue;
    }
    io.err(`${prefix} ${period}: ${t(lang, '评估中…', 'evaluating…')}\n`);
    const evaluation = await evaluate({
      policiesDir: policies,
      dataDir: join(ROOT, 'data', 'sample'),
      period,
    });
    writeEvaluation(join(resultsDir, period), evaluation);
    const s = evaluation.results.summary;
    io.err(
      `      ${t(lang, `${s.rated}/${s.agents} 名客服参评`, `${s.rated}/${s.agents} agents rated`)}, ${Object.entries(
        s.grades,
      )
        .map(([g, n]) => `${g} ${n}`)
        .join(' · ')}\n`,
    );
  }
  io.err(`[${steps}/${steps}] ${t(lang, '生成报告网站…', 'building the report site…')}\n`);
  const report = await buildSiteWithProgress(io, lang, false, {
    resultsDir,
    policiesDir: join(ROOT, 'configs', 'policies'),
    outDir: siteDir,
  });
  io.err(`${siteSummary(report, lang, siteDir)}\n`);
  const serve = values['no-serve'] !== true && io.interactive && process.stdout.isTTY;
  if (!serve) {
    io.out(
      t(
        lang,
        `网站已生成于 ${resolve(siteDir)}。预览:npx scorebook site serve ${join('.scorebook', 'demo', 'site')}\n`,
        `The site is in ${resolve(siteDir)}. Preview it: npx scorebook site serve ${join('.scorebook', 'demo', 'site')}\n`,
      ),
    );
    return EXIT.ok;
  }
  return serveUntilStopped(siteDir, Number(values.port ?? 4321), io, lang);
}
