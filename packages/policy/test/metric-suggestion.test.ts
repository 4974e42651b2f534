import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPolicyFile } from '../src/index.ts';
import { loadText, v2Text } from './v2-policy.ts';

const card = (scored: string, distribution: string) => `  s:
    title: t
    roles: [r]
    scored:
      - { metric: ${scored}, weight: 100, target: 80%, floor: 50% }
    distribution:
      tie_breakers: [${distribution}]
      grades:
        - { grade: S, max_share: 10% }
    vetoes:
      - id: v
        reason: r
        when: { all: [{ fact: csat, operator: lessThan, value: 3 }] }
`;

const messages = (text: string, code: string) =>
  loadText(text)
    .problems.filter((p) => p.code === code)
    .map((p) => [p.path, p.message.zh, p.message.en]);

describe('the metric id suggested for an unknown one', () => {
  it('is the same at a scored item and a tie-breaker: the nearest, else the ids that extend the word', () => {
    expect(messages(v2Text(card('csat', 'csat')), 'UNKNOWN_METRIC')).toEqual([
      [
        'scorecards.s.scored[0].metric',
        '未知的指标 "csat"。是否想写 "csat_score" 或 "csat_rate"?',
        'Unknown metric "csat". Did you mean "csat_score" or "csat_rate"?',
      ],
      [
        'scorecards.s.distribution.tie_breakers[0]',
        '未知的指标 "csat"。是否想写 "csat_score" 或 "csat_rate"?',
        'Unknown metric "csat". Did you mean "csat_score" or "csat_rate"?',
      ],
    ]);
    expect(messages(v2Text(card('fcr', 'first_response')), 'UNKNOWN_METRIC')).toEqual([
      [
        'scorecards.s.distribution.tie_breakers[0]',
        '未知的指标 "first_response"。是否想写 "first_response_time"?',
        'Unknown metric "first_response". Did you mean "first_response_time"?',
      ],
    ]);
    // Within the edit distance, the nearest alone, as before.
    expect(messages(v2Text(card('fcr', 'csat_rat')), 'UNKNOWN_METRIC')[0]?.[2]).toBe(
      'Unknown metric "csat_rat". Did you mean "csat_rate"?',
    );
  });

  it("is given in a veto's condition on a metric, and in appeals.metrics among the scored metrics", () => {
    const veto = messages(v2Text(card('fcr', 'fcr')), 'CONDITION_UNKNOWN_FACT');
    expect(veto.map(([path]) => path)).toEqual(['scorecards.s.vetoes[0].when.all[0].fact']);
    expect(veto[0]?.[2]).toContain('Did you mean "csat_score"?');
    const example = readFileSync(
      fileURLToPath(new URL('./fixtures/example/example-policy.yaml', import.meta.url)),
      'utf8',
    );
    const file = join(mkdtempSync(join(tmpdir(), 'scorebook-metric-suggestion-')), '2026-10-01.yaml');
    writeFileSync(file, `${example.trimEnd()}\n\nappeals:\n  metrics: [csat]\n`);
    expect(loadPolicyFile(file).problems.map((p) => [p.code, p.message.zh, p.message.en])).toEqual([
      [
        'APPEAL_RULE_UNKNOWN_METRIC',
        'appeals.metrics 中的 csat 不是任何考核表的计分指标。是否想写 csat_rate?',
        'appeals.metrics lists csat, which no scorecard scores. Did you mean csat_rate?',
      ],
    ]);
  });
});
