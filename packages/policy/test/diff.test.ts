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
    // An added scorecard in words, not as JSON (trial 6 L1).
    expect(zh).toContain(
      '考核表 › community: 新增 + 社群客服(岗位 community):计分 first_response_time 30、reply_rate 30、csat_rate 25、attendance_rate 15',
    );
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

  describe('an edited copy of October', () => {
    const edited = (...edits: Array<[string, string]>) => {
      let text = readFileSync(`${samples}2026-10-01.yaml`, 'utf8');
      for (const [from, to] of edits) {
        if (!text.includes(from)) throw new Error(`not in the sample: ${from}`);
        text = text.replace(from, to);
      }
      const dir = mkdtempSync(join(tmpdir(), 'scorebook-diff-'));
      writeFileSync(join(dir, 'copy.yaml'), text);
      return diffPolicies(october, load(join(dir, 'copy.yaml')));
    };
    const exclusionIds = october.exclusions.map((e) => `${e.table}:${e.id}`);

    it('reports the English texts: titles, reasons, labels', () => {
      const changes = edited(
        ['label: 卓越', 'label: 卓越, label_en: Outstanding'],
        ['title: 售后客服', 'title: 售后客服\n    title_en: After-sales'],
      );
      expect(changes.map((c) => [c.area, c.scorecard, c.subject, c.field, c.before, c.after])).toEqual([
        ['grade', null, 'S', 'label_en', null, 'Outstanding'],
        ['scorecard', 'aftersale', null, 'title_en', null, 'After-sales'],
      ]);
      expect(renderDiffText(changes, 'en', 't')).toContain('Grade › S: English label — → Outstanding');
    });

    it('reports reason_en of exclusions, vetoes and eligibility', () => {
      const changes = edited(
        ['reason: 质检红线', 'reason_en: Red line\n        reason: 质检红线'],
        ['reason: 当月接待量不足', 'reason_en: Too few conversations\n      reason: 当月接待量不足'],
      );
      expect(changes.map((c) => [c.area, c.scorecard, c.subject, c.field, c.after])).toEqual([
        ['eligibility', 'aftersale', null, 'reason_en', 'Too few conversations'],
        ['veto', 'aftersale', 'red-line', 'reason_en', 'Red line'],
      ]);
    });

    it('shows a ratio metric’s threshold in a condition as a percentage, other numbers as written (trial 11)', () => {
      const veto = (when: string) =>
        `      - id: complaints\n        reason: 投诉过多\n        when: ${when}\n        cap_grade: C\n`;
      const before = `{ all: [{ fact: complaint_rate, operator: greaterThan, value: 0.02 }, { fact: red_line_count, operator: greaterThan, value: 2 }] }`;
      const after = `{ all: [{ fact: complaint_rate, operator: greaterThan, value: 0.025 }, { fact: red_line_count, operator: greaterThan, value: 2 }] }`;
      const redLine = '        cap_grade: D\n\n  presale:';
      const added = edited([redLine, `        cap_grade: D\n${veto(before)}\n  presale:`]);
      expect(added.map((c) => [c.area, c.kind, c.subject, c.ratio_facts])).toEqual([
        ['veto', 'added', 'complaints', ['complaint_rate']],
      ]);
      expect(renderDiffText(added, 'zh', 't')).toBe(
        't\n  考核表 aftersale › 一票否决 › complaints: 新增 + id: complaints; reason: 投诉过多; cap_grade: C; complaint_rate 大于 2% 且 red_line_count 大于 2\n',
      );
      const dir = mkdtempSync(join(tmpdir(), 'scorebook-diff-'));
      const text = readFileSync(`${samples}2026-10-01.yaml`, 'utf8');
      writeFileSync(
        join(dir, 'a.yaml'),
        text.replace(redLine, `        cap_grade: D\n${veto(before)}\n  presale:`),
      );
      writeFileSync(
        join(dir, 'b.yaml'),
        text.replace(redLine, `        cap_grade: D\n${veto(after)}\n  presale:`),
      );
      const changed = diffPolicies(load(join(dir, 'a.yaml')), load(join(dir, 'b.yaml')));
      expect(renderDiffText(changed, 'en', 't')).toBe(
        't\n  Scorecard aftersale › Veto › complaints: condition complaint_rate is greater than 2% AND red_line_count is greater than 2 → complaint_rate is greater than 2.5% AND red_line_count is greater than 2\n',
      );
      // A condition on counts only has no ratio facts, and its numbers stay as written.
      const counts = edited([
        'operator: greaterThanInclusive, value: 1 }',
        'operator: greaterThanInclusive, value: 2 }',
      ]);
      expect(counts.map((c) => [c.area, c.field, c.ratio_facts])).toEqual([['veto', 'when', undefined]]);
      expect(renderDiffText(counts, 'en', 't')).toBe(
        't\n  Scorecard aftersale › Veto › red-line: condition red_line_count is at least 1 → red_line_count is at least 2\n',
      );
    });

    it('reports a change in the order of a table’s exclusions, which decides the one a row counts under', () => {
      expect(exclusionIds).toEqual(['complaints:product-defect-complaints', 'messages:courtesy-messages']);
      const text = readFileSync(`${samples}2026-10-01.yaml`, 'utf8');
      const start = text.indexOf('  - id: product-defect-complaints');
      const end = text.indexOf('  - id: courtesy-messages');
      const first = text.slice(start, end);
      const second = `  - id: system-complaints\n    table: complaints\n    reason: 系统故障\n    when: { all: [{ fact: category, operator: equal, value: system }] }\n`;
      const withTwo = text.slice(0, end) + second + text.slice(end);
      const swapped = withTwo.replace(first + second, second + first);
      const dir = mkdtempSync(join(tmpdir(), 'scorebook-order-'));
      writeFileSync(join(dir, 'a.yaml'), withTwo);
      writeFileSync(join(dir, 'b.yaml'), swapped);
      const a = load(join(dir, 'a.yaml'));
      const b = load(join(dir, 'b.yaml'));
      const changes = diffPolicies(a, b);
      expect(changes).toEqual([
        {
          area: 'exclusion',
          kind: 'changed',
          scorecard: null,
          subject: 'complaints',
          field: 'order',
          before: ['product-defect-complaints', 'system-complaints'],
          after: ['system-complaints', 'product-defect-complaints'],
          unit: null,
        },
      ]);
      expect(renderDiffText(changes, 'en', 't')).toContain(
        'Exclusion › complaints: order (decides the exclusion a row counts under) product-defect-complaints, system-complaints → system-complaints, product-defect-complaints',
      );
      // Added ahead of an existing exclusion of its table: the order changes too; added last, it does not.
      const ahead = diffPolicies(october, b);
      expect(ahead.map((c) => [c.kind, c.subject, c.field])).toEqual([
        ['added', 'system-complaints', null],
        ['changed', 'complaints', 'order'],
      ]);
      expect(diffPolicies(october, a).map((c) => [c.kind, c.subject, c.field])).toEqual([
        ['added', 'system-complaints', null],
      ]);
    });
  });
});
