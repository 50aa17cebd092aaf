/**
 * Azerbaijani surnames are built on an ancestor's given name (Quliyev ← Quli, Məmmədova ← Məmməd), with
 * Russian-era suffixes and a feminine -a. Folding to the stem makes a woman's and a man's form equal and
 * lets the stem meet the grandfather's name of an Iraqi triple name.
 */
const FEMININE = /(ov|yev|ev|in|sk)a$|(ov|yev|ev)ə$/;
const SUFFIX = /(?:[iı]?yev|ov|yov|ev|zad[əe]h?|o[ğg]l[uy]|oghlu)$/;

/** Suffixes a hand-typed surname may carry with one typo (most specific first). */
const TYPO_SUFFIXES = ['ova', 'yeva', 'eva', 'ov', 'yev', 'ev'];

function oneTypoApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length) {
    let diff = 0;
    for (let i = 0; i < a.length; i += 1) if (a.charAt(i) !== b.charAt(i)) diff += 1;
    if (diff <= 1) return true;
    // Two neighbouring letters swapped.
    for (let i = 0; i + 1 < a.length; i += 1) {
      if (a.charAt(i) !== b.charAt(i)) {
        return a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i) && a.slice(i + 2) === b.slice(i + 2);
      }
    }
    return false;
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  for (let i = 0; i < long.length; i += 1) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

/**
 * The stem of a surname whose suffix carries one typo (Cəbrayılbva, Səmədovva, Bağıroav, Huseynkv: a
 * doubled, swapped, replaced or dropped letter in -ova/-yeva/-ov/-yev), or null. The tail must keep a v
 * and the stem three letters, so that names without a suffix (Paşa, Ağa) are left alone.
 */
function stemWithSuffixTypo(word: string): string | null {
  for (const suffix of TYPO_SUFFIXES) {
    // An extra letter first (Səmədovva), then a replaced or swapped one, then a dropped one.
    for (const len of [suffix.length + 1, suffix.length, suffix.length - 1]) {
      if (len < 2 || word.length - len < 3) continue;
      const tail = word.slice(-len);
      if (tail.includes('v') && oneTypoApart(tail, suffix)) return word.slice(0, -len);
    }
  }
  return null;
}

/**
 * Folds a surname reading (lower-case Azerbaijani Latin) to its stem: quliyeva → quli, kuliev → kuli.
 * With `typos` (for typed Latin or Cyrillic, not for Arabic script), a suffix with one typo is still
 * recognised: cəbrayılbva → cəbrayıl.
 */
export function surnameStem(reading: string, options: { typos?: boolean } = {}): string {
  const word = reading.replace(/\s+/g, '');
  const s = word.replace(FEMININE, (match) => match.slice(0, -1));
  const stripped = s.replace(SUFFIX, (match) => (/^[iı]yev$/.test(match) ? match.charAt(0) : ''));
  if (stripped !== s && stripped.length >= 2) return stripped;
  if (options.typos === true && stripped === s) {
    const typed = stemWithSuffixTypo(word);
    if (typed !== null) return typed;
  }
  return s;
}

/** True when a token looks like a surname (for splitting a full name written in one string). */
export function looksLikeSurname(reading: string): boolean {
  return /(?:[iı]?yev|ov|yov|ev|zad[əe]h?|o[ğg]lu)(a|ə)?$/.test(reading) && reading.length > 4;
}
