import { Zone } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { TableTyper } from '../src/fields/table-typer.ts';
import { loadSourceBytes } from '../src/load/load-source.ts';

const load = (text: string) => loadSourceBytes('source.yaml', new TextEncoder().encode(text));
const codes = (text: string) => load(text).problems.map((p) => [p.code, p.line, p.column]);
const zone = new Zone('Asia/Shanghai');

const ORDERS = (amount: string) => `scorebook: 1
kind: source
tables:
  orders:
    fields:
      amount: ${amount}
`;

function orders(amount: string): TableTyper {
  const { source, problems } = load(ORDERS(amount));
  expect(problems).toEqual([]);
  const typer = new TableTyper('orders', source?.tables.get('orders') ?? null, zone);
  typer.fileHeader('订单.csv', ['order_id', 'conversation_id', 'agent_id', 'placed_at', '实付金额'], 1);
  return typer;
}
const row = (amount: string) => ['o1', 'c1', 'a1', '2026-11-01 10:00:00', amount];

describe('the number option of a field', () => {
  it('reads amounts with a thousands separator and currency signs', () => {
    const typer = orders('{ column: 实付金额, number: { thousands: ",", strip: ["¥", "元"] } }');
    const amount = (cell: string) => {
      const r = typer.record(row(cell));
      return 'values' in r ? r.values.amount : r.rejection.code;
    };
    expect(amount('1,234.50')).toBe(1234.5);
    expect(amount('¥88.00')).toBe(88);
    expect(amount(' 88.00元 ')).toBe(88);
    expect(amount('88')).toBe(88);
    expect(amount('')).toBe('MISSING_FIELD');
    expect(amount('1,23.4')).toBe('BAD_VALUE');
    expect(amount('¥')).toBe('BAD_VALUE');
    // The contract's bounds after the reading: an amount is ≥ 0.
    expect(amount('-¥5.00')).toBe('OUT_OF_RANGE');
  });

  it('without it, says which number option would read the value, with the YAML to write', () => {
    const typer = orders('实付金额');
    const message = (cell: string) => {
      const r = typer.record(row(cell));
      return 'rejection' in r ? r.rejection.message : null;
    };
    expect(message('1,234.50')?.en).toBe(
      'column 实付金额 (field amount): "1,234.50" is not a valid number. It looks like a number with a thousands separator, a currency sign or a unit: if the export writes them all this way, write tables: { orders: { fields: { amount: { column: 实付金额, number: { thousands: "," } } } } } in source.yaml (a map cannot list every amount).',
    );
    expect(message('¥88.00')?.zh).toBe(
      '列 实付金额(字段 amount) 的值 "¥88.00" 不是有效的数字。它像是带千位分隔符、货币符号或单位的写法:若导出都这样写,在 source.yaml 中写出 tables: { orders: { fields: { amount: { column: 实付金额, number: { strip: ["¥"] } } } } }(金额不能用 map 一一对照)。',
    );
    expect(message('abc')?.en).toBe(
      'column 实付金额 (field amount): "abc" is not a valid number. Correct the value in the export; numbers may carry a thousands separator, a currency sign or a unit: see the number option of a field in source.yaml (docs/sources.md).',
    );
  });

  it('with it, says the option and the one that would read the value', () => {
    const typer = orders('{ column: 实付金额, number: { strip: ["¥"] } }');
    const r = typer.record(row('¥1,288.00元'));
    expect('rejection' in r && r.rejection.message.en).toBe(
      'column 实付金额 (field amount): "¥1,288.00元" is not a valid number. (it does not fit the number option of amount, { strip: ["¥"] }) It looks like a number with a thousands separator, a currency sign or a unit: if the export writes them all this way, write tables: { orders: { fields: { amount: { column: 实付金额, number: { thousands: ",", strip: ["¥", "元"] } } } } } in source.yaml (a map cannot list every amount).',
    );
  });

  it('is checked with the source: on a number field, without a map, with usable strip texts', () => {
    expect(
      codes(`scorebook: 1
kind: source
tables:
  orders:
    fields:
      amount: { number: { thousands: ".", strip: ["¥", "万元", " 元", ""] } }
      order_id: { number: { strip: ["¥"] } }
      refund: { type: number, map: { 无: 0 }, number: { thousands: "," } }
      tip: { type: int, number: {} }
`),
    ).toEqual([
      ['NOT_ALLOWED_VALUE', 6, 38],
      ['EMPTY_VALUE', 6, 68],
      ['SOURCE_NUMBER_NOT_NUMBER', 7, 27],
      ['SOURCE_NUMBER_WITH_MAP', 8, 46],
      ['EMPTY_VALUE', 9, 33],
    ]);
    expect(
      codes(`scorebook: 1
kind: source
tables:
  orders:
    fields:
      amount: { number: { thousands: ",", strip: ["¥", "万元", " 元", ","] } }
`),
    ).toEqual([
      ['SOURCE_NUMBER_BAD_STRIP', 6, 56],
      ['SOURCE_NUMBER_BAD_STRIP', 6, 62],
      ['SOURCE_NUMBER_BAD_STRIP', 6, 68],
    ]);
  });
});
