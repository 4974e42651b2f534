import {
  type ArgsOf,
  type Bilingual,
  defineCatalogue,
  messageOf,
  type Problem,
  ScorebookError,
  type Severity,
  type StopKind,
} from '@scorebook/problems';

// The kinds of names a policy test may expect, as a manager reads them.
const KIND_ZH: Record<string, string> = {
  metric: '指标',
  flag: '关注标记',
  award: '奖项',
  adjustment: '加减分',
  veto: '一票否决',
  group: '维度',
  exclusion: '剔除规则',
};

const short = (sha: string | null) => (sha === null ? '—' : sha.slice(0, 12));

/**
 * Governance problems: refusals of `publish`, findings of `verify --all`, what stops `impact` and
 * the policy tests. Codes are permanent; each message names the file, period or value and says
 * what to do.
 */
/** What PERIOD_OF_ANOTHER_POLICY says: the period, its folder, the policy that published it and the one given. */
/** What recomputing with the changed inputs moves (INPUT_CHANGE_EFFECT), and whether the publication is a superseded one. */
interface InputChangeEffect {
  agents: number;
  ids: string;
  graded: number;
  gradedIds: string;
  superseded: boolean;
}

interface PeriodOfAnotherPolicy {
  period: string;
  dir: string;
  publishedId: string;
  published: string;
  givenId: string;
  given: string;
  suggestion: string;
}

