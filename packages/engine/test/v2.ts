/** A policy of format 2 for scenarios: its scorecards (and other top-level keys) given as YAML. */
export function v2Policy(scorecards: string, top = ''): string {
  return `scorebook: 2
id: v2
version: "1"
effective_from: 2026-01-01
title: 考核
timezone: Asia/Shanghai
${top}
grades:
  - { grade: S, min_score: 95 }
  - { grade: A, min_score: 85 }
  - { grade: B, min_score: 70 }
  - { grade: C, min_score: 60 }
  - { grade: D, min_score: 0 }
scorecards:
${scorecards}`;
}
