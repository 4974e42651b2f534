import { type ArgsOf, type Bilingual, defineCatalogue, fixed, type Lang, textOf } from '@scorebook/problems';

/**
 * What the command line prints, in both languages, by permanent key (the catalogue style of
 * every package): keys are never renamed or reused. Entries take typed parameters. An entry is
 * one line or a few, without the final newline; the caller adds it. The help texts (`*_HELP`,
 * one whole text per language, printed in the chosen one) are beside their commands; the errors
 * of the command line itself are in `CLI_ERRORS` (cli-error.ts).
 */
export const CLI_TEXT = defineCatalogue({
  // main
  UNKNOWN_COMMAND: {
    zh: (p: { name: string }) => `未知命令 "${p.name}"。`,
    en: (p: { name: string }) => `Unknown command "${p.name}".`,
  },
  INTERNAL_ERROR: {
    zh: (p: { message: string }) => `✗ 内部错误:${p.message}`,
    en: (p: { message: string }) => `✗ Internal error: ${p.message}`,
  },
  DEBUG_HINT: fixed(
    '  设置 SCOREBOOK_DEBUG=1 可查看调用栈。',
    '  Set SCOREBOOK_DEBUG=1 for the stack trace.',
  ),

  // problems and failed runs
  SEVERITY_ERROR: fixed('错误', 'error'),
  SEVERITY_WARNING: fixed('警告', 'warning'),
  NOTHING_WRITTEN: fixed('✗ 没有写出任何结果。', '✗ No results were written.'),
  REJECTED_HEADING: {
    zh: (p: { n: number }) => `被拒绝的行(${p.n}):`,
    en: (p: { n: number }) => `Rejected rows (${p.n}):`,
  },
  REJECTED_MORE: {
    zh: (p: { n: number; where: string }) => `  …还有 ${p.n} 行,完整列表见 ${p.where}`,
    en: (p: { n: number; where: string }) => `  … ${p.n} more; the full list is in ${p.where}`,
  },
  REJECTED_ALSO: {
    zh: (p: { n: number; path: string }) => `另有 ${p.n} 行被拒绝(不是上面错误的原因),完整列表:${p.path}`,
    en: (p: { n: number; path: string }) =>
      `${p.n} rows were also rejected (not what stopped the run); the full list: ${p.path}`,
  },
  REJECTED_REPORT: {
    zh: (p: { path: string }) => `  完整的被拒绝行报告:${p.path}`,
    en: (p: { path: string }) => `  The full report of rejected rows: ${p.path}`,
  },
  REJECTED_REPORT_FAILED: {
    zh: (p: { reason: string }) => `  (无法写出完整的被拒绝行报告:${p.reason})`,
    en: (p: { reason: string }) => `  (The full report of rejected rows could not be written: ${p.reason})`,
  },
  REJECTED_SAME_CAUSE: {
    zh: (p: { place: string }) => `同上(原因:${p.place})`,
    en: (p: { place: string }) => `as above (caused by ${p.place})`,
  },
  CAUSED_BY: {
    zh: (p: { place: string }) => `    ← 原因:${p.place}`,
    en: (p: { place: string }) => `    ← caused by ${p.place}`,
  },

  // progress of reading (output/progress.ts)
  PROGRESS_READING: {
    zh: (p: { table: string; bar: string; rows: string; seconds: string }) =>
      `${p.table.padEnd(13)} ${p.bar} ${p.rows} 行 (${p.seconds}s)`,
    en: (p: { table: string; bar: string; rows: string; seconds: string }) =>
      `${p.table.padEnd(13)} ${p.bar} ${p.rows} rows (${p.seconds}s)`,
  },
  RUN_ENGINE: {
    zh: (p: { engine: string; threads: number; given: boolean }) =>
      `  引擎:${p.engine},至多 ${p.threads} 个线程(${p.given ? `--threads ${p.threads}` : '每个核一个'})`,
    en: (p: { engine: string; threads: number; given: boolean }) =>
      `  Engine: ${p.engine}, at most ${p.threads} thread${p.threads === 1 ? '' : 's'} (${p.given ? `--threads ${p.threads}` : 'one per core'})`,
  },
  APPEAL_WINDOW_PUBLISHED: {
    zh: (p: { period: string; published: string }) =>
      `  申诉期限:从 ${p.period} 首次发布(${p.published})的次日起算,与 publish 和 verify 相同(--results 中的发布)。`,
    en: (p: { period: string; published: string }) =>
      `  Appeal windows: from the day after ${p.period} was first published (${p.published}), as publish and verify count them (the publication in --results).`,
  },
  APPEAL_WINDOW_UNPUBLISHED: {
    zh: (p: { period: string }) =>
      `⚠ ${p.period} 尚未发布(--results 中没有它的发布),所以本次评估从期间结束起算申诉期限;publish 从首次发布的次日起算(第一次发布即发布当天),会受理上面因超过期限而不予受理、但在发布后期限内提交的申诉。`,
    en: (p: { period: string }) =>
      `⚠ ${p.period} is not published (no publication of it in --results), so this run counts appeal windows from the period's end; publish counts them from the day after the first publication (a first publish: the day it runs), and takes the appeals refused above as late that fall within that window.`,
  },
  PROGRESS_DERIVE: {
    zh: (p: { seconds: string }) => `派生客户段、响应与会话事实 (${p.seconds}s)`,
    en: (p: { seconds: string }) =>
      `deriving customer blocks, responses and conversation facts (${p.seconds}s)`,
  },
  PROGRESS_MEASURE: {
    zh: (p: { seconds: string }) => `计算指标:会话及其派生事实 (${p.seconds}s)`,
    en: (p: { seconds: string }) => `measuring: the conversations with their derived facts (${p.seconds}s)`,
  },
  PROGRESS_MEASURE_SQL: {
    zh: (p: { seconds: string }) => `计算指标:在 DuckDB 上运行 SQL(--engine duckdb)(${p.seconds}s)`,
    en: (p: { seconds: string }) => `measuring: SQL on DuckDB (--engine duckdb) (${p.seconds}s)`,
  },
  PROGRESS_SCORE: {
    zh: (p: { seconds: string }) => `评分、定级、排名与解释 (${p.seconds}s)`,
    en: (p: { seconds: string }) => `scoring, grading, ranking and explaining (${p.seconds}s)`,
  },
  PROGRESS_READ: {
    zh: (p: { table: string; rows: string; seconds: string }) =>
      `已读取 ${p.table}: ${p.rows} 行 (${p.seconds}s)`,
    en: (p: { table: string; rows: string; seconds: string }) =>
      `read ${p.table}: ${p.rows} rows (${p.seconds}s)`,
  },

  // the summary of a run (output/run-summary.ts, evaluate, publish) and source check
  SUMMARY_TABLES: fixed('读取的表:', 'Tables read:'),
  SUMMARY_APPEALS: {
    zh: (p: { files: number; folders: string; statuses: string[] }) =>
      `申诉:${p.files} 个文件(${p.folders})${p.statuses.length === 0 ? '' : `,${p.statuses.join(',')}`}`,
    en: (p: { files: number; folders: string; statuses: string[] }) =>
      `Appeals: ${p.files} file${p.files === 1 ? '' : 's'} (${p.folders})${p.statuses.length === 0 ? '' : `; ${p.statuses.join(', ')}`}`,
  },
  SUMMARY_APPEAL_STATUS: {
    zh: (p: { status: 'applied' | 'rejected' | 'pending' | 'refused'; count: number; ids: string[] }) =>
      `${{ applied: '已执行', rejected: '驳回', pending: '待裁决', refused: '不予受理' }[p.status]} ${p.count}(${p.ids.join('、')})`,
    en: (p: { status: 'applied' | 'rejected' | 'pending' | 'refused'; count: number; ids: string[] }) =>
      `${p.status} ${p.count} (${p.ids.join(', ')})`,
  },
  SUMMARY_TABLE: {
    zh: (p: {
      table: string;
      files: number;
      rows: number;
      rejected: number;
      excluded: number;
      range: string;
    }) =>
      `  ${p.table.padEnd(13)} ${p.files} 个文件,${p.rows} 行,拒绝 ${p.rejected},剔除 ${p.excluded}${p.range ? `,${p.range}` : ''}`,
    en: (p: {
      table: string;
      files: number;
      rows: number;
      rejected: number;
      excluded: number;
      range: string;
    }) =>
      `  ${p.table.padEnd(13)} ${p.files} ${p.files === 1 ? 'file' : 'files'}, ${p.rows} ${p.rows === 1 ? 'row' : 'rows'}, ${p.rejected} rejected, ${p.excluded} excluded${p.range ? `, ${p.range}` : ''}`,
  },
  SUMMARY_TABLE_ABSENT: {
    zh: (p: { table: string }) => `  ${p.table.padEnd(13)} 缺失(没有文件)`,
    en: (p: { table: string }) => `  ${p.table.padEnd(13)} absent (no file)`,
  },
  SUMMARY_SCORECARD: {
    zh: (p: { scorecard: string; agents: number }) =>
      `考核表 ${p.scorecard}(${p.agents} 名客服)各计分指标有数据的人数:`,
    en: (p: { scorecard: string; agents: number }) =>
      `Scorecard ${p.scorecard} (${p.agents} agents), agents with data per scored metric:`,
  },
  SUMMARY_METRIC: {
    zh: (p: { metric: string; withData: number; agents: number }) =>
      `  ${p.metric.padEnd(24)} ${p.withData}/${p.agents}`,
    en: (p: { metric: string; withData: number; agents: number }) =>
      `  ${p.metric.padEnd(24)} ${p.withData}/${p.agents}`,
  },
  WARNING: {
    zh: (p: { text: string }) => `⚠ ${p.text}`,
    en: (p: { text: string }) => `⚠ ${p.text}`,
  },
  SOURCE_USED: {
    zh: (p: { path: string; id: string }) => `数据来源:${p.path}${p.id ? `(${p.id})` : ''}`,
    en: (p: { path: string; id: string }) => `Source: ${p.path}${p.id ? ` (${p.id})` : ''}`,
  },
  RUN_DONE: {
    zh: (p: RunDone) =>
      `${p.mark} ${p.period}:策略 ${p.policy} ${p.version},${p.agents} 名客服,${p.rated} 名参评(${p.grades}),${p.notRated} 名未参评,${p.rejected} 行被拒绝${p.warnings > 0 ? `,${p.warnings} 条警告(见上)` : ''}。\n  结果:${p.out}/results.json`,
    en: (p: RunDone) =>
      `${p.mark} ${p.period}: policy ${p.policy} ${p.version}, ${p.agents} agents, ${p.rated} rated (${p.grades}), ${p.notRated} not rated, ${p.rejected} row${p.rejected === 1 ? '' : 's'} rejected${p.warnings > 0 ? `, ${p.warnings} warning${p.warnings === 1 ? '' : 's'} (above)` : ''}.\n  Results: ${p.out}/results.json`,
  },

  RUN_NONE_RATED: {
    zh: (p: { agents: number }) =>
      `⚠ ${p.agents} 名客服无一参评:结果里没有任何等级。原因多半在上面的警告里(例如岗位不属于任何考核表:在 source.yaml 中为 agents.role 写 map;或无人满足参评条件)。publish 会拒绝这样的期间(NOBODY_RATED)。`,
    en: (p: { agents: number }) =>
      `⚠ None of the ${p.agents} agents is rated: the results hold no grade. The reason is most likely in the warnings above (roles no scorecard names: write a map for agents.role in source.yaml; or an eligibility no one meets). publish refuses such a period (NOBODY_RATED).`,
  },

  RUN_MONITORING: {
    zh: (p: { period: string; kind: string; notRated: number; agents: number }) =>
      `ⓘ ${p.period} 是监控期间(${{ week: '周', day: '日', range: '自定义区间' }[p.kind] ?? p.kind}),不能发布。参评条件和最低样本按策略原文应用(通常是按月写的),所以 ${p.agents} 名客服中有 ${p.notRated} 名未参评;每名客服各指标的值都在 results.json 中。`,
    en: (p: { period: string; kind: string; notRated: number; agents: number }) =>
      `ⓘ ${p.period} is a monitoring period (${p.kind}) and cannot be published. Eligibility and minimum samples apply as the policy writes them (usually for a month), hence ${p.notRated} of ${p.agents} agents not rated; every agent's metric values are in results.json.`,
  },

  // validate
  VALIDATE_FAILED: {
    zh: (p: { errors: number; warnings: number; checked: string }) =>
      `✗ 在 ${p.checked}中发现 ${p.errors} 个错误、${p.warnings} 个警告。`,
    en: (p: { errors: number; warnings: number; checked: string }) =>
      `✗ ${p.errors} error${p.errors === 1 ? '' : 's'} and ${p.warnings} warning${p.warnings === 1 ? '' : 's'} in ${p.checked}.`,
  },
  VALIDATE_OK: {
    zh: (p: { checked: string; warnings: number }) =>
      `✓ ${p.checked}全部有效${p.warnings ? `(${p.warnings} 个警告)` : ''}。`,
    en: (p: { checked: string; warnings: number }) =>
      `✓ ${p.checked}: all valid${p.warnings ? ` (${p.warnings} warning${p.warnings === 1 ? '' : 's'})` : ''}.`,
  },
  VALIDATE_CHECKED_POLICIES: {
    zh: (p: { folders: number; versions: number }) => `${p.folders} 个策略文件夹、${p.versions} 个版本`,
    en: (p: { folders: number; versions: number }) => `${p.folders} policy folders, ${p.versions} versions`,
  },
  VALIDATE_CHECKED_APPEALS: {
    zh: (p: { files: number }) => `${p.files} 个申诉文件(未对照数据和策略)`,
    en: (p: { files: number }) => `${p.files} appeal files (on their own, not against data or a policy)`,
  },
  VALIDATE_CHECKED_JOIN: fixed(';', '; '),
  VALIDATE_CHECKED_SHARED: {
    zh: (p: { files: number }) => `${p.files} 个共用定义文件`,
    en: (p: { files: number }) => `${p.files} shared definitions files`,
  },

  // diff
  DIFF_INVALID: fixed(
    '✗ 只能比较有效的策略;请先修正上面的问题。',
    '✗ Only valid policies can be compared; fix the problems above first.',
  ),
  DIFF_TITLE: {
    zh: (p: DiffTitle) =>
      `策略 ${p.policy}:${p.before}(${p.beforeFile})→ ${p.after}(${p.afterFile}),${p.changes} 处变更`,
    en: (p: DiffTitle) =>
      `Policy ${p.policy}: ${p.before} (${p.beforeFile}) → ${p.after} (${p.afterFile}), ${p.changes} changes`,
  },

  // verify
  VERIFY_NO_RESULTS: {
    zh: (p: { file: string }) => `✗ ${p.file} 不存在。--results 应指向 evaluate 的输出目录。`,
    en: (p: { file: string }) => `✗ ${p.file} does not exist. --results names a folder evaluate wrote.`,
  },
  VERIFY_NOT_RESULTS: {
    zh: (p: { file: string }) => `✗ ${p.file} 不是有效的 results.json。`,
    en: (p: { file: string }) => `✗ ${p.file} is not a valid results.json.`,
  },
  PAYROLL_FORMAT_1: {
    zh: (p: { file: string }) =>
      `✗ ${p.file} 的策略是格式 1,没有绩效系数与奖金。请在策略中写 scorebook: 2 和 rewards 后重新评估。`,
    en: (p: { file: string }) =>
      `✗ ${p.file} comes from a policy of format 1, which has no coefficients or bonuses. Write scorebook: 2 and rewards in the policy and evaluate again.`,
  },
  TARGETS_HEADING: {
    zh: (p: { policy: string; version: string; periods: string }) =>
      `建议目标与底线:策略 ${p.policy} ${p.version},依据已发布的 ${p.periods}(目标取团队 P75、底线取 P10;越低越好的指标取 P25 与 P90)`,
    en: (p: { policy: string; version: string; periods: string }) =>
      `Suggested targets and floors for ${p.policy} ${p.version}, from the published ${p.periods} (target at the team's p75, floor at p10; p25 and p90 when lower is better)`,
  },
  TARGETS_NONE: {
    zh: (p: { policy: string; results: string }) =>
      `✗ ${p.results} 中没有策略 ${p.policy} 已发布的月份,无法建议目标。`,
    en: (p: { policy: string; results: string }) =>
      `✗ ${p.results} has no published month of the policy ${p.policy}: no targets can be suggested.`,
  },
  TARGETS_SCORECARD: {
    zh: (p: { scorecard: string }) =>
      `考核表 ${p.scorecard}:指标 — 当前目标/底线 → 建议目标/底线(取值个数:该项得分因建议降低的/提高的)`,
    en: (p: { scorecard: string }) =>
      `Scorecard ${p.scorecard}: metric — current target/floor → suggested (values: scored lower / higher on the item)`,
  },
  TARGETS_MOVES: {
    zh: (p: { values: number; lowered: number; raised: number }) =>
      `(${p.values}:降低 ${p.lowered}/提高 ${p.raised})`,
    en: (p: { values: number; lowered: number; raised: number }) =>
      `(${p.values}: ${p.lowered} lower / ${p.raised} higher)`,
  },
  TARGETS_ITEM_HARSHER: fixed(
    ' ⚠ 比当前的目标与底线严格得多',
    ' ⚠ much harsher than the current target and floor',
  ),
  TARGETS_UNPUBLISHED: {
    zh: (p: { periods: string }) =>
      `未参考 ${p.periods}:有 results.json 但没有 manifest.json(评估过,未发布)。只参考已发布的月份;要参考某个月份,请先 publish。`,
    en: (p: { periods: string }) =>
      `Not learned from (a results.json but no manifest.json: evaluated, not published): ${p.periods}. Only published months count; publish a month to learn from it.`,
  },
  TARGETS_MIX_MOVES: {
    zh: (p: { agents: number; down: number; up: number }) =>
      `(${p.agents} 名客服中 ${p.down} 名降级,${p.up} 名升级)`,
    en: (p: { agents: number; down: number; up: number }) =>
      ` (of ${p.agents} agents, ${p.down} down a grade, ${p.up} up)`,
  },
  TARGETS_MIX_HARSHER: {
    zh: (p: { period: string; agents: number; down: number; worst: string; from: number; to: number }) =>
      `  ⚠ ${p.period}:这些建议比当前目标严格得多,${p.agents} 名客服中 ${p.down} 名会降级(${p.worst} 从 ${p.from} 名变为 ${p.to} 名)。目标取团队 P75,即约四分之三的客服拿不到该项满分;请逐项斟酌(标有 ⚠ 的指标),不要整体照搬。`,
    en: (p: { period: string; agents: number; down: number; worst: string; from: number; to: number }) =>
      `  ⚠ ${p.period}: these suggestions are much harsher than the current targets: ${p.down} of ${p.agents} agents would move down a grade (${p.worst} from ${p.from} to ${p.to}). A target at the team's p75 leaves about three in four agents short of the item's full score; weigh each item (those marked ⚠) rather than take them all.`,
  },
  TARGETS_SKIPPED: {
    zh: (p: { why: string }) =>
      p.why === 'method'
        ? '不是线性目标(分档、两侧或分段),不建议'
        : p.why === 'flat'
          ? '取值过于集中,目标与底线无法分开'
          : '没有取值',
    en: (p: { why: string }) =>
      p.why === 'method'
        ? 'not a linear target (bands, range or segments): none suggested'
        : p.why === 'flat'
          ? 'values too close to separate a target from a floor'
          : 'no values',
  },
  TARGETS_YAML: {
    zh: (p: { file: string }) => `可直接粘贴的策略行:把 ${p.file} 中注释所写的各行换成其下一行。`,
    en: (p: { file: string }) =>
      `Policy lines to paste: in ${p.file}, replace each line the comment names with the line below it.`,
  },
  TARGETS_YAML_LINE: {
    zh: (p: { line: number; scorecard: string; metric: string }) =>
      `# 第 ${p.line} 行(${p.scorecard} · ${p.metric})`,
    en: (p: { line: number; scorecard: string; metric: string }) =>
      `# line ${p.line} (${p.scorecard} · ${p.metric})`,
  },
  TARGETS_MIX: fixed(
    '等级分布(按当前版本的目标 → 按建议的目标):',
    'Grades (with the version’s targets → with the suggested ones):',
  ),
  PAYROLL_MONITORING: {
    zh: (p: { file: string; period: string }) =>
      `✗ ${p.file} 是监控期间 ${p.period} 的结果:监控期间(周、日、自定义区间)只供查看,用的是月度的奖金基数和系数,不能发薪。请导出已发布的考核期间(月、季度、年度)的结果,例如 data/results/2026-10。`,
    en: (p: { file: string; period: string }) =>
      `✗ ${p.file} holds the results of the monitoring period ${p.period}: a monitoring period (a week, a day, a custom range) is for watching only and carries a month's bases and coefficients, so it has no payroll. Export the results of a published evaluation period (month, quarter, year), e.g. data/results/2026-10.`,
  },
  PAYROLL_UNPUBLISHED: {
    zh: (p: { dir: string }) =>
      `⚠ ${p.dir} 中没有 manifest.json:这些结果没有发布(evaluate 的预览),期间关闭前还可能改变。发薪请用已发布的结果(data/results/<期间>)。`,
    en: (p: { dir: string }) =>
      `⚠ ${p.dir} has no manifest.json: these results are not published (an evaluate preview) and may still change before the period is closed. For pay, use published results (data/results/<period>).`,
  },
  PAYROLL_WRITTEN: {
    zh: (p: { file: string; agents: number; period: string }) =>
      `✓ 已写出 ${p.file}:${p.period},${p.agents} 名客服`,
    en: (p: { file: string; agents: number; period: string }) =>
      `✓ Wrote ${p.file}: ${p.period}, ${p.agents} agents`,
  },
  VERIFY_FILE_IDENTICAL: {
    zh: (p: { name: string }) => `✓ ${p.name} 一致`,
    en: (p: { name: string }) => `✓ ${p.name} identical`,
  },
  VERIFY_FILE_MISSING: {
    zh: (p: { name: string }) => `✗ ${p.name} 缺失`,
    en: (p: { name: string }) => `✗ ${p.name} missing`,
  },
  VERIFY_FILE_DIFFERS: {
    zh: (p: { name: string }) => `✗ ${p.name} 不一致(已发布 → 重新计算)`,
    en: (p: { name: string }) => `✗ ${p.name} differs (published → recomputed)`,
  },
  VERIFY_OTHER_POLICY: {
    zh: (p: { results: string; recorded: string; given: string; dir: string }) =>
      `✗ ${p.results} 是策略 ${p.recorded} 的结果,这次给的是策略 ${p.given}(${p.dir}):不同策略的结果无法相互复核。请给 --policies 指向 ${p.recorded} 的文件夹(它的 manifest 或 results.json 记录了文件位置)。`,
    en: (p: { results: string; recorded: string; given: string; dir: string }) =>
      `✗ ${p.results} holds the results of the policy ${p.recorded}; this verify gives the policy ${p.given} (${p.dir}): one policy's results cannot be verified with another's. Point --policies at ${p.recorded}'s folder (its manifest or results.json records where its file is).`,
  },
  VERIFY_POLICY_CHANGED: {
    zh: (p: { file: string; recorded: string; current: string }) =>
      `✗ 策略文件 ${p.file} 在发布后被修改:发布时 sha256 为 ${p.recorded.slice(0, 12)},现在是 ${p.current.slice(0, 12)},所以下面的重新计算用的不是发布时的规则。请用 git checkout 恢复该文件(verify --all 按发布时的提交读取它);要改规则,请新增一个版本文件。`,
    en: (p: { file: string; recorded: string; current: string }) =>
      `✗ The policy file ${p.file} changed after publication: sha256 ${p.recorded.slice(0, 12)} when published, ${p.current.slice(0, 12)} now, so the recomputation below does not use the published rules. Restore the file with git checkout (verify --all reads it at the publication's commit); to change the rules, add a new version file.`,
  },
  VERIFY_APPEALS_CHANGED: {
    zh: (p: { recorded: string; current: string }) =>
      `✗ 申诉文件与发布时不同:发布时是 ${p.recorded || '(无)'},本次读到 ${p.current || '(无)'},所以下面的差异来自申诉:申诉文件在发布后被改动了。请恢复发布时的申诉文件再复核(verify --all 按发布时的提交读取它们)。`,
    en: (p: { recorded: string; current: string }) =>
      `✗ The appeal files are not the publication's: ${p.recorded || '(none)'} when published, ${p.current || '(none)'} now, so the differences below come from appeals: the appeal files changed after publication. Restore the published ones and verify again (verify --all reads them at the publication's commit).`,
  },
  VERIFY_ENGINE_VERSION: {
    zh: (p: { recorded: string; current: string }) =>
      `发布时的引擎版本为 ${p.recorded},现在是 ${p.current}:results.json 按发布时的版本号比较(其余逐字节比较)。`,
    en: (p: { recorded: string; current: string }) =>
      `The publication was made by engine ${p.recorded}, this is ${p.current}: results.json is compared with the version it records (every other byte as it is).`,
  },
  VERIFY_APPEALS_AS_RECORDED: {
    zh: (p: { dir: string }) =>
      `申诉文件夹按发布记录读取:--appeals ${p.dir}(要读别的文件夹,请写出 --appeals)。`,
    en: (p: { dir: string }) =>
      `The appeals folder is the one the publication recorded: --appeals ${p.dir} (give --appeals to read another).`,
  },
  VERIFY_APPEALS_CHANGED_DIR: {
    zh: (p: { recorded: string; current: string; dir: string }) =>
      `✗ 申诉文件与发布时不同:发布时是 ${p.recorded || '(无)'},本次读到 ${p.current || '(无)'},所以下面的差异来自申诉。发布时用的是 --appeals ${p.dir}:请加上它再复核(verify --all 按发布记录读取)。`,
    en: (p: { recorded: string; current: string; dir: string }) =>
      `✗ The appeal files are not the publication's: ${p.recorded || '(none)'} when published, ${p.current || '(none)'} now, so the differences below come from appeals. The publication used --appeals ${p.dir}: verify again with it (verify --all reads what the publication recorded).`,
  },
  VERIFY_DIFFERENCES_TOO_LARGE: {
    zh: (p: { mib: number }) => `(文件 ${p.mib} MiB,过大,无法逐项列出差异;请按客服逐个对比)`,
    en: (p: { mib: number }) =>
      `(the file is ${p.mib} MiB, too large to list the differences; compare one agent's entries by hand)`,
  },
  VERIFY_PERIOD_OK: {
    zh: (p: { period: string }) => `✓ 期间 ${p.period} 已复核:重新计算的结果与记录逐字节一致。`,
    en: (p: { period: string }) =>
      `✓ Period ${p.period} verified: the recomputed results are byte-identical.`,
  },
  VERIFY_PERIOD_FAILED: {
    zh: (p: { period: string }) => `✗ 期间 ${p.period} 复核失败:记录的结果与重新计算的不一致。`,
    en: (p: { period: string }) =>
      `✗ Period ${p.period} does not verify: the recorded results differ from a recomputation.`,
  },
  JSON_NOT_JSON: fixed('记录的文件不是有效的 JSON', 'the recorded file is not valid JSON'),
  JSON_AGENT_NOT_RECOMPUTED: {
    zh: (p: { at: string }) => `${p.at}: 重新计算中没有此客服`,
    en: (p: { at: string }) => `${p.at}: not in the recomputation`,
  },
  JSON_AGENT_NOT_RECORDED: {
    zh: (p: { at: string }) => `${p.at}: 记录中没有此客服`,
    en: (p: { at: string }) => `${p.at}: not in the recorded results`,
  },
  JSON_NO_VALUE: fixed('(无)', '(none)'),
  JSON_FORMATTING_ONLY: fixed(
    '内容相同,但格式(空白或键顺序)不同',
    'same content, different formatting (spacing or key order)',
  ),
  VERIFY_ALL_NONE: {
    zh: (p: { dir: string }) => `✗ ${p.dir} 中没有已发布的期间(带 manifest.json)。`,
    en: (p: { dir: string }) => `✗ No published period (with manifest.json) in ${p.dir}.`,
  },
  // The period column is `width` wide (期间 takes four columns of a terminal).
  VERIFY_ALL_HEADING: {
    zh: (p: { width: number }) => `期间${' '.repeat(Math.max(1, p.width - 4))} 状态`,
    en: (p: { width: number }) => `${'period'.padEnd(p.width)} status`,
  },
  VERIFY_ALL_FROM_ARCHIVE: fixed('  (输入取自存档)', '  (inputs from the archive)'),
  VERIFY_ALL_EARLIER: fixed('  (早先的发布,不计为失败)', '  (an earlier publication: not a failure)'),
  VERIFY_ALL_TOTALS: {
    zh: (p: { verified: number; other: number; failed: number }) =>
      `${p.verified} 个发布通过复核,${p.other} 个由其他引擎版本发布(只核对了记录),${p.failed} 个未通过。`,
    en: (p: { verified: number; other: number; failed: number }) =>
      `${p.verified} publications verified, ${p.other} published by another engine (records checked only), ${p.failed} not.`,
  },
  VERIFY_ALL_EARLIER_TOTAL: {
    zh: (p: { earlier: number }) =>
      `另有 ${p.earlier} 个早先的发布(已被取代)没有通过复核:它们的输入此后已改变,不计为失败。`,
    en: (p: { earlier: number }) =>
      `${p.earlier} earlier (superseded) publications not verified: their inputs have changed since, which is not a failure.`,
  },
  STATUS_OK: fixed('通过(ok)', 'ok'),
  STATUS_DIFFERS: fixed('结果不一致(differs)', 'differs'),
  STATUS_INPUT_CHANGED: fixed('输入已改变(input changed)', 'input changed'),
  STATUS_INPUT_MISSING: fixed('输入缺失(input missing)', 'input missing'),
  STATUS_POLICY_UNVERIFIED: fixed('策略无法核对(policy unverified)', 'policy unverified'),
  STATUS_FILES_CHANGED: fixed('已发布文件被改动(files changed)', 'files changed'),
  STATUS_MANIFEST_INVALID: fixed('发布记录无效(manifest invalid)', 'manifest invalid'),
  STATUS_RECOMPUTE_FAILED: fixed('重新计算失败(recompute failed)', 'recompute failed'),
  STATUS_INTERRUPTED: fixed('发布被中断(interrupted)', 'interrupted'),
  STATUS_MONTH_SUPERSEDED: fixed('所平均的月份已被替换(month superseded)', 'month superseded'),
  STATUS_ENGINE_CHANGED: fixed(
    '引擎版本不同(engine changed;已核对记录,未重算)',
    'engine changed (records checked, not recomputed)',
  ),

  // evaluate and publish
  LOCK_BROKEN: {
    zh: (p: { lock: string; holder: Bilingual }) =>
      `  已收回一个失效的锁(--break-stale-lock):${p.lock}(${p.holder.zh})。`,
    en: (p: { lock: string; holder: Bilingual }) =>
      `  A stale lock was broken (--break-stale-lock): ${p.lock} (${p.holder.en}).`,
  },

  // publish
  PUBLISH_RECOVERED: {
    zh: (p: { restored: string | null; removed: number }) =>
      `  上一次发布被中断,已收拾:${p.restored === null ? '' : `放回了原发布(${p.restored}),`}删除了 ${p.removed} 个残留目录。`,
    en: (p: { restored: string | null; removed: number }) =>
      `  An earlier publish was interrupted and has been tidied up: ${p.restored === null ? '' : `the earlier publication was put back (${p.restored}), `}${p.removed} leftover folders removed.`,
  },
  PUBLISH_SUPERSEDED: {
    zh: (p: { dir: string }) => `  原发布已保留在 ${p.dir}`,
    en: (p: { dir: string }) => `  The earlier publication is kept in ${p.dir}`,
  },
  PUBLISH_RESULTS_IGNORE: {
    zh: (p: { file: string }) =>
      `· 已在 ${p.file} 中写入 .*.lock、.*.lock.*、.*.staging-*、.*.replaced-*:发布中断时留下的锁和临时文件夹不会进入 git。请把这个文件与期间一起提交。`,
    en: (p: { file: string }) =>
      `· Wrote .*.lock, .*.lock.*, .*.staging-*, .*.replaced-* into ${p.file}: the lock and temporary folders an interrupted publish leaves stay out of git. Commit this file with the periods.`,
  },
  PUBLISH_CLOSED: {
    zh: (p: { dir: string; add: string; period: string }) =>
      `  已关闭:${p.dir}。请提交到 git:git add ${p.add} && git commit -m "publish ${p.period}"`,
    en: (p: { dir: string; add: string; period: string }) =>
      `  Closed: ${p.dir}. Commit it to git: git add ${p.add} && git commit -m "publish ${p.period}"`,
  },
  PUBLISH_CLOSED_IGNORED: {
    zh: (p: { dir: string; rule: string }) =>
      `  已关闭。但 git 忽略了 ${p.dir}(规则 ${p.rule}):git add 不会收录它,别人的检出里没有这次发布,也无法复核。要提交它,请删去这条规则(或 git add -f ${p.dir})再提交;要保持它不进 git(例如只在本机试用),请自行保管这个目录。`,
    en: (p: { dir: string; rule: string }) =>
      `  Closed. But git ignores ${p.dir} (rule ${p.rule}): git add will not take it, so a fresh clone has neither this publication nor a way to verify it. To commit it, remove that rule (or git add -f ${p.dir}), then commit; to keep it out of git (a trial on this machine), keep the folder safe yourself.`,
  },
  PUBLISH_CLOSED_OUTSIDE: {
    zh: (p: { dir: string }) =>
      `  已关闭。${p.dir} 不在 git 仓库中,没有可提交的:这个目录就是这次发布,请妥善保管;要让别人复核,请用仓库内的 --results 目录发布。`,
    en: (p: { dir: string }) =>
      `  Closed. ${p.dir} is in no git repository, so there is nothing to commit: the folder is the publication, keep it safe; for others to verify it, publish with --results inside the repository.`,
  },
  PUBLISH_DATA_NOT_KEPT: {
    zh: (p: { dir: string; why: string }) =>
      `  注意:数据目录 ${p.dir} ${p.why}。verify 按 manifest 重新读取它;它日后被更正、移走或删除时,这次发布就无法复核。请保持它不变,并在以后的发布中加上 --archive .scorebook/archive(按 sha256 保存输入文件,不进 git;verify --all 默认读取它)。已发布的本期只能在下一次 publish --supersede 时存档。`,
    en: (p: { dir: string; why: string }) =>
      `  Note: the data folder ${p.dir} ${p.why}. verify reads it again, as the manifest records; once it is corrected, moved or removed, this publication can no longer be verified. Keep it unchanged, and publish with --archive .scorebook/archive from now on (it keeps the input files by sha256, outside git; verify --all reads it by default). This period, published, is archived only by its next publish --supersede.`,
  },
  DATA_OUTSIDE_GIT: fixed('不在 git 仓库中', 'is in no git repository'),
  DATA_IGNORED: {
    zh: (p: { rule: string }) => `被 git 忽略(规则 ${p.rule})`,
    en: (p: { rule: string }) => `is ignored by git (rule ${p.rule})`,
  },
  DATA_UNCOMMITTED: {
    zh: (p: { files: number }) => `有 ${p.files} 个文件没有提交到 git`,
    en: (p: { files: number }) => `has ${p.files} file${p.files === 1 ? '' : 's'} not committed to git`,
  },

  // test
  TEST_NONE: {
    zh: (p: { dir: string }) => `${p.dir}:没有测试(tests/*.yaml)`,
    en: (p: { dir: string }) => `${p.dir}: no tests (tests/*.yaml)`,
  },
  TEST_ALL_COVERED: {
    zh: (p: { version: string; rules: number }) => `版本 ${p.version}:全部 ${p.rules} 条规则都被测试覆盖。`,
    en: (p: { version: string; rules: number }) =>
      `Version ${p.version}: all ${p.rules} rules are exercised by a test.`,
  },
  TEST_UNCOVERED: {
    zh: (p: { version: string; missing: number; rules: number }) =>
      `版本 ${p.version}:没有测试覆盖的规则(${p.missing}/${p.rules}):`,
    en: (p: { version: string; missing: number; rules: number }) =>
      `Version ${p.version}: rules no test exercised (${p.missing}/${p.rules}):`,
  },
  // The same in both languages: the policy review and docs/governance.md quote this line.
  TEST_TOTALS: {
    zh: (p: { passed: number; failed: number }) => `${p.passed} passed, ${p.failed} failed`,
    en: (p: { passed: number; failed: number }) => `${p.passed} passed, ${p.failed} failed`,
  },

  // sample
  SAMPLE_PROGRESS: {
    zh: (p: SampleProgress) => `生成 ${p.day} (${p.done}/${p.days}) ${p.conversations} 个会话`,
    en: (p: SampleProgress) => `generating ${p.day} (${p.done}/${p.days}) ${p.conversations} conversations`,
  },
  SAMPLE_WROTE: {
    zh: (p: { out: string; seconds: string; rows: string }) => `✓ 已写出 ${p.out}(${p.seconds} 秒):${p.rows}`,
    en: (p: { out: string; seconds: string; rows: string }) =>
      `✓ Wrote ${p.out} in ${p.seconds} s: ${p.rows}`,
  },

  // site
  SITE_NO_PERIODS: {
    zh: (p: { dir: string; example: string }) =>
      `✗ ${p.dir} 中没有期间结果。应为每个期间一个子文件夹,例如 ${p.example}(由 scorebook evaluate 或 publish 写出)。`,
    en: (p: { dir: string; example: string }) =>
      `✗ ${p.dir} holds no period results. Expected one sub-folder per period, e.g. ${p.example} (written by scorebook evaluate or publish).`,
  },
  SITE_RENDERING: {
    zh: (p: { pages: number }) => `生成页面: ${p.pages}`,
    en: (p: { pages: number }) => `rendering pages: ${p.pages}`,
  },
  SITE_RENDERED: {
    zh: (p: { pages: number }) => `已生成 ${p.pages} 个页面……`,
    en: (p: { pages: number }) => `${p.pages} pages rendered so far…`,
  },
  SITE_BUILT: {
    zh: (p: SiteBuilt) =>
      `✓ 网站已生成:${p.pages} 个页面,${p.periods} 个期间(重建 ${p.rebuilt},复用 ${p.reused}),用时 ${p.seconds} 秒。\n  打开:${p.index}`,
    en: (p: SiteBuilt) =>
      `✓ Site built: ${p.pages} pages, ${p.periods} periods (${p.rebuilt} rebuilt, ${p.reused} re-used) in ${p.seconds} s.\n  Open: ${p.index}`,
  },
  SITE_ALTERED: {
    zh: (p: { command: string }) =>
      `  这些期间的页面显示的是现在的文件,并注明它们与发布时不同。请运行 ${p.command} verify --all 复核,并从 git 恢复被改动的文件。`,
    en: (p: { command: string }) =>
      `  The pages of these periods show the files as they are now, with a warning that they differ from the publication. Run ${p.command} verify --all, and restore the changed files from git.`,
  },
  SITE_SERVING: {
    zh: (p: { url: string }) => `网站地址:${p.url} (按 Ctrl-C 停止)`,
    en: (p: { url: string }) => `Site at ${p.url} (Ctrl-C to stop)`,
  },

  // demo
  DEMO_PUBLISHED: {
    zh: (p: { step: string; period: string }) =>
      `${p.step} ${p.period}: 使用已发布的结果 (data/results/${p.period})`,
    en: (p: { step: string; period: string }) =>
      `${p.step} ${p.period}: using the published results (data/results/${p.period})`,
  },
  DEMO_EVALUATING: {
    zh: (p: { step: string; period: string }) => `${p.step} ${p.period}: 评估中…`,
    en: (p: { step: string; period: string }) => `${p.step} ${p.period}: evaluating…`,
  },
  DEMO_RATED: {
    zh: (p: { rated: number; agents: number; grades: string }) =>
      `      ${p.rated}/${p.agents} 名客服参评, ${p.grades}`,
    en: (p: { rated: number; agents: number; grades: string }) =>
      `      ${p.rated}/${p.agents} agents rated, ${p.grades}`,
  },
  DEMO_BUILDING_SITE: {
    zh: (p: { step: string }) => `${p.step} 生成报告网站…`,
    en: (p: { step: string }) => `${p.step} building the report site…`,
  },
  DEMO_SITE_READY: {
    zh: (p: { dir: string; site: string }) =>
      `网站已生成于 ${p.dir}。预览:npx scorebook site serve ${p.site}`,
    en: (p: { dir: string; site: string }) =>
      `The site is in ${p.dir}. Preview it: npx scorebook site serve ${p.site}`,
  },

  // source check and source init
  CHECK_NO_SOURCE: fixed(
    '数据来源:没有 source.yaml,按数据合同的文件名和列名读取',
    'Source: no source.yaml; files and columns are read by the names of the data contract',
  ),
  CHECK_TIMEZONE: {
    zh: (p: { timezone: string; given: boolean }) =>
      `不带时差的时间按 ${p.timezone} 读取${p.given ? '' : '(source.yaml 没有 timezone;评估时用策略的时区,可用 --timezone 指定)'}`,
    en: (p: { timezone: string; given: boolean }) =>
      `Timestamps without an offset are read in ${p.timezone}${p.given ? '' : " (source.yaml sets no timezone; a run uses the policy's — pass --timezone)"}`,
  },
  CHECK_TABLE: {
    zh: (p: { table: string }) => `== ${p.table}`,
    en: (p: { table: string }) => `== ${p.table}`,
  },
  CHECK_ABSENT: fixed('  缺失:没有文件', '  absent: no file'),
  CHECK_FILES_RANGE: {
    zh: (p: { first: string; last: string; count: number }) => `${p.first} … ${p.last},共 ${p.count} 个文件`,
    en: (p: { first: string; last: string; count: number }) => `${p.first} … ${p.last}, ${p.count} files`,
  },
  CHECK_FILES: {
    zh: (p: { list: string }) => `  文件:${p.list}`,
    en: (p: { list: string }) => `  files: ${p.list}`,
  },
  CHECK_ROWS: {
    zh: (p: { rows: number; rejected: number; inPeriod: string; range: string }) =>
      `  ${p.rows} 行,拒绝 ${p.rejected}${p.inPeriod}${p.range ? `,时间 ${p.range}` : ''}`,
    en: (p: { rows: number; rejected: number; inPeriod: string; range: string }) =>
      `  ${p.rows} rows, ${p.rejected} rejected${p.inPeriod}${p.range ? `, from ${p.range}` : ''}`,
  },
  CHECK_IN_PERIOD: {
    zh: (p: { n: number; period: string }) => `,期间 ${p.period} 内 ${p.n} 行`,
    en: (p: { n: number; period: string }) => `, ${p.n} in ${p.period}`,
  },
  CHECK_FIELDS: fixed('  字段 ← 列:', '  field ← column:'),
  CHECK_FIELD: {
    zh: (p: { field: string; column: string; present: boolean }) =>
      `    ${p.field.padEnd(24)} ← ${p.present ? p.column : `(没有列 ${p.column})`}`,
    en: (p: { field: string; column: string; present: boolean }) =>
      `    ${p.field.padEnd(24)} ← ${p.present ? p.column : `(no column ${p.column})`}`,
  },
  CHECK_EXTRAS: {
    zh: (p: { list: string }) => `  其他列(按文本读取,可在条件中使用):${p.list}`,
    en: (p: { list: string }) => `  other columns (read as text, usable in conditions): ${p.list}`,
  },
  CHECK_VALUES: {
    zh: (p: { field: string; list: string }) => `  取值 ${p.field}:${p.list}`,
    en: (p: { field: string; list: string }) => `  values of ${p.field}: ${p.list}`,
  },
  CHECK_REJECTED: {
    zh: (p: { code: string; n: number }) => `  被拒绝 ${p.code} × ${p.n},例如:`,
    en: (p: { code: string; n: number }) => `  rejected ${p.code} × ${p.n}, e.g.:`,
  },
  INIT_WROTE: {
    zh: (p: { file: string; todos: number; dir: string; command: string }) =>
      `✓ 已写出草稿 ${p.file}${p.todos > 0 ? `,其中 ${p.todos} 行 TODO 待补全` : ''}。\n  检查并修改后运行:${p.command} source check ${p.dir}`,
    en: (p: { file: string; todos: number; dir: string; command: string }) =>
      `✓ Wrote the draft ${p.file}${p.todos > 0 ? ` with ${p.todos} TODO line${p.todos === 1 ? '' : 's'} to complete` : ''}.\n  Review it, then run: ${p.command} source check ${p.dir}`,
  },
  INIT_NO_POLICY_FOLDER: {
    zh: (p: { root: string }) =>
      `⚠ ${p.root} 下没有策略文件夹(在运行命令的当前目录中查找,不读取 Scorebook 自带的示例策略):草稿未填 timezone,也未按策略的角色起草 role 的 map。在你自己的仓库根目录运行,或用 --policies <策略文件夹> 重新生成草稿。`,
    en: (p: { root: string }) =>
      `⚠ ${p.root} has no policy folder (looked for in the current directory; Scorebook's own sample policies are never read): the draft leaves timezone out and drafts no map of role to the policy's roles. Run it at the root of your own repository, or draft again with --policies <policy folder>.`,
  },
  INIT_TIMEZONE_FROM: {
    zh: (p: { where: string }) => `取自${p.where}的 timezone,source check 与 evaluate 因此按同一时区读取。`,
    en: (p: { where: string }) =>
      `From the timezone of ${p.where}, so that source check reads times as evaluate does.`,
  },
  INIT_TIMEZONE_POLICY: {
    zh: (p: { dir: string }) => `策略 ${p.dir} `,
    en: (p: { dir: string }) => `the policy ${p.dir}`,
  },
  INIT_TIMEZONE_ALL: {
    zh: (p: { root: string; count: number }) => ` ${p.root} 下全部 ${p.count} 个策略文件夹(它们的时区相同)`,
    en: (p: { root: string; count: number }) =>
      `all ${p.count} policy folders of ${p.root} (they share one timezone)`,
  },
  INIT_TIMEZONE_FOLDERS: {
    zh: (p: { root: string }) => `${p.root} 下的策略文件夹`,
    en: (p: { root: string }) => `the policy folders under ${p.root}`,
  },
  INIT_TIMEZONE_LEFT_OUT: {
    zh: (p: { why: string }) =>
      `timezone 未填:${p.why}。在填写之前,source check 按 UTC 读取不带时差的时间,evaluate 却按策略的时区:用 --policies <策略文件夹> 重新生成草稿,或自行填写。`,
    en: (p: { why: string }) =>
      `timezone left out: ${p.why}. Until it is filled in, source check reads timestamps without an offset as UTC, while evaluate reads them in the policy's timezone: draft again with --policies <policy folder>, or fill it in.`,
  },
  INIT_TIMEZONE_NO_POLICY: {
    zh: (p: { root: string }) => `${p.root} 下没有策略文件夹`,
    en: (p: { root: string }) => `${p.root} has no policy folder`,
  },
  INIT_TIMEZONE_NO_VERSION: {
    zh: (p: { dir: string }) => `${p.dir} 没有有效的策略版本(运行 scorebook validate ${p.dir} 查看)`,
    en: (p: { dir: string }) => `${p.dir} has no valid policy version (scorebook validate ${p.dir} says why)`,
  },
  INIT_TIMEZONE_DIFFER: {
    zh: (p: { where: string; zones: string }) => `${p.where}的时区不止一个(${p.zones}),不知道用哪个`,
    en: (p: { where: string; zones: string }) =>
      `more than one timezone in ${p.where} (${p.zones}); which one is meant is not known`,
  },
  INIT_ROLES_FROM: {
    zh: (p: { where: string; count: number }) =>
      `role 的 map 按 ${p.where} 全部 ${p.count} 个有效版本中考核表的角色起草。`,
    en: (p: { where: string; count: number }) =>
      `The map of role is drafted to the scorecards' roles of all ${p.count} valid versions of ${p.where}.`,
  },
  INIT_ROLES_POLICY: {
    zh: (p: { dir: string }) => `策略 ${p.dir}`,
    en: (p: { dir: string }) => `the policy ${p.dir}`,
  },
  INIT_ROLES_FOLDERS: {
    zh: (p: { root: string; count: number }) => `${p.root} 下 ${p.count} 个策略文件夹`,
    en: (p: { root: string; count: number }) => `the ${p.count} policy folders of ${p.root}`,
  },
  INIT_ROLES_UNKNOWN: {
    zh: (p: { why: string }) =>
      `role 未起草 map:${p.why}。岗位的写法与策略的角色不同时,没有考核表会考核这些客服:用 --policies <策略文件夹> 重新生成草稿,或自行填写 map。`,
    en: (p: { why: string }) =>
      `No map drafted for role: ${p.why}. When the export writes positions otherwise than the policy's roles, no scorecard rates those agents: draft again with --policies <policy folder>, or write the map yourself.`,
  },
  CHECK_OK: fixed(
    '✓ 数据来源可以读取这些文件。这里没有对照策略:策略用到的列是否都在,由 scorebook evaluate 检查(它在读取记录之前就会指出缺的列)。',
    '✓ The source reads these files. No policy was checked against them: whether every column the policy reads is there is checked by scorebook evaluate (before it reads any record).',
  ),
  CHECK_FAILED: fixed('✗ 评估会因上述问题停止。', '✗ A run would stop on the problems above.'),
});

/** A key of {@link CLI_TEXT}. */
export type CliTextKey = keyof typeof CLI_TEXT;

/** A line of the command line's text in the chosen language. */
export function say<K extends CliTextKey>(lang: Lang, key: K, ...args: ArgsOf<(typeof CLI_TEXT)[K]>): string {
  return textOf(CLI_TEXT, lang, key, ...args);
}

interface RunDone {
  /** ✓, or ⚠ when agents were read and none is rated. */
  mark: string;
  period: string;
  policy: string;
  version: string;
  agents: number;
  rated: number;
  grades: string;
  notRated: number;
  rejected: number;
  warnings: number;
  out: string;
}

interface DiffTitle {
  policy: string;
  before: string;
  beforeFile: string;
  after: string;
  afterFile: string;
  changes: number;
}

interface SampleProgress {
  day: string;
  done: number;
  days: number;
  conversations: string;
}

interface SiteBuilt {
  pages: number;
  periods: number;
  rebuilt: number;
  reused: number;
  seconds: string;
  index: string;
}
