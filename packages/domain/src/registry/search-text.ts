import { phoneticFold } from '../names/latin.fold';
import { readName } from '../names/name.reading';

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

/** A short display form of a name: the parts as written, own name first. */
export function displayNameOf(name: NamePartsInput): string {
  return (name.full ?? [name.given, name.father, name.grandfather, name.family].filter(Boolean).join(' ')).trim();
}
