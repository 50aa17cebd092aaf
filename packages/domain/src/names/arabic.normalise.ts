/**
 * Arabic-script names: normalisation to a comparable form and a consonantal Latin reading. Arabic writing
 * omits short vowels, so the reading is deliberately vowel-poor; the phonetic fold compares it with Latin.
 */

const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ؤ': 'و', 'ئ': 'ي', 'ى': 'ي', 'ة': 'ه', 'ی': 'ي', 'ې': 'ي',
  'ک': 'ك', 'ڪ': 'ك', 'ھ': 'ه', 'ۀ': 'ه', 'ە': 'ه', 'ٸ': 'ي',
};

/**
 * Strips vowel marks and tatweel, folds alef/hamza/ta marbuta/alef maqsura forms and joins «عبد ال…»
 * compounds, so that the many ways a clerk may type one Arabic name compare equal.
 */
export function normaliseArabic(text: string): string {
  let s = text.normalize('NFC').replace(MARKS, '').replace(TATWEEL, '');
  s = [...s].map((ch) => LETTER_FOLDS[ch] ?? ch).join('');
  s = s.replace(/[\u0621]/g, '');
  s = s.replace(/[^\u0600-\u06FF\s-]/g, ' ').replace(/-/g, ' ');
  s = s.replace(/(^|\s)عبد\s+(?=\S)/g, '$1عبد');
  // «عبد ال …» and «ابو بكر»-style compounds written with a space are one name.
  return s.replace(/\s+/g, ' ').trim();
}

const CONSONANTS: Readonly<Record<string, string>> = {
  'ب': 'b', 'ت': 't', 'ث': 's', 'ج': 'c', 'ح': 'h', 'خ': 'x', 'د': 'd', 'ذ': 'z', 'ر': 'r', 'ز': 'z',
  'س': 's', 'ش': 'ş', 'ص': 's', 'ض': 'z', 'ط': 't', 'ظ': 'z', 'ع': '', 'غ': 'ğ', 'ف': 'f', 'ق': 'q',
  'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'پ': 'p', 'چ': 'ç', 'ژ': 'j', 'گ': 'g', 'ڤ': 'v',
};

/** How a و inside a word is read: by its neighbours (the default), always as v, or always as a vowel. */
export type WawReading = 'auto' | 'v' | 'u';

function readWord(word: string, waw: WawReading): string {
  const chars = [...word];
  let out = '';
  chars.forEach((ch, i) => {
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const last = i === chars.length - 1;
    if (ch === 'ا') out += 'a';
    else if (ch === 'و') {
      const consonant = i === 0 || (waw === 'auto' ? prev === 'ا' || next === 'ا' : waw === 'v');
      out += consonant ? 'v' : 'u';
    }
    else if (ch === 'ي') out += i === 0 || next === 'ا' ? 'y' : 'i';
    else if (ch === 'ه' && last && i > 0) out += 'ə';
    else out += CONSONANTS[ch] ?? '';
  });
  return out;
}

/**
 * Drops a leading definite article («ال»), as surnames and nisbas carry it (الجبوري, الأذري) while Latin
 * spellings often do not. Given names keep it (الهام is İlham).
 */
export function stripArabicArticle(normalised: string): string {
  return normalised.replace(/(^|\s)ال(?=\S{3,})/g, '$1');
}

/**
 * Reads normalised Arabic as Azerbaijani-style Latin letters (ج → c, خ → x, ق → q, ث → s), long vowels
 * only; «عبدال…» compounds read as `abd-…`, which `joinCompounds` treats exactly like Latin spellings.
 * و is a consonant (v) or a vowel (u, o, ö, ü): by default it is read by its neighbours (v beside an
 * alef or first), `waw` forces one reading (روشن is Rövşən, زاور is Zaur).
 */
export function arabicReading(normalised: string, waw: WawReading = 'auto'): string {
  return normalised
    .split(' ')
    .filter((w) => w !== '')
    .map((word) => {
      const abd = /^عبد(?:ال)?(.{2,})$/.exec(word);
      if (abd?.[1]) return `abd-${readWord(abd[1], waw)}`;
      return readWord(word, waw);
    })
    .join(' ');
}
