import { describeChange, type Lang } from '@scorebook/policy';
import { displayWidth } from '@scorebook/problems';
import type {
  AdjustmentMove,
  AgentChanges,
  AgentMove,
  AppealsImpact,
  FromMonthsImpact,
  ImpactReport,
  VersionImpact,
  VersionSide,
} from './impact.ts';

const fixed = (n: number | null) => (n === null ? '—' : n.toFixed(1));
const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(2)}`;
const ROWS = 50;

/** The impact of a policy change as Markdown (a pull-request comment or job summary) or plain text. */
export function renderImpact(report: ImpactReport, lang: Lang, format: 'markdown' | 'text'): string {
  const zh = lang === 'zh';
  const md = format === 'markdown';
  const out: string[] = [];
  const changed = report.versions.length > 0;
  // "If the changed versions had governed" only when a version changed; appeals alone say so.
  const title = changed
    ? zh
      ? `策略变更影响:假如由变更后的版本考核 ${report.period}(对比 ${report.base.ref})`
      : `Impact of the policy change: if the changed versions had governed ${report.period} (against ${report.base.ref})`
    : zh
      ? `变更影响(对比 ${report.base.ref}):没有策略版本变更`
      : `Impact of the change (against ${report.base.ref}): no policy version changed`;
  out.push(md ? `### ${title}` : title);
  const appealsChanged = report.appeals.length + report.appeals_not_evaluated.length > 0;
  // Which policy governed the period the versions are measured on: said when versions changed, or nothing else did.
  if (changed || !appealsChanged) out.push(governedLine(report, lang, md));
  if (!changed)
    out.push(
      zh
        ? `\n与 ${report.base.ref} 相比,没有新增、修改或删除的版本文件。`
        : `\nNo version file is added, edited or removed against ${report.base.ref}.`,
    );
  for (const v of report.versions) renderVersion(out, v, report.period, lang, md);
  for (const f of report.from_months) renderFromMonths(out, f, report.period, lang, md);
  for (const a of report.appeals) renderAppeals(out, a, lang, md);
  for (const a of report.appeals_not_evaluated) {
    const list = (ids: string[]) => (ids.length === 0 ? '—' : ids.join(', '));
    out.push(
      md
        ? `\n### ${zh ? `申诉裁决 ${a.period}` : `Appeal decisions of ${a.period}`}`
        : `\n== ${zh ? `申诉裁决 ${a.period}` : `Appeal decisions of ${a.period}`}`,
      zh
        ? `${md ? '> ' : ''}ℹ 新增:${list(a.added)};修改:${list(a.edited)};删除:${list(a.removed)}。${a.period} 尚未发布,没有记录的数据,未评估:要查看,加 --period ${a.period} --data <数据目录>。`
        : `${md ? '> ' : ''}ℹ Added: ${list(a.added)}; edited: ${list(a.edited)}; removed: ${list(a.removed)}. ${a.period} is not published, so no data is recorded for it and it was not evaluated: add --period ${a.period} --data <data dir> to see it.`,
    );
  }
  return `${out.join('\n')}\n`;
}

// Which policy the period was published under: another policy's period makes every figure hypothetical.
function governedLine(report: ImpactReport, lang: Lang, md: boolean): string {
  const zh = lang === 'zh';
  const g = report.governed_by;
  const { period } = report;
  if (g === null) return zh ? `\n${period} 尚未发布。` : `\n${period} is not published.`;
  if (!report.other_policy)
    return zh
      ? `\n${period} 按 ${g.id} ${g.version}(${g.file})发布。`
      : `\n${period} was published under ${g.id} ${g.version} (${g.file}).`;
  return zh
    ? `\n${md ? '> ' : ''}⚠ ${period} 是按另一个策略 ${g.id} ${g.version}(${g.file})发布的,这个策略从未考核过它:以下数字都是假设,即假如由这个策略考核 ${period}。`
    : `\n${md ? '> ' : ''}⚠ ${period} was published under another policy, ${g.id} ${g.version} (${g.file}); this policy never governed it: every figure below is hypothetical, as if this policy had governed ${period}.`;
}

