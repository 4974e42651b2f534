import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Evaluation, evaluate } from '../src/index.ts';

// data/examples/helpdesk-2026-10 is October 2026 of data/sample as a help desk exports it
// (GB18030 and BOM CSVs, xlsx with title rows, JSON Lines, Chinese headers and values), read
// through its source.yaml: it must evaluate exactly as the contract-shaped data does.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const example = `${root}data/examples/helpdesk-2026-10`;
const policiesDir = `${root}configs/policies/ecommerce-cs`;

describe('the bundled help-desk export (data/examples/helpdesk-2026-10)', () => {
  let exported: Evaluation;
  let contract: Evaluation;
  beforeAll(async () => {
    [exported, contract] = await Promise.all([
      evaluate({ policiesDir, dataDir: example, period: '2026-10' }),
      evaluate({ policiesDir, dataDir: `${root}data/sample`, period: '2026-10' }),
    ]);
  }, 120_000);

  it('gives every agent the results of data/sample, field by field', () => {
    expect(exported.results.agents).toEqual(contract.results.agents);
    expect(exported.results.summary).toEqual(contract.results.summary);
    expect(exported.results.summary).toMatchObject({ agents: 60, rated: 45, not_rated: 15 });
    expect(exported.results.summary.grades).toEqual({ S: 4, A: 10, B: 16, C: 9, D: 6 });
  });

  it('rejects no row, in the export or in data/sample', () => {
    expect(exported.rejected).toEqual([]);
    expect(contract.rejected).toEqual([]);
  });

  it('names its source.yaml in the results', () => {
    const sha256 = createHash('sha256')
      .update(readFileSync(`${example}/source.yaml`))
      .digest('hex');
    expect(exported.results.source).toEqual({ path: 'source.yaml', sha256, id: 'helpdesk-2026-10' });
    expect(contract.results.source).toBeNull();
  });

  it('reads every file of the export, and each table has the rows of October', () => {
    const inputs = exported.results.inputs;
    const files = (table: string) => inputs[table]!.files.map((f) => f.path);
    expect(files('conversations')).toEqual(['会话记录_2026-10.csv']);
    expect(files('qa_reviews')).toEqual(['质检记录_2026-10.xlsx']);
    expect(files('attendance')).toEqual(['考勤记录_2026-10.xlsx']);
    expect(files('surveys')).toEqual(['满意度评价_2026-10.jsonl']);
    expect(files('messages')).toHaveLength(31);
    expect(files('messages')[0]).toBe('聊天记录/2026-10-01.csv');
    const rows = Object.fromEntries(Object.entries(inputs).map(([t, i]) => [t, i.rows]));
    expect(rows).toEqual({
      agents: 60,
      conversations: 2203,
      messages: 11357,
      surveys: 885,
      complaints: 31,
      qa_reviews: 394,
      orders: 232,
      attendance: 1243,
      assessments: 119,
      events: 47,
    });
    for (const [table, input] of Object.entries(inputs))
      expect(input.excluded, table).toEqual(contract.results.inputs[table]!.excluded);
  });
});
