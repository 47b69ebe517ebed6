import { useMemo } from 'react';
import { useIntlLocale } from './LocaleProvider';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let format = cache.get(key) as F | undefined;
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

/**
 * Formats an ISO 8601 calendar date (`2024-03-01`) for display. The date is read and printed in
 * UTC so that it never shifts by a day in the user's time zone. Anything unparseable is shown as is.
 */
export function formatDate(isoDate: string, locale = 'en-GB'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCDate() !== Number(d)) return isoDate; // e.g. 2024-02-31
  return cached(`date:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(date);
}

/** A moment (`2024-03-01T10:15:00Z`) in the user's own time zone; unparseable text as is. */
export function formatDateTime(isoInstant: string, locale = 'en-GB'): string {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return isoInstant;
  return cached(`instant:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(date);
}

export function formatNumber(value: number, locale = 'en-GB', maximumFractionDigits = 2): string {
  return cached(`number:${locale}:${maximumFractionDigits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits })).format(value);
}

/** `percent` is already a percentage (42.5 → "42.5 %" in French, "42.5%" in English). */
export function formatPercent(percent: number, locale = 'en-GB'): string {
  return cached(`percent:${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })).format(percent / 100);
}

/** The formatters bound to the chosen language. */
export function useFormat() {
  const locale = useIntlLocale();
  return useMemo(
    () => ({
      date: (iso: string) => formatDate(iso, locale),
      dateTime: (iso: string) => formatDateTime(iso, locale),
      number: (value: number, digits?: number) => formatNumber(value, locale, digits),
      percent: (value: number) => formatPercent(value, locale),
      period: (from: string, to: string) => `${formatDate(from, locale)} – ${formatDate(to, locale)}`,
    }),
    [locale],
  );
}