function renderVersion(out: string[], v: VersionImpact, period: string, lang: Lang, md: boolean): void {
  const zh = lang === 'zh';
  const heading = (text: string) => out.push(md ? `\n#### ${text}\n` : `\n${text}`);
  const kind = { added: ['新增', 'added'], edited: ['修改', 'edited'], removed: ['删除', 'removed'] }[
    v.change
  ];
  const side = (s: VersionSide | null) =>
    s === null
      ? zh
        ? '(无)'
        : '(none)'
      : `${s.version} (${s.file}, ${s.from === 'base' ? 'base' : zh ? '工作区' : 'working tree'})`;
  out.push(
    md
      ? `\n### ${zh ? kind[0] : kind[1]}: \`${v.file}\` — ${side(v.before)} → ${side(v.after)}`
      : `\n== ${zh ? kind[0] : kind[1]}: ${v.file} — ${side(v.before)} → ${side(v.after)}`,
  );
  if (v.before === null || v.after === null) {
    out.push(
      v.before === null
        ? zh
          ? '没有它所替换的版本,无从比较。'
          : 'There is no version it replaces; nothing to compare.'
        : zh
          ? '删除后没有版本会考核这些日期的期间。'
          : 'Once removed, no version would govern the periods of its dates.',
    );
    return;
  }
  for (const n of v.not_in_force) {
    const where = n.side === 'before' ? 'base' : zh ? '工作区' : 'working tree';
    out.push(
      zh
        ? `${md ? '> ' : ''}ℹ ${where} 的版本 ${n.version} 按自己的日期并不考核 ${period}(${n.in_force === null ? '那一侧没有版本考核它' : `那一侧考核它的是 ${n.in_force}`}):按它考核了 ${period} 计算,是假设。`
        : `${md ? '> ' : ''}ℹ The ${where} version ${n.version} does not govern ${period} by its own dates (${n.in_force === null ? 'no version of that side does' : `${n.in_force} does`}): measured as if it had, hypothetically.`,
    );
  }
  if (v.published.length > 0)
    out.push(
      zh
        ? `${md ? '> ' : ''}⚠ 这个版本文件考核过已发布的期间 ${v.published.join(', ')}。合并后这些期间的已发布结果不变;要按改后的规则重新考核,需用 publish --period <期间> --supersede --reason "…" 重新发布。新规则通常应写成新的版本文件。`
        : `${md ? '> ' : ''}⚠ This version file governed the published periods ${v.published.join(', ')}. Merging leaves their published results as they are; to evaluate them with the changed rules, republish with publish --period <period> --supersede --reason "…". New rules usually belong in a new version file.`,
    );
  heading(zh ? `含义变更(${v.changes.length})` : `Changes in meaning (${v.changes.length})`);
  if (v.changes.length === 0) out.push(zh ? '含义上没有差异。' : 'No difference in meaning.');
  else
    table(
      out,
      md,
      zh ? ['位置', '变更', '之前', '之后'] : ['Where', 'Change', 'Before', 'After'],
      v.changes.map((c) => {
        const d = describeChange(c, lang);
        return [d.where, d.what, d.before, d.after];
      }),
    );
  renderMoves(out, v, lang, md);
  heading(zh ? `权重变化的指标(${v.weights.length})` : `Metrics whose weight moved (${v.weights.length})`);
  if (v.weights.length === 0) out.push(zh ? '无。' : 'None.');
  else
    for (const c of v.weights) {
      const d = describeChange(c, lang);
      out.push(`${md ? '- ' : '  '}${d.where}: ${d.before} → ${d.after}`);
    }
}

