import { TABLES } from '@scorebook/contract';
import type { Exclusion } from '@scorebook/policy';
import { Zone } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { Exclusions } from '../exclude/exclusions.ts';
import { Row } from '../row.ts';
import { combineExclusionParts } from './exclusion-parts.ts';

const exclusion = (id: string): Exclusion => ({
  id,
  table: 'messages',
  reason: id,
  reason_en: null,
  when: { all: [{ fact: 'text', operator: 'equal', value: id }] },
  source: { file: 'policy.yaml', line: 1, column: 1, path: 'exclusions[0]' },
});
const POLICY = { exclusions: [exclusion('courtesy'), exclusion('bot')] };
const CAP = 3;
const exclusionsOf = () => new Exclusions(POLICY, () => TABLES.messages.fields, new Zone('UTC'), CAP);

// Rows of three pieces: agents 0–2 (and -1, no agent), both exclusions, more than the cap of some.
const PIECES = [0, 1, 2].map((p) =>
  Array.from({ length: 11 + p * 3 }, (_, i) => ({
    agent: ((i * 7 + p) % 4) - 1,
    exclusion: POLICY.exclusions[(i + p) % 3 === 0 ? 1 : 0] as Exclusion,
    row: new Row({ text: `p${p}-${i}` }, 0, 100 * p + i),
  })),
);

function counted(rows: ReadonlyArray<(typeof PIECES)[number][number]>, into = exclusionsOf()): Exclusions {
  for (const r of rows) into.count('messages', r.exclusion, r.row, r.agent);
  return into;
}

const seen = (e: Exclusions) =>
  [-1, 0, 1, 2, 3].map((agent) => {
    const mine = e.ofAgent(agent);
    return { counts: [...mine.counts], evidence: mine.evidence.map((x) => [x.exclusion.id, x.row.line]) };
  });

describe('exclusion parts added up in reading order', () => {
  it('give what one reading of every row counts and keeps, and what absorbing each part gives', () => {
    const one = counted(PIECES.flat());
    const parts = () => PIECES.map((rows) => counted(rows).part('messages'));
    const combined = exclusionsOf();
    combined.absorb(
      'messages',
      parts().reduce((sum, part) => combineExclusionParts(sum, part, CAP), { counts: [], agents: [] }),
    );
    const each = exclusionsOf();
    for (const part of parts()) each.absorb('messages', part);
    expect(seen(combined)).toEqual(seen(one));
    expect(seen(each)).toEqual(seen(one));
    expect([...(combined.counts.get('messages') ?? [])]).toEqual([...(one.counts.get('messages') ?? [])]);
    // Not trivial: the cap cut some agent's evidence, and every agent has rows of both exclusions.
    expect(seen(one).map((a) => a.evidence.length)).toEqual([0, 6, 6, 6, 0]);
    expect(seen(one)[1]?.counts).toEqual([
      ['bot', 4],
      ['courtesy', 6],
    ]);
  });

  it('keep at most the cap of rows per agent and exclusion', () => {
    const sum = PIECES.map((rows) => counted(rows).part('messages')).reduce(
      (s, part) => combineExclusionParts(s, part, CAP),
      { counts: [], agents: [] },
    );
    // Agents in order of their first row; each row numbered within its agent and exclusion.
    expect(
      sum.agents.map((a) => [
        a.agent,
        a.counts,
        a.evidence.map((e) => `${e.exclusion} ${e.n} ${e.row.line}`),
      ]),
    ).toEqual([
      [
        2,
        [
          ['courtesy', 7],
          ['bot', 3],
        ],
        ['courtesy 1 1', 'courtesy 2 5', 'bot 1 9', 'bot 2 102', 'courtesy 3 106', 'bot 3 207'],
      ],
      [
        1,
        [
          ['courtesy', 7],
          ['bot', 4],
        ],
        ['courtesy 1 2', 'bot 1 6', 'courtesy 2 10', 'courtesy 3 103', 'bot 2 111', 'bot 3 204'],
      ],
      [
        0,
        [
          ['bot', 4],
          ['courtesy', 6],
        ],
        ['bot 1 3', 'courtesy 1 7', 'courtesy 2 100', 'courtesy 3 104', 'bot 2 108', 'bot 3 201'],
      ],
    ]);
  });
});
