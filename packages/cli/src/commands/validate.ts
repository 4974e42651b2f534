import { existsSync, statSync } from 'node:fs';
import type { FieldSpec } from '@scorebook/contract';
import { editedPublishedPolicies } from '@scorebook/governance';
import {
  loadPolicyFamily,
  loadPolicyFile,
  type PolicyCheckOptions,
  type SourceValueMap,
  type SourceValueMaps,
} from '@scorebook/policy';
import { type Bilingual, hasErrors, type SourceProblem as Problem } from '@scorebook/problems';
import { loadSourceFile, type TableSource } from '@scorebook/source';
import { oneOf, parseCommandArgs } from '../args.ts';
import { EXIT, usageError } from '../cli-error.ts';
import { pickLang } from '../lang.ts';
import { formatProblemsGithub, formatProblemsHuman, formatProblemsJson } from '../output/problems.ts';
import { say } from '../text.ts';
import type { CommandIo } from './io.ts';
import { checkAppealsAt } from './validate-appeals.ts';
import { checkSharedAt } from './validate-shared.ts';

export const VALIDATE_HELP: Bilingual = {
  zh: `scorebook validate <policy-dir | policy.yaml | appeals-dir | appeal.yaml | shared-dir>... [--source <source.yaml>]
                  [--results <dir>] [--format human|json|github] [--lang zh|en]

校验策略文件夹中的每个版本(语法、结构、含义、版本族)。全部通过时退出码 0,否则 1。曾用于已发布期间
(--results,默认 data/results)而之后被修改的版本文件给出警告。
申诉文件(期间文件夹中的 .yaml)、期间文件夹(configs/appeals/2026-10)或申诉文件夹(configs/appeals)
单独校验:每个文件的语法、结构和含义,一次给出全部问题。
共用定义文件夹(configs/shared)或其中的 .yaml 文件单独校验(docs/shared.md)。
  --format human   代码片段与插入符(默认)
  --format json    JSON 数组
  --format github  GitHub Actions 注解
  --source <file>  数据来源:其中声明了类型的额外列视为已知字段,条件按类型检查,不再警告;
                   条件把带 map 的字段与导出中的原始值(map 的键)或 map 之外的值比较时报错
`,
  en: `scorebook validate <policy-dir | policy.yaml | appeals-dir | appeal.yaml | shared-dir>... [--source <source.yaml>]
                  [--results <dir>] [--format human|json|github] [--lang zh|en]

Validates every version in each policy folder (syntax, schema, meaning, family); exit 0 when valid,
1 otherwise. A version file edited after it governed a published period (under --results, default
data/results) gets a warning.
Appeal files (a .yaml in a period folder), a period folder (configs/appeals/2026-10) or an appeals
folder (configs/appeals) are checked on their own: syntax, schema and meaning of every file at once.
A shared definitions folder (configs/shared) or a .yaml file in it is checked on its own (docs/shared.md).
  --format human   a code frame with a caret (default)
  --format json    a JSON array of problems
  --format github  GitHub Actions workflow annotations for pull requests
  --source <file>  a data source: the extra fields it declares with a type are known fields,
                   conditions on them are type-checked instead of warned about; a condition
                   comparing a field that has a map with the export's raw value (a key of the
                   map) or a value outside the map is an error
`,
};

