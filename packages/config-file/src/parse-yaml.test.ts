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

  it('says what a YAML syntax error is and what to do, an unclosed [ at its bracket (trial 7 M5)', () => {
    const said = (yaml: string) =>
      parseConfigYaml(text(yaml)).problems.map((p) => [p.code, p.line, p.column, p.message.zh, p.message.en]);
    // The parser notices the missing ] on the next line; the problem is the [ on line 2.
    expect(said('a: 1\nb: ["x", "y"\nc: 2\n')).toEqual([
      [
        'YAML_SYNTAX',
        2,
        4,
        'YAML 语法错误(BAD_INDENT):这里的 [ 没有闭合。请在列表末尾补上 ](同一行写完,或每个元素一行并把 ] 放在最后)(解析器原文:Flow sequence in block collection must be sufficiently indented and end with a ])',
        'YAML syntax error (BAD_INDENT): this [ is not closed. Add the ] at the end of the list (on the same line, or after its last item) (the parser: Flow sequence in block collection must be sufficiently indented and end with a ])',
      ],
    ]);
    expect(
      said('a: {b: 1\nc: 2\n').map((p) => [p[1], p[2], (p[4] as string).split(' (the parser')[0]]),
    ).toEqual([[1, 4, 'YAML syntax error (BAD_INDENT): this { is not closed. Add the } at its end']]);
    expect(
      said('id: x\n  version: "1"\n').map((p) => (p[4] as string).split(': ')[1]?.split('.')[0]),
    ).toEqual([
      'the key above already has a value, yet this line is indented under it (or a key runs over two lines)',
    ]);
    expect(said('a: "abc\nb: 2\n').map((p) => (p[3] as string).split('(解析器')[0])).toEqual([
      'YAML 语法错误(MISSING_CHAR):从这里开始的引号没有结束。请补上闭合的引号',
    ]);
    expect(said('a: @x\n').map((p) => (p[3] as string).split('(解析器')[0])).toEqual([
      'YAML 语法错误(BAD_SCALAR_START):值不能以 YAML 的保留字符(@ ` % & * ! | > 等)开头。请给整个值加上引号',
    ]);
  });

  it('names a line that backs out to a column between two levels, at its first character (trial 10 finding 10)', () => {
    const said = (yaml: string) =>
      parseConfigYaml(text(yaml)).problems.map((p) => [p.code, p.line, p.column]);
    const vetoes = [
      'vetoes:',
      '  - id: a',
      '    reason: x',
      '    cap_grade: C',
      '   extra: 1',
      'next: 1',
      '',
    ].join('\n');
    expect(said(vetoes)).toEqual([['YAML_MISALIGNED', 5, 4]]);
    expect(parseConfigYaml(text(vetoes)).problems[0]!.message.en).toBe(
      'This line is indented 3 spaces, which lines up with no level above it (the levels above, innermost first, are indented 4, 2, 0): keys of one level start in the same column, and a deeper level only goes under a key ending with a colon (or a -). Line this line up with the level it belongs to.',
    );
    // Block scalars, flow lists over lines and comments are passed over; a sound file has no problem.
    const sound = [
      'a:',
      '  text: |',
      '     indented text',
      '     more text',
      '  list: [1,',
      '     2]',
      '# a comment',
      '      # an indented comment',
      '  b: 2',
      '',
    ].join('\n');
    expect(said(sound)).toEqual([]);
    // A deeper line after a key with a value stays the parser's (nested).
    expect(said('id: x\n  version: "1"\n').map((p) => p[0])).toEqual(['YAML_SYNTAX']);
    // Values over several lines (plain, quoted) are no levels: a later error stays the parser's, at its place.
    const wrapped = [
      'a:',
      '  b: a long',
      '     value going on',
      '  c: "quoted',
      '    over lines"',
      '  d: [1, 2',
      '  e: 1',
      '',
    ].join('\n');
    expect(said(wrapped)).toEqual([['YAML_SYNTAX', 6, 6]]);
    // Backing out past several levels names them all, innermost first.
    const deep = ['a:', '  b:', '    c:', '      d: 1', '   e: 1', ''].join('\n');
    expect(
      parseConfigYaml(text(deep)).problems.map((p) => [p.code, p.line, p.message.en.split(' (')[1]]),
    ).toEqual([
      [
        'YAML_MISALIGNED',
        5,
        'the levels above, innermost first, are indented 6, 4, 2): keys of one level start in the same column, and a deeper level only goes under a key ending with a colon',
      ],
    ]);
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
