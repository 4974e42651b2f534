import type { Bilingual, Lang } from './problem.ts';

/**
 * One entry of a catalogue: a message in both languages built from typed parameters. For an
 * error the message says what happened, why, and what to do; for interface text it is the text.
 */
export interface CatalogueEntry<P> {
  zh: (params: P) => string;
  en: (params: P) => string;
}

/** A catalogue: entries by permanent key. Keys are never renamed or reused. */
// A function of any parameter type is assignable to one taking `never`.
export type Catalogue = Readonly<Record<string, CatalogueEntry<never>>>;

/** The parameters an entry takes. */
export type ParamsOf<E> = E extends CatalogueEntry<infer P> ? P : never;

/** The arguments after the key: none for an entry without parameters, else its parameters. */
export type ArgsOf<E> =
  unknown extends ParamsOf<E> ? [] : [ParamsOf<E>] extends [undefined] ? [] : [params: ParamsOf<E>];

/**
 * Declares a catalogue, keeping each entry's own parameter type, so that `messageOf` checks the
 * parameters a key needs and the key itself is a closed union (`keyof typeof CATALOGUE`).
 */
export function defineCatalogue<const T extends { [K in keyof T]: CatalogueEntry<never> }>(entries: T): T {
  return entries;
}

/** The message of a catalogue entry in both languages. */
export function messageOf<T extends Catalogue, K extends keyof T & string>(
  catalogue: T,
  key: K,
  ...args: ArgsOf<T[K]>
): Bilingual {
  const entry = catalogue[key] as unknown as CatalogueEntry<unknown>;
  const params = args[0];
  return { zh: entry.zh(params), en: entry.en(params) };
}

/** The text of a catalogue entry in one language. */
export function textOf<T extends Catalogue, K extends keyof T & string>(
  catalogue: T,
  lang: Lang,
  key: K,
  ...args: ArgsOf<T[K]>
): string {
  const entry = catalogue[key] as unknown as CatalogueEntry<unknown>;
  return entry[lang](args[0]);
}

/** An entry with the same text whatever its parameters (for short interface words). */
export function fixed(zh: string, en: string): CatalogueEntry<undefined> {
  return { zh: () => zh, en: () => en };
}
