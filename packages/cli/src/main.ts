import { EvaluationError } from '@scorebook/engine';
import { ScorebookError } from '@scorebook/problems';
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
import { pickLang } from './lang.ts';
import { formatRunProblems } from './output/run-problems.ts';
import { formatFailure } from './output/run-report.ts';
import { say } from './text.ts';

type Command = (argv: string[], io: CommandIo) => number | Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
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

/** The top-level help. */
export function usage(): string {
  return `Scorebook — 客服绩效考核,配置即代码 / customer-service evaluation as code

用法 Usage: scorebook <command> [options]

  validate <policy-dir>...          校验策略 / validate policies
  diff <old.yaml> <new.yaml>        策略含义差异 / meaning-level policy diff
  evaluate --policies --data --period --out
                                    评估一个期间 / evaluate a period
  verify --policies --data --results
                                    重新计算并逐字节核对 / recompute and compare byte for byte
  sample --out <dir>                生成模拟数据 / generate a synthetic company
  site build|serve                  生成 / 预览报告网站 / build or preview the report site
  demo                              主任务:评估样例数据并生成网站 / the main job on the sample data
  publish --period --policies --data
                                    发布并关闭期间 / publish and close a period
  impact --base <ref> --policies    策略变更的影响 / impact of a policy change
  test <policy-dir>                 运行策略测试 / run policy tests
  source init <data-dir>            为导出文件夹起草 source.yaml / draft a source.yaml for an export folder
  source check <data-dir>           按数据来源读取并报告,不需要策略 / read the data through its source
  verify --all                      复核全部已发布期间 / re-verify every published period
  payroll --results <dir> --out <payroll.csv|.xlsx>
                                    导出绩效系数与奖金 / export coefficients and bonuses
  suggest-targets --policies --data 按已发布期间建议目标与底线 / targets and floors from published periods

每个命令都有 --help;--lang en 输出英文。Every command has --help; --lang en prints English.
`;
}

/**
 * Runs the command line and returns the exit code: 0 success, 1 invalid input or failed run,
 * 2 bad usage. The one place where errors become messages and exit codes.
 */
export async function main(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
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
    io.err(`${say(lang, 'UNKNOWN_COMMAND', { name })}\n\n${usage()}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.text[lang]}${error.showsHelp ? `\n\n${command.help}` : ''}\n`);
      return EXIT.usage;
    }
    if (error instanceof EvaluationError) {
      // `source check` writes nothing in any case: "nothing was written" would only confuse.
      io.err(formatFailure(error.problems, error.rejected, lang, io.color, { writes: name !== 'source' }));
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

function langOption(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--lang');
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
}
