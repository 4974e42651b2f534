import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, RESULT_FILES, serializeEvaluation } from '@scorebook/engine';
import { verifyPublished } from '@scorebook/governance';
import { parseCommandArgs, required } from '../args.ts';
import { EXIT, UsageError } from '../cli-error.ts';
import { type Lang, pickLang, t } from '../lang.ts';
import { jsonDifferences } from '../output/json-differences.ts';
import type { CommandIo } from './io.ts';

export const VERIFY_HELP = `scorebook verify --policies <dir> --data <dir> --results <dir> [--lang zh|en]
scorebook verify --all [--results data/results] [--lang zh|en]

用记录的期间、策略和数据重新计算,与 <results>/results.json 等逐字节比较;完全一致时退出码 0,否则 1 并列出不同的客服和字段。
Recomputes a results directory from its policy and data and compares byte for byte; exit 0 only
when identical, otherwise 1 with the agents and fields that differ.
--all:按各期间 manifest 记录的策略与数据复核全部已发布期间,输出 ok / differs / input missing 表格。
--all re-verifies every published period against its recorded policy and inputs.
`;

/** `scorebook verify`: recompute and compare byte for byte. */
export async function runVerify(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('verify', argv, {
    policies: { type: 'string' },
    data: { type: 'string' },
    results: { type: 'string' },
    all: { type: 'boolean' },
  });
  if (values.help) {
    io.out(VERIFY_HELP);
    return EXIT.ok;
  }
  if (values.all) return verifyAll(values.results ?? 'data/results', pickLang(values.lang), io);
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
  const evaluation = await evaluate({ policiesDir, dataDir, period });
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

async function verifyAll(resultsRoot: string, lang: Lang, io: CommandIo): Promise<number> {
  const rows = await verifyPublished(resultsRoot);
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
  const words: Record<string, string> = {
    ok: 'ok',
    differs: t(lang, 'differs 不一致', 'differs'),
    input_missing: t(lang, 'input missing 输入缺失', 'input missing'),
    policy_missing: t(lang, 'policy missing 策略缺失', 'policy missing'),
  };
  io.out(`${t(lang, '期间', 'period').padEnd(10)} ${t(lang, '状态', 'status')}\n`);
  for (const r of rows)
    io.out(`${r.period.padEnd(10)} ${words[r.status]}${r.detail ? `  (${r.detail})` : ''}\n`);
  const bad = rows.filter((r) => r.status !== 'ok').length;
  io.out(
    t(
      lang,
      `${rows.length - bad} 个期间一致,${bad} 个不一致。\n`,
      `${rows.length - bad} periods verified, ${bad} not.\n`,
    ),
  );
  return bad === 0 ? EXIT.ok : EXIT.failed;
}
