/**
 * Latin readings and the two phonetic keys every script is reduced to. The reading is Azerbaijani Latin
 * (what an official at home would write); the fold and skeleton merge the sounds that spellings confuse.
 */

const AZ_LETTERS = new Set(['ə', 'ı', 'ş', 'ç', 'ğ', 'ö', 'ü']);
const LATIN_FOLDS: Readonly<Record<string, string>> = {
  'ä': 'ə', 'ǝ': 'ə', 'ɘ': 'ə', 'ḥ': 'h', 'ṣ': 's', 'ṭ': 't', 'ḍ': 'd', 'ẓ': 'z', 'ḏ': 'z', 'ṯ': 's',
  'ḫ': 'x', 'ġ': 'ğ', 'ž': 'j', 'č': 'ç', 'š': 'ş', 'ș': 'ş', 'ţ': 't', 'ḩ': 'h', 'ḑ': 'd', 'z̧': 'z',
  'ı̇': 'i', 'ё': 'e',
};

function foldLatinChar(ch: string): string {
  if (AZ_LETTERS.has(ch)) return ch;
  const mapped = LATIN_FOLDS[ch];
  if (mapped !== undefined) return mapped;
  return ch.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Reads a Latin-script name as lower-case Azerbaijani Latin. Spellings without Azerbaijani letters are
 * taken as English/NGO or Russian passport spellings, whose digraphs are folded (kh → x, sh → ş, j/dj → c).
 */
export function latinReading(text: string): string {
  let s = text.normalize('NFC').replace(/İ/g, 'i').toLowerCase();
  s = [...s].map(foldLatinChar).join('');
  s = s.replace(/[ʿʾ‘’'`´ʻʼ]/g, '');
  const azerbaijani = [...s].some((ch) => AZ_LETTERS.has(ch));
  if (!azerbaijani) {
    s = s
      .replace(/dzh|dj|dsch/g, 'c')
      .replace(/zh/g, 'ʒ')
      .replace(/j/g, 'c')
      .replace(/ʒ/g, 'j')
      .replace(/kh/g, 'x')
      .replace(/sh|sch/g, 'ş')
      .replace(/tch|ch/g, 'ç')
      .replace(/gh/g, 'ğ')
      .replace(/th/g, 's')
      .replace(/dh/g, 'z')
      .replace(/ph/g, 'f')
      .replace(/ou|oo/g, 'u')
      .replace(/ee/g, 'i');
  }
  s = s.replace(/w/g, 'v');
  // A Russian-style ю/ё after a consonant, transliterated (Gyulnara, Hyuseyn, Kyonul), is Azerbaijani ü/ö.
  s = s.replace(/(?<=[bcçdfgğhjklmnpqrsştvxz])y([uo])/g, (_m, v: string) => (v === 'u' ? 'ü' : 'ö'));
  return s.replace(/[^a-zəışçğöü\s-]/g, ' ').replace(/[\s-]+/g, ' ').trim();
}

const FOLD_CLASS: Readonly<Record<string, string>> = {
  a: 'a', ə: 'a', e: 'a', i: 'i', ı: 'i', y: 'i', o: 'u', ö: 'u', u: 'u', ü: 'u',
  b: 'b', p: 'b', c: 'j', ç: 'j', j: 'j', d: 't', t: 't', f: 'f', v: 'f', w: 'f',
  g: 'k', ğ: 'k', k: 'k', q: 'k', x: 'k', h: 'k', l: 'l', m: 'm', n: 'n', r: 'r', s: 's', ş: 's', z: 'z',
};
const VOWEL_CLASSES = new Set(['a', 'i', 'u']);

/**
 * Joins «Abd al-…» compounds the way `arabicReading` does (Abdul Rahman, Abd-ar-Rahman, Əbdürrəhman →
 * abdu…), so a compound typed with or without spaces and article compares equal.
 */
export function joinCompounds(reading: string): string {
  // «Abd Allah» in all its spellings (Abdullah, Abdulah, Abdallah, Abd-Allah, Əbdülla) is one name.
  if (/^[aə]bd[uüaəei]?[\s-]*[aeəu]?ll?[aə]h?$/.test(reading)) return 'abdulla';
  const article = /^[aə]bd[\s-]+[aeəu](?:l|r|s|sh|ş|d|t|n|z)[\s-]+(?=\S)/;
  const allah = /^[aə]bd[\s-]+[aeəu]l(?=l)/;
  const joined = article.test(reading)
    ? reading.replace(article, 'abdu')
    : allah.test(reading)
      ? reading.replace(allah, 'abdu')
      : reading.replace(/^[aə]bd[uüaəei]?[lr]?[\s-]*(?=\S)/, 'abdu');
  return joined.replace(/\s+/g, '');
}

/**
 * The phonetic fold: vowels reduced to a/i/u, consonants to classes that Azerbaijani, Russian, English and
 * Arabic spellings confuse (q/g/k/ğ/x/h; c/ç/j; d/t; f/v/w; s/ş), doubles collapsed, final -h dropped.
 * Trigram similarity on this text is what blocking and fuzzy comparison use.
 */
export function phoneticFold(reading: string): string {
  let s = joinCompounds(reading);
  if (s.length > 3 && s.endsWith('h') && VOWEL_CLASSES.has(FOLD_CLASS[s.charAt(s.length - 2)] ?? '')) {
    s = s.slice(0, -1);
  }
  let out = '';
  let prev = '';
  for (const ch of s) {
    const cls = FOLD_CLASS[ch];
    if (cls === undefined || cls === prev) continue;
    out += cls;
    prev = cls;
  }
  return out;
}

const FINE_CLASS: Readonly<Record<string, string>> = { ...FOLD_CLASS, ş: 'ş', ç: 'ç' };

/**
 * A finer fold than `phoneticFold`: the same classes, except that ş stays apart from s and ç from c/j.
 * Every script writes those apart (sh/ш/ش against s/с/س, ch/ч/چ against j/дж/ج), so two spellings that
 * differ there are different names (Həşim and Qasım share a phonetic fold, not a fine one). Arabic ج
 * stands for c, ç and j alike: compare an Arabic spelling with `arabicSafe` of both fine folds.
 */
export function fineFold(reading: string): string {
  let s = joinCompounds(reading);
  if (s.length > 3 && s.endsWith('h') && VOWEL_CLASSES.has(FOLD_CLASS[s.charAt(s.length - 2)] ?? '')) {
    s = s.slice(0, -1);
  }
  let out = '';
  let prev = '';
  for (const ch of s) {
    const cls = FINE_CLASS[ch];
    if (cls === undefined || cls === prev) continue;
    out += cls;
    prev = cls;
  }
  return out;
}

/** A fine fold as Arabic script can write it: ç (چ is rare, ج usual) merges with c/j. */
export function arabicSafe(fine: string): string {
  return fine.replace(/ç+/g, 'j').replace(/j+/g, 'j');
}

/**
 * The consonant skeleton of a fold: what an Arabic spelling without vowels and a Latin spelling share
 * (محمد, Məhəmməd, Mohammed, Магомед → mkmt). Falls back to the fold for vowel-only names.
 */
export function consonantSkeleton(fold: string): string {
  let out = '';
  let prev = '';
  for (const ch of fold) {
    if (VOWEL_CLASSES.has(ch) || ch === prev) continue;
    out += ch;
    prev = ch;
  }
  return out === '' ? fold : out;
}
