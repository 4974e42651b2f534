import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { inspectData } from '@scorebook/engine';
import { type Bilingual, messageOf, type Problem, ScorebookError } from '@scorebook/problems';
import { draftSourceFor, draftTodoLines, SOURCE_FILE_NAME } from '@scorebook/source';
import { maxRejectedOption, parseCommandArgs, periodOption } from '../args.ts';
import { CLI_ERRORS, EXIT, usageError } from '../cli-error.ts';
import { type Lang, langOption, pickLang } from '../lang.ts';
import { progressReporter } from '../output/progress.ts';
import { formatRunProblems } from '../output/run-problems.ts';
import { commandHint, REPOSITORY } from '../repository.ts';
import { say } from '../text.ts';
import { draftRoles } from './draft-roles.ts';
import { draftPolicyFolders, draftTimezone } from './draft-timezone.ts';
import type { CommandIo } from './io.ts';

export const SOURCE_HELP: Bilingual = {
  zh: `scorebook source init <data-dir> [--out <file>] [--policies <dir>] [--lang zh|en]
scorebook source check <data-dir> [--source <file>] [--period <P>] [--timezone <IANA>]
                       [--max-rejected 1%|<rows>] [--lang zh|en]

init:读取每个文件的表头和前几行,写出 source.yaml 草稿(默认 <data-dir>/source.yaml,已存在时不覆盖):
每个文件归入最匹配的表,列按中英文同义词对照,检测编码、表头行和时间格式,枚举字段的取值连同计数写成待补全的 map。
timezone 与 role 的 map 取自 --policies 的策略(不给时:当前目录的 configs/policies 下唯一的策略文件夹,
或全部文件夹共同的时区;从不读取 Scorebook 自带的示例策略);无从确定时保留为注释,并写明原因。

check:按数据来源(<data-dir>/source.yaml 或 --source)读取全部文件,不需要策略:每张表的文件、行数、被拒绝的行
(按原因,附例子)、时间范围、每个字段来自哪一列、其他列、映射字段的取值计数。评估会失败时退出码 1。
`,
  en: `scorebook source init <data-dir> [--out <file>] [--policies <dir>] [--lang zh|en]
scorebook source check <data-dir> [--source <file>] [--period <P>] [--timezone <IANA>]
                       [--max-rejected 1%|<rows>] [--lang zh|en]

init reads the headers and first rows of every file and writes a draft source.yaml (by default
<data-dir>/source.yaml; never over an existing file): files assigned to tables, columns matched by
Chinese and English synonyms, encodings, header rows and time formats detected, and the values of
enumerated fields with their counts as maps to complete. The timezone and the role map come from
--policies (without it: the only policy folder of configs/policies in the current directory, or the
timezone all of them share; never Scorebook's own sample policies); when none can be told, it stays
a comment with a line saying why.

check reads every file through the source (<data-dir>/source.yaml or --source) without a policy and
prints, per table: files, rows, rejected rows by reason with examples, the date range, each field's
column, the other columns, and the value counts of mapped fields. Exit 1 when a run would fail.
`,
};

const VALUES_SHOWN = 12;

/** `scorebook source check`: what a run would read, table by table and field by field. */
export async function runSource(argv: string[], io: CommandIo): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || argv.includes('--help') || argv.includes('-h')) {
    io.out(SOURCE_HELP[pickLang(langOption(argv))]);
    return verb === undefined ? EXIT.usage : EXIT.ok;
  }
  if (verb === 'check') return check(rest, io);
  if (verb === 'init') return init(rest, io);
  throw usageError('SOURCE_UNKNOWN_VERB', { verb });
}

