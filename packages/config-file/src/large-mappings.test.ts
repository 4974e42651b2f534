import { describe, expect, it, vi } from 'vitest';
import type * as Yaml from 'yaml';

// The options parseConfigYaml gives the YAML parser, to check that its quadratic duplicate-key
// check (each key compared with every earlier one of its mapping) is left off.
const parseOptions: Array<Record<string, unknown>> = [];
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof Yaml>();
  return {
    ...yaml,
    parseAllDocuments: (source: string, options: Record<string, unknown>) => {
      parseOptions.push(options);
      return yaml.parseAllDocuments(source, options);
    },
  };
});

const { isMap } = await import('yaml');
const { locate } = await import('./locate.ts');
const { parseConfigYaml } = await import('./parse-yaml.ts');

const source = (text: string) => ({ file: 'x.yaml', text, sha256: '' });
const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);

describe('large mappings', () => {
  it('find duplicate keys in one pass per mapping, not with the parser’s quadratic check', () => {
    const text = `big:\n${keys(2_000)
      .map((k) => `  ${k}: 1`)
      .join('\n')}\n  k7: 2\nflow: {a: 1, "a": 2, b: {c: 1, c: 2}}\n`;
    const { problems } = parseConfigYaml(source(text));
    expect(parseOptions.map((o) => o.uniqueKeys)).toEqual([false]);
    expect(problems.map((p) => [p.code, p.line, p.column, p.message.en])).toEqual([
      [
        'YAML_DUPLICATE_KEY',
        2_002,
        3,
        'The key "k7" appears twice at the same level. Remove or merge one of them.',
      ],
      [
        'YAML_DUPLICATE_KEY',
        2_003,
        14,
        'The key "a" appears twice at the same level. Remove or merge one of them.',
      ],
      [
        'YAML_DUPLICATE_KEY',
        2_003,
        32,
        'The key "c" appears twice at the same level. Remove or merge one of them.',
      ],
    ]);
  });

  it('locate every key of a mapping with one look at its items, not one scan per key', () => {
    const n = 2_000;
    const { parsed } = parseConfigYaml(
      source(
        `big:\n${keys(n)
          .map((k) => `  ${k}: 1`)
          .join('\n')}\n`,
      ),
    );
    const big = (parsed!.doc.contents as Yaml.YAMLMap).items[0]!.value;
    if (!isMap(big)) throw new Error('not a mapping');
    let looks = 0;
    big.items = new Proxy(big.items, {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) looks++;
        return Reflect.get(target, property, receiver);
      },
    });
    const lines = keys(n).map((k) => parsed!.lineCounter.linePos(locate(parsed!, ['big', k])[0]).line);
    expect(lines[0]).toBe(2);
    expect(lines[n - 1]).toBe(n + 1);
    expect(looks).toBe(n);
  });
});
