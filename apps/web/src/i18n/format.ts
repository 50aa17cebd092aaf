/**
 * Dates in the person's language, with the browser's regional conventions when they match that language
 * (en-GB gives a 24-hour clock, en-US does not). Arabic keeps Latin digits so that times read the same as
 * the ids and sequence numbers beside them.
 */
export function formatDateTime(iso: string, language: string, precision: 'minute' | 'second' = 'minute'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const browser = typeof navigator === 'undefined' ? '' : navigator.language;
  let locale = browser.toLowerCase().split('-')[0] === language ? browser : language;
  if (language === 'ar') locale = `${locale}-u-nu-latn`;
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: precision === 'second' ? 'medium' : 'short' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return new Intl.DateTimeFormat(language, options).format(date);
  }
}

function localeFor(language: string): string {
  const browser = typeof navigator === 'undefined' ? '' : navigator.language;
  const locale = browser.toLowerCase().split('-')[0] === language ? browser : language;
  return language === 'ar' ? `${locale}-u-nu-latn` : locale;
}

/**
 * A calendar date (YYYY, YYYY-MM or YYYY-MM-DD) at the precision it was written: a year stays a year, a
 * month is not turned into its first day. Read as UTC so the day never shifts with the time zone.
 */
export function formatCalendarDate(value: string, language: string): string {
  const [y, m, d] = value.split('-').map(Number);
  if (y === undefined || Number.isNaN(y)) return value;
  if (m === undefined) return String(y);
  const date = new Date(Date.UTC(y, m - 1, d ?? 1));
  if (Number.isNaN(date.getTime())) return value;
  const options: Intl.DateTimeFormatOptions =
    d === undefined ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(localeFor(language), options).format(date);
  } catch {
    return new Intl.DateTimeFormat(language, options).format(date);
  }
}

/** Today as YYYY-MM-DD in the person's own time zone (what a date field should default to). */
export function todayIso(now = new Date()): string {
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}

/** A file size in megabytes, in the person's language ("2.4 MB", "2,4 МБ"). */
export function formatMegabytes(bytes: number, language: string): string {
  const options: Intl.NumberFormatOptions = { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 };
  try {
    return new Intl.NumberFormat(localeFor(language), options).format(bytes / (1024 * 1024));
  } catch {
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  }
}
