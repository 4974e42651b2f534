import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_CONFIG_BYTES } from '@scorebook/config-file';
import { describe, expect, it } from 'vitest';
import { loadPolicyFile } from '../src/index.ts';

const broken = fileURLToPath(new URL('./fixtures/broken/', import.meta.url));

// Each fixture is the spec's example policy broken in one way: the code, line and column expected.
const CASES: Array<[file: string, code: string, line: number, column: number]> = [
  // An unclosed [ (line 56): said at the bracket, not where the parser noticed it.
  ['yaml-syntax', 'YAML_SYNTAX', 56, 12],
  ['tab-indent', 'YAML_TAB_INDENT', 55, 1],
  ['duplicate-key', 'YAML_DUPLICATE_KEY', 9, 1],
  ['custom-tag', 'YAML_CUSTOM_TAG', 5, 8],
  ['alias-bomb', 'YAML_TOO_MANY_ALIASES', 7, 23],
  ['proto-key', 'FORBIDDEN_KEY', 36, 5],
  ['not-utf8', 'FILE_NOT_UTF8', 1, 1],
  ['unknown-key', 'UNKNOWN_KEY', 86, 5],
  ['missing-key', 'MISSING_KEY', 1, 1],
  ['wrong-type', 'WRONG_TYPE', 65, 32],
  ['unknown-metric', 'UNKNOWN_METRIC', 65, 19],
  ['unknown-table', 'UNKNOWN_TABLE', 22, 12],
  ['unknown-field', 'UNKNOWN_FIELD', 50, 12],
  ['unknown-operator', 'CONDITION_UNKNOWN_OPERATOR', 26, 39],
  ['unknown-grade', 'UNKNOWN_GRADE', 81, 20],
  ['unknown-fact', 'CONDITION_UNKNOWN_FACT', 80, 32],
  ['weights-not-100', 'WEIGHTS_NOT_100', 60, 5],
  ['target-floor-order', 'TARGET_FLOOR_ORDER', 63, 51],
  ['role-in-two', 'ROLE_IN_TWO_SCORECARDS', 85, 22],
  ['redefines-builtin', 'METRIC_REDEFINES_BUILTIN', 36, 9],
  ['quantity-unit', 'QUANTITY_UNIT_MISMATCH', 61, 60],
  ['unknown-timezone', 'UNKNOWN_TIMEZONE', 8, 11],
  ['grades-order', 'GRADES_ORDER', 49, 28],
  ['bad-interval', 'BAD_INTERVAL', 16, 9],
];

