import { runPolicyTests } from '@scorebook/governance';
import { type Bilingual, formatPlace } from '@scorebook/problems';
import { parseCommandArgs } from '../args.ts';
import { EXIT, usageError } from '../cli-error.ts';
import { pickLang } from '../lang.ts';
import { say } from '../text.ts';
import type { CommandIo } from './io.ts';

export const TEST_HELP: Bilingual = {
  zh: `scorebook test <policy-dir>... [--require-coverage] [--lang zh|en]

运行策略测试(<策略文件夹>/tests/*.yaml,格式见 configs/schema/policy-test.schema.json):用小段内联数据
评估,核对预期的等级、否决、指标值、剔除数量等;拼错的键、没有预期的测试都算失败。再按版本列出没有任何
测试覆盖的规则(剔除、否决、参评条件、考核指标、加减分)。有失败时退出码 1;--require-coverage 时有未覆盖
的规则也退出 1。
`,
  en: `scorebook test <policy-dir>... [--require-coverage] [--lang zh|en]

Runs the policy tests in <policy dir>/tests/*.yaml (schema: configs/schema/policy-test.schema.json):
each evaluates small inline data and checks the expected grades, vetoes, metric values, exclusion
counts…; a misspelled key or a test without expectations fails. Then lists, version by version, the
rules no test exercised (exclusions, vetoes, eligibility, scored metrics, adjustments). Exit 1 when a
test fails, or with --require-coverage when a rule is not exercised.
`,
};

/** `scorebook test`. */
export async function runTest(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('test', argv, { 'require-coverage': { type: 'boolean' } });
  if (values.help) {
    io.out(TEST_HELP[pickLang(values.lang)]);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw usageError('TEST_NO_FOLDER');
  const lang = pickLang(values.lang);
  let failed = 0;
  let uncovered = 0;
  let total = 0;
  for (const dir of positionals) {
    const report = await runPolicyTests(dir);
    if (report.outcomes.length === 0) io.out(`${say(lang, 'TEST_NONE', { dir })}\n`);
    for (const o of report.outcomes) {
      total++;
      io.out(`${o.passed ? '✓' : '✗'} ${o.name}${o.version === null ? '' : ` (${o.version})`}\n`);
      if (o.passed) continue;
      failed++;
      for (const f of o.failures) {
        const place = formatPlace(f);
        io.out(`    ${place === '' ? '' : `${place} `}${f.code}: ${f.message[lang]}\n`);
      }
    }
    const versions = [...new Set(report.coverage.map((c) => c.version))];
    for (const version of versions) {
      const rules = report.coverage.filter((c) => c.version === version);
      const missing = rules.filter((c) => !c.covered);
      uncovered += missing.length;
      if (missing.length === 0) {
        io.out(`\n${say(lang, 'TEST_ALL_COVERED', { version, rules: rules.length })}\n`);
        continue;
      }
      io.out(`\n${say(lang, 'TEST_UNCOVERED', { version, missing: missing.length, rules: rules.length })}\n`);
      for (const m of missing) io.out(`  - ${m.rule}\n`);
    }
  }
  io.out(`${say(lang, 'TEST_TOTALS', { passed: total - failed, failed })}\n`);
  if (failed > 0) return EXIT.failed;
  return values['require-coverage'] && uncovered > 0 ? EXIT.failed : EXIT.ok;
}
