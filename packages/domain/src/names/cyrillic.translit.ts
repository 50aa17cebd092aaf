import { CYRILLIC_STANDARDS, CYRL_TO_AZ_READING } from './cyrillic.tables';
import type { CyrillicStandard } from './cyrillic.tables';

const AZ_STANDARDS = new Set<CyrillicStandard>(['az-1939', 'az-bgn-1993']);
const ODNI_UNDOUBLED = new Set(['ғ', 'ё', 'ж', 'х', 'ч', 'ш', 'щ', 'ю', 'я']);

function upperFirst(out: string, locale: string | undefined): string {
  if (out === '') return out;
  return out.charAt(0).toLocaleUpperCase(locale) + out.slice(1);
}

/**
 * Transliterates Cyrillic text by one published standard, keeping case and any non-Cyrillic characters.
 * Used to show officials the standard spelling; matching uses `cyrillicReading`, which folds further.
 */
export function transliterateCyrillic(text: string, standard: CyrillicStandard): string {
  const table = CYRILLIC_STANDARDS[standard];
  const locale = AZ_STANDARDS.has(standard) ? 'az' : undefined;
  const chars = [...text.normalize('NFC')];
  let out = '';
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i] ?? '';
    const lower = ch.toLowerCase();
    const next = (chars[i + 1] ?? '').toLowerCase();
    if (standard === 'ru-mvd-2010' && (lower === 'ъ' || lower === '’') && (next === 'ю' || next === 'я')) {
      const mapped = next === 'ю' ? 'ju' : 'ja';
      out += (chars[i + 1] ?? '') !== next ? upperFirst(mapped, locale) : mapped;
      i += 1;
      continue;
    }
    if (standard === 'az-odni-2015' && ODNI_UNDOUBLED.has(lower) && next === lower) {
      // ICS-630-01: a doubled digraph letter is written once (шш → sh).
      i += 1;
    }
    if (lower === '\u0301') continue;
    const mapped = table[lower];
    if (mapped === undefined) {
      out += ch;
      continue;
    }
    out += ch !== lower ? upperFirst(mapped, locale) : mapped;
  }
  return out;
}

/**
 * Reads an Azerbaijani name written in any Cyrillic convention (1939/1958 Azerbaijani alphabets or
 * Russian-style passports) as lower-case Azerbaijani Latin: Гулиев → quliyev, Гаджиева → qaciyeva,
 * Хадиджа → xadica. Russian `г` for Azerbaijani h/q/g is left to the phonetic fold, which merges them.
 */
export function cyrillicReading(text: string): string {
  const lower = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/дж/g, 'ҹ')
    .replace(/ьо/g, 'yo')
    // Russian spelling marks Azerbaijani ə, ü, ö after a consonant with a soft vowel: Пярвана = Pərvanə,
    // Гюнель = Günel, Гёзәл = Gözəl. After a vowel, ь or ъ (and at the start) я is ya: Яхья, Марьям.
    .replace(/(?<=[бвгґғджҗзйкқҝлмнңпрстфхһцчҹшщ])([яюё])/g, (_m, v: string) => (v === 'я' ? 'ә' : v === 'ю' ? 'ү' : 'ө'));
  let out = '';
  for (const ch of lower) {
    const mapped = CYRL_TO_AZ_READING[ch];
    out += mapped ?? ch;
  }
  // Russian spelling writes -ев/-ева after a vowel for Azerbaijani -yev/-yeva (Алиев = Əliyev).
  return out.replace(/([aeiouıəöü])ev(a?)\b/g, '$1yev$2').replace(/\bе/g, 'e');
}
