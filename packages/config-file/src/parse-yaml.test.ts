import { describe, expect, it } from 'vitest';
import { parseConfigYaml } from './parse-yaml.ts';
import { configTextFromBytes } from './read-config.ts';
import { schemaProblems } from './schema-problems.ts';

const text = (yaml: string) => {
  const read = configTextFromBytes('x.yaml', new TextEncoder().encode(yaml));
  if (read.text === null) throw new Error('unreadable');
  return read.text;
};

describe('reading a configuration file', () => {
  it('reports YAML problems with their code and position', () => {
    const { parsed, problems } = parseConfigYaml(text('a: 1\nb: 2\na: 3\n__proto__: x\n'));
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['YAML_DUPLICATE_KEY', 3, 1],
      ['FORBIDDEN_KEY', 4, 1],
    ]);
    expect(parsed?.value).toBeUndefined();
  });

  it('refuses bytes that are not UTF-8', () => {
    const read = configTextFromBytes('gbk.yaml', new Uint8Array([0x61, 0x3a, 0x20, 0xc4, 0xe3]));
    expect(read.problems.map((p) => p.code)).toEqual(['FILE_NOT_UTF8']);
  });

  it('maps schema errors to the YAML node they are about', () => {
    const { parsed } = parseConfigYaml(text('kind: source\ntables:\n  agents: 3\n'));
    const validate = Object.assign(
      (data: unknown) => {
        validate.errors = [
          {
            keyword: 'type',
            instancePath: '/tables/agents',
            schemaPath: '#/type',
            params: { type: 'object' },
            data: (data as { tables: { agents: number } }).tables.agents,
          },
        ];
        return false;
      },
      { errors: null as null | object[] },
    );
    const problems = schemaProblems(parsed!, validate as never);
    expect(problems.map((p) => [p.code, p.line, p.column, p.path])).toEqual([
      ['WRONG_TYPE', 3, 11, 'tables.agents'],
    ]);
  });
});

describe('schema problems', () => {
  it('reports every missing key of one mapping, not only the first', () => {
    const { parsed } = parseConfigYaml(text('tables: {}\n'));
    const validate = Object.assign(
      () => {
        validate.errors = ['scorebook', 'kind'].map((missingProperty) => ({
          keyword: 'required',
          instancePath: '',
          schemaPath: '#/required',
          params: { missingProperty },
        }));
        return false;
      },
      { errors: null as null | object[] },
    );
    const problems = schemaProblems(parsed!, validate as never);
    expect(problems.map((p) => [p.code, p.message.en])).toEqual([
      ['MISSING_KEY', 'The required key "scorebook" is missing. Add it here.'],
      ['MISSING_KEY', 'The required key "kind" is missing. Add it here.'],
    ]);
  });
});
