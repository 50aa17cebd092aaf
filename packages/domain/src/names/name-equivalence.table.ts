import { consonantSkeleton, phoneticFold } from './latin.fold';
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

/** A compiled table: phonetic fold of each spelling → group id (null where two groups claim a fold). */
export interface NameLexicon {
  version: string;
  canonByFold: ReadonlyMap<string, string | null>;
  /** The consonant skeletons of each group, to refuse a "phonetic" match between two known names. */
  skeletonsByCanon: ReadonlyMap<string, ReadonlySet<string>>;
  conflicts: ReadonlyArray<{ fold: string; ids: string[] }>;
}

/** Compiles a table for fast lookup; folds claimed by two groups are dropped and listed as conflicts. */
export function compileNameLexicon(table: NameEquivalenceTable): NameLexicon {
  const canonByFold = new Map<string, string | null>();
  const claimants = new Map<string, Set<string>>();
  const skeletonsByCanon = new Map<string, Set<string>>();
  for (const group of table.groups) {
    const skeletons = skeletonsByCanon.get(group.id) ?? new Set<string>();
    for (const variant of [group.id, ...group.variants]) {
      const fold = phoneticFold(readName(variant).reading);
      if (fold === '') continue;
      skeletons.add(consonantSkeleton(fold));
      const ids = claimants.get(fold) ?? new Set<string>();
      ids.add(group.id);
      claimants.set(fold, ids);
    }
    skeletonsByCanon.set(group.id, skeletons);
  }
  const conflicts: Array<{ fold: string; ids: string[] }> = [];
  for (const [fold, ids] of claimants) {
    if (ids.size === 1) canonByFold.set(fold, [...ids][0] ?? null);
    else {
      canonByFold.set(fold, null);
      conflicts.push({ fold, ids: [...ids] });
    }
  }
  return { version: table.version, canonByFold, skeletonsByCanon, conflicts };
}
