import { type Condition, compileCondition } from '@scorebook/conditions';
import { type InputTableName, measuredFields } from '@scorebook/contract';
import type { Exclusion } from '@scorebook/policy';
import { Zone } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { rowFactAccess } from '../fact-access.ts';
import { Row } from '../row.ts';
import { Exclusions } from './exclusions.ts';

const zone = new Zone('Asia/Shanghai');
const fieldsOf = (_table: InputTableName) => measuredFields('messages');

function exclusion(id: string, when: Condition): Exclusion {
  return {
    id,
    table: 'messages',
    reason: id,
    reason_en: null,
    when,
    source: { file: 'policy.yaml', line: 1, column: 5, path: 'exclusions[0]' },
  };
}

const COURTESY: Condition = {
  all: [
    { fact: 'sender', operator: 'equal', value: 'customer' },
    { fact: 'text', operator: 'textIn', value: ['谢谢', '好的', 'ok'] },
  ],
};
// Four facts.
const WIDE: Condition = {
  any: [
    { fact: 'sender', operator: 'equal', value: 'bot' },
    { fact: 'text', operator: 'equal', value: 'x' },
    { fact: 'agent_id', operator: 'equal', value: 'a9' },
    { fact: 'conversation_id', operator: 'equal', value: 'c3' },
  ],
};
const TEXTS = ['谢谢', '好的', '在吗', '谢谢!', 'x', '', ' OK ', null, { nested: 'ok' }, ['ok'], 7, true];

function rows(n: number): Row[] {
  return Array.from(
    { length: n },
    (_, i) =>
      new Row(
        {
          conversation_id: `c${i % 5}`,
          sender: i % 7 === 6 ? null : ['customer', 'agent', 'bot'][i % 3],
          agent_id: i % 3 === 0 ? null : `a${i % 11}`,
          text: i < 400 ? TEXTS[i % TEXTS.length] : `t${i}`,
        },
        0,
        i + 2,
      ),
  );
}

describe('an exclusion tested on rows', () => {
  it('answers as its compiled condition, values repeated or not', () => {
    // 5,400 rows: 5,000 distinct texts after the first 400, more than a text leaf remembers.
    for (const when of [COURTESY, WIDE]) {
      const exclusions = new Exclusions({ exclusions: [exclusion('e', when)] }, fieldsOf, zone, 5);
      const holds = compileCondition(when, zone, rowFactAccess(measuredFields('messages'), zone));
      const all = rows(5400);
      // Twice over.
      for (const row of [...all, ...all]) expect(exclusions.match('messages', row) !== null).toBe(holds(row));
    }
  });

  it('removes the courtesy texts of customers only, normalized', () => {
    const exclusions = new Exclusions({ exclusions: [exclusion('courtesy', COURTESY)] }, fieldsOf, zone, 5);
    const matched = rows(48).flatMap((row) => (exclusions.match('messages', row) === null ? [] : [row.line]));
    // Customers are rows 0, 3, 6, … (rows 6 and 27 have no sender), of texts 0, 3, 6 and 9 in turn: 谢谢,
    // 谢谢!, ' OK ' (normalized: 谢谢, 谢谢, ok) and ['ok'] (not text).
    expect(matched).toEqual([2, 5, 14, 17, 20, 26, 32, 38, 41, 44]);
    expect(matched.map((line) => TEXTS[(line - 2) % TEXTS.length])).toEqual([
      ...['谢谢', '谢谢!', '谢谢', '谢谢!', ' OK ', '谢谢', ' OK ', '谢谢', '谢谢!', ' OK '],
    ]);
  });
});
