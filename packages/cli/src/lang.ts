import type { Lang } from '@scorebook/problems';

export type { Lang } from '@scorebook/problems';

/** Picks the language from an option or the environment: Chinese by default, English with `--lang en` or `SCOREBOOK_LANG=en`. */
export function pickLang(option: string | undefined): Lang {
  const value = option ?? process.env.SCOREBOOK_LANG ?? 'zh';
  return value.toLowerCase().startsWith('en') ? 'en' : 'zh';
}
