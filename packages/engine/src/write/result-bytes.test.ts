import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { random } from '../../test/random.ts';
import { byteLengthOf, jsonBytes, sameBytes, sha256Of, textOf } from './result-bytes.ts';

/** What the writer must give: `JSON.stringify(value, null, 2)` and a newline, as UTF-8. */
const expected = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

const TEXTS = ['', 'a', '客服 张三', '😀', '\ud800', 'line\nbreak', 'tab\t"quote"\\', '\u2028', '0', '-1'];
const NUMBERS = [0, -0, 1, -1.5, 0.1 + 0.2, 1e21, 1e-7, 2 ** 53, Number.MAX_VALUE];

function value(next: () => number, depth: number): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const roll = next();
  if (depth > 5 || roll < 0.35) return pick<unknown>([...TEXTS, ...NUMBERS, true, false, null]);
  if (roll < 0.45) return pick<unknown>([[], {}, [undefined], { gone: undefined }]);
  if (roll < 0.7) return Array.from({ length: Math.floor(next() * 4) }, () => value(next, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 5); i > 0; i--) {
    const key = pick([...TEXTS, '10', '2', 'agent_id', 'scorebook']);
    object[key] = next() < 0.1 ? undefined : value(next, depth + 1);
  }
  return object;
}

describe('jsonBytes', () => {
  it('gives exactly the bytes of JSON.stringify(value, null, 2) and a newline', () => {
    const cases: unknown[] = [
      null,
      0,
      'text',
      [],
      {},
      [undefined, () => 1, null],
      { a: undefined, b: () => 1 },
      { a: undefined },
      { '2': 'b', '1': 'a', z: [1, [2, [3, [4, { deep: [5] }]]]] },
      { date: new Date(Date.UTC(2026, 9, 1)), nested: { date: new Date(Date.UTC(2026, 9, 2)) } },
      { scorebook: 1, period: '2026-10', agents: [{ agent_id: 'a1', metrics: { frt: { value: 12.5 } } }] },
    ];
    for (const c of cases)
      expect(Buffer.concat(jsonBytes(c)).toString('utf8')).toBe(expected(c).toString('utf8'));
  });

  it('agrees with JSON.stringify on 500 random values (seed 15)', () => {
    const next = random(15);
    for (let i = 0; i < 500; i++) {
      const v = value(next, 0);
      expect(Buffer.concat(jsonBytes(v)).toString('utf8'), `case ${i}`).toBe(expected(v).toString('utf8'));
    }
  });

  it('cuts a long file into chunks of about 1 MiB at member boundaries, each one whole UTF-8', () => {
    // 3,000 agents of ~1,200 characters (Chinese among them): ~3.6 M characters in all.
    const agents = Array.from({ length: 3000 }, (_, i) => ({
      agent_id: `a${i}`,
      name: '客服'.repeat(100),
      evidence: Array.from({ length: 20 }, (_, j) => ({ row: j, note: `记录 ${i}-${j} 😀` })),
    }));
    const value = { scorebook: 1, period: '2026-10', agents };
    const chunks = jsonBytes(value);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.byteLength).toBeLessThan(4 * 2 ** 20);
      // Each chunk decodes on its own: no character is cut between two chunks.
      expect(Buffer.from(Buffer.from(chunk).toString('utf8'), 'utf8').equals(chunk)).toBe(true);
    }
    const whole = expected(value);
    expect(Buffer.concat(chunks).equals(whole)).toBe(true);
    expect(byteLengthOf(chunks)).toBe(whole.byteLength);
    expect(sha256Of(chunks)).toBe(createHash('sha256').update(whole).digest('hex'));
    expect(textOf(chunks)).toBe(whole.toString('utf8'));
  });
});

describe('sameBytes', () => {
  const chunks = [Buffer.from('{"a":'), Buffer.from('1}\n')];
  it('compares the chunks, one after the other, with bytes read back', () => {
    expect(sameBytes(chunks, Buffer.from('{"a":1}\n'))).toBe(true);
    expect(sameBytes(chunks, Buffer.from('{"a":2}\n'))).toBe(false);
    expect(sameBytes(chunks, Buffer.from('{"a":1}'))).toBe(false);
    expect(sameBytes(chunks, Buffer.from('{"a":1}\n\n'))).toBe(false);
    expect(sameBytes([], Buffer.alloc(0))).toBe(true);
  });
});
