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
