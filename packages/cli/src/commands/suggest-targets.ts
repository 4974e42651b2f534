import { relative } from 'node:path';
import type { Unit } from '@scorebook/contract';
import { roundHalfAway } from '@scorebook/formula';
import { suggestTargets, type TargetSuggestion } from '@scorebook/governance';
import type { Bilingual } from '@scorebook/problems';
import { DATA_OPTIONS, dataOptions, noPositionals, parseCommandArgs, required } from '../args.ts';
import { EXIT } from '../cli-error.ts';
import { type Lang, pickLang } from '../lang.ts';
import { say } from '../text.ts';
import type { CommandIo } from './io.ts';

export const SUGGEST_TARGETS_HELP: Bilingual = {
  zh: `scorebook suggest-targets --policies <dir> --data <dir> [--results data/results] [--periods 3]
                          [--source <source.yaml>] [--allow-missing <table,…>] [--lang zh|en]

按策略最新版本,从该策略最近几个已发布的月份(默认 3 个)中本考核表客服的取值,为每个线性目标建议
目标(团队 P75)与底线(P10;越低越好的指标为 P25 与 P90),并重新评估这些月份,对比按当前目标与按
建议目标得出的等级分布(docs/history.md)。只参考已发布(有 manifest.json)的月份。每条建议后给出
该项得分因它降低/提高的取值个数,等级分布后给出降级/升级的客服数;明显更严时以 ⚠ 提示。不写任何文件。
  --periods       参考的已发布月份数(默认 3)
  --results       已发布结果目录(默认 data/results)
`,
  en: `scorebook suggest-targets --policies <dir> --data <dir> [--results data/results] [--periods 3]
                          [--source <source.yaml>] [--allow-missing <table,…>] [--lang zh|en]

Suggests, for each linear item of the policy's latest version, a target (the team's p75) and a
floor (p10; p25 and p90 when lower is better) from the values of the scorecard's agents in the
policy's last published months (3 by default), and re-evaluates those months to compare the
grades the version's targets and the suggested ones give (docs/history.md). Only published months
(with a manifest.json) count. Each suggestion shows how many values it scores lower / higher on the
item, each month how many agents move down / up a grade; ⚠ marks what is much harsher. Writes nothing.
  --periods       how many published months to learn from (default 3)
  --results       the published results (default data/results)
`,
};

/** `scorebook suggest-targets`: targets and floors from the published periods, with their grades. */
export async function runSuggestTargets(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('suggest-targets', argv, {
    policies: { type: 'string' },
    data: { type: 'string' },
    results: { type: 'string' },
    periods: { type: 'string' },
    ...DATA_OPTIONS,
  });
  if (values.help) {
    io.out(SUGGEST_TARGETS_HELP[pickLang(values.lang)]);
    return EXIT.ok;
  }
  noPositionals('suggest-targets', positionals);
  const lang = pickLang(values.lang);
  const results = values.results ?? 'data/results';
  const periods = Math.max(1, Number.parseInt(values.periods ?? '3', 10) || 3);
  const data = dataOptions(values);
  const report = await suggestTargets({
    policiesDir: required(values, 'policies', 'suggest-targets'),
    dataDir: required(values, 'data', 'suggest-targets'),
    resultsRoot: results,
    periods,
    sourceFile: data.sourceFile,
    allowMissing: data.allowMissing,
  });
  if (report.periods.length === 0) {
    const unpublished =
      report.unpublished.length === 0
        ? ''
        : `\n${say(lang, 'TARGETS_UNPUBLISHED', { periods: report.unpublished.join(', ') })}`;
    io.err(`${say(lang, 'TARGETS_NONE', { policy: report.policy.id, results })}${unpublished}\n`);
    return EXIT.failed;
  }
  const { id: policy, version } = report.policy;
  const lines = [say(lang, 'TARGETS_HEADING', { policy, version, periods: report.periods.join(', ') })];
  if (report.unpublished.length > 0)
    lines.push(say(lang, 'TARGETS_UNPUBLISHED', { periods: report.unpublished.join(', ') }));
  for (const scorecard of [...new Set(report.suggestions.map((s) => s.scorecard))]) {
    lines.push('', say(lang, 'TARGETS_SCORECARD', { scorecard }));
    for (const s of report.suggestions.filter((x) => x.scorecard === scorecard))
      lines.push(`  ${line(s, lang)}`);
  }
  const file = report.lines[0]?.file;
  if (file !== undefined) {
    lines.push('', say(lang, 'TARGETS_YAML', { file: relative(process.cwd(), file) }));
    for (const l of report.lines) lines.push(say(lang, 'TARGETS_YAML_LINE', l), l.after);
  }
  lines.push('', say(lang, 'TARGETS_MIX'));
  for (const mix of report.mixes) {
    const grades = Object.keys(mix.current)
      .map((g) => `${g} ${mix.current[g] ?? 0} → ${mix.suggested[g] ?? 0}`)
      .join(', ');
    lines.push(`  ${mix.period}: ${grades}${say(lang, 'TARGETS_MIX_MOVES', mix)}`);
  }
  // The worst grade is the one of the lowest min_score: the count a harsh suggestion swells.
  const worst = report.grades.at(-1);
  for (const mix of report.mixes)
    if (mix.harsher && worst !== undefined)
      lines.push(
        say(lang, 'TARGETS_MIX_HARSHER', {
          ...mix,
          worst,
          from: mix.current[worst] ?? 0,
          to: mix.suggested[worst] ?? 0,
        }),
      );
  io.out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

function line(s: TargetSuggestion, lang: Lang): string {
  const pair = (t: number | null, f: number | null) => `${quantity(t, s.unit)} / ${quantity(f, s.unit)}`;
  const now = pair(s.current.target, s.current.floor);
  if (s.suggested === null)
    return `${s.metric} — ${now} — ${say(lang, 'TARGETS_SKIPPED', { why: s.skipped ?? '' })}`;
  const moves = say(lang, 'TARGETS_MOVES', s);
  const harsher = s.harsher ? say(lang, 'TARGETS_ITEM_HARSHER') : '';
  return `${s.metric} — ${now} → ${pair(s.suggested.target, s.suggested.floor)} ${moves}${harsher}`;
}

/** A target as a policy writes it: seconds with `s`, ratios as percentages. */
function quantity(value: number | null, unit: Unit): string {
  if (value === null) return '—';
  if (unit === 'seconds') return `${value}s`;
  if (unit === 'ratio') return `${roundHalfAway(value * 100, 1)}%`;
  return String(value);
}