export const GOVERNANCE_ERRORS = defineCatalogue({
  // publish
  PERIOD_CLOSED: {
    zh: (p: { period: string; dir: string }) =>
      `期间 ${p.period} 已发布并关闭(${p.dir})。如确需重新发布,请使用 --supersede --reason "原因",原发布会保留在 superseded/ 中。`,
    en: (p: { period: string; dir: string }) =>
      `Period ${p.period} is already published and closed (${p.dir}). To publish it again use --supersede --reason "why"; the earlier publication is kept in superseded/.`,
  },
  PERIOD_OF_ANOTHER_POLICY: {
    zh: (p: PeriodOfAnotherPolicy) =>
      `期间 ${p.period} 在 ${p.dir} 已由另一个策略 ${p.publishedId}(${p.published})发布并关闭;这次给的是策略 ${p.givenId}(${p.given})。一个结果文件夹中的期间只属于一个策略,--supersede 也不会用另一个策略替换它。请给这个策略自己的结果文件夹,例如 --results ${p.suggestion}(verify、impact 和 site build 也用它)。`,
    en: (p: PeriodOfAnotherPolicy) =>
      `Period ${p.period} in ${p.dir} was published and closed by another policy, ${p.publishedId} (${p.published}); this publish gives the policy ${p.givenId} (${p.given}). A period of a results folder belongs to one policy, and --supersede does not replace it with another either. Give this policy a results folder of its own, e.g. --results ${p.suggestion} (and the same to verify, impact and site build).`,
  },
  APPEALS_NO_LONGER_APPLIED: {
    zh: (p: { period: string; appeals: string; dir: string }) =>
      `替换前的 ${p.period} 发布读取了申诉 ${p.appeals},新的发布没有读到这些文件(申诉文件夹 ${p.dir} 中没有),它们的裁决不再适用。如果不是有意撤销这些裁决,请检查 --appeals,再用 --supersede 重新发布。`,
    en: (p: { period: string; appeals: string; dir: string }) =>
      `The ${p.period} publication this one superseded read the appeals ${p.appeals}; the new one did not find those files (not in the appeals folder ${p.dir}), so their decisions no longer apply. Unless these decisions were meant to be withdrawn, check --appeals and publish again with --supersede.`,
  },
  AGGREGATE_AVERAGES_OLD_MONTH: {
    zh: (p: { period: string; month: string; recorded: string; current: string }) =>
      `已发布的 ${p.period} 由各月成绩平均而来,其中 ${p.month} 用的是 results.json sha256 ${short(p.recorded)},而 ${p.month} 现行的发布是 ${short(p.current)}:请用 --supersede 重新发布 ${p.period}(scorebook publish --period ${p.period} … --supersede --reason "${p.month} 已替换")。`,
    en: (p: { period: string; month: string; recorded: string; current: string }) =>
      `The published ${p.period} averages its months' scores, and used ${p.month}'s results.json sha256 ${short(p.recorded)}; the ${p.month} publication in force is ${short(p.current)}: re-publish ${p.period} with --supersede (scorebook publish --period ${p.period} … --supersede --reason "${p.month} superseded").`,
  },
  PERIOD_NOT_ENDED: {
    zh: (p: { period: string; end: string; now: string }) =>
      `期间 ${p.period} 到 ${p.end} 才结束(现在是 ${p.now}):现在发布会关闭一个数据还不完整的期间,之后只能 --supersede 替换。请在期间结束、数据导出完整后再发布;若确需提前关闭,加 --allow-open-period。`,
    en: (p: { period: string; end: string; now: string }) =>
      `Period ${p.period} ends at ${p.end} (it is now ${p.now}): publishing now would close a period whose data is not complete, undone only by --supersede. Publish once the period has ended and its data is exported in full; to close it early all the same, add --allow-open-period.`,
  },
  PERIOD_PARTLY_COVERED_REFUSED: {
    zh: (p: { period: string; tables: string; details: Bilingual[] }) =>
      `期间 ${p.period} 的数据不完整:${p.tables} 的行只覆盖了期间的一部分。${p.details.map((d) => d.zh).join('')}现在发布会按不完整的数据关闭这个期间,之后只能 --supersede 替换。请补齐导出的文件(导出是否在期间结束前就运行了?)后再发布;若确需按现有数据关闭,加 --allow-partial-data(会记入 manifest 的 command)。`,
    en: (p: { period: string; tables: string; details: Bilingual[] }) =>
      `The data of period ${p.period} is not complete: the rows of ${p.tables} cover only part of the period. ${p.details.map((d) => d.en).join(' ')} Publishing now would close the period on incomplete data, undone only by --supersede. Complete the exported files (was the export run before the period ended?), then publish; to close it on this data all the same, add --allow-partial-data (recorded in the manifest's command).`,
  },
  FILE_CUT_OFF_REFUSED: {
    zh: (p: { period: string; files: ReadonlyArray<{ table: string; file: string; line: number }> }) =>
      `期间 ${p.period} 的数据多半不完整:${p.files.length} 个文件在最后一行中间被截断了(下载或复制没有完成):${p.files.map((f) => `${f.file} 第 ${f.line} 行(表 ${f.table})`).join('、')}。这样的最后一行比一行记录短,文件末尾也没有换行符,它之后的行多半不在文件里,而被拒绝的只有这一行,远低于被拒绝行的上限。现在发布会按不完整的数据关闭这个期间,之后只能 --supersede 替换。请重新导出或重新复制${p.files.length === 1 ? '这个文件' : '这些文件'}后再发布;如果文件确实完整、只是最后一行坏了,修正或删除这一行;若确需按现有数据关闭,加 --allow-partial-data(会记入 manifest 的 command)。`,
    en: (p: { period: string; files: ReadonlyArray<{ table: string; file: string; line: number }> }) =>
      `The data of period ${p.period} is most likely not complete: ${p.files.length === 1 ? '1 file was' : `${p.files.length} files were`} cut off inside the last line (a download or copy that did not finish): ${p.files.map((f) => `${f.file} line ${f.line} (table ${f.table})`).join(', ')}. Such a last line is shorter than a record and has no line break after it; the rows after it are most likely not in the file, while the one rejected row stays far under the rejected-row limit. Publishing now would close the period on incomplete data, undone only by --supersede. Export or copy ${p.files.length === 1 ? 'the file' : 'the files'} again, then publish; if a file really is complete and only its last row is broken, fix or remove that line; to close the period on this data all the same, add --allow-partial-data (recorded in the manifest's command).`,
  },
  NOBODY_RATED: {
    zh: (p: { period: string; agents: number }) =>
      `期间 ${p.period} 的 ${p.agents} 名客服无一参评,发布会关闭一个没有任何等级的期间(之后只能 --supersede 替换)。原因多半在下面的警告里(例如岗位不属于任何考核表:在 source.yaml 中为 agents.role 写 map;或无人满足参评条件)。请先修正再发布;若本期确实无人参评,加 --allow-none-rated。`,
    en: (p: { period: string; agents: number }) =>
      `None of the ${p.agents} agents of ${p.period} is rated: publishing would close a period without a single grade (undone only by --supersede). The reason is most likely in the warnings below (roles no scorecard names: write a map for agents.role in source.yaml; or an eligibility no one meets). Fix it, then publish; if truly no one is rated this period, add --allow-none-rated.`,
  },
  REASON_REQUIRED: {
    zh: () => '替换已发布的期间必须说明原因:--reason "原因"(或自上次发布以来有新增或修改的申诉裁决)。',
    en: () =>
      'Superseding a published period needs a reason: --reason "why" (or appeals decided since the earlier publication).',
  },
  NOTHING_TO_SUPERSEDE: {
    zh: (p: { period: string }) =>
      `期间 ${p.period} 尚未发布,没有可替换的发布。请去掉 --supersede 和 --reason 再发布。`,
    en: (p: { period: string }) =>
      `Period ${p.period} is not published, so there is nothing to supersede. Publish it without --supersede and --reason.`,
  },
  SUPERSEDE_UNCHANGED: {
    zh: (p: { period: string; dir: string; files: string }) =>
      `重新计算的 ${p.files} 与 ${p.dir} 中现行的发布逐字节相同:替换 ${p.period} 不会改变任何结果,因此没有发布(也没有新增 superseded/ 中的一份)。可能想要的是:先提交新的申诉裁决、数据或策略改动再替换;或检查 --appeals、--data、--policies 是否指向了改动所在的位置。`,
    en: (p: { period: string; dir: string; files: string }) =>
      `The recomputed ${p.files} are byte for byte the publication in force in ${p.dir}: superseding ${p.period} would change no result, so nothing was published (and no superseded/ slot added). You probably meant to commit the new appeal decisions, data or policy change first, or to point --appeals, --data or --policies at where the change is.`,
  },
  NOT_A_PUBLICATION: {
    zh: (p: { dir: string }) =>
      `${p.dir} 已存在,但不是一个完整的发布(没有 manifest.json)。发布不会覆盖它:请查看其内容,移走后再发布。`,
    en: (p: { dir: string }) =>
      `${p.dir} exists but is not a whole publication (no manifest.json). Publish will not overwrite it: look at what it holds and move it away first.`,
  },
  NOT_IN_GIT: {
    zh: (p: { file: string }) =>
      `${p.file} 不在 git 仓库中。发布记录的是 git 中提交过的策略;请在仓库里提交它后再发布。`,
    en: (p: { file: string }) =>
      `${p.file} is not inside a git repository. A publication records a committed policy; commit it in the repository, then publish.`,
  },
  FILE_IN_OTHER_REPOSITORY: {
    zh: (p: { file: string; root: string; home: string }) =>
      `${p.file} 提交在另一个 git 仓库(${p.root})中,而发布是在 ${p.home} 中运行的:清单只记录运行发布的那个仓库的提交,复核时会找不到这个文件的提交。请把它放进 ${p.home} 的仓库并提交,或者在 ${p.root} 中运行发布。`,
    en: (p: { file: string; root: string; home: string }) =>
      `${p.file} is committed in another git repository (${p.root}) than the one publish runs in (${p.home}): a manifest records the commits of the repository publish runs in, so verify would not find this file's commit. Put it in the repository of ${p.home} and commit it there, or run publish in ${p.root}.`,
  },
  FILE_NOT_COMMITTED: {
    zh: (p: { file: string; ignoredBy: string | null }) =>
      p.ignoredBy === null
        ? `${p.file} 从未提交到 git,发布后将无法复核。请先提交:git add ${p.file} && git commit`
        : `${p.file} 从未提交到 git,发布后将无法复核;而且它被 git 忽略(规则 ${p.ignoredBy}),git add 不会收录它。请强制加入并提交:git add -f ${p.file} && git commit;或删去这条忽略规则后再提交;或把文件移到不被忽略的位置(用 --source 指定)。`,
    en: (p: { file: string; ignoredBy: string | null }) =>
      p.ignoredBy === null
        ? `${p.file} has never been committed, so the publication could not be re-verified. Commit it first: git add ${p.file} && git commit`
        : `${p.file} has never been committed, so the publication could not be re-verified; and git ignores it (rule ${p.ignoredBy}), so git add will not take it. Add it anyway and commit: git add -f ${p.file} && git commit; or remove that rule, then commit it; or move the file where git does not ignore it (and name it with --source).`,
  },
  FILE_HAS_CHANGES: {
    zh: (p: { file: string }) =>
      `${p.file} 有未提交的修改;manifest 记录的提交里没有这些内容,发布后将无法复核。请先提交:git add ${p.file} && git commit(或用 git restore ${p.file} 撤销修改)`,
    en: (p: { file: string }) =>
      `${p.file} has uncommitted changes; the commit a manifest records would not hold these bytes, so the publication could not be re-verified. Commit them first: git add ${p.file} && git commit (or undo them with git restore ${p.file})`,
  },
  // verify --all
  MANIFEST_UNREADABLE: {
    zh: (p: { reason: string }) =>
      `manifest.json 无法读取或不是 JSON(${p.reason})。该发布无法复核;请从 git 恢复它。`,
    en: (p: { reason: string }) =>
      `manifest.json cannot be read or is not JSON (${p.reason}). The publication cannot be re-verified; restore it from git.`,
  },
  MANIFEST_INVALID: {
    zh: (p: { path: string; expected: string; expectedEn: string }) =>
      `manifest.json 的 ${p.path} 应为${p.expected}。manifest 被改过或已损坏;请从 git 恢复它。`,
    en: (p: { path: string; expected: string; expectedEn: string }) =>
      `manifest.json: ${p.path} should be ${p.expectedEn}. The manifest was edited or is damaged; restore it from git.`,
  },
  MANIFEST_INCONSISTENT: {
    zh: (p: { what: string; recorded: string; expected: string }) =>
      `manifest.json 的 ${p.what} 与发布不符:记录为 ${p.recorded},应为 ${p.expected}。manifest 被改过;请从 git 恢复它。`,
    en: (p: { what: string; recorded: string; expected: string }) =>
      `manifest.json: ${p.what} does not match the publication: recorded ${p.recorded}, expected ${p.expected}. The manifest was edited; restore it from git.`,
  },
  RESULTS_ELSEWHERE: {
    zh: (p: { published: string; here: string }) =>
      `这次发布写入的是 --results ${p.published},现在在 ${p.here} 复核(结果文件夹被复制或移动过):按它记录的一切照常复核;若这是发布的正本,请把它放回 ${p.published}。`,
    en: (p: { published: string; here: string }) =>
      `This publication was written into --results ${p.published} and is verified in ${p.here} (the results folder was copied or moved): everything it records is verified as usual; if this is the publication itself, move it back to ${p.published}.`,
  },
  PUBLISHED_BEFORE_END: {
    zh: (p: { period: string; at: string; end: string }) =>
      `期间 ${p.period} 在 ${p.at} 发布,早于它的结束时间 ${p.end}(用了 --allow-open-period):发布时它的数据还不完整。期间结束、数据导出完整后,请用 --supersede 重新发布。`,
    en: (p: { period: string; at: string; end: string }) =>
      `Period ${p.period} was published at ${p.at}, before it ended at ${p.end} (with --allow-open-period): its data was not complete then. Once the period has ended and its data is exported in full, re-publish it with --supersede.`,
  },
  PUBLISHED_FILE_CHANGED: {
    zh: (p: { file: string; recorded: string; current: string | null }) =>
      `已发布的文件 ${p.file} 在发布后被改动:manifest 记录的 sha256 为 ${short(p.recorded)},现在是 ${p.current === null ? '(文件不存在)' : short(p.current)}。请从 git 恢复它。`,
    en: (p: { file: string; recorded: string; current: string | null }) =>
      `The published file ${p.file} changed after publication: the manifest records sha256 ${short(p.recorded)}, it is now ${p.current === null ? '(missing)' : short(p.current)}. Restore it from git.`,
  },
  POLICY_COMMIT_MISSING: {
    zh: (p: { file: string; commit: string }) =>
      `无法核对策略 ${p.file}:本仓库中没有记录的提交 ${p.commit}(可能是浅克隆)。请获取完整历史:git fetch --unshallow(GitHub Actions 中 actions/checkout 使用 fetch-depth: 0)。`,
    en: (p: { file: string; commit: string }) =>
      `Cannot check the policy ${p.file}: this clone lacks the recorded commit ${p.commit} (a shallow clone?). Fetch the whole history: git fetch --unshallow (in GitHub Actions, actions/checkout with fetch-depth: 0).`,
  },
  POLICY_NOT_AT_COMMIT: {
    zh: (p: { file: string; commit: string; recorded: string; found: string | null }) =>
      `manifest 记录策略 ${p.file} 的 sha256 为 ${short(p.recorded)},但提交 ${short(p.commit)} 中${p.found === null ? '没有这个文件' : `该文件的 sha256 为 ${short(p.found)}`}。manifest 记录的来源不可信;请从 git 恢复 manifest。`,
    en: (p: { file: string; commit: string; recorded: string; found: string | null }) =>
      `The manifest records the policy ${p.file} with sha256 ${short(p.recorded)}, but commit ${short(p.commit)} ${p.found === null ? 'does not hold that file' : `holds it with sha256 ${short(p.found)}`}. The recorded provenance cannot be trusted; restore the manifest from git.`,
  },
  POLICY_NO_COMMIT: {
    zh: (p: { file: string }) =>
      `manifest 没有记录策略 ${p.file} 的 git 提交,无法证明所用策略的内容。只能从当前文件复核;建议用 --supersede 重新发布该期间。`,
    en: (p: { file: string }) =>
      `The manifest records no git commit for the policy ${p.file}, so the policy used cannot be proven. Re-publish the period with --supersede.`,
  },
  SUPERSEDE_CHAIN_BROKEN: {
    zh: (p: { publication: string; named: string; expected: string }) =>
      `替换记录断了:${p.publication} 记录它替换的是 ${p.named},按 superseded/ 中现有的发布应为 ${p.expected}。请从 git 恢复 superseded/ 中的发布和 manifest。`,
    en: (p: { publication: string; named: string; expected: string }) =>
      `The supersede history is broken: ${p.publication} says it replaced ${p.named}; by the publications in superseded/ it should be ${p.expected}. Restore superseded/ and the manifests from git.`,
  },
  DATA_DIR_MISSING: {
    zh: (p: { dir: string }) =>
      `记录的数据目录 ${p.dir} 不存在,且存档中没有该发布的全部输入。请恢复数据目录,或用 --archive 指定发布时的存档。`,
    en: (p: { dir: string }) =>
      `The recorded data folder ${p.dir} does not exist and no archive holds every input of the publication. Restore the folder, or name the archive made at publication with --archive.`,
  },
  INPUT_CHANGED: {
    zh: (p: { file: string; recorded: string; current: string }) =>
      `输入文件 ${p.file} 在发布后改变了:记录的 sha256 为 ${short(p.recorded)},现在是 ${short(p.current)}。`,
    en: (p: { file: string; recorded: string; current: string }) =>
      `The input file ${p.file} changed since publication: recorded sha256 ${short(p.recorded)}, now ${short(p.current)}.`,
  },
  INPUT_GONE: {
    zh: (p: { file: string; recorded: string }) =>
      `输入文件 ${p.file}(记录的 sha256 为 ${short(p.recorded)})已不存在。`,
    en: (p: { file: string; recorded: string }) =>
      `The input file ${p.file} (recorded sha256 ${short(p.recorded)}) no longer exists.`,
  },
  INPUT_ADDED: {
    zh: (p: { file: string; current: string }) =>
      `数据目录中多了发布时没有的输入文件 ${p.file}(sha256 ${short(p.current)})。`,
    en: (p: { file: string; current: string }) =>
      `The data folder now has an input file ${p.file} (sha256 ${short(p.current)}) that the publication did not read.`,
  },
  INPUT_CHANGE_EFFECT: {
    zh: (p: InputChangeEffect) =>
      `${
        p.agents === 0
          ? '用现在的数据重新计算,没有任何客服的分数、等级或排名改变。'
          : `用现在的数据重新计算,有 ${p.agents} 名客服的结果改变(${p.ids}),${p.graded === 0 ? '但没有客服的总分、等级、排名或参评状态改变(只是指标值、得分等)' : `其中 ${p.graded} 名的总分、等级、排名或参评状态改变(${p.gradedIds})`}。`
      }${
        p.superseded
          ? '这是被替换的早先发布,现行的发布不受影响;要让早先的发布也能逐字节复核,请从现在起用 --archive 发布(verify --all 默认读取 .scorebook/archive)。'
          : p.agents === 0
            ? '若要让该发布继续可复核,请在发布时使用 --archive,或用 --supersede 重新发布。'
            : '若数据是更正,请用 --supersede --reason 重新发布该期间。'
      }`,
    en: (p: InputChangeEffect) =>
      `${
        p.agents === 0
          ? 'Recomputed with the data as it is now, no agent’s score, grade or rank changes.'
          : `Recomputed with the data as it is now, ${p.agents} ${p.agents === 1 ? 'agent’s results change' : 'agents’ results change'} (${p.ids}); ${p.graded === 0 ? 'no agent’s total, grade, rank or rating status changes (only metric values, scores and the like)' : `the total, grade, rank or rating status of ${p.graded} of them change (${p.gradedIds})`}.`
      } ${
        p.superseded
          ? 'This is an earlier publication, superseded; the one in force is not affected. To keep earlier publications verifiable byte for byte, publish with --archive from now on (verify --all reads .scorebook/archive by default).'
          : p.agents === 0
            ? 'To keep the publication verifiable, publish with --archive, or re-publish it with --supersede.'
            : 'If the data was corrected, re-publish the period with --supersede --reason.'
      }`,
  },
  MONTH_SUPERSEDED: {
    zh: (p: { period: string; month: string; recorded: string; current: string }) =>
      `${p.period} 由各月成绩平均而来,记录的 ${p.month} results.json sha256 为 ${short(p.recorded)},而 ${p.month} 现行的发布是 ${short(p.current)}(该月发布后被替换):${p.period} 的成绩不再是现行各月的平均。请用 --supersede 重新发布 ${p.period}。`,
    en: (p: { period: string; month: string; recorded: string; current: string }) =>
      `${p.period} averages its months' scores and records ${p.month}'s results.json sha256 ${short(p.recorded)}, but the ${p.month} publication in force is ${short(p.current)} (the month was superseded since): ${p.period}'s scores are no longer the mean of the months in force. Re-publish ${p.period} with --supersede.`,
  },
  RESULTS_DIFFER: {
    zh: (p: { files: string; detail: string }) =>
      `输入与发布时相同,但重新计算的 ${p.files} 与已发布的不一致${p.detail ? `:${p.detail}` : ''}。`,
    en: (p: { files: string; detail: string }) =>
      `The inputs are those of the publication, yet the recomputed ${p.files} differ from the published ones${p.detail ? `: ${p.detail}` : ''}.`,
  },
  ENGINE_VERSION_SAME_BYTES: {
    zh: (p: { recorded: string; current: string }) =>
      `发布时的引擎版本为 ${p.recorded},现在是 ${p.current}:用现在的引擎重新计算,结果逐字节相同,已复核。`,
    en: (p: { recorded: string; current: string }) =>
      `The publication was made by engine ${p.recorded}, this is ${p.current}: recomputed with this engine, the results are byte-identical: verified.`,
  },
  ENGINE_VERSION_CHANGED: {
    zh: (p: { recorded: string; current: string; commit: string }) =>
      `发布时的引擎版本为 ${p.recorded},现在是 ${p.current}:记录的一切(manifest、文件哈希、策略、输入)已核对,用现在的引擎重新计算的结果与发布的不同(或无法重新计算),而结果只能由同一版本的引擎逐字节重算。用发布时的代码复核:git worktree add ../scorebook-${p.recorded} ${p.commit} && cd ../scorebook-${p.recorded} && npm ci && npx scorebook verify --all。`,
    en: (p: { recorded: string; current: string; commit: string }) =>
      `The publication was made by engine ${p.recorded}, this is ${p.current}: everything recorded (manifest, file hashes, policy, inputs) was checked; recomputed with this engine the results differ (or could not be recomputed), and only the same engine can recompute them byte for byte. Verify with the code it was published with: git worktree add ../scorebook-${p.recorded} ${p.commit} && cd ../scorebook-${p.recorded} && npm ci && npx scorebook verify --all.`,
  },
  RECOMPUTE_FAILED: {
    zh: (p: { codes: string }) => `用记录的策略和输入重新计算失败(${p.codes})。`,
    en: (p: { codes: string }) => `Recomputing with the recorded policy and inputs failed (${p.codes}).`,
  },
  PUBLISH_INTERRUPTED: {
    zh: (p: { period: string; aside: string; target: string }) =>
      `期间 ${p.period} 的一次发布被中断:原发布完整地保存在 ${p.aside}。再次运行 publish 会自动放回;也可以手动放回:mv ${p.aside} ${p.target}`,
    en: (p: { period: string; aside: string; target: string }) =>
      `A publish of ${p.period} was interrupted: the earlier publication is whole in ${p.aside}. Running publish again puts it back; or move it back by hand: mv ${p.aside} ${p.target}`,
  },
  POLICY_EDITED_AFTER_PUBLICATION: {
    zh: (p: { periods: string }) =>
      `这个版本文件在发布 ${p.periods} 之后被修改了。已发布的结果不变(复核读取发布时提交中的文件),但重新评估、impact 或 supersede ${p.periods} 会用修改后的规则。新规则请写成新版本文件(新的 effective_from),并用 git checkout 恢复此文件;若是更正,修改后用 publish --period <期间> --supersede --reason "…" 重新发布。`,
    en: (p: { periods: string }) =>
      `This version file was edited after it governed the publication of ${p.periods}. The published results stand (verify reads the file at the recorded commit), but re-evaluating, an impact or a supersede of ${p.periods} would use the edited rules. Put new rules in a new version file (a new effective_from) and restore this one with git checkout; for a correction, republish with publish --period <period> --supersede --reason "…".`,
  },
  PUBLISH_UNMAPPED_VALUES: {
    zh: (p: { field: string; rows: number; first: string; firstZh: string }) =>
      `${p.rows} 行因 ${p.field} 的值不在 source.yaml 的 map 中被拒绝,不能发布:缺一个取值会整类地丢掉记录(例如所有红线、所有一星评价)。请把这些值加进 map(不计的值写 null),再发布。第一行:${p.firstZh}`,
    en: (p: { field: string; rows: number; first: string; firstZh: string }) =>
      `${p.rows} rows were rejected because their ${p.field} is not in source.yaml's map, so the period is not published: a value missing from a map drops a whole kind of record (every red line, every one-star survey). Add the values to the map (null for one to read as missing), then publish. The first row: ${p.first}`,
  },
  PUBLISH_LOCK_STALE: {
    zh: (p: { period: string; holder: Bilingual; lock: string; published: boolean }) =>
      `期间 ${p.period} 的锁文件是一个已不在运行的发布留下的(${p.holder.zh}),那次发布多半被中断了;${p.published ? '已发布的内容见本行' : `${p.period} 还没有任何发布`}。下一次发布 ${p.period} 时加 --break-stale-lock 即可收回它(只在它仍是这个失效的锁时才删除),或确认后手动删除:rm ${p.lock}`,
    en: (p: { period: string; holder: Bilingual; lock: string; published: boolean }) =>
      `The lock of ${p.period} was left by a publish that no longer runs (${p.holder.en}); it was most likely interrupted, and ${p.published ? 'this row shows what is published' : `nothing of ${p.period} is published`}. Publish ${p.period} again with --break-stale-lock to take it over (it is removed only while it is still this stale lock), or remove it by hand: rm ${p.lock}`,
  },
  PUBLISH_LEFTOVER: {
    zh: (p: { period: string; path: string; published: boolean }) =>
      `期间 ${p.period} 旁边有一次被中断的发布留下的暂存目录 ${p.path}:${p.published ? '已发布的内容见本行,不受影响' : `${p.period} 还没有任何发布,这不是发布`}。下一次发布 ${p.period} 会收拾它;也可以确认后删除:rm -r ${p.path}`,
    en: (p: { period: string; path: string; published: boolean }) =>
      `Beside ${p.period} is the staging folder an interrupted publish left, ${p.path}: ${p.published ? "what is published is this row's and is not affected" : `nothing of ${p.period} is published, and this is no publication`}. The next publish of ${p.period} tidies it; or remove it once checked: rm -r ${p.path}`,
  },
  PUBLICATION_NOT_COMMITTED: {
    zh: (p: { period: string; count: number; files: string; dir: string }) =>
      `期间 ${p.period} 的发布有 ${p.count} 个文件还没有提交到 git(${p.files}):这里复核通过,但别人的检出里是上一次提交的内容。请提交:git add ${p.dir} && git commit`,
    en: (p: { period: string; count: number; files: string; dir: string }) =>
      `${p.count} files of the publication of ${p.period} are not committed to git (${p.files}): it verifies here, but a fresh clone has what was last committed. Commit it: git add ${p.dir} && git commit`,
  },
  PUBLISH_LOCK_VANISHED: {
    zh: (p: { period: string; lock: string }) =>
      `期间 ${p.period} 的锁 ${p.lock} 两次都在读出持有者之前消失了:另一个发布刚刚开始又结束。没有写出任何内容;确认没有别的发布在运行后,再运行一次。`,
    en: (p: { period: string; lock: string }) =>
      `The lock ${p.lock} of ${p.period} vanished twice before its holder could be read: another publish had just started and ended. Nothing was written; once no other publish runs, run this one again.`,
  },
  PUBLISH_IN_PROGRESS: {
    zh: (p: { period: string; holder: Bilingual; lock: string }) =>
      `期间 ${p.period} 正在被发布(${p.holder.zh},锁文件 ${p.lock}):本行复核的是发布完成之前的内容,发布结束后请再复核一次。`,
    en: (p: { period: string; holder: Bilingual; lock: string }) =>
      `${p.period} is being published (${p.holder.en}, lock ${p.lock}): this row verifies what was there before that publish ends; verify again once it has.`,
  },
  // impact
  BASE_REF_UNKNOWN: {
    zh: (p: { ref: string }) => `git 中找不到 ${p.ref}。请给出分支、标签或提交,例如 --base main。`,
    en: (p: { ref: string }) => `git does not know ${p.ref}. Give a branch, tag or commit, e.g. --base main.`,
  },
  POLICY_GOVERNED_NO_PERIOD_HERE: {
    zh: (p: { policy: string; results: string; others: string; last: string }) =>
      `策略 ${p.policy} 没有考核过 ${p.results} 中的任何期间(那里的期间是按策略 ${p.others} 发布的,可能是另一个团队的):在它们上面算出的等级变化不属于你的客服。如果你的发布在别的文件夹,请加 --results <文件夹>;如果确实要在别的策略的期间上试算,请用 --period 指定,例如 --period ${p.last}(结果会标为假设)。`,
    en: (p: { policy: string; results: string; others: string; last: string }) =>
      `The policy ${p.policy} governed none of the periods in ${p.results} (they were published under ${p.others}, perhaps another team's): grade changes computed on them are not your agents'. If your publications are in another folder, add --results <folder>; to try the policy on another policy's period anyway, name it with --period, e.g. --period ${p.last} (every figure is then labelled hypothetical).`,
  },
  NO_CLOSED_PERIOD: {
    zh: () => '还没有已发布(关闭)的月份;请用 --period 指定期间并用 --data 指定数据。',
    en: () => 'No closed month has been published yet; name one with --period and the data with --data.',
  },
  PERIOD_NEEDS_DATA: {
    zh: (p: { period: string }) => `期间 ${p.period} 未发布,请用 --data 指定数据目录。`,
    en: (p: { period: string }) => `Period ${p.period} is not published; name the data folder with --data.`,
  },
  NO_POLICY_ON_EITHER_SIDE: {
    zh: (p: { dir: string; ref: string }) => `${p.ref} 和工作区中都没有策略文件夹 ${p.dir} 的版本。`,
    en: (p: { dir: string; ref: string }) =>
      `Neither ${p.ref} nor the working tree has a version in the policy folder ${p.dir}.`,
  },
  // policy tests
  TEST_NO_EXPECTATION: {
    zh: (p: { name: string }) =>
      `测试 "${p.name}" 没有任何预期(expect 为空或只写了客服编号),它永远不会失败。请写出该客服应有的等级、状态、指标值等。`,
    en: (p: { name: string }) =>
      `The test "${p.name}" expects nothing (expect is empty, or names agents only), so it can never fail. Say what each agent must show: grade, status, metric values…`,
  },
  TEST_UNKNOWN_VERSION: {
    zh: (p: { version: string; known: string }) => `策略中没有版本 "${p.version}"。已有版本:${p.known}。`,
    en: (p: { version: string; known: string }) =>
      `The policy has no version "${p.version}". Its versions: ${p.known}.`,
  },
  TEST_VERSION_NOT_IN_FORCE: {
    zh: (p: { version: string; period: string; inForce: string }) =>
      `测试指定版本 "${p.version}",但期间 ${p.period} 生效的是 "${p.inForce}"。请改 period,或去掉 version 让测试针对生效的版本。`,
    en: (p: { version: string; period: string; inForce: string }) =>
      `The test names version "${p.version}", but "${p.inForce}" is in force for ${p.period}. Change the period, or drop version to test the version in force.`,
  },
  TEST_NO_PERIOD: {
    zh: () => '测试没有期间:请在文件顶层或测试中写 period,或写 version(用该版本生效的第一个月)。',
    en: () =>
      'The test has no period: give period at the top of the file or in the test, or version (its first month is used).',
  },
  TEST_AGENT_MISSING: {
    zh: (p: { agent: string }) => `结果中没有客服 ${p.agent}。请检查 agent 编号和测试数据中的 agents 表。`,
    en: (p: { agent: string }) =>
      `The agent ${p.agent} is not in the results. Check the agent id and the agents table of the test data.`,
  },
  TEST_UNKNOWN_NAME: {
    zh: (p: { kind: string; name: string; hint: string | null; known: string }) =>
      `策略中没有 ${KIND_ZH[p.kind] ?? p.kind} "${p.name}"${p.hint === null ? '' : `,是否想写 "${p.hint}"`}?(已有:${p.known})`,
    en: (p: { kind: string; name: string; hint: string | null; known: string }) =>
      `The policy has no ${p.kind} "${p.name}"${p.hint === null ? '' : `: did you mean "${p.hint}"`}? (it has: ${p.known})`,
  },
  TEST_EXPECTATION_FAILED: {
    zh: (p: { agent: string; field: string; expected: string; actual: string }) =>
      `${p.agent} ${p.field}:预期 ${p.expected},实际 ${p.actual}`,
    en: (p: { agent: string; field: string; expected: string; actual: string }) =>
      `${p.agent} ${p.field}: expected ${p.expected}, got ${p.actual}`,
  },
  TEST_POLICY_INVALID: {
    zh: (p: { dir: string; problems: number; testFiles: number }) =>
      `策略文件夹 ${p.dir} 有 ${p.problems} 个问题(见下),${p.testFiles} 个测试文件都没有运行:先修正策略,可用 scorebook validate ${p.dir} 检查`,
    en: (p: { dir: string; problems: number; testFiles: number }) =>
      `The policy folder ${p.dir} has ${p.problems} problem(s) (below), so none of its ${p.testFiles} test file(s) ran: fix the policy first; scorebook validate ${p.dir} checks it`,
  },
  TEST_RUN_FAILED: {
    zh: (p: { detail: string }) => `评估失败:${p.detail}`,
    en: (p: { detail: string }) => `The evaluation failed: ${p.detail}`,
  },
});

