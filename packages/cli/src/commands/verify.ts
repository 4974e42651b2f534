import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, RESULT_FILES, serializeEvaluation } from '@scorebook/engine';
import { isFailure, type VerifyStatus, verifyPublished } from '@scorebook/governance';
import { formatPlace } from '@scorebook/problems';
import { DATA_OPTIONS, dataOptions, parseCommandArgs, required } from '../args.ts';
import { EXIT, UsageError } from '../cli-error.ts';
import { type Lang, pickLang, t } from '../lang.ts';
import { jsonDifferences } from '../output/json-differences.ts';
import type { CommandIo } from './io.ts';

export const VERIFY_HELP = `scorebook verify --policies <dir> --data <dir> --results <dir> [--source <file>]
                [--allow-missing <table,…>] [--lang zh|en]
scorebook verify --all [--results data/results] [--archive <dir>] [--lang zh|en]

用记录的期间、策略和数据重新计算,与 <results>/results.json 等逐字节比较;完全一致时退出码 0,否则 1 并列出不同的客服和字段。
Recomputes a results directory from its policy and data and compares byte for byte; exit 0 only
when identical, otherwise 1 with the agents and fields that differ.
--all:复核全部已发布期间(包括 superseded/ 中早先的发布):manifest 本身、已发布文件的哈希、记录的 git
提交中的策略、输入文件,再重新计算逐字节比较;区分"输入在发布后改变了(哪个文件,记录的与现在的 sha256)"
和"结果不一致"。数据目录被更正后,--archive <dir>(默认 .scorebook/archive)中的输入存档仍可用于复核。
--all re-verifies every publication (superseded ones too): the manifest, the published files'
hashes, the policy at its recorded commit, the input files, then a byte-for-byte recomputation;
an input changed since publication is told apart from results that differ. --archive <dir>
(default .scorebook/archive) re-verifies from archived inputs after the data folder changed.
`;

/** `scorebook verify`: recompute and compare byte for byte. */
export async function runVerify(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('verify', argv, {
    policies: { type: 'string' },
    data: { type: 'string' },
    results: { type: 'string' },
    all: { type: 'boolean' },
    archive: { type: 'string' },
    ...DATA_OPTIONS,
  });
  if (values.help) {
    io.out(VERIFY_HELP);
    return EXIT.ok;
  }
  if (values.all)
    return verifyAll(values.results ?? 'data/results', values.archive, pickLang(values.lang), io);
  if (positionals.length > 0)
    throw new UsageError(`scorebook verify takes no positional arguments\n\n${VERIFY_HELP}`);
  const lang = pickLang(values.lang);
  const resultsDir = required(values, 'results', 'verify');
  const policiesDir = required(values, 'policies', 'verify');
  const dataDir = required(values, 'data', 'verify');
  const resultsFile = join(resultsDir, 'results.json');
  if (!existsSync(resultsFile)) {
    io.err(
      t(
        lang,
        `✗ ${resultsFile} 不存在。--results 应指向 evaluate 的输出目录。\n`,
        `✗ ${resultsFile} does not exist. --results names a folder evaluate wrote.\n`,
      ),
    );
    return EXIT.failed;
  }
  const recordedText = readFileSync(resultsFile, 'utf8');
  let period: string;
  try {
    period = (JSON.parse(recordedText) as { period: { id: string } }).period.id;
  } catch {
    io.err(
      t(
        lang,
        `✗ ${resultsFile} 不是有效的 results.json。\n`,
        `✗ ${resultsFile} is not a valid results.json.\n`,
      ),
    );
    return EXIT.failed;
  }
  const evaluation = await evaluate({ policiesDir, dataDir, period, ...dataOptions(values) });
  const fresh = serializeEvaluation(evaluation);
  let identical = true;
  for (const name of RESULT_FILES) {
    const path = join(resultsDir, name);
    const recorded = existsSync(path) ? readFileSync(path, 'utf8') : null;
    const recomputed = fresh.get(name)!;
    if (recorded === recomputed) {
      io.out(`✓ ${name} ${t(lang, '一致', 'identical')}\n`);
      continue;
    }
    identical = false;
    if (recorded === null) {
      io.out(`✗ ${name} ${t(lang, '缺失', 'missing')}\n`);
      continue;
    }
    io.out(`✗ ${name} ${t(lang, '不一致', 'differs')}\n`);
    for (const line of jsonDifferences(recorded, recomputed, lang, 50)) io.out(`  ${line}\n`);
  }
  io.out(
    identical
      ? t(
          lang,
          `✓ 期间 ${period} 已复核:重新计算的结果与记录逐字节一致。\n`,
          `✓ Period ${period} verified: the recomputed results are byte-identical.\n`,
        )
      : t(
          lang,
          `✗ 期间 ${period} 复核失败:记录的结果与重新计算的不一致。\n`,
          `✗ Period ${period} does not verify: the recorded results differ from a recomputation.\n`,
        ),
  );
  return identical ? EXIT.ok : EXIT.failed;
}

