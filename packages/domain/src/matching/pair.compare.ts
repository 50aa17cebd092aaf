import { consonantSkeleton } from '../names/latin.fold';
import type { NameKey } from '../names/name.keys';
import { FeatureArena, compareArena } from './feature.arena';
import { MATCH_FIELDS } from './match.model';
import { DISAGREE, EXACT, compareIds, nameId } from './name.table';
import type { PersonFeatures } from './person.features';
import { jaroWinkler } from './string.similarity';

/** Level index per field (order of `MATCH_FIELDS`), or -1 where either side does not know the field. */
export type ComparisonVector = Int8Array;

/**
 * Compares two name parts: same equivalence group or same fine fold (for Arabic script, same fine consonant
 * skeleton) → exact; same phonetic fold or consonant skeleton → phonetic (unless both are known, different
 * names: Həsən and Hüseyn share a skeleton); close spellings → fuzzy (typos); otherwise disagree.
 */
export function compareNameKeys(a: NameKey, b: NameKey): number {
  if (a === b) return EXACT;
  return compareIds(nameId(a), nameId(b));
}

/** Best level over all pairs of two sets of name keys; -1 when either set is empty. */
export function compareNameSets(a: readonly NameKey[], b: readonly NameKey[]): number {
  if (a.length === 0 || b.length === 0) return -1;
  let best = DISAGREE;
  for (const x of a) {
    for (const y of b) {
      const level = compareNameKeys(x, y);
      if (level < best) best = level;
      if (best === EXACT) return EXACT;
    }
  }
  return best;
}

/**
 * Districts (phonetic folds) closer than this Jaro–Winkler similarity, or with one consonant skeleton of
 * two letters or more (Bakı and Baku, Şəki and Sheki), are one place spelled two ways.
 */
export function similarPlaces(a: string, b: string): boolean {
  if (jaroWinkler(a, b) >= 0.92) return true;
  const sa = consonantSkeleton(a);
  return sa.length >= 2 && sa === consonantSkeleton(b);
}

/** A record packed for the comparison loop: its number in an arena of packed records. */
export interface PackedFeatures {
  arena: FeatureArena;
  ref: number;
}

const packed = new WeakMap<PersonFeatures, PackedFeatures>();

/** The packed form of one record's features (memoised per features object). */
export function packFeatures(f: PersonFeatures): PackedFeatures {
  const hit = packed.get(f);
  if (hit) return hit;
  const arena = new FeatureArena(1);
  const p: PackedFeatures = { arena, ref: arena.add(f) };
  packed.set(f, p);
  return p;
}

/** Compares two packed records into `v` (see `comparePersons`). */
export function comparePacked(a: PackedFeatures, b: PackedFeatures, v: ComparisonVector): ComparisonVector {
  return compareArena(a.arena, a.ref, b.arena, b.ref, v, similarPlaces);
}

/**
 * Compares two records field by field into ordered agreement levels (the γ vector of Fellegi–Sunter).
 * Symmetric: compare(a, b) equals compare(b, a).
 */
export function comparePersons(a: PersonFeatures, b: PersonFeatures, into?: ComparisonVector): ComparisonVector {
  return comparePacked(packFeatures(a), packFeatures(b), into ?? new Int8Array(MATCH_FIELDS.length));
}