/** A permanent code of a governance problem. */
export type GovernanceCode = keyof typeof GOVERNANCE_ERRORS;

/** The message of a governance code. */
export function governanceMessage<K extends GovernanceCode>(
  code: K,
  ...args: ArgsOf<(typeof GOVERNANCE_ERRORS)[K]>
): Bilingual {
  return messageOf(GOVERNANCE_ERRORS, code, ...args);
}

/** A governance problem about a file (or nothing in particular), without a line. */
export function governanceProblem<K extends GovernanceCode>(
  code: K,
  file: string | null,
  ...args: ArgsOf<(typeof GOVERNANCE_ERRORS)[K]>
): Problem {
  return problemOf(code, 'error', file, messageOf(GOVERNANCE_ERRORS, code, ...args));
}

/** A problem with the given severity. */
export function problemOf(
  code: string,
  severity: Severity,
  file: string | null,
  message: Bilingual,
): Problem {
  return { code, severity, message, file, line: null, column: null };
}

/** Stops the command with one governance problem. */
export function governanceStop<K extends GovernanceCode>(
  kind: StopKind,
  code: K,
  file: string | null,
  ...args: ArgsOf<(typeof GOVERNANCE_ERRORS)[K]>
): ScorebookError {
  return new ScorebookError(kind, [
    problemOf(code, 'error', file, messageOf(GOVERNANCE_ERRORS, code, ...args)),
  ]);
}
