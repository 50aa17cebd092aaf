import type { NameScript } from '../person-record/person-record.schema';
import { DEFAULT_NAME_EQUIVALENCES } from './name-equivalence.data';
import { compileNameLexicon } from './name-equivalence.table';
import type { NameLexicon } from './name-equivalence.table';
import { consonantSkeleton, phoneticFold } from './latin.fold';
import { readName } from './name.reading';
import type { DetectedScript } from './script.detect';
import { surnameStem } from './surname.stem';

/** A given name (also a father's, grandfather's or mother's) or a surname, which is folded to its stem. */
export type NameRole = 'given' | 'family';

/**
 * The comparable keys of one name part. `reading` is Azerbaijani Latin; `fold` is the phonetic text for
 * trigram comparison (and pg_trgm); `skeleton` is the consonant key vowel-less Arabic shares with Latin;
 * `canon` is the curated equivalence group, when the name is in the table.
 */
export interface NameKey {
  script: DetectedScript;
  reading: string;
  fold: string;
  skeleton: string;
  canon: string | null;
}

let defaultLexicon: NameLexicon | undefined;

/** The shipped equivalence table, compiled once per process (or worker) on first use. */
export function defaultNameLexicon(): NameLexicon {
  defaultLexicon ??= compileNameLexicon(DEFAULT_NAME_EQUIVALENCES);
  return defaultLexicon;
}

/** Options for `nameKey`; the lexicon defaults to the shipped table. */
export interface NameKeyOptions {
  script?: NameScript;
  role?: NameRole;
  lexicon?: NameLexicon;
}

/**
 * Normalises one name part, in any script, to the keys that compare across scripts: Xədicə, Khadijah,
 * Хадиджа and خديجة share `canon` and `skeleton`; Quliyeva, Guliyev, Кулиев and قلي share a stem.
 * Returns null for a part with no letters.
 */
export function nameKey(text: string, options: NameKeyOptions = {}): NameKey | null {
  const role = options.role ?? 'given';
  const { script, reading: rawReading } = readName(text, options.script, role === 'family');
  const reading = role === 'family' ? surnameStem(rawReading) : rawReading;
  const fold = phoneticFold(reading);
  if (fold === '') return null;
  const lexicon = options.lexicon ?? defaultNameLexicon();
  return {
    script,
    reading,
    fold,
    skeleton: consonantSkeleton(fold),
    canon: lexicon.canonByFold.get(fold) ?? null,
  };
}

/**
 * The text the server indexes with pg_trgm for one name part: the phonetic fold, which is the same for
 * Quliyev/Guliyev/Кулиев and close for typos. Index it and compare it with `similarity()`.
 */
export function nameTrigramText(key: NameKey): string {
  return key.fold;
}

/**
 * Exact-match keys of a name part for an ordinary B-tree index: its equivalence group and its consonant
 * skeleton. Two spellings of one name share at least one of them.
 */
export function namePhoneticKeys(key: NameKey): string[] {
  return key.canon === null ? [`s:${key.skeleton}`] : [`c:${key.canon}`, `s:${key.skeleton}`];
}
