import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { intlLocales, locales, type Catalogue, type Locale } from './catalog';

const storageKey = 'integrity.locale';

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'en', setLocale: () => {} });

/** The remembered choice, else the browser's first language we speak, else English. */
export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(storageKey);
    if (locales.includes(stored as Locale)) return stored as Locale;
  } catch {
    // Storage can be disabled (private mode); the browser's language still works.
  }
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  for (const language of preferred) {
    const base = language.slice(0, 2).toLowerCase();
    if (locales.includes(base as Locale)) return base as Locale;
  }
  return 'en';
}

/** The chosen language, switchable at any time and remembered in this browser. */
export function LocaleProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setState] = useState<Locale>(() => fixed ?? initialLocale());

  const setLocale = useCallback((next: Locale) => {
    setState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Not remembered, but switched for this visit.
    }
  }, []);

  useEffect(() => {
    // Screen readers and the browser's hyphenation follow the page's language.
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

/** The Intl locale (en-GB, fr-FR) for the chosen language. */
export function useIntlLocale(): string {
  return intlLocales[useLocale().locale];
}

/** A feature's labels in the chosen language. */
export function useMessages<T>(catalogue: Catalogue<T>): T {
  const { locale } = useLocale();
  return catalogue[locale] as T;
}

/** Picks the English or French field of a record that has both (key factors, countries, administrations). */
export function useBilingual(): <R>(record: R, en: keyof R, fr: keyof R) => string {
  const { locale } = useLocale();
  return useCallback(
    <R,>(record: R, en: keyof R, fr: keyof R) => String((locale === 'fr' ? record[fr] : record[en]) ?? record[en] ?? ''),
    [locale],
  );
}
