/**
 * Romanisation of vowelled Arabic after the US ODNI 2015 name standard (ICS-630-01 Annex A), for showing
 * officials a conventional spelling (مُحَمَّد → Muhammad). Matching never depends on it: unvowelled
 * Arabic is read by `arabicReading` and compared by skeleton.
 */

const FATHA = '\u064e';
const KASRA = '\u0650';
const DAMMA = '\u064f';
const SUKUN = '\u0652';
const SHADDA = '\u0651';
const CONSONANTS: Readonly<Record<string, string>> = {
  'ب': 'b', 'ت': 't', 'ث': 'th', 'ج': 'j', 'ح': 'h', 'خ': 'kh', 'د': 'd', 'ذ': 'dh', 'ر': 'r', 'ز': 'z',
  'س': 's', 'ش': 'sh', 'ص': 'ṣ', 'ض': 'ḍ', 'ط': 'ṭ', 'ظ': 'ẓ', 'ع': '’', 'غ': 'gh', 'ف': 'f', 'ق': 'q',
  'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'و': 'w', 'ي': 'y', 'ئ': '’', 'ؤ': '’', 'ء': '’',
};
const UNDOUBLED = new Set(['th', 'kh', 'dh', 'sh', 'gh', '’']);

interface Unit {
  ch: string;
  marks: string;
}

function units(word: string): Unit[] {
  const out: Unit[] = [];
  for (const ch of word.normalize('NFC')) {
    if (/[\u064b-\u0652]/.test(ch) && out.length > 0) {
      const last = out[out.length - 1];
      if (last) last.marks += ch;
    } else out.push({ ch, marks: '' });
  }
  return out;
}

function vowel(marks: string): string {
  if (marks.includes(FATHA)) return 'a';
  if (marks.includes(KASRA)) return 'i';
  if (marks.includes(DAMMA)) return 'u';
  return '';
}

function romaniseWord(word: string, taMarbutaAs: 'ah' | 'at'): string {
  let us = units(word);
  let prefix = '';
  if (us[0]?.ch === 'ا' && us[1]?.ch === 'ل' && us.length > 3) {
    prefix = 'al ';
    us = us.slice(2);
  }
  let out = '';
  for (let i = 0; i < us.length; i += 1) {
    const u = us[i] as Unit;
    const prev = us[i - 1];
    const next = us[i + 1];
    // «ال» inside a compound (عبدالرحمن, نورالدين, عبدالله): the article, or Allah.
    if (i > 0 && u.ch === 'ا' && next?.ch === 'ل' && i + 2 < us.length) {
      out = out.replace(/u$/, '');
      const after = us[i + 2];
      if (after?.ch === 'ل' && after.marks.includes(SHADDA) && us[i + 3]?.ch === 'ه') return `${prefix}${out}allah`;
      out += ' al ';
      i += 1;
      continue;
    }
    const prevVowel = prev ? vowel(prev.marks) : '';
    if (u.ch === 'ا' || u.ch === 'أ' || u.ch === 'إ' || u.ch === 'آ') {
      if (u.ch === 'آ' || (i > 0 && prevVowel === '' && u.ch === 'ا')) out += 'a';
      out += vowel(u.marks);
      continue;
    }
    if (u.ch === 'ى') {
      if (prevVowel === 'a') out = `${out.slice(0, -1)}á`;
      continue;
    }
    if (u.ch === 'ة') {
      out += i === us.length - 1 ? taMarbutaAs : 'at';
      continue;
    }
    const longVowel =
      (u.ch === 'ي' && prevVowel === 'i') || (u.ch === 'و' && prevVowel === 'u');
    if (longVowel && !u.marks.includes(SHADDA) && vowel(u.marks) === '') continue;
    const base = CONSONANTS[u.ch];
    if (base === undefined) {
      out += u.ch;
      continue;
    }
    const doubled = u.marks.includes(SHADDA) && !UNDOUBLED.has(base) && !longVowel;
    out += doubled ? base + base : base;
    const v = vowel(u.marks);
    if (v === 'a' && next?.ch === 'ة') continue;
    if (!u.marks.includes(SUKUN)) out += v;
  }
  return prefix + out;
}

function capitalise(text: string): string {
  return text
    .split(' ')
    .map((w) => w.replace(/^(’?)(\p{L})/u, (_m, q: string, l: string) => q + l.toUpperCase()))
    .join(' ')
    .replace(/ Al /g, ' al ');
}

/** Romanises (vowelled) Arabic after ODNI 2015: مُحَمَّد → Muhammad, جُمهُورِيَّة العِراق → Jumhuriyat al ’Iraq. */
export function romaniseArabicOdni(text: string): string {
  const words = text.trim().split(/\s+/);
  const parts = words.map((word, i) => {
    const next = words[i + 1];
    const definiteAdjective = next !== undefined && /^ال/.test(next) && /ة$/.test(next);
    return romaniseWord(word, next === undefined || definiteAdjective ? 'ah' : 'at');
  });
  return capitalise(parts.join(' ').replace(/\s+/g, ' ').trim());
}
