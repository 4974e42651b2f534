import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPolicyBytes, type SourceValueMaps } from '../src/index.ts';
import { loadText, v2Text, where } from './v2-policy.ts';

const fixture = fileURLToPath(
  new URL('./fixtures/families/valid/ecommerce-cs/2026-10-01.yaml', import.meta.url),
);
const base = readFileSync(fixture, 'utf8');

/** The maps of a source such as the trial's: complaint categories and a 是/否 boolean. */
const MAPS: SourceValueMaps = {
  complaints: {
    category: {
      entries: [
        ['服务态度', 'attitude'],
        ['物流问题', 'logistics'],
        ['产品质量', 'product_defect'],
        ['其他', null],
      ],
      at: 'exports/2026-11/source.yaml:111:9',
    },
    upheld: {
      entries: [
        ['是', true],
        ['否', false],
      ],
      at: 'exports/2026-11/source.yaml:117:9',
    },
  },
  agents: {
    role: {
      entries: [
        ['售前客服', 'presale'],
        ['售后客服', 'aftersale'],
      ],
      at: 'exports/2026-11/source.yaml:20:9',
    },
    status: {
      entries: [
        ['在职', 'active'],
        ['离职', 'left'],
      ],
      at: 'exports/2026-11/source.yaml:24:9',
    },
  },
  qa_reviews: {
    red_line: {
      entries: [
        ['是', true],
        ['否', false],
      ],
      at: 'exports/2026-11/source.yaml:140:9',
    },
  },
};

/** The fixture with its product-defect exclusion's leaf replaced by `leaves` (one per line). */
function withLeaves(leaves: string[]): string {
  return base.replace(
    '        - { fact: category, operator: equal, value: product_defect }',
    leaves.map((l) => `        - ${l}`).join('\n'),
  );
}
const load = (text: string, maps: SourceValueMaps = MAPS) =>
  loadPolicyBytes('2026-10-01.yaml', new TextEncoder().encode(text), { valueMaps: maps });

