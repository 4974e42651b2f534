import { describeChange, type Lang } from '@scorebook/policy';
import type { AgentMove, ImpactReport } from './impact.ts';

const fixed = (n: number | null) => (n === null ? '—' : n.toFixed(1));
const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(2)}`;

/** The impact of a policy change as Markdown (a pull-request comment or job summary) or plain text. */
export function renderImpact(report: ImpactReport, lang: Lang, format: 'markdown' | 'text'): string {
  const zh = lang === 'zh';
  const md = format === 'markdown';
  const out: string[] = [];
  const heading = (text: string) => out.push(md ? `\n#### ${text}\n` : `\n${text}`);
  const title = zh
    ? `策略变更影响:${report.period}(${report.base.ref} 上的 ${report.base.version} → 工作区的 ${report.head.version})`
    : `Impact of the policy change on ${report.period} (${report.base.version} at ${report.base.ref} → ${report.head.version} in the working tree)`;
  out.push(md ? `### ${title}` : title);

  heading(zh ? `含义变更(${report.changes.length})` : `Changes in meaning (${report.changes.length})`);
  if (report.changes.length === 0) out.push(zh ? '含义上没有差异。' : 'No difference in meaning.');
  else
    table(
      out,
      md,
      zh ? ['位置', '变更', '之前', '之后'] : ['Where', 'Change', 'Before', 'After'],
      report.changes.map((c) => {
        const d = describeChange(c, lang);
        return [d.where, d.what, d.before, d.after];
      }),
    );

  heading(
    zh ? `等级变化的客服(${report.grades.length})` : `Agents whose grade changes (${report.grades.length})`,
  );
  if (report.grades.length === 0) out.push(zh ? '没有客服的等级发生变化。' : 'No agent changes grade.');
  else
    table(
      out,
      md,
      zh ? ['客服', '考核表', '等级', '总分'] : ['Agent', 'Scorecard', 'Grade', 'Total'],
      report.grades.map((m) => moveRow(m)),
    );

  heading(zh ? `分数变化(按考核表)` : 'Score shifts by scorecard');
  if (report.shifts.length === 0) out.push(zh ? '没有同时参评的客服。' : 'No agent is rated under both.');
  else
    table(
      out,
      md,
      zh
        ? ['考核表', '客服数', '平均变化', '最小', '最大']
        : ['Scorecard', 'Agents', 'Mean shift', 'Min', 'Max'],
      report.shifts.map((s) => [s.scorecard, String(s.agents), signed(s.mean), signed(s.min), signed(s.max)]),
    );

  heading(zh ? `排名变化(${report.ranks.length})` : `Rank changes (${report.ranks.length})`);
  if (report.ranks.length === 0) out.push(zh ? '排名没有变化。' : 'No rank changes.');
  else
    table(
      out,
      md,
      zh ? ['客服', '考核表', '排名', '总分'] : ['Agent', 'Scorecard', 'Rank', 'Total'],
      report.ranks.slice(0, 50).map((m) => moveRow(m)),
    );

  heading(
    zh ? `权重变化的指标(${report.weights.length})` : `Metrics whose weight moved (${report.weights.length})`,
  );
  if (report.weights.length === 0) out.push(zh ? '无。' : 'None.');
  else
    for (const c of report.weights) {
      const d = describeChange(c, lang);
      out.push(`${md ? '- ' : '  '}${d.where}: ${d.before} → ${d.after}`);
    }
  return `${out.join('\n')}\n`;
}

function moveRow(m: AgentMove): string[] {
  return [
    `${m.name} (${m.agent_id})`,
    m.scorecard ?? '—',
    `${m.from ?? '—'} → ${m.to ?? '—'}`,
    `${fixed(m.total_before)} → ${fixed(m.total_after)}`,
  ];
}

function table(out: string[], md: boolean, head: string[], rows: string[][]): void {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  if (md) {
    out.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const r of rows) out.push(`| ${r.map(cell).join(' | ')} |`);
  } else {
    for (const r of rows) out.push(`  ${r.join('  ')}`);
  }
}
