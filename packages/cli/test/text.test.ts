import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI_ERRORS } from '../src/cli-error.ts';
import { EVALUATE_HELP } from '../src/commands/evaluate.ts';
import { SITE_ERRORS } from '../src/site/site-errors.ts';
import { CLI_TEXT, type CliTextKey, say } from '../src/text.ts';
import { runCli } from './run-cli.ts';

const src = fileURLToPath(new URL('../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const sources = files(src).map((file) => ({
  name: file.slice(src.length),
  text: readFileSync(file, 'utf8'),
}));

describe('the text of the command line (a lint over packages/cli/src)', () => {
  it('finds the sources', () => {
    expect(sources.map((s) => s.name)).toEqual(
      expect.arrayContaining(['main.ts', 'text.ts', 'commands/demo.ts']),
    );
  });

  for (const { name, text } of sources) {
    it(`${name}: no inline language choice (every text comes from the catalogues)`, () => {
      expect(text).not.toMatch(/\bt\(/);
      expect(text).not.toMatch(/lang\s*[!=]==?\s*['"](?:zh|en)['"]/);
      expect(text).not.toMatch(/['"](?:zh|en)['"]\s*[!=]==?\s*lang\b/);
    });
    if (name !== 'repository.ts')
      it(`${name}: no repository file found through a relative URL (repository.ts knows the layout)`, () => {
        expect(text).not.toMatch(/new URL\(\s*['"`]\.\.?\//);
      });
  }

  it.each([
    ['CLI_TEXT', CLI_TEXT],
    ['CLI_ERRORS', CLI_ERRORS],
    ['SITE_ERRORS', SITE_ERRORS],
  ])('uses every key of %s', (catalogue, entries) => {
    const all = sources.map((s) => (s.name === 'text.ts' ? '' : s.text)).join('\n');
    const unused = Object.keys(entries).filter((key) => !all.includes(`'${key}'`));
    expect(unused, `${catalogue} keys no source uses`).toEqual([]);
  });
});

describe('usage errors', () => {
  it('print in the chosen language, then the command’s help when the arguments were wrong as a whole', async () => {
    const zh = await runCli('evaluate', 'stray');
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(`scorebook evaluate 不接受位置参数(收到 stray)\n\n${EVALUATE_HELP.zh}\n`);
    const en = await runCli('evaluate', 'stray', '--lang', 'en');
    expect(en.stderr).toBe(
      `scorebook evaluate takes no positional arguments (got stray)\n\n${EVALUATE_HELP.en}\n`,
    );
  });

  it('print without the help for a bad option value, naming the value', async () => {
    const run = await runCli('evaluate', '--max-rejected', 'lots', '--lang=en');
    expect([run.code, run.stdout, run.stderr]).toEqual([
      2,
      '',
      '--max-rejected takes a percentage (1%) or a number of rows (10), got "lots"\n',
    ]);
    const source = await runCli('source', 'check', 'data', '--max-rejected', 'lots', '--lang', 'en');
    expect(source.stderr).toBe(run.stderr);
  });

  it('an unknown option names the command’s help', async () => {
    const run = await runCli('validate', '--bogus', '--lang', 'en');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'scorebook validate has no option --bogus. Its options:\n  scorebook validate --help\n',
    );
    const zh = await runCli('validate', '--bogus');
    expect(zh.stderr).toBe(
      'scorebook validate 没有选项 --bogus。可用的选项见:\n  scorebook validate --help\n',
    );
  });

  it('an option value starting with a dash, or none, says how to write it (trial 7 L7)', async () => {
    const run = await runCli('sample', '--agents', '-5', '--lang', 'en');
    expect([run.code, run.stderr]).toEqual([
      2,
      'The option --agents has no value. Write --agents <value>; for a value starting with -, --agents=<value> (--agents=-5, say).\n  scorebook sample --help\n',
    ]);
    expect((await runCli('sample', '--agents')).stderr).toBe(
      '选项 --agents 缺少值。请写 --agents <值>;值以 - 开头时写成 --agents=<值>(例如 --agents=-5)。\n  scorebook sample --help\n',
    );
  });
});

describe('verify --all statuses', () => {
  const statuses = Object.keys(CLI_TEXT).filter((k): k is CliTextKey => k.startsWith('STATUS_'));

  it.each(statuses)('%s is said in Chinese first, its English name in parentheses', (key) => {
    const zh = say('zh', key as never);
    const en = say('en', key as never);
    const name = en.replace(/ \(.*\)$/, '');
    expect(zh).toMatch(/^\p{Script=Han}/u);
    expect(zh.includes(`(${name})`) || zh.includes(`(${name};`)).toBe(true);
  });
});