describe('conditions on a field that the source maps (validate --source)', () => {
  it("refuse the export's raw value, at the value, naming the map and the value to write", () => {
    const loaded = load(withLeaves(['{ fact: category, operator: equal, value: 产品质量 }']));
    expect(where(loaded)).toEqual([
      ['CONDITION_RAW_VALUE', 'error', 26, 53, 'exclusions[0].when.all[0].value'],
    ]);
    expect(loaded.problems[0]?.message.zh).toBe(
      'complaints.category 按数据来源中它的 map(exports/2026-11/source.yaml:111:9)读取,导出中的 "产品质量" 读作 product_defect:条件比较的是读取后的值,"产品质量" 永远不会相等,这个条件不会成立。写 product_defect。',
    );
    expect(loaded.problems[0]?.message.en).toBe(
      'complaints.category is read through its map in the source (exports/2026-11/source.yaml:111:9), which reads the export\'s "产品质量" as product_defect: conditions compare the value as read, so "产品质量" never matches and the condition never holds. Write product_defect.',
    );
    expect(loaded.policy).toBeNull();
  });

  it('check equal, notEqual, in, notIn and textIn, each listed value at its own place', () => {
    const loaded = load(
      withLeaves([
        '{ fact: category, operator: notEqual, value: 服务态度 }',
        '{ fact: category, operator: in, value: [logistics, 物流问题, logistcs] }',
        '{ fact: category, operator: notIn, value: [attitude, other] }',
        '{ fact: category, operator: textIn, value: [" Product_Defect ", 产品质量] }',
        '{ fact: upheld, operator: equal, value: 是 }',
      ]),
    );
    expect(where(loaded)).toEqual([
      ['CONDITION_RAW_VALUE', 'error', 26, 56, 'exclusions[0].when.all[0].value'],
      ['CONDITION_RAW_VALUE', 'error', 27, 62, 'exclusions[0].when.all[1].value[1]'],
      // A list item outside the map is a warning: a drafted map lists only one export's values.
      ['CONDITION_VALUE_NOT_MAPPED', 'warning', 27, 68, 'exclusions[0].when.all[1].value[2]'],
      ['CONDITION_VALUE_NOT_MAPPED', 'warning', 28, 64, 'exclusions[0].when.all[2].value[1]'],
      ['CONDITION_RAW_VALUE', 'error', 29, 75, 'exclusions[0].when.all[3].value[1]'],
      ['CONDITION_RAW_VALUE', 'error', 30, 51, 'exclusions[0].when.all[4].value'],
    ]);
    expect(loaded.problems.map((p) => p.message.en)).toEqual([
      'complaints.category is read through its map in the source (exports/2026-11/source.yaml:111:9), which reads the export\'s "服务态度" as attitude: conditions compare the value as read, so "服务态度" never matches and the condition always holds. Write attitude.',
      'complaints.category is read through its map in the source (exports/2026-11/source.yaml:111:9), which reads the export\'s "物流问题" as logistics: conditions compare the value as read, so "物流问题" never matches and this item of the list matches no row. Write logistics.',
      'complaints.category is read through its map in the source (exports/2026-11/source.yaml:111:9), so its value is one of attitude, logistics, product_defect or empty (an export value outside the map rejects its row): "logistcs" is none of them: it never matches and this item of the list matches no row. Did you mean logistics?',
      'complaints.category is read through its map in the source (exports/2026-11/source.yaml:111:9), so its value is one of attitude, logistics, product_defect or empty (an export value outside the map rejects its row): "other" is none of them: it never matches and this item of the list rules out no row. Write one of the map\'s values.',
      'complaints.category is read through its map in the source (exports/2026-11/source.yaml:111:9), which reads the export\'s "产品质量" as product_defect: conditions compare the value as read, so "产品质量" never matches and this item of the list matches no row. Write product_defect.',
      'complaints.upheld is read through its map in the source (exports/2026-11/source.yaml:117:9), which reads the export\'s "是" as true: conditions compare the value as read, so "是" never matches and the condition never holds. Write true.',
    ]);
    expect(loaded.problems[2]?.message.zh).toBe(
      'complaints.category 按数据来源中它的 map(exports/2026-11/source.yaml:111:9)读取,读出的值只能是 attitude、logistics、product_defect 之一或为空(map 之外的导出值使整行被拒绝):"logistcs" 不在其中,永远不会相等,列表中的这一项不匹配任何行。是否想写 logistics?',
    );
  });

  it('say what a negated comparison does: under not, a value that never matches makes the condition always hold', () => {
    const loaded = load(
      withLeaves([
        '{ not: { fact: category, operator: equal, value: 产品质量 } }',
        '{ not: { not: { fact: category, operator: notEqual, value: 物流问题 } } }',
      ]),
    );
    expect(
      loaded.problems.map((p) => [p.code, p.severity, p.message.en.split(' and ')[1]?.split('.')[0]]),
    ).toEqual([
      ['CONDITION_RAW_VALUE', 'error', 'the condition always holds'],
      ['CONDITION_RAW_VALUE', 'error', 'the condition always holds'],
    ]);
  });

  it('accept mapped values, null, other tables and operators, paths and fact references', () => {
    const loaded = load(
      withLeaves([
        '{ fact: category, operator: in, value: [attitude, logistics, product_defect, null] }',
        '{ fact: category, operator: equal, value: null }',
        '{ fact: upheld, operator: equal, value: true }',
        '{ fact: category, operator: contains, value: 产品质量 }',
        '{ fact: category, operator: equal, value: { fact: agent_id } }',
        '{ fact: agent_id, operator: equal, value: 产品质量 }',
      ]),
    );
    expect(where(loaded).filter(([code]) => String(code).startsWith('CONDITION_'))).toEqual([]);
  });

  it("check a metric's where on a mapped table, and nothing without the source's maps", () => {
    const text = base.replace(
      'where: { all: [ { fact: score, operator: greaterThanInclusive, value: 80 } ] }',
      'where: { all: [ { fact: red_line, operator: equal, value: 否 } ] }',
    );
    expect(where(load(text))).toEqual([
      ['CONDITION_RAW_VALUE', 'error', 42, 65, 'metrics[0].numerator.where.all[0].value'],
    ]);
    expect(where(load(text, {}))).toEqual([]);
    expect(where(load(withLeaves(['{ fact: category, operator: equal, value: 产品质量 }']), {}))).toEqual([]);
  });

  it('check the agent facts of format 2 that are the agents table as read: role, team, employment_status', () => {
    const card = (when: string) => `  s:
    title: t
    roles: [presale]
    eligibility:
      when: ${when}
      reason: 在职的售前客服
    scored:
      - { metric: qa_score, weight: 100, target: 90, floor: 50 }
`;
    const text = v2Text(
      card(
        '{ all: [{ fact: role, operator: in, value: [presale, 售后客服] }, { fact: employment_status, operator: notEqual, value: 离职 }, { fact: employment_status, operator: equal, value: active }] }',
      ),
    );
    const loaded = loadPolicyBytes('2026-10-01.yaml', new TextEncoder().encode(text), { valueMaps: MAPS });
    expect(where(loaded)).toEqual([
      ['CONDITION_RAW_VALUE', 'error', 19, 66, 'scorecards.s.eligibility.when.all[0].value[1]'],
      ['CONDITION_RAW_VALUE', 'error', 19, 129, 'scorecards.s.eligibility.when.all[1].value'],
    ]);
    expect(loaded.problems[0]?.message.zh).toBe(
      'agents.role 按数据来源中它的 map(exports/2026-11/source.yaml:20:9)读取,导出中的 "售后客服" 读作 aftersale:条件比较的是读取后的值,"售后客服" 永远不会相等,列表中的这一项不匹配任何行。写 aftersale。',
    );
    // Without the source's maps nothing is said; format 1 has no agent facts (role is no fact there).
    expect(loadText(text).problems).toEqual([]);
    const v1 = card('{ all: [{ fact: role, operator: equal, value: 售后客服 }] }');
    const codes = load(v2Text(v1, { format: 1 })).problems.map((p) => p.code);
    expect(codes).toEqual(['CONDITION_UNKNOWN_FACT']);
  });
});
