import { locales } from '@/i18n/catalog';
import { common } from '@/i18n/common';
import { useLocale, useMessages } from '@/i18n/LocaleProvider';

/** English or French, at any time; each language named in itself. */
export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useMessages(common);
  return (
    <div className="language-switch" role="group" aria-label={t.language}>
      {locales.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          onClick={() => setLocale(option)}
        >
          {t.languages[option]}
        </button>
      ))}
    </div>
  );
}