/** `scorebook validate`: checks policy folders and prints every problem. */
export function runValidate(argv: string[], io: CommandIo): number {
  const { values, positionals } = parseCommandArgs('validate', argv, {
    format: { type: 'string' },
    source: { type: 'string' },
    results: { type: 'string' },
  });
  if (values.help) {
    io.out(VALIDATE_HELP[pickLang(values.lang)]);
    return EXIT.ok;
  }
  const lang = pickLang(values.lang);
  const format = oneOf(values.format, ['human', 'json', 'github'] as const, 'human', 'format');
  if (positionals.length === 0) throw usageError('VALIDATE_NO_FOLDER');
  const problems: Problem[] = [];
  const options = values.source === undefined ? {} : sourceOptions(values.source, problems);
  const files: string[] = [];
  let versions = 0;
  let appeals = 0;
  let shared = 0;
  for (const path of positionals) {
    const sharedFiles = checkSharedAt(path);
    if (sharedFiles !== null) {
      problems.push(...sharedFiles.problems);
      shared += sharedFiles.files;
      continue;
    }
    const checked = checkAppealsAt(path);
    if (checked !== null) {
      problems.push(...checked.problems);
      appeals += checked.files;
      continue;
    }
    // A single file is checked alone; a folder also as a family of versions.
    if (/\.ya?ml$/.test(path) && existsSync(path) && statSync(path).isFile()) {
      problems.push(...loadPolicyFile(path, options).problems);
      files.push(path);
      versions++;
      continue;
    }
    const family = loadPolicyFamily(path, options);
    problems.push(...family.problems);
    files.push(...family.loaded.map((l) => l.file));
    versions += family.loaded.length;
  }
  // Relative to where the command runs, as publish writes it: the user's own repository's periods,
  // never the Scorebook checkout's sample ones.
  problems.push(...editedPublishedPolicies(files, values.results ?? 'data/results'));
  const failed = hasErrors(problems);
  if (format === 'json') io.out(formatProblemsJson(problems));
  else if (format === 'github') io.out(formatProblemsGithub(problems, lang));
  else {
    if (problems.length > 0) io.err(formatProblemsHuman(problems, lang, io.color));
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    const policies =
      positionals.length -
      positionals.filter((p) => checkAppealsAt(p) !== null || checkSharedAt(p) !== null).length;
    // What was checked, each kind once: a folder of appeals or shared definitions is no policy version.
    const checked = [
      policies > 0 || appeals + shared === 0
        ? say(lang, 'VALIDATE_CHECKED_POLICIES', { folders: policies, versions })
        : null,
      appeals > 0 ? say(lang, 'VALIDATE_CHECKED_APPEALS', { files: appeals }) : null,
      shared > 0 ? say(lang, 'VALIDATE_CHECKED_SHARED', { files: shared }) : null,
    ]
      .filter((x): x is string => x !== null)
      .join(say(lang, 'VALIDATE_CHECKED_JOIN'));
    const verdict = failed
      ? say(lang, 'VALIDATE_FAILED', { errors, warnings, checked })
      : say(lang, 'VALIDATE_OK', { checked, warnings });
    io.err(`${verdict}\n`);
  }
  return failed ? EXIT.failed : EXIT.ok;
}

/**
 * The extra fields `--source` declares with a type, by table, its custom tables' fields and its
 * fields' value maps, for the policy checks; the source's own problems join the others (an
 * invalid source declares nothing).
 */
function sourceOptions(file: string, problems: Problem[]): PolicyCheckOptions {
  const loaded = loadSourceFile(file);
  problems.push(...loaded.problems);
  const extraFields: Record<string, Record<string, FieldSpec>> = {};
  for (const [table, t] of loaded.source?.tables ?? [])
    for (const f of t.fields)
      if (f.type !== null) extraFields[table] = { ...extraFields[table], [f.field]: { type: f.type } };
  // Metrics on custom tables are checked against the fields the source declares for them.
  const customTables = Object.fromEntries(
    [...(loaded.source?.custom ?? [])].map(([n, t]) => [n, t.spec.fields]),
  );
  const tables = [...(loaded.source?.tables ?? []), ...(loaded.source?.custom ?? [])];
  return { extraFields, customTables, valueMaps: valueMapsOf(tables) };
}

/**
 * The `map`s of a source's fields, by table and field, each with the place of its field: a
 * condition that compares a mapped field with the export's raw spelling never matches.
 */
function valueMapsOf(tables: ReadonlyArray<readonly [string, TableSource]>): SourceValueMaps {
  const maps: Record<string, Record<string, SourceValueMap>> = {};
  for (const [table, t] of tables)
    for (const f of t.fields) {
      if (f.map === null) continue;
      const at = `${f.source.file}:${f.source.line}:${f.source.column}`;
      maps[table] = { ...maps[table], [f.field]: { entries: [...f.map], at } };
    }
  return maps;
}
