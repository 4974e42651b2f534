import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Manifest } from '@scorebook/contract';
import {
  ENGINE_VERSION,
  type EvaluateOptions,
  type Evaluation,
  evaluate,
  serializeEvaluation,
} from '@scorebook/engine';
import { headCommit, lastCommitOf } from './git.ts';
import { baseDir, recorded } from './paths.ts';

/** Options of {@link publishPeriod}. */
export interface PublishOptions {
  period: string;
  policiesDir: string;
  dataDir: string;
  /** The folder of published periods, `data/results` by convention. */
  resultsRoot: string;
  /** Replace a published period, keeping the earlier publication and the reason. */
  supersede?: { reason: string };
  /** Where relative paths are taken from; the process's working directory by default. */
  cwd?: string;
  onProgress?: EvaluateOptions['onProgress'];
}

/** A refusal to publish, with a permanent code and what to do. */
export class PublishError extends Error {
  readonly code: 'PERIOD_CLOSED' | 'REASON_REQUIRED';
  readonly zh: string;

  constructor(code: PublishError['code'], zh: string, en: string) {
    super(en);
    this.code = code;
    this.zh = zh;
  }
}

/** What a publication wrote. */
export interface Publication {
  dir: string;
  manifest: Manifest;
  evaluation: Evaluation;
  /** Where the earlier publication went, when this one superseded it. */
  superseded: string | null;
}

const FILES = ['results.json', 'explanations.json', 'rejected.json', 'manifest.json'] as const;

/**
 * Evaluates a period and publishes it into `<resultsRoot>/<period>/`: results, explanations,
 * rejected rows and a manifest of where they came from. A published period is closed:
 * publishing it again is refused unless superseding with a reason, which moves the earlier
 * publication into `superseded/<n>/`. Files appear all at once (written aside, then renamed).
 */
export async function publishPeriod(options: PublishOptions): Promise<Publication> {
  const cwd = options.cwd ?? process.cwd();
  const base = baseDir(cwd);
  const dir = resolve(cwd, options.resultsRoot, options.period);
  const closed = existsSync(join(dir, 'results.json'));
  if (closed && options.supersede === undefined) {
    throw new PublishError(
      'PERIOD_CLOSED',
      `期间 ${options.period} 已发布并关闭(${dir})。如确需重新发布,请使用 --supersede --reason "原因",原发布会保留在 superseded/ 中。`,
      `Period ${options.period} is already published and closed (${dir}). To publish it again use --supersede --reason "why"; the earlier publication is kept in superseded/.`,
    );
  }
  if (options.supersede !== undefined && options.supersede.reason.trim() === '') {
    throw new PublishError(
      'REASON_REQUIRED',
      '替换已发布的期间必须说明原因:--reason "原因"。',
      'Superseding a published period needs a reason: --reason "why".',
    );
  }
  const evaluation = await evaluate({
    policiesDir: resolve(cwd, options.policiesDir),
    dataDir: resolve(cwd, options.dataDir),
    period: options.period,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const files = serializeEvaluation(evaluation);
  const previousSlot = closed ? nextSupersededSlot(dir) : null;
  const policyFile = evaluation.policy.file;
  const manifest: Manifest = {
    scorebook: 1,
    period: evaluation.results.period.id,
    status: 'closed',
    published_at_commit: headCommit(base),
    policy: {
      id: evaluation.policy.id,
      version: evaluation.policy.version,
      file: recorded(base, policyFile),
      sha256: evaluation.policy.sha256,
      git_commit: lastCommitOf(policyFile),
    },
    data_dir: recorded(base, resolve(cwd, options.dataDir)),
    inputs: Object.fromEntries(Object.entries(evaluation.results.inputs).map(([t, i]) => [t, i.sha256])),
    engine: { version: ENGINE_VERSION },
    files: Object.fromEntries(
      [...files].map(([name, text]) => [name, createHash('sha256').update(text).digest('hex')]),
    ),
    command: commandLine(base, cwd, options),
    supersedes:
      previousSlot === null
        ? null
        : { publication: `superseded/${previousSlot}`, reason: options.supersede!.reason.trim() },
  };

  const staging = resolve(cwd, options.resultsRoot, `.publish-${options.period}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    for (const [name, text] of files) writeFileSync(join(staging, name), text);
    writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    if (previousSlot !== null) {
      const keep = join(dir, 'superseded', previousSlot);
      mkdirSync(keep, { recursive: true });
      for (const name of FILES)
        if (existsSync(join(dir, name))) renameSync(join(dir, name), join(keep, name));
      for (const name of FILES) renameSync(join(staging, name), join(dir, name));
    } else {
      mkdirSync(resolve(dir, '..'), { recursive: true });
      rmSync(dir, { recursive: true, force: true });
      renameSync(staging, dir);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return {
    dir,
    manifest,
    evaluation,
    superseded: previousSlot === null ? null : join(dir, 'superseded', previousSlot),
  };
}

/** The published periods under a results root, with their manifests, oldest first. */
export function publishedPeriods(resultsRoot: string): string[] {
  if (!existsSync(resultsRoot)) return [];
  return readdirSync(resultsRoot)
    .filter((name) => existsSync(join(resultsRoot, name, 'manifest.json')))
    .sort();
}

function nextSupersededSlot(dir: string): string {
  const existing = existsSync(join(dir, 'superseded'))
    ? readdirSync(join(dir, 'superseded')).filter((n) => /^\d+$/.test(n))
    : [];
  return String(existing.length + 1);
}

function commandLine(base: string, cwd: string, options: PublishOptions): string {
  const parts = [
    'npx scorebook publish',
    `--period ${options.period}`,
    `--policies ${recorded(base, resolve(cwd, options.policiesDir))}`,
    `--data ${recorded(base, resolve(cwd, options.dataDir))}`,
    `--results ${recorded(base, resolve(cwd, options.resultsRoot))}`,
  ];
  if (options.supersede)
    parts.push('--supersede', `--reason ${JSON.stringify(options.supersede.reason.trim())}`);
  return parts.join(' ');
}
