import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  diffPolicies,
  loadPolicyFile,
  type Policy,
  renderDiffMarkdown,
  renderDiffText,
} from '../src/index.ts';

const samples = fileURLToPath(new URL('../../../configs/policies/ecommerce-cs/', import.meta.url));
const load = (file: string): Policy => {
  const loaded = loadPolicyFile(file);
  if (loaded.policy === null) throw new Error(JSON.stringify(loaded.problems));
  return loaded.policy;
};

describe('diffPolicies', () => {
  const october = load(`${samples}2026-10-01.yaml`);
  const peak = load(`${samples}2026-11-01.yaml`);

  it('shows the peak-season changes in meaning', () => {
    const changes = diffPolicies(october, peak);
    const weights = changes
      .filter((c) => c.field === 'weight')
      .map((c) => [c.scorecard, c.subject, c.before, c.after]);
    expect(weights).toEqual([
      ['aftersale', 'first_response_time', 15, 25],
      ['aftersale', 'avg_response_time', 10, 15],
      ['aftersale', 'reply_rate', 10, 5],
      ['aftersale', 'csat_rate', 20, 15],
      ['aftersale', 'fcr', 20, 15],
      ['presale', 'first_response_time', 20, 30],
      ['presale', 'reply_rate', 15, 10],
      ['presale', 'avg_order_value', 10, 5],
    ]);
    expect(changes.find((c) => c.area === 'exclusion')).toMatchObject({
      kind: 'added',
      subject: 'logistics-complaints',
    });
    expect(changes.find((c) => c.subject === 'fcr' && c.field === 'target')).toMatchObject({
      before: 0.85,
      after: 0.8,
      unit: 'ratio',
    });
  });

  it('renders Chinese and English text and Markdown', () => {
    const changes = diffPolicies(october, peak);
    const zh = renderDiffText(changes, 'zh', '标题');
    expect(zh).toContain('考核表 aftersale › 考核指标 › first_response_time: 权重 15 → 25');
    expect(zh).toContain('目标值 85% → 80%');
    expect(renderDiffText(changes, 'en', 'title')).toContain(
      'Scorecard aftersale › Scored metric › avg_response_time: floor 120s → 180s',
    );
    const md = renderDiffMarkdown(changes, 'zh', '策略变更');
    expect(md.split('\n').slice(0, 5)).toEqual([
      '### 策略变更',
      '',
      '| 位置 | 变更 | 之前 | 之后 |',
      '|---|---|---|---|',
      '| 策略 | 版本号 | 2026.10 | 2026.11 |',
    ]);
  });

  it('finds no difference in a reformatted copy (comments, key order, quoting, quantity spelling)', () => {
    const text = readFileSync(`${samples}2026-10-01.yaml`, 'utf8')
      .replace('timezone: Asia/Shanghai', '# 时区\ntimezone: "Asia/Shanghai"')
      .replace(
        '{ metric: first_response_time, weight: 15, target: 20s, floor: 60s }',
        '{ floor: 1m, target: "20s", weight: 15, metric: first_response_time }',
      )
      .replace(
        '{ metric: reply_rate, weight: 10, target: 98%, floor: 85% }',
        '{ metric: reply_rate, weight: 10, target: 0.98, floor: 0.85 }',
      );
    const dir = mkdtempSync(join(tmpdir(), 'scorebook-diff-'));
    writeFileSync(join(dir, 'copy.yaml'), text);
    expect(diffPolicies(october, load(join(dir, 'copy.yaml')))).toEqual([]);
    expect(renderDiffText([], 'en', 't')).toContain('No difference in meaning.');
  });
});
