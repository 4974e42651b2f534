import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadedPolicy, loadPolicyFile } from '../src/index.ts';

/** A small policy of format 2 (or `format`), its scorecards (and other top-level keys) given as YAML. */
export function v2Text(scorecards: string, options: { format?: 1 | 2; top?: string } = {}): string {
  return `scorebook: ${options.format ?? 2}
id: v2
version: "1"
effective_from: 2026-10-01
title: 考核
timezone: Asia/Shanghai
${options.top ?? ''}
grades:
  - { grade: S, min_score: 95 }
  - { grade: A, min_score: 85 }
  - { grade: B, min_score: 70 }
  - { grade: C, min_score: 60 }
  - { grade: D, min_score: 0 }
scorecards:
${scorecards}`;
}

/** Loads a policy text from a file of its own (`2026-10-01.yaml`). */
export function loadText(text: string): LoadedPolicy {
  const file = join(mkdtempSync(join(tmpdir(), 'scorebook-v2-')), '2026-10-01.yaml');
  writeFileSync(file, text);
  return loadPolicyFile(file);
}

/** The problems of a load as `[code, severity, line, column, path]`. */
export const where = (loaded: LoadedPolicy) =>
  loaded.problems.map((p) => [p.code, p.severity, p.line, p.column, p.path]);

/** A scorecard of two groups, 60 / 40. */
export const GROUPED = `  service:
    title: 客服
    roles: [aftersale]
    groups:
      - id: efficiency
        title: 服务效率
        weight: 60
        scored:
          - { metric: first_response_time, weight: 50, target: 20s, floor: 60s }
          - { metric: reply_rate, weight: 50, target: 100%, floor: 50% }
      - id: quality
        title: 服务质量
        title_en: Quality
        weight: 40
        scored:
          - { metric: csat_rate, weight: 100, target: 100%, floor: 50% }
`;
