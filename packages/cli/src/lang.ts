import type { Bilingual } from '@scorebook/problems';

/** The language of messages: Chinese by default, English with `--lang en` or `SCOREBOOK_LANG=en`. */
export type Lang = 'zh' | 'en';

/** Picks the language from an option or the environment. */
export function pickLang(option: string | undefined): Lang {
  const value = option ?? process.env.SCOREBOOK_LANG ?? 'zh';
  return value.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** A bilingual message in the chosen language. */
export function say(message: Bilingual, lang: Lang): string {
  return message[lang];
}

/** Inline choice of words: `t(lang, '中文', 'English')`. */
export function t(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? zh : en;
}
