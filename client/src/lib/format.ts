import { locale } from './messages';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats an ISO 8601 calendar date (`2024-03-01`) for display. The date is read and printed in
 * UTC so that it never shifts by a day in the user's time zone. Anything unparseable is shown as is.
 */
export function formatDate(isoDate: string, loc: string = locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCDate() !== Number(d)) return isoDate; // e.g. 2024-02-31

  let format = dateFormats.get(loc);
  if (!format) {
    format = new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(loc, format);
  }
  return format.format(date);
}
