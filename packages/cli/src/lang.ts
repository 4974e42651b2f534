import type { Lang } from '@scorebook/problems';

export type { Lang } from '@scorebook/problems';

/** Picks the language from an option or the environment: Chinese by default, English with `--lang en` or `SCOREBOOK_LANG=en`. */
export function pickLang(option: string | undefined): Lang {
  const value = option ?? process.env.SCOREBOOK_LANG ?? 'zh';
  return value.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/**
 * The value of `--lang` (`--lang en` or `--lang=en`) anywhere in a command line, for what is
 * printed before the command's own options are parsed (the top-level help, a verb's help).
 */
export function langOption(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--lang');
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
}
