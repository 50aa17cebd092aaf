import { arabicSafe, consonantSkeleton, fineFold, phoneticFold } from './latin.fold';
import { readName } from './name.reading';

/** One name and all its known spellings; `id` is its Azerbaijani Latin form. */
export interface NameEquivalenceGroup {
  id: string;
  variants: string[];
}

/** A versioned, JSON-able table of name equivalences: data an administrator can extend, not code. */
export interface NameEquivalenceTable {
  format: 'homeward.name-equivalences/1';
  version: string;
  groups: NameEquivalenceGroup[];
}

/** An administrator's additions: new groups, or more spellings for an existing group id. */
export interface NameEquivalenceAdditions {
  version: string;
  groups: NameEquivalenceGroup[];
}

/**
 * Merges administrator additions into a table without mutating either. The result's version records both,
 * so a match explanation can say which table produced it.
 */
export function mergeNameEquivalences(
  base: NameEquivalenceTable,
  additions: NameEquivalenceAdditions,
): NameEquivalenceTable {
  const byId = new Map<string, string[]>();
  for (const group of base.groups) byId.set(group.id, [...group.variants]);
  for (const group of additions.groups) {
    const id = group.id.normalize('NFC').trim();
    const existing = byId.get(id) ?? [];
    for (const variant of group.variants) if (!existing.includes(variant)) existing.push(variant);
    byId.set(id, existing);
  }
  return {
    format: base.format,
    version: `${base.version}+${additions.version}`,
    groups: [...byId].map(([id, variants]) => ({ id, variants })),
  };
}

/**
 * A compiled table: the fine fold of each spelling (`NameKey.fine`) → group id, null where two groups
 * claim one fold. `canonByFold` keys the same groups by the coarser phonetic fold.
 */
export interface NameLexicon {
  version: string;
  canonByFold: ReadonlyMap<string, string | null>;
  /** Group by fine fold (ş ≠ s, ç ≠ c): Həşim is not Qasım although their phonetic folds meet. */
  canonByFine?: ReadonlyMap<string, string | null>;
  /** The consonant skeletons of each group, to refuse a "phonetic" match between two known names. */
  skeletonsByCanon: ReadonlyMap<string, ReadonlySet<string>>;
  conflicts: ReadonlyArray<{ fold: string; ids: string[] }>;
}

/** Compiles a table for fast lookup; folds claimed by two groups are dropped and listed as conflicts. */
export function compileNameLexicon(table: NameEquivalenceTable): NameLexicon {
  const claimants = new Map<string, Set<string>>();
  const fineClaimants = new Map<string, Set<string>>();
  const skeletonsByCanon = new Map<string, Set<string>>();
  const claim = (map: Map<string, Set<string>>, key: string, id: string): void => {
    const ids = map.get(key) ?? new Set<string>();
    ids.add(id);
    map.set(key, ids);
  };
  for (const group of table.groups) {
    const skeletons = skeletonsByCanon.get(group.id) ?? new Set<string>();
    for (const variant of [group.id, ...group.variants]) {
      const { script, reading } = readName(variant);
      const fold = phoneticFold(reading);
      if (fold === '') continue;
      skeletons.add(consonantSkeleton(fold));
      claim(claimants, fold, group.id);
      const fine = fineFold(reading);
      claim(fineClaimants, script === 'Arab' ? arabicSafe(fine) : fine, group.id);
    }
    skeletonsByCanon.set(group.id, skeletons);
  }
  const resolve = (map: Map<string, Set<string>>, conflicts?: Array<{ fold: string; ids: string[] }>) => {
    const out = new Map<string, string | null>();
    for (const [fold, ids] of map) {
      if (ids.size === 1) out.set(fold, [...ids][0] ?? null);
      else {
        out.set(fold, null);
        conflicts?.push({ fold, ids: [...ids] });
      }
    }
    return out;
  };
  const conflicts: Array<{ fold: string; ids: string[] }> = [];
  const canonByFine = resolve(fineClaimants, conflicts);
  return { version: table.version, canonByFold: resolve(claimants), canonByFine, skeletonsByCanon, conflicts };
}