describe('broken policies', () => {
  for (const [file, code, line, column] of CASES) {
    it(`${file}: ${code} at ${line}:${column}`, () => {
      const loaded = loadPolicyFile(join(broken, `${file}.yaml`));
      expect(loaded.policy).toBeNull();
      const first = loaded.problems.find((p) => p.severity === 'error')!;
      expect({ code: first.code, line: first.line, column: first.column }).toEqual({ code, line, column });
      expect(first.message.zh.length).toBeGreaterThan(0);
      expect(first.message.en.length).toBeGreaterThan(0);
    });
  }

  it("names each weight of a scorecard whose weights do not add up to 100, in the file's order (trial 9 finding 11)", () => {
    const loaded = loadPolicyFile(join(broken, 'weights-not-100.yaml'));
    const problem = loaded.problems.find((p) => p.code === 'WEIGHTS_NOT_100')!;
    expect(problem.message).toEqual({
      zh: '考核表 "aftersale" 的权重合计为 105,应为 100:first_response_time 15 + avg_response_time 10 + reply_rate 10 + csat_rate 20 + fcr 25 + complaint_rate 10 + qa_score 15 = 105。',
      en: 'The weights of scorecard "aftersale" add up to 105; they must add up to 100: first_response_time 15 + avg_response_time 10 + reply_rate 10 + csat_rate 20 + fcr 25 + complaint_rate 10 + qa_score 15 = 105.',
    });
  });

  it('writes a decimal weight as it reads, and an item without a metric by its index', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorebook-weights-'));
    const file = join(dir, 'weights.yaml');
    writeFileSync(
      file,
      `scorebook: 1
id: x
version: "1"
effective_from: 2026-10-01
title: t
timezone: Asia/Shanghai
grades:
  - { grade: A, min_score: 60 }
  - { grade: D, min_score: 0 }
scorecards:
  s:
    title: t
    roles: [r]
    scored:
      - { metric: fcr, weight: 12.50, target: 80%, floor: 50% }
      - { weight: 30 }
      - { metric: csat_rate, weight: 50, target: 90%, floor: 70% }
`,
    );
    const problem = loadPolicyFile(file).problems.find((p) => p.code === 'WEIGHTS_NOT_100');
    expect(problem?.message.en).toBe(
      'The weights of scorecard "s" add up to 92.5; they must add up to 100: fcr 12.5 + [1] 30 + csat_rate 50 = 92.5.',
    );
  });

  it('reads an unquoted version as text, with a warning that it became a number', () => {
    const loaded = loadPolicyFile(join(broken, 'unquoted-version.yaml'));
    expect(loaded.policy?.version).toBe('2026.1');
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]).toMatchObject({
      code: 'VERSION_NOT_TEXT',
      severity: 'warning',
      line: 3,
      column: 10,
    });
    expect(loaded.problems[0]!.message.en).toContain('Write version: "2026.10"');
  });

  it('says a misspelled required key and the key it is missing for point at each other', () => {
    const loaded = loadPolicyFile(join(broken, 'misspelt-key.yaml'));
    const found = loaded.problems.map(({ code, line, column, path, message }) => ({
      code,
      line,
      column,
      path,
      message,
    }));
    expect(found).toEqual([
      {
        code: 'MISSING_KEY',
        line: 67,
        column: 9,
        path: 'scorecards.aftersale.scored[6]',
        message: {
          zh: '缺少必填项 "weight"。第 68 行的 "weigth" 可能就是它的笔误:请把它改名为 "weight"。',
          en: 'The required key "weight" is missing. "weigth" (line 68) is probably it misspelled: rename it to "weight".',
        },
      },
      {
        code: 'UNKNOWN_KEY',
        line: 68,
        column: 9,
        path: 'scorecards.aftersale.scored[6].weigth',
        message: {
          zh: '未知的键 "weigth"。它应该就是这里缺少的必填项 "weight":请改名为 "weight"。',
          en: 'Unknown key "weigth". It would be the missing required key "weight": rename it to "weight".',
        },
      },
    ]);
  });

  it('keeps the plain messages when the unknown key is not the missing one misspelled', () => {
    const unknown = loadPolicyFile(join(broken, 'unknown-key.yaml')).problems;
    expect(unknown.map((p) => [p.code, p.message.en])).toEqual([
      [
        'UNKNOWN_KEY',
        'Unknown key "weigths". Keys allowed here: title, title_en, roles, eligibility, scored, groups, adjustments, flags, distribution, rewards, awards, vetoes.',
      ],
    ]);
    const missing = loadPolicyFile(join(broken, 'missing-key.yaml')).problems;
    expect(missing[0]!.message.en).toBe('The required key "grades" is missing. Add it here.');
  });

  it('names the path of a meaning problem', () => {
    const loaded = loadPolicyFile(join(broken, 'weights-not-100.yaml'));
    expect(loaded.problems[0]).toMatchObject({ path: 'scorecards.aftersale.scored', severity: 'error' });
    expect(loaded.problems[0]!.message.en).toContain('105');
  });

  it('reports a policy that refers to a removed metric as well as the redefinition', () => {
    const codes = loadPolicyFile(join(broken, 'redefines-builtin.yaml')).problems.map((p) => p.code);
    expect(codes).toEqual(['METRIC_REDEFINES_BUILTIN', 'UNKNOWN_METRIC']);
  });

  it('refuses an oversized file before parsing it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorebook-big-'));
    const file = join(dir, 'big.yaml');
    writeFileSync(file, `# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    const loaded = loadPolicyFile(file);
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]).toMatchObject({ code: 'FILE_TOO_LARGE', line: 1, column: 1 });
    expect(MAX_CONFIG_BYTES).toBeLessThan(5 * 1024 * 1024);
  });

  it('reports a missing file as unreadable, without throwing', () => {
    expect(loadPolicyFile('/nonexistent/policy.yaml').problems[0]!.code).toBe('FILE_UNREADABLE');
  });

  it('collects every problem of a file at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorebook-many-'));
    const file = join(dir, 'many.yaml');
    writeFileSync(
      file,
      `scorebook: 1
id: x
version: "1"
effective_from: 2026-02-30
title: t
timezone: Mars/Olympus
grades:
  - { grade: A, min_score: 10 }
scorecards:
  s:
    title: t
    roles: [r]
    scored:
      - { metric: nope, weight: 60 }
      - { metric: fcr, weight: 30, target: 50%, floor: 80% }
`,
    );
    const codes = loadPolicyFile(file).problems.map((p) => p.code);
    expect(codes).toEqual([
      'BAD_DATE',
      'UNKNOWN_TIMEZONE',
      'GRADES_LAST_NOT_ZERO',
      'WEIGHTS_NOT_100',
      'UNKNOWN_METRIC',
      'TARGET_FLOOR_ORDER',
    ]);
  });

  it('keeps YAML 1.2 core: yes is text, not true', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorebook-core-'));
    const file = join(dir, 'core.yaml');
    writeFileSync(file, 'scorebook: 1\nid: x\nversion: yes\n');
    const problems = loadPolicyFile(file).problems;
    expect(problems.some((p) => p.path === 'version')).toBe(false);
  });
});