/** The agents whose grade, total, rank, adjustments, vetoes, flags or reward move, and the shifts by scorecard. */
function renderMoves(out: string[], v: AgentChanges, lang: Lang, md: boolean): void {
  const zh = lang === 'zh';
  const heading = (text: string) => out.push(md ? `\n#### ${text}\n` : `\n${text}`);
  const agents = (
    title: [string, string],
    moves: AgentMove[],
    none: [string, string],
    column: [string, string],
  ) => {
    heading(zh ? `${title[0]}(${moves.length})` : `${title[1]} (${moves.length})`);
    // The total's own table shows it once; the others show it beside what moved.
    const withTotal = column[1] !== 'Total';
    if (moves.length === 0) out.push(zh ? none[0] : none[1]);
    else
      table(
        out,
        md,
        [
          ...(zh ? ['客服', '考核表', column[0]] : ['Agent', 'Scorecard', column[1]]),
          ...(withTotal ? [zh ? '总分' : 'Total'] : []),
        ],
        moves.slice(0, ROWS).map((m) => moveRow(m, !withTotal).slice(0, withTotal ? 4 : 3)),
      );
    if (moves.length > ROWS)
      out.push(zh ? `……另有 ${moves.length - ROWS} 名` : `… and ${moves.length - ROWS} more`);
  };
  agents(
    ['等级变化的客服', 'Agents whose grade changes'],
    v.grades,
    ['没有客服的等级发生变化。', 'No agent changes grade.'],
    ['等级', 'Grade'],
  );
  agents(
    ['总分变化的客服', 'Agents whose total score changes'],
    v.scores,
    ['没有客服的总分变化。', 'No total score changes.'],
    ['总分', 'Total'],
  );
  heading(zh ? '分数变化(按考核表)' : 'Score shifts by scorecard');
  if (v.shifts.length === 0) out.push(zh ? '没有同时参评的客服。' : 'No agent is rated under both.');
  else
    table(
      out,
      md,
      zh
        ? ['考核表', '客服数', '平均变化', '最小', '最大']
        : ['Scorecard', 'Agents', 'Mean shift', 'Min', 'Max'],
      v.shifts.map((s) => [s.scorecard, String(s.agents), signed(s.mean), signed(s.min), signed(s.max)]),
    );
  agents(['排名变化', 'Rank changes'], v.ranks, ['排名没有变化。', 'No rank changes.'], ['排名', 'Rank']);
  heading(zh ? `加减分变化(${v.adjustments.length})` : `Adjustment changes (${v.adjustments.length})`);
  if (v.adjustments.length === 0) out.push(zh ? '加减分没有变化。' : 'No adjustment changes.');
  else
    table(
      out,
      md,
      zh ? ['客服', '加减分', '之前', '之后'] : ['Agent', 'Adjustment', 'Before', 'After'],
      v.adjustments.slice(0, ROWS).map(adjustmentRow),
    );
  heading(zh ? `一票否决变化(${v.vetoes.length})` : `Veto changes (${v.vetoes.length})`);
  const voids = v.vetoes.some((f) => f.voided.length > 0);
  const unvoids = v.vetoes.some((f) => f.unvoided.length > 0);
  if (v.vetoes.length === 0) out.push(zh ? '一票否决没有变化。' : 'No veto changes.');
  else
    table(
      out,
      md,
      [
        ...(zh ? ['客服', '新成立的否决', '不再成立的否决'] : ['Agent', 'Vetoed', 'No longer vetoed']),
        // A veto whose condition still holds and that an appeal voids, with the appeal's id.
        ...(voids ? [zh ? '因申诉撤销' : 'Voided by appeal'] : []),
        // A veto the base side's appeal voided and the branch no longer does: not a new veto.
        ...(unvoids ? [zh ? '申诉撤销被移除' : 'Appeal voiding removed'] : []),
      ],
      v.vetoes
        .slice(0, ROWS)
        .map((f) => [
          `${f.name} (${f.agent_id})`,
          f.added.join(', ') || '—',
          f.removed.join(', ') || '—',
          ...(voids ? [f.voided.map((x) => `${x.veto} (${x.appeal})`).join(', ') || '—'] : []),
          ...(unvoids ? [f.unvoided.map((x) => `${x.veto} (${x.appeal})`).join(', ') || '—'] : []),
        ]),
    );
  if (v.vetoes.length > ROWS)
    out.push(zh ? `……另有 ${v.vetoes.length - ROWS} 名` : `… and ${v.vetoes.length - ROWS} more`);
  if (v.flags.length > 0) {
    heading(zh ? `需关注标记变化(${v.flags.length})` : `Flag changes (${v.flags.length})`);
    table(
      out,
      md,
      zh ? ['客服', '新增标记', '取消标记'] : ['Agent', 'Flagged', 'No longer flagged'],
      v.flags
        .slice(0, ROWS)
        .map((f) => [`${f.name} (${f.agent_id})`, f.added.join(', ') || '—', f.removed.join(', ') || '—']),
    );
    if (v.flags.length > ROWS)
      out.push(zh ? `……另有 ${v.flags.length - ROWS} 名` : `… and ${v.flags.length - ROWS} more`);
  }
  if (v.rewards.length > 0) {
    heading(
      zh
        ? `奖金变化(${v.rewards.length} 人,合计 ${signed(v.reward_change)})`
        : `Reward changes (${v.rewards.length} agent${v.rewards.length === 1 ? '' : 's'}, ${signed(v.reward_change)} in all)`,
    );
    table(
      out,
      md,
      zh ? ['客服', '等级', '奖金'] : ['Agent', 'Grade', 'Reward'],
      v.rewards
        .slice(0, ROWS)
        .map((r) => [
          `${r.name} (${r.agent_id})`,
          `${r.grade_before ?? '—'} → ${r.grade_after ?? '—'}`,
          `${r.from === null ? '—' : r.from.toFixed(2)} → ${r.to === null ? '—' : r.to.toFixed(2)}`,
        ]),
    );
    if (v.rewards.length > ROWS)
      out.push(zh ? `……另有 ${v.rewards.length - ROWS} 名` : `… and ${v.rewards.length - ROWS} more`);
  }
}

