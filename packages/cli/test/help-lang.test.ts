import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const COMMANDS = [
  [],
  ['validate'],
  ['diff'],
  ['evaluate'],
  ['verify'],
  ['sample'],
  ['site'],
  ['site', 'build'],
  ['site', 'serve'],
  ['demo'],
  ['publish'],
  ['impact'],
  ['test'],
  ['source'],
  ['source', 'init'],
  ['source', 'check'],
  ['payroll'],
  ['suggest-targets'],
];

const HAN = /\p{Script=Han}/u;
// Five English words in a row: a sentence, not an option's name or a path.
const ENGLISH = /\b[A-Za-z]+,? [a-z]+,? [a-z]+,? [a-z]+,? [a-z]+\b/;

const help = async (...argv: string[]) => {
  const r = await runCli(...argv);
  expect([r.code, r.stderr]).toEqual([0, '']);
  return r.stdout;
};

describe('--help', () => {
  const saved = process.env.SCOREBOOK_LANG;
  afterEach(() => {
    if (saved === undefined) delete process.env.SCOREBOOK_LANG;
    else process.env.SCOREBOOK_LANG = saved;
  });

  for (const command of COMMANDS) {
    const name = ['scorebook', ...command].join(' ');
    it(`${name}: English only with --lang en, Chinese only with --lang zh`, async () => {
      delete process.env.SCOREBOOK_LANG;
      const en = await help(...command, '--help', '--lang', 'en');
      expect(en).toMatch(ENGLISH);
      expect(en).not.toMatch(HAN);
      expect(await help(...command, '--lang=en', '--help')).toBe(en);
      const zh = await help(...command, '--help', '--lang', 'zh');
      expect(zh).toMatch(HAN);
      expect(zh).not.toMatch(ENGLISH);
      // Chinese by default; SCOREBOOK_LANG=en makes English the default.
      expect(await help(...command, '--help')).toBe(zh);
      process.env.SCOREBOOK_LANG = 'en';
      expect(await help(...command, '-h')).toBe(en);
      expect(await help(...command, '--help', '--lang', 'zh')).toBe(zh);
    });
  }

  it('takes --lang before the command too', async () => {
    delete process.env.SCOREBOOK_LANG;
    expect(await help('--lang', 'en', '--help')).toBe(await help('--help', '--lang', 'en'));
    expect(await help('--lang', 'en', 'validate', '--help')).toBe(
      await help('validate', '--help', '--lang', 'en'),
    );
    expect(await help('help', '--lang', 'en')).toBe(await help('--help', '--lang', 'en'));
  });
});
