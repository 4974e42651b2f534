import { statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  diffPolicies,
  loadPolicyFile,
  type PolicyCheckOptions,
  renderDiffMarkdown,
  renderDiffText,
  sharedFolder,
} from '@scorebook/policy';
import { type Bilingual, hasErrors } from '@scorebook/problems';
import { oneOf, parseCommandArgs } from '../args.ts';
import { EXIT, usageError } from '../cli-error.ts';
import { pickLang } from '../lang.ts';
import { formatProblemsHuman } from '../output/problems.ts';
import { say } from '../text.ts';
import type { CommandIo } from './io.ts';

export const DIFF_HELP: Bilingual = {
  zh: `scorebook diff <old.yaml> <new.yaml> [--shared-old <dir>] [--shared-new <dir>] [--format human|markdown|json] [--lang zh|en]

比较两个策略版本在含义上的差异(指标、权重、目标、底线、分档、剔除、否决、等级……);注释、键顺序、引号等不影响结果。

  --shared-old <dir>  旧版本的 $shared 引用从此文件夹读取(默认:文件旁的 configs/shared)
  --shared-new <dir>  新版本的 $shared 引用从此文件夹读取(同上)
`,
  en: `scorebook diff <old.yaml> <new.yaml> [--shared-old <dir>] [--shared-new <dir>] [--format human|markdown|json] [--lang zh|en]

Shows the difference in meaning between two policy versions (metrics, weights, targets, floors,
bands, exclusions, vetoes, grades…); comments, key order and quoting make none.

  --shared-old <dir>  where the old version's $shared references are read from (default: the shared folder beside it)
  --shared-new <dir>  the same for the new version
`,
};

/** How one side of a diff resolves its references: the folder given by `option`, else the default. */
function sharedOption(option: 'shared-old' | 'shared-new', dir: string | undefined): PolicyCheckOptions {
  if (dir === undefined) return {};
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    throw usageError('DIFF_SHARED_NOT_FOLDER', { option, dir });
  return { shared: sharedFolder(dir) };
}

/**
 * `scorebook diff`: the meaning-level difference of two policy versions, each resolved against its
 * shared folder (`--shared-old`/`--shared-new`, else the one beside the file; docs/shared.md).
 */
export function runDiff(argv: string[], io: CommandIo): number {
  const { values, positionals } = parseCommandArgs('diff', argv, {
    format: { type: 'string' },
    'shared-old': { type: 'string' },
    'shared-new': { type: 'string' },
  });
  if (values.help) {
    io.out(DIFF_HELP[pickLang(values.lang)]);
    return EXIT.ok;
  }
  const lang = pickLang(values.lang);
  const format = oneOf(values.format, ['human', 'markdown', 'json'] as const, 'human', 'format');
  if (positionals.length !== 2) throw usageError('DIFF_TWO_FILES');
  const [oldFile, newFile] = positionals as [string, string];
  const before = loadPolicyFile(oldFile, sharedOption('shared-old', values['shared-old']));
  const after = loadPolicyFile(newFile, sharedOption('shared-new', values['shared-new']));
  const problems = [...before.problems, ...after.problems].filter((p) => p.severity === 'error');
  if (hasErrors(problems) || before.policy === null || after.policy === null) {
    io.err(formatProblemsHuman(problems, lang, io.color));
    io.err(`${say(lang, 'DIFF_INVALID')}\n`);
    return EXIT.failed;
  }
  const changes = diffPolicies(before.policy, after.policy);
  const title = say(lang, 'DIFF_TITLE', {
    policy: after.policy.id,
    before: before.policy.version,
    beforeFile: basename(oldFile),
    after: after.policy.version,
    afterFile: basename(newFile),
    changes: changes.length,
  });
  if (format === 'json') {
    io.out(
      `${JSON.stringify({ before: { file: oldFile, version: before.policy.version, sha256: before.policy.sha256 }, after: { file: newFile, version: after.policy.version, sha256: after.policy.sha256 }, changes }, null, 2)}\n`,
    );
  } else if (format === 'markdown') io.out(renderDiffMarkdown(changes, lang, title));
  else io.out(renderDiffText(changes, lang, title));
  return EXIT.ok;
}
