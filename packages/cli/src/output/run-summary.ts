import type { Evaluation } from '@scorebook/engine';
import { formatPlace, type Lang } from '@scorebook/problems';
import { say } from '../text.ts';

/**
 * What a finished run read and how far each scored metric reaches: per table its files, rows,
 * rejected and excluded rows and the date range of its rows (or that it is absent); per
 * scorecard each scored metric with how many of its agents have data (`source-format.md`).
 */
export function formatRunSummary(evaluation: Evaluation, lang: Lang): string {
  const { results, policy } = evaluation;
  const lines: string[] = [];
  if (results.source !== null)
    lines.push(say(lang, 'SOURCE_USED', { path: results.source.path, id: results.source.id ?? '' }));
  lines.push(say(lang, 'SUMMARY_TABLES'));
  for (const [table, input] of Object.entries(results.inputs)) {
    if (input.absent) {
      lines.push(say(lang, 'SUMMARY_TABLE_ABSENT', { table }));
      continue;
    }
    lines.push(
      say(lang, 'SUMMARY_TABLE', {
        table,
        files: input.files.length,
        rows: input.rows,
        rejected: input.rejected,
        excluded: Object.values(input.excluded).reduce((a, b) => a + b, 0),
        range: input.range === null ? '' : `${input.range.first} – ${input.range.last}`,
      }),
    );
  }
  for (const scorecard of policy.scorecards) {
    const agents = results.agents.filter((a) => a.scorecard === scorecard.id);
    if (agents.length === 0) continue;
    lines.push(say(lang, 'SUMMARY_SCORECARD', { scorecard: scorecard.id, agents: agents.length }));
    for (const item of scorecard.scored) {
      const withData = agents.filter((a) => a.metrics[item.metric]?.value !== null).length;
      lines.push(say(lang, 'SUMMARY_METRIC', { metric: item.metric, withData, agents: agents.length }));
    }
  }
  // A warning about a line (a policy rule, a data row) says where, as errors do.
  for (const w of evaluation.warnings) {
    const place = w.line === null ? '' : `${formatPlace(w)} `;
    lines.push(say(lang, 'WARNING', { text: `${place}${w.message[lang]}` }));
  }
  return `${lines.join('\n')}\n`;
}

/** The count of agents per grade, in the policy's order of grades: `S 0 · A 2 · B 5`. */
export function gradeCounts(grades: Readonly<Record<string, number>>): string {
  return Object.entries(grades)
    .map(([grade, n]) => `${grade} ${n}`)
    .join(' · ');
}
