import { phoneticFold } from '../names/latin.fold';
import { readName } from '../names/name.reading';
import { detectScript } from '../names/script.detect';

/** The parts of one recorded name. */
export interface NamePartsInput {
  given?: string | null;
  father?: string | null;
  grandfather?: string | null;
  family?: string | null;
  full?: string | null;
}

function wordsOf(text: string): string[] {
  const reading = readName(text).reading;
  return reading.split(/[\s-]+/).filter(Boolean);
}

/** Each word's Latin reading and its phonetic fold: what trigram search compares. */
function keysOf(text: string): string[] {
  return wordsOf(text).flatMap((w) => {
    const fold = phoneticFold(w);
    return fold && fold !== w ? [w, fold] : [w];
  });
}

/**
 * The text a name is searched by: every part read into lower-case Azerbaijani Latin whatever its script
 * (Xədicə, Хадиджа and خديجة all become Latin letters), plus each word's phonetic fold, so trigram
 * similarity finds a person typed in another script, in another spelling, or with a typo.
 */
export function nameSearchText(name: NamePartsInput): string {
  const parts = [name.given, name.father, name.grandfather, name.family, name.full].filter((p): p is string => !!p && p.trim() !== '');
  return [...new Set(parts.flatMap(keysOf))].join(' ');
}

/** A search query read the same way: folded words, which match the folds stored in the search text. */
export function querySearchText(query: string): string {
  return wordsOf(query)
    .map((w) => phoneticFold(w) || w)
    .join(' ');
}

/**
 * The consonant skeleton of a folded word: Arabic script leaves short vowels unwritten, so حسين reads as
 * "ksin" where Hüseyn folds to "kusain"; both have the skeleton "ksn". Migration 0012 files each stored
 * name under the skeletons of its folded words with the same rule (SQL `name_skeleton`).
 */
export function nameSkeleton(word: string): string {
  return word.replace(/[aeiouyəıöü]/g, '');
}

/** Shortest skeleton worth searching by: one consonant matches too many names. */
export const MIN_SKELETON = 2;

/**
 * A search query as name-search terms: each folded word, and after a "|" the skeleton it may also match.
 * A query in Arabic script looks for the skeletons of names written in Latin or Cyrillic ("~" words), a
 * query in those scripts for the skeletons of names written in Arabic ("^" words): a vowel-less spelling
 * meets a voweled one, while spellings in the same script keep to their own, closer comparison.
 */
export function querySearchTerms(query: string): string {
  const marker = detectScript(query) === 'Arab' ? '~' : '^';
  return wordsOf(query)
    .map((w) => {
      const fold = phoneticFold(w) || w;
      const skeleton = /^[a-z]+$/.test(fold) ? nameSkeleton(fold) : '';
      return skeleton.length >= MIN_SKELETON ? `${fold}|${marker}${skeleton}` : fold;
    })
    .join(' ');
}

/** A short display form of a name: the parts as written, own name first. */
export function displayNameOf(name: NamePartsInput): string {
  return (name.full ?? [name.given, name.father, name.grandfather, name.family].filter(Boolean).join(' ')).trim();
}