async function init(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('source init', argv, {
    out: { type: 'string' },
    policies: { type: 'string' },
  });
  if (values.help) {
    io.out(SOURCE_HELP[pickLang(values.lang)]);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw usageError('SOURCE_ONE_FOLDER', { verb: 'init' });
  const lang = pickLang(values.lang);
  const dataDir = positionals[0]!;
  const out = values.out ?? join(dataDir, SOURCE_FILE_NAME);
  if (existsSync(out)) throw new ScorebookError('refused', [initProblem('SOURCE_EXISTS', out)]);
  // The draft's `$schema` comment names the published schema relative to the draft.
  const schema = relative(dirname(resolve(out)), REPOSITORY.sourceSchema)
    .split(sep)
    .join('/');
  const policies = {
    ...(values.policies === undefined ? {} : { policies: values.policies }),
    // The user's own repository, where the command is run: never the Scorebook checkout's sample
    // policies, whose roles and timezone are not the company's (a run outside the checkout found them).
    policiesRoot: resolve('configs', 'policies'),
    cwd: process.cwd(),
  };
  // The policy folders are loaded once for the timezone and the roles.
  const folders = draftPolicyFolders(policies);
  const text = await draftSourceFor(dataDir, {
    schema,
    timezone: draftTimezone(policies, folders),
    roles: draftRoles(policies, folders),
  });
  try {
    // `wx`: never over a file that appeared meanwhile.
    writeFileSync(out, text, { flag: 'wx' });
  } catch (error) {
    throw new ScorebookError('refused', [
      initProblem('SOURCE_EXISTS', out, (error as NodeJS.ErrnoException).code),
    ]);
  }
  const todos = draftTodoLines(text);
  io.err(`${say(lang, 'INIT_WROTE', { file: out, todos, dir: dataDir, command: commandHint() })}\n`);
  // Said on the terminal too: the notes in the draft are easily missed.
  if (folders.length === 0 && values.policies === undefined)
    io.err(
      `${say(lang, 'INIT_NO_POLICY_FOLDER', { root: relative(process.cwd(), policies.policiesRoot) })}\n`,
    );
  return EXIT.ok;
}

function initProblem(code: 'SOURCE_EXISTS', file: string, reason?: string): Problem {
  return {
    code,
    severity: 'error',
    message: messageOf(CLI_ERRORS, code, { file, reason: reason ?? 'EEXIST' }),
    file,
    line: null,
    column: null,
  };
}

async function check(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('source check', argv, {
    source: { type: 'string' },
    period: { type: 'string' },
    timezone: { type: 'string' },
    'max-rejected': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (values.help) {
    io.out(SOURCE_HELP[pickLang(values.lang)]);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw usageError('SOURCE_ONE_FOLDER', { verb: 'check' });
  const lang = pickLang(values.lang);
  const period = values.period === undefined ? null : periodOption(values.period);
  const maxRejected = maxRejectedOption(values['max-rejected']);
  const inspection = await inspectData({
    dataDir: positionals[0]!,
    sourceFile: values.source ?? null,
    period,
    timezone: values.timezone ?? null,
    onProgress: progressReporter(io, lang, values.quiet === true),
    ...(maxRejected ? { maxRejected } : {}),
  });
  io.out(render(inspection, lang));
  if (inspection.problems.length > 0) {
    io.err(formatRunProblems(inspection.problems, lang));
    io.out(`${say(lang, 'CHECK_FAILED')}\n`);
    return EXIT.failed;
  }
  io.out(`${say(lang, 'CHECK_OK')}\n`);
  return EXIT.ok;
}

function render(inspection: Awaited<ReturnType<typeof inspectData>>, lang: Lang): string {
  const { source } = inspection;
  const lines: string[] = [];
  lines.push(
    source.file === null
      ? say(lang, 'CHECK_NO_SOURCE')
      : say(lang, 'SOURCE_USED', { path: source.file, id: source.id ?? '' }),
  );
  lines.push(say(lang, 'CHECK_TIMEZONE', { timezone: inspection.timezone, given: inspection.timezoneGiven }));
  for (const w of inspection.warnings) lines.push(say(lang, 'WARNING', { text: w.message[lang] }));
  for (const t of inspection.tables) {
    lines.push(say(lang, 'CHECK_TABLE', { table: t.table }));
    if (t.files.length === 0) {
      lines.push(say(lang, 'CHECK_ABSENT'));
      continue;
    }
    const names = t.files.map((f) => `${f.name} (${f.format})`);
    // A folder of daily files: the first and the last, and how many.
    const list =
      names.length > 3
        ? say(lang, 'CHECK_FILES_RANGE', {
            first: names[0] ?? '',
            last: names[names.length - 1] ?? '',
            count: names.length,
          })
        : names.join(', ');
    lines.push(say(lang, 'CHECK_FILES', { list }));
    const inPeriod =
      inspection.period === null
        ? ''
        : say(lang, 'CHECK_IN_PERIOD', { n: t.inPeriod, period: inspection.period.id });
    lines.push(
      say(lang, 'CHECK_ROWS', {
        rows: t.rows,
        rejected: t.rejected,
        inPeriod,
        range: t.range === null ? '' : `${t.range.first} – ${t.range.last}`,
      }),
    );
    lines.push(say(lang, 'CHECK_FIELDS'));
    for (const f of t.fields) lines.push(say(lang, 'CHECK_FIELD', f));
    if (t.extras.length > 0) lines.push(say(lang, 'CHECK_EXTRAS', { list: t.extras.join(', ') }));
    for (const v of t.values) {
      if (v.counts.length === 0) continue;
      const shown = v.counts.slice(0, VALUES_SHOWN).map(([value, n]) => `${value} ${n}`);
      if (v.counts.length > VALUES_SHOWN) shown.push(`… (${v.counts.length - VALUES_SHOWN})`);
      lines.push(say(lang, 'CHECK_VALUES', { field: v.field, list: shown.join(' · ') }));
    }
    for (const g of t.byCode) {
      lines.push(say(lang, 'CHECK_REJECTED', { code: g.code, n: g.count }));
      for (const r of g.examples)
        lines.push(`    ${r.file}:${r.line}${r.field ? ` [${r.field}]` : ''} ${r.message[lang]}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