const STATUS_WORDS: Record<VerifyStatus, [string, string]> = {
  ok: ['ok', 'ok'],
  differs: ['differs 结果不一致', 'differs'],
  input_changed: ['input changed 输入已改变', 'input changed'],
  input_missing: ['input missing 输入缺失', 'input missing'],
  policy_unverified: ['policy unverified 策略无法核对', 'policy unverified'],
  files_changed: ['files changed 已发布文件被改动', 'files changed'],
  manifest_invalid: ['manifest invalid manifest 无效', 'manifest invalid'],
  recompute_failed: ['recompute failed 重新计算失败', 'recompute failed'],
  interrupted: ['interrupted 发布被中断', 'interrupted'],
  engine_changed: [
    'engine changed 引擎版本不同(已核对记录,未重算)',
    'engine changed (records checked, not recomputed)',
  ],
};

async function verifyAll(
  resultsRoot: string,
  archive: string | undefined,
  lang: Lang,
  io: CommandIo,
): Promise<number> {
  const rows = await verifyPublished(resultsRoot, archive === undefined ? {} : { archive });
  if (rows.length === 0) {
    io.err(
      t(
        lang,
        `✗ ${resultsRoot} 中没有已发布的期间(带 manifest.json)。\n`,
        `✗ No published period (with manifest.json) in ${resultsRoot}.\n`,
      ),
    );
    return EXIT.failed;
  }
  io.out(`${t(lang, '期间', 'period').padEnd(10)} ${t(lang, '状态', 'status')}\n`);
  for (const r of rows) {
    const label = r.publication === null ? r.period : `${r.period}/${r.publication}`;
    const [zh, en] = STATUS_WORDS[r.status];
    const note = r.fromArchive ? t(lang, '  (输入取自存档)', '  (inputs from the archive)') : '';
    const counted =
      isFailure(r) || r.status === 'ok' || r.status === 'engine_changed'
        ? ''
        : t(lang, '  (早先的发布,不计为失败)', '  (an earlier publication: not a failure)');
    io.out(`${label.padEnd(10)} ${t(lang, zh, en)}${note}${counted}\n`);
    for (const p of r.problems) {
      const place = formatPlace(p);
      io.out(
        `    ${p.severity === 'warning' ? '·' : '✗'} ${place === '' ? '' : `${place} `}${p.code}: ${p.message[lang]}\n`,
      );
    }
  }
  const bad = rows.filter(isFailure).length;
  const other = rows.filter((r) => r.status === 'engine_changed').length;
  io.out(
    t(
      lang,
      `${rows.length - bad - other} 个发布通过复核,${other} 个由其他引擎版本发布(只核对了记录),${bad} 个未通过。\n`,
      `${rows.length - bad - other} publications verified, ${other} published by another engine (records checked only), ${bad} not.\n`,
    ),
  );
  return bad === 0 ? EXIT.ok : EXIT.failed;
}
