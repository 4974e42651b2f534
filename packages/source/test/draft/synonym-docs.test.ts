import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentedTables, SOURCES_DOC, synonymTables, tableCells } from '../../scripts/synonym-docs.ts';

describe('docs/sources.md', () => {
  it('lists exactly the synonyms of the dictionary (run scripts/synonym-docs.ts to update it)', () => {
    const documented = documentedTables(readFileSync(SOURCES_DOC, 'utf8'));
    expect(documented).not.toBe(null);
    expect(tableCells(documented!)).toEqual(tableCells(synonymTables()));
    // Two header rows for each table, 83 fields, 54 values.
    expect(tableCells(synonymTables()).length).toBe(2 + 83 + 2 + 54);
  });
});
