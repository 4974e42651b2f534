import { existsSync, statSync } from 'node:fs';
import { editedPublishedPolicies } from '@scorebook/governance';
import { loadPolicyFamily, loadPolicyFile } from '@scorebook/policy';
import { hasErrors, type SourceProblem as Problem } from '@scorebook/problems';
import { oneOf, parseCommandArgs } from '../args.ts';
import { EXIT, usageError } from '../cli-error.ts';
import { pickLang } from '../lang.ts';
import { formatProblemsGithub, formatProblemsHuman, formatProblemsJson } from '../output/problems.ts';
import { REPOSITORY } from '../repository.ts';
import { say } from '../text.ts';
import type { CommandIo } from './io.ts';

export const VALIDATE_HELP = `scorebook validate <policy-dir | policy.yaml>... [--results <dir>] [--format human|json|github] [--lang zh|en]

校验策略文件夹中的每个版本(语法、结构、含义、版本族)。全部通过时退出码 0,否则 1。曾用于已发布期间
(--results,默认 data/results)而之后被修改的版本文件给出警告。
Validates every version in each policy folder (syntax, schema, meaning, family); exit 0 when valid,
1 otherwise. A version file edited after it governed a published period (under --results, default
data/results) gets a warning.
  --format human   代码片段与插入符 / a code frame with a caret (default)
  --format json    JSON 数组 / a JSON array of problems
  --format github  GitHub Actions 注解 / workflow annotations for pull requests
`;

/** `scorebook validate`: checks policy folders and prints every problem. */
export function runValidate(argv: string[], io: CommandIo): number {
  const { values, positionals } = parseCommandArgs('validate', argv, {
    format: { type: 'string' },
    results: { type: 'string' },
  });
  if (values.help) {
    io.out(VALIDATE_HELP);
    return EXIT.ok;
  }
  const lang = pickLang(values.lang);
  const format = oneOf(values.format, ['human', 'json', 'github'] as const, 'human', 'format');
  if (positionals.length === 0) throw usageError('VALIDATE_NO_FOLDER');
  const problems: Problem[] = [];
  const files: string[] = [];
  let versions = 0;
  for (const path of positionals) {
    // A single file is checked alone; a folder also as a family of versions.
    if (/\.ya?ml$/.test(path) && existsSync(path) && statSync(path).isFile()) {
      problems.push(...loadPolicyFile(path).problems);
      files.push(path);
      versions++;
      continue;
    }
    const family = loadPolicyFamily(path);
    problems.push(...family.problems);
    files.push(...family.loaded.map((l) => l.file));
    versions += family.loaded.length;
  }
  problems.push(...editedPublishedPolicies(files, values.results ?? REPOSITORY.publishedResults));
  const failed = hasErrors(problems);
  if (format === 'json') io.out(formatProblemsJson(problems));
  else if (format === 'github') io.out(formatProblemsGithub(problems, lang));
  else {
    if (problems.length > 0) io.err(formatProblemsHuman(problems, lang, io.color));
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    const verdict = failed
      ? say(lang, 'VALIDATE_FAILED', { errors, warnings, versions })
      : say(lang, 'VALIDATE_OK', { folders: positionals.length, versions, warnings });
    io.err(`${verdict}\n`);
  }
  return failed ? EXIT.failed : EXIT.ok;
}
