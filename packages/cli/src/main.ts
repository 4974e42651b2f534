import { EvaluationError } from '@scorebook/engine';
import { type Bilingual, ScorebookError } from '@scorebook/problems';
import { EXIT, UsageError } from './cli-error.ts';
import { DEMO_HELP, runDemo } from './commands/demo.ts';
import { DIFF_HELP, runDiff } from './commands/diff.ts';
import { EVALUATE_HELP, runEvaluate } from './commands/evaluate.ts';
import { IMPACT_HELP, runImpact } from './commands/impact.ts';
import { type CommandIo, processIo } from './commands/io.ts';
import { PAYROLL_HELP, runPayroll } from './commands/payroll.ts';
import { PUBLISH_HELP, runPublish } from './commands/publish.ts';
import { runSample, SAMPLE_HELP } from './commands/sample.ts';
import { runSite, SITE_HELP } from './commands/site.ts';
import { runSource, SOURCE_HELP } from './commands/source.ts';
import { runSuggestTargets, SUGGEST_TARGETS_HELP } from './commands/suggest-targets.ts';
import { runTest, TEST_HELP } from './commands/test.ts';
import { runValidate, VALIDATE_HELP } from './commands/validate.ts';
import { runVerify, VERIFY_HELP } from './commands/verify.ts';
import { type Lang, langOption, pickLang } from './lang.ts';
import { formatRunProblems } from './output/run-problems.ts';
import { formatFailure } from './output/run-report.ts';
import { say } from './text.ts';

type Command = (argv: string[], io: CommandIo) => number | Promise<number>;

const COMMANDS: Record<string, { run: Command; help: Bilingual }> = {
  validate: { run: runValidate, help: VALIDATE_HELP },
  diff: { run: runDiff, help: DIFF_HELP },
  evaluate: { run: runEvaluate, help: EVALUATE_HELP },
  verify: { run: runVerify, help: VERIFY_HELP },
  sample: { run: runSample, help: SAMPLE_HELP },
  site: { run: runSite, help: SITE_HELP },
  demo: { run: runDemo, help: DEMO_HELP },
  publish: { run: runPublish, help: PUBLISH_HELP },
  impact: { run: runImpact, help: IMPACT_HELP },
  test: { run: runTest, help: TEST_HELP },
  source: { run: runSource, help: SOURCE_HELP },
  payroll: { run: runPayroll, help: PAYROLL_HELP },
  'suggest-targets': { run: runSuggestTargets, help: SUGGEST_TARGETS_HELP },
};

/** The top-level help, in one language. */
export function usage(lang: Lang): string {
  return USAGE[lang];
}

const USAGE: Bilingual = {
  zh: `Scorebook — 客服绩效考核,配置即代码

用法:scorebook <命令> [选项]

  validate <policy-dir>...          校验策略
  diff <old.yaml> <new.yaml>        策略含义差异
  evaluate --policies --data --period --out
                                    评估一个期间
  verify --policies --data --results
                                    重新计算并逐字节核对
  sample --out <dir>                生成模拟数据
  site build|serve                  生成 / 预览报告网站
  demo                              主任务:评估样例数据并生成网站
  publish --period --policies --data
                                    发布并关闭期间
  impact --base <ref> --policies    策略变更的影响
  test <policy-dir>                 运行策略测试
  source init <data-dir>            为导出文件夹起草 source.yaml
  source check <data-dir>           按数据来源读取并报告,不需要策略
  verify --all                      复核全部已发布期间
  payroll --results <dir> --out <payroll.csv|.xlsx>
                                    导出绩效系数与奖金
  suggest-targets --policies --data 按已发布期间建议目标与底线

每个命令都有 --help;--lang en 输出英文。
`,
  en: `Scorebook — customer-service evaluation as code

Usage: scorebook <command> [options]

  validate <policy-dir>...          validate policies
  diff <old.yaml> <new.yaml>        meaning-level policy diff
  evaluate --policies --data --period --out
                                    evaluate a period
  verify --policies --data --results
                                    recompute and compare byte for byte
  sample --out <dir>                generate a synthetic company
  site build|serve                  build or preview the report site
  demo                              the main job on the sample data
  publish --period --policies --data
                                    publish and close a period
  impact --base <ref> --policies    impact of a policy change
  test <policy-dir>                 run policy tests
  source init <data-dir>            draft a source.yaml for an export folder
  source check <data-dir>           read the data through its source, without a policy
  verify --all                      re-verify every published period
  payroll --results <dir> --out <payroll.csv|.xlsx>
                                    export coefficients and bonuses
  suggest-targets --policies --data targets and floors from published periods

Every command has --help; --lang zh prints Chinese.
`,
};

/**
 * Runs the command line and returns the exit code: 0 success, 1 invalid input or failed run,
 * 2 bad usage. The one place where errors become messages and exit codes.
 */
export async function main(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const [name, ...rest] = langLast(argv);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage(pickLang(langOption(rest))));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version') {
    const { ENGINE_VERSION } = await import('@scorebook/engine');
    io.out(`${ENGINE_VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  const lang = pickLang(langOption(rest));
  if (command === undefined) {
    io.err(`${say(lang, 'UNKNOWN_COMMAND', { name })}\n\n${usage(lang)}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.text[lang]}${error.showsHelp ? `\n\n${command.help[lang]}` : ''}\n`);
      return EXIT.usage;
    }
    if (error instanceof EvaluationError) {
      // Only a command that writes results says that none were: verify, impact, test, source
      // check and the others write nothing in any case, and the line would only confuse.
      io.err(
        formatFailure(error.problems, error.rejected, lang, io.color, { writes: WRITES_RESULTS.has(name) }),
      );
      return EXIT.failed;
    }
    if (error instanceof ScorebookError) {
      io.err(formatRunProblems(error.problems, lang));
      return EXIT.failed;
    }
    const { message, stack } = error as Error;
    io.err(
      `${say(lang, 'INTERNAL_ERROR', { message })}\n${process.env.SCOREBOOK_DEBUG ? stack : say(lang, 'DEBUG_HINT')}\n`,
    );
    return EXIT.failed;
  }
}

// The commands whose failure leaves results unwritten (evaluate's --out, publish's period,
// the demo's site, payroll's file).
const WRITES_RESULTS = new Set(['evaluate', 'publish', 'demo', 'payroll']);

// `scorebook --lang en --help` and `scorebook --lang en validate …`: a leading --lang is moved
// after the command, where the command's own options take it.
function langLast(argv: readonly string[]): string[] {
  const [first, second] = argv;
  if (first === '--lang' && second !== undefined) return [...argv.slice(2), first, second];
  if (first?.startsWith('--lang=')) return [...argv.slice(1), first];
  return [...argv];
}
