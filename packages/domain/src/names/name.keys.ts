import type { NameScript } from '../person-record/person-record.schema';
import { DEFAULT_NAME_EQUIVALENCES } from './name-equivalence.data';
import { compileNameLexicon } from './name-equivalence.table';
import type { NameLexicon } from './name-equivalence.table';
import { arabicSafe, consonantSkeleton, fineFold, phoneticFold } from './latin.fold';
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
  /**
   * The fine fold (`fineFold`: ş and ç kept apart), as Arabic script would write it when the name was
   * Arabic. Two spellings with one fine fold are one name; one phonetic fold only may be two.
   */
  fine?: string;
  /** The value a name is counted under for its frequency: its group, else its fine consonant skeleton. */
  term?: string;
  /**
   * Arabic script with a و inside: the fine folds (Arabic-safe) of the readings with every such و a
   * consonant and every such و a vowel, and their phonetic consonant skeletons (see `arabicReading`).
   */
  waw?: { fine: [string, string]; skeleton: [string, string] };
  /**
   * The name starts with a vowel (Əhməd, أحمد, Ömər, عمر) rather than a consonant (Həmid, حامد). Every
   * script writes an initial vowel (Arabic with an alef or ع), so two names that share a consonant
   * skeleton but not their first sound are different names, a letter apart.
   */
  vowelInitial?: boolean;
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
  const { script, reading: rawReading, variants, vowelInitial } = readName(text, options.script, role === 'family');
  const reading = role === 'family' ? surnameStem(rawReading, { typos: script !== 'Arab' }) : rawReading;
  const variantReadings = variants?.map((v) => (role === 'family' ? surnameStem(v) : v));
  const fold = phoneticFold(reading);
  if (fold === '') return null;
  const lexicon = options.lexicon ?? defaultNameLexicon();
  const fineRaw = fineFold(reading);
  const fine = script === 'Arab' ? arabicSafe(fineRaw) : fineRaw;
  const canon = (lexicon.canonByFine ? lexicon.canonByFine.get(fine) : lexicon.canonByFold.get(fold)) ?? null;
  return {
    script,
    reading,
    fold,
    skeleton: consonantSkeleton(fold),
    canon,
    fine,
    term: canon ?? `s:${consonantSkeleton(arabicSafe(fine))}`,
    vowelInitial: vowelInitial ?? startsWithVowel(rawReading),
    ...(variantReadings
      ? {
          waw: {
            fine: [arabicSafe(fineFold(variantReadings[0] ?? '')), arabicSafe(fineFold(variantReadings[1] ?? ''))],
            skeleton: [consonantSkeleton(phoneticFold(variantReadings[0] ?? '')), consonantSkeleton(phoneticFold(variantReadings[1] ?? ''))],
          },
        }
      : {}),
  };
}

/** Whether a Latin reading starts with a vowel letter (y is a consonant there: Yusif, Yaşar). */
export function startsWithVowel(reading: string): boolean {
  return /^[aeəiıoöuü]/.test(reading);
}

/** The fine fold of a key (computed for a key built by hand without one). */
export function fineOf(key: NameKey): string {
  return key.fine ?? fineFold(key.reading);
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