/** A quarter or year scored from its months, which moves with a changed version of one of them. */
function renderFromMonths(out: string[], f: FromMonthsImpact, period: string, lang: Lang, md: boolean): void {
  const zh = lang === 'zh';
  const heading = zh ? `按各月计分的 ${f.period}` : `${f.period}, scored from its months`;
  const governed = f.months_governed_by
    .map((g) => `${g.file}${zh ? ' 考核 ' : ' governs '}${g.months.join(', ')}`)
    .join(zh ? ';' : '; ');
  const sides = f.from_months.before
    ? f.from_months.after
      ? ''
      : zh
        ? '(只有 base 按各月计分,工作区重新计算)'
        : ' (only the base scores it from its months; the working tree recomputes it)'
    : zh
      ? '(只有工作区按各月计分,base 重新计算)'
      : ' (only the working tree scores it from its months; the base recomputes it)';
  const data = f.published
    ? zh
      ? `${f.period} 已发布的数据 ${f.data_dir}`
      : `the published data of ${f.period}, ${f.data_dir}`
    : zh
      ? `${period} 的数据 ${f.data_dir}(${f.period} 尚未发布)`
      : `the data of ${period}, ${f.data_dir} (${f.period} is not published)`;
  out.push(
    md ? `\n### ${heading}` : `\n== ${heading}`,
    zh
      ? `${md ? '> ' : ''}⚠ ${f.period} 的总分是各月总分的平均${sides},变更的版本 ${governed}:${f.period} 也随之变动。两边按 evaluate --period ${f.period} 评估(各版本按自己的日期生效,不强制),数据:${data}。`
      : `${md ? '> ' : ''}⚠ ${f.period}'s total is the mean of its months' totals${sides}, and a changed version governs some of them (${governed}): ${f.period} moves too. Both sides evaluate it as evaluate --period ${f.period} would (each version in force by its own dates, nothing forced), on ${data}.`,
  );
  renderMoves(out, f, lang, md);
}

/** What the appeal files added, edited or removed against the base move. */
function renderAppeals(out: string[], a: AppealsImpact, lang: Lang, md: boolean): void {
  const zh = lang === 'zh';
  const list = (ids: string[]) => (ids.length === 0 ? '—' : ids.join(', '));
  const heading = zh ? `申诉裁决 ${a.period}` : `Appeal decisions of ${a.period}`;
  out.push(
    md ? `\n### ${heading}` : `\n== ${heading}`,
    zh
      ? `新增:${list(a.added)};修改:${list(a.edited)};删除:${list(a.removed)}(按工作区的策略评估)`
      : `Added: ${list(a.added)}; edited: ${list(a.edited)}; removed: ${list(a.removed)} (evaluated with the working tree's policy)`,
  );
  const who = (xs: Array<{ id: string; agent_id: string }>) =>
    xs.map((x) => `${x.id} (${x.agent_id})`).join(', ');
  if (a.refused.length > 0)
    out.push(
      zh
        ? `⚠ 不予受理、不改变任何结果的申诉(期限已过、不可申诉或已终局,见 evaluate 的警告):${who(a.refused)}`
        : `⚠ Appeals refused, which change nothing (late, not appealable or after a final decision; evaluate's warnings say which): ${who(a.refused)}`,
    );
  if (a.pending.length > 0)
    out.push(
      zh
        ? `待裁决、尚未生效的申诉:${who(a.pending)}`
        : `Appeals pending, not yet in effect: ${who(a.pending)}`,
    );
  renderMoves(out, a, lang, md);
}

// A row of agents' moves; `totals`: the values moved are total scores, each with one decimal as
// in the total column (96.0, not 96 beside 88.5); ranks are whole numbers.
function moveRow(m: AgentMove, totals: boolean): string[] {
  const value = (x: string | number | null) =>
    typeof x === 'number' && (totals || !Number.isInteger(x)) ? fixed(x) : String(x ?? '—');
  return [
    `${m.name} (${m.agent_id})`,
    m.scorecard ?? '—',
    `${value(m.from)} → ${value(m.to)}`,
    `${fixed(m.total_before)} → ${fixed(m.total_after)}`,
  ];
}

function adjustmentRow(m: AdjustmentMove): string[] {
  return [`${m.name} (${m.agent_id})`, m.adjustment, String(m.from ?? '—'), String(m.to ?? '—')];
}

function table(out: string[], md: boolean, head: string[], rows: string[][]): void {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  if (md) {
    out.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const r of rows) out.push(`| ${r.map(cell).join(' | ')} |`);
  } else {
    // Plain text: a heading row, columns padded to their widest cell (CJK characters count two).
    const widths = head.map((h, i) =>
      Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
    );
    const line = (r: readonly string[]) =>
      `  ${r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - displayWidth(c)))).join('  ')}`;
    out.push(line(head));
    for (const r of rows) out.push(line(r));
  }
}
