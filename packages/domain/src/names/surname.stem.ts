/**
 * Azerbaijani surnames are built on an ancestor's given name (Quliyev ← Quli, Məmmədova ← Məmməd), with
 * Russian-era suffixes and a feminine -a. Folding to the stem makes a woman's and a man's form equal and
 * lets the stem meet the grandfather's name of an Iraqi triple name.
 */
const FEMININE = /(ov|yev|ev|in|sk)a$|(ov|yev|ev)ə$/;
const SUFFIX = /(?:[iı]?yev|ov|yov|ev|zad[əe]h?|o[ğg]l[uy]|oghlu)$/;

/** Folds a surname reading (lower-case Azerbaijani Latin) to its stem: quliyeva → quli, kuliev → kuli. */
export function surnameStem(reading: string): string {
  const word = reading.replace(/\s+/g, '');
  let s = word.replace(FEMININE, (match) => match.slice(0, -1));
  const stripped = s.replace(SUFFIX, (match) => (/^[iı]yev$/.test(match) ? match.charAt(0) : ''));
  s = stripped.length >= 2 ? stripped : s;
  return s;
}

/** True when a token looks like a surname (for splitting a full name written in one string). */
export function looksLikeSurname(reading: string): boolean {
  return /(?:[iı]?yev|ov|yov|ev|zad[əe]h?|o[ğg]lu)(a|ə)?$/.test(reading) && reading.length > 4;
}
