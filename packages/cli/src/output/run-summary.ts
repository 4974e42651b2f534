import { join } from 'node:path';
import type { AppealStatus } from '@scorebook/contract';
import type { Evaluation } from '@scorebook/engine';
import { formatPlace, type Lang } from '@scorebook/problems';
import { say } from '../text.ts';

/**
 * What a finished run read and how far each scored metric reaches: per table its files, rows,
 * rejected and excluded rows and the date range of its rows (or that it is absent); per
 * scorecard each scored metric with how many of its agents have data (`docs/contract/source-format.md`).
 */
export function formatRunSummary(evaluation: Evaluation, lang: Lang, appealsDir: string): string {
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
  const appeals = appealsLine(results, lang, appealsDir);
  if (appeals !== null) lines.push(appeals);
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

/**
 * The period's appeal files and where each stands (`docs/appeals.md`): `申诉:4 个文件(configs/appeals/2026-10),
 * 已执行 3(ap-001、ap-002、ap-005),不予受理 1(ap-004)`; null without appeal files.
 */
function appealsLine(results: Evaluation['results'], lang: Lang, appealsDir: string): string | null {
  if (results.appeals === undefined || results.appeals.length === 0) return null;
  const byStatus = new Map<AppealStatus, Set<string>>();
  for (const agent of results.agents)
    for (const appeal of agent.appeals ?? [])
      if (appeal.role === 'appellant') {
        const ids = byStatus.get(appeal.status) ?? new Set<string>();
        ids.add(appeal.id);
        byStatus.set(appeal.status, ids);
      }
  const folders = [...new Set(results.appeals.map((a) => join(appealsDir, a.file.split('/')[0] ?? '')))].join(
    ', ',
  );
  const statuses = APPEAL_STATUSES.flatMap((status) => {
    const ids = [...(byStatus.get(status) ?? [])].sort();
    return ids.length === 0 ? [] : [say(lang, 'SUMMARY_APPEAL_STATUS', { status, count: ids.length, ids })];
  });
  return say(lang, 'SUMMARY_APPEALS', { files: results.appeals.length, folders, statuses });
}

const APPEAL_STATUSES: readonly AppealStatus[] = ['applied', 'rejected', 'pending', 'refused'];
