import { runPolicyTests } from '@scorebook/governance';
import { parseCommandArgs } from '../args.ts';
import { EXIT, UsageError } from '../cli-error.ts';
import { pickLang, t } from '../lang.ts';
import type { CommandIo } from './io.ts';

export const TEST_HELP = `scorebook test <policy-dir>... [--require-coverage] [--lang zh|en]

运行策略测试(<策略文件夹>/tests/*.yaml):用小段内联数据评估,核对预期的等级、否决、指标值、剔除数量等;
并列出没有任何测试覆盖的规则(剔除、否决、参评条件、考核指标、加减分)。有失败时退出码 1;
--require-coverage 时有未覆盖的规则也退出 1。
Runs the policy tests in <policy dir>/tests/*.yaml and reports which rules no test exercised.
`;

/** `scorebook test`. */
export async function runTest(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('test', argv, { 'require-coverage': { type: 'boolean' } });
  if (values.help) {
    io.out(TEST_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0)
    throw new UsageError(
      `scorebook test: name a policy folder, e.g. configs/policies/ecommerce-cs\n\n${TEST_HELP}`,
    );
  const lang = pickLang(values.lang);
  let failed = 0;
  let uncovered = 0;
  let total = 0;
  for (const dir of positionals) {
    const report = await runPolicyTests(dir);
    if (report.outcomes.length === 0)
      io.out(t(lang, `${dir}:没有测试(tests/*.yaml)\n`, `${dir}: no tests (tests/*.yaml)\n`));
    for (const o of report.outcomes) {
      total++;
      io.out(`${o.passed ? '✓' : '✗'} ${o.name}\n`);
      if (!o.passed) {
        failed++;
        for (const f of o.failures) io.out(`    ${f}\n`);
      }
    }
    const missing = report.coverage.filter((c) => !c.covered);
    uncovered += missing.length;
    if (missing.length > 0) {
      io.out(
        t(
          lang,
          `\n没有测试覆盖的规则(${missing.length}/${report.coverage.length}):\n`,
          `\nRules no test exercised (${missing.length}/${report.coverage.length}):\n`,
        ),
      );
      for (const m of missing) io.out(`  - ${m.rule}\n`);
    } else if (report.coverage.length > 0) {
      io.out(
        t(
          lang,
          `\n全部 ${report.coverage.length} 条规则都被测试覆盖。\n`,
          `\nAll ${report.coverage.length} rules are exercised by a test.\n`,
        ),
      );
    }
  }
  io.out(`${total - failed} passed, ${failed} failed\n`);
  if (failed > 0) return EXIT.failed;
  return values['require-coverage'] && uncovered > 0 ? EXIT.failed : EXIT.ok;
}
