/** The two languages of the product; `en` is the one every catalogue is written in first. */
export type Locale = 'en' | 'fr';
export const locales: readonly Locale[] = ['en', 'fr'];

/** The locale that Intl formats dates and numbers in, per language. */
export const intlLocales: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };

/**
 * The French catalogue must have every key of the English one, with the same function
 * signatures: a label missing in French is a type error, not a blank on screen.
 */
export type Translation<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : T[K] extends string
      ? string
      : Translation<T[K]>;
};

export interface Catalogue<T> {
  en: T;
  fr: Translation<T>;
}

/** A feature's labels in both languages; components pick one with useMessages(catalogue). */
export function defineMessages<T>(en: T, fr: Translation<T>): Catalogue<T> {
  return { en, fr };
}
