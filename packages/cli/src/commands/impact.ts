import { ImpactError, policyImpact, renderImpact } from '@scorebook/governance';
import { oneOf, parseCommandArgs, required } from '../args.ts';
import { EXIT } from '../cli-error.ts';
import { pickLang } from '../lang.ts';
import type { CommandIo } from './io.ts';

export const IMPACT_HELP = `scorebook impact --base <git ref> --policies <dir> [--period P] [--data <dir>] [--results data/results]
                 [--format human|markdown|json] [--lang zh|en]

合并前看清策略变更的影响:用 base 上的策略和工作区的策略分别评估同一期间(默认最后一个已关闭的月份),
列出含义变更、等级变化的客服、各考核表的分数变化、排名变化和权重变化的指标。
Evaluates one period (the last closed month by default) with the policy at a git ref and with the
working tree's, and shows the change in meaning and whose grade, score and rank it moves.
`;

/** `scorebook impact`. */
export async function runImpact(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseCommandArgs('impact', argv, {
    base: { type: 'string' },
    policies: { type: 'string' },
    period: { type: 'string' },
    data: { type: 'string' },
    results: { type: 'string' },
    format: { type: 'string' },
  });
  if (values.help) {
    io.out(IMPACT_HELP);
    return EXIT.ok;
  }
  const lang = pickLang(values.lang);
  const format = oneOf(values.format, ['human', 'markdown', 'json'] as const, 'human', 'format');
  try {
    const report = await policyImpact({
      baseRef: required(values, 'base', 'impact'),
      policiesDir: required(values, 'policies', 'impact'),
      resultsRoot: values.results ?? 'data/results',
      ...(values.period ? { period: values.period } : {}),
      ...(values.data ? { dataDir: values.data } : {}),
    });
    if (format === 'json') io.out(`${JSON.stringify(report, null, 2)}\n`);
    else io.out(renderImpact(report, lang, format === 'markdown' ? 'markdown' : 'text'));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ImpactError) {
      io.err(`✗ ${lang === 'zh' ? error.zh : error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  }
}
