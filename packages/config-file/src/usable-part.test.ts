import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseConfigYaml } from './parse-yaml.ts';
import { configTextFromBytes } from './read-config.ts';
import type { DocumentValidator } from './schema-problems.ts';
import { checkUsablePart } from './usable-part.ts';

const SCHEMA = {
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  properties: {
    kind: { const: 'x' },
    globs: { type: 'array', items: { type: 'string' } },
    tables: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['files'],
        additionalProperties: false,
        properties: { files: { type: 'array', minItems: 1 }, header_row: { type: 'integer' } },
      },
    },
  },
};
const validate = new Ajv2020({ allErrors: true, verbose: true }).compile(SCHEMA) as DocumentValidator<object>;

const check = (yaml: string) => {
  const read = configTextFromBytes('x.yaml', new TextEncoder().encode(yaml));
  const { parsed } = parseConfigYaml(read.text!);
  return checkUsablePart(parsed!, validate);
};

describe('the usable part of a file the schema refuses', () => {
  it('is the document itself when it matches', () => {
    expect(check('kind: x\nglobs: [a]\n')).toEqual({
      document: { kind: 'x', globs: ['a'] },
      usable: { kind: 'x', globs: ['a'] },
      problems: [],
    });
  });

  it('drops an unknown key, a wrong value, a whole list for one wrong item, and the object left without a required key', () => {
    const checked = check(`kind: x
extra: 1
globs: [a, 2, c]
tables:
  a: { files: [a.csv], header_row: one }
  b: { files: [] }
  c: { files: [c.csv] }
`);
    expect(checked.document).toBeNull();
    expect(checked.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['UNKNOWN_KEY', 2, 1],
      ['WRONG_TYPE', 3, 12],
      ['WRONG_TYPE', 5, 36],
      ['EMPTY_VALUE', 6, 15],
    ]);
    // b lost its empty files, then itself for want of files: a consequence, not reported.
    expect(checked.usable).toEqual({
      kind: 'x',
      tables: { a: { files: ['a.csv'] }, c: { files: ['c.csv'] } },
    });
  });

  it('is nothing when the root itself is wrong', () => {
    const checked = check('kind: y\nglobs: [a]\n');
    expect(checked.problems.map((p) => p.code)).toEqual(['NOT_ALLOWED_VALUE']);
    expect(checked.usable).toBeNull();
  });
});
