import type { FrequencyDatabase } from './frequencies.parse';
import { markerSystem, normaliseProfiles } from './kinship.lr';
import type { PairwiseRelationship, StrProfile } from './kinship.schemas';
import { KAPPA, pairwiseMarkerLr } from './pairwise.kappa';

/**
 * A fast two-person screen by κ (no mutation): every child against every reference person for one
 * relationship. Per marker the LR is tabulated over the distinct genotypes that occur, so the inner loop
 * is one lookup per marker comparison. Split by children ranges for worker threads.
 */

/** The inputs of a pairwise screen. */
export interface PairwiseScreenInput {
  children: StrProfile[];
  references: StrProfile[];
  relationship: PairwiseRelationship;
  database: FrequencyDatabase;
  theta?: number;
  markers?: string[];
}

/** Row-major (child, reference) log10 LR, and how many marker comparisons were made. */
export interface PairwiseScreenResult {
  children: string[];
  references: string[];
  log10Lr: Float64Array;
  comparisons: number;
}

/** Prepared lookup tables, reusable across child ranges. */
export interface PreparedPairwiseScreen {
  children: string[];
  references: string[];
  markerCount: number;
  childSlot: Int32Array;
  referenceSlot: Int32Array;
  childSlotCount: Int32Array;
  tables: Float64Array[];
}

/** Builds the per-marker tables over distinct (reference genotype, child genotype) pairs. */
export function preparePairwiseScreen(input: PairwiseScreenInput): PreparedPairwiseScreen {
  const children = normaliseProfiles(input.children, input.database);
  const references = normaliseProfiles(input.references, input.database);
  const everyone = [...children, ...references];
  const markers = (input.markers ?? [...new Set(everyone.flatMap((p) => Object.keys(p.markers)))]).filter((m) =>
    input.database.markers.has(m),
  );
  const kappa = KAPPA[input.relationship];
  const childSlot = new Int32Array(children.length * markers.length).fill(-1);
  const referenceSlot = new Int32Array(references.length * markers.length).fill(-1);
  const childSlotCount = new Int32Array(markers.length);
  const tables = markers.map((marker, m) => {
    const built = markerSystem(
      input.database,
      marker,
      everyone.flatMap((p) => p.markers[marker] ?? []),
      undefined,
    );
    const alleles = built?.alleles ?? [];
    const slotsOf = (people: StrProfile[], into: Int32Array) => {
      const slots = new Map<string, [number, number]>();
      const index = new Map<string, number>();
      people.forEach((p, i) => {
        const g = p.markers[marker];
        if (g === undefined || built === null) return;
        const key = [...g].sort().join('/');
        let slot = index.get(key);
        if (slot === undefined) {
          slot = index.size;
          index.set(key, slot);
          slots.set(key, [alleles.indexOf(g[0]!), alleles.indexOf(g[1] ?? g[0]!)]);
        }
        into[i * markers.length + m] = slot;
      });
      return [...slots.values()];
    };
    const childGenotypes = slotsOf(children, childSlot);
    const referenceGenotypes = slotsOf(references, referenceSlot);
    childSlotCount[m] = childGenotypes.length;
    const table = new Float64Array(referenceGenotypes.length * childGenotypes.length);
    referenceGenotypes.forEach((r, i) =>
      childGenotypes.forEach((c, j) => {
        table[i * childGenotypes.length + j] = Math.log10(
          pairwiseMarkerLr(r, c, built!.sys.freqs, kappa, input.theta ?? 0),
        );
      }),
    );
    return table;
  });
  return {
    children: children.map((c) => c.person),
    references: references.map((r) => r.person),
    markerCount: markers.length,
    childSlot,
    referenceSlot,
    childSlotCount,
    tables,
  };
}

/** Screens children [childStart, childEnd) against all references. */
export function pairwiseScreenBlock(
  prepared: PreparedPairwiseScreen,
  childStart = 0,
  childEnd = prepared.children.length,
): PairwiseScreenResult {
  const { markerCount, childSlot, referenceSlot, childSlotCount, tables } = prepared;
  const refs = prepared.references.length;
  const log10Lr = new Float64Array((childEnd - childStart) * refs);
  let comparisons = 0;
  for (let c = childStart; c < childEnd; c++) {
    for (let r = 0; r < refs; r++) {
      let sum = 0;
      for (let m = 0; m < markerCount; m++) {
        const cs = childSlot[c * markerCount + m]!;
        const rs = referenceSlot[r * markerCount + m]!;
        if (cs < 0 || rs < 0) continue;
        sum += tables[m]![rs * childSlotCount[m]! + cs]!;
        comparisons++;
      }
      log10Lr[(c - childStart) * refs + r] = sum;
    }
  }
  return {
    children: prepared.children.slice(childStart, childEnd),
    references: prepared.references,
    log10Lr,
    comparisons,
  };
}

/** The whole pairwise screen in one call. */
export function pairwiseScreen(input: PairwiseScreenInput): PairwiseScreenResult {
  return pairwiseScreenBlock(preparePairwiseScreen(input));
}
