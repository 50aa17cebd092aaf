import type { FrequencyDatabase } from './frequencies.parse';
import { KinshipInputError, markerSystem, normaliseProfiles } from './kinship.lr';
import type { MutationSpec, PedigreePerson, StrProfile } from './kinship.schemas';
import { markerLogLikelihood, targetGenotypeWeights } from './marker.likelihood';
import type { Typing } from './marker.likelihood';
import { buildPedigree } from './pedigree.model';
import type { Pedigree } from './pedigree.model';
import { unorderedGenotypes } from './peeling.messages';
import type { MarkerSystem } from './peeling.messages';

/**
 * Disaster-victim-identification style screening: every child with a profile against every reference
 * family (a pedigree with typed relatives and one or more missing-child positions). For each family and
 * marker the LR is computed once as a function of the missing child's genotype (one peel rooted at the
 * missing position); each child × family × marker is then a table lookup. Work splits by ranges of children
 * or families (`screenBlock`), so a caller can spread it over worker threads and merge the blocks.
 */

/** A reference family: relatives' pedigree and profiles, and the positions a found child could fill. */
export interface ReferenceFamily {
  id: string;
  pedigree: PedigreePerson[];
  profiles: StrProfile[];
  missing: string[];
}

/** The whole screening problem. Without `markers`, every database marker typed somewhere is used. */
export interface ScreeningInput {
  children: StrProfile[];
  families: ReferenceFamily[];
  database: FrequencyDatabase;
  theta?: number;
  mutation?: MutationSpec;
  markers?: string[];
}

/** Shared per-marker state: the allele universe and each child's genotype slot. Plain data, cloneable. */
export interface PreparedScreening {
  markers: string[];
  systems: { alleles: string[]; sys: MarkerSystem }[];
  children: string[];
  /** childSlot[c * markers + m]: index into `slotGenotype[m]`, or -1 when not typed. */
  childSlot: Int32Array;
  /** The distinct child genotypes per marker, as unordered genotype indices. */
  slotGenotype: Int32Array[];
  families: ReferenceFamily[];
  theta: number;
}

/** One block of the LR matrix: log10 LR of children [childStart, childEnd) × families [familyStart, familyEnd). */
export interface ScreeningBlock {
  childStart: number;
  childEnd: number;
  familyStart: number;
  familyEnd: number;
  /** Row-major (child, family) log10 LR, the best over the family's missing positions. */
  log10Lr: Float64Array;
  /** Which missing position gave that LR. */
  position: Int32Array;
}

/** Options of a block run. */
export interface ScreeningOptions {
  childStart?: number;
  childEnd?: number;
  familyStart?: number;
  familyEnd?: number;
  onProgress?: (done: number, total: number) => void;
}

function genotypeIndex(i: number, j: number, n: number): number {
  const [a, b] = i <= j ? [i, j] : [j, i];
  return a * n - (a * (a - 1)) / 2 + (b - a);
}

/** Normalises profiles and builds the per-marker tables shared by all blocks. */
export function prepareScreening(input: ScreeningInput): PreparedScreening {
  const children = normaliseProfiles(input.children, input.database);
  const families = input.families.map((f) => ({ ...f, profiles: normaliseProfiles(f.profiles, input.database) }));
  const everyone = [...children, ...families.flatMap((f) => f.profiles)];
  const markers = (input.markers ?? [...new Set(everyone.flatMap((p) => Object.keys(p.markers)))]).filter((m) =>
    input.database.markers.has(m),
  );
  const systems = markers.map((marker) => {
    const built = markerSystem(
      input.database,
      marker,
      everyone.flatMap((p) => p.markers[marker] ?? []),
      input.mutation,
    );
    if (built === null) throw new KinshipInputError(`marker ${marker} is not in the database`);
    return { alleles: built.alleles, sys: built.sys };
  });
  const childSlot = new Int32Array(children.length * markers.length).fill(-1);
  const slotGenotype = markers.map((marker, m) => {
    const { alleles, sys } = systems[m]!;
    const slots = new Map<number, number>();
    children.forEach((child, c) => {
      const typing = child.markers[marker];
      if (typing === undefined) return;
      const g = genotypeIndex(alleles.indexOf(typing[0]!), alleles.indexOf(typing[1] ?? typing[0]!), sys.n);
      let slot = slots.get(g);
      if (slot === undefined) slots.set(g, (slot = slots.size));
      childSlot[c * markers.length + m] = slot;
    });
    return Int32Array.from(slots.keys());
  });
  return {
    markers,
    systems,
    children: children.map((c) => c.person),
    childSlot,
    slotGenotype,
    families,
    theta: input.theta ?? 0,
  };
}

/** log10 LR tables of one family: per missing position, per marker, per child genotype slot. */
function familyTables(prepared: PreparedScreening, family: ReferenceFamily): Float64Array[] {
  const { markers, systems, slotGenotype, theta } = prepared;
  const ped = buildPedigree(family.pedigree);
  const offsets: number[] = [];
  let size = 0;
  for (const slots of slotGenotype) {
    offsets.push(size);
    size += slots.length;
  }
  return family.missing.map((missingId) => {
    const target = ped.index.get(missingId);
    if (target === undefined)
      throw new KinshipInputError(`family ${family.id}: missing position ${missingId} is not in its pedigree`);
    const table = new Float64Array(size);
    markers.forEach((marker, m) => {
      const { alleles, sys } = systems[m]!;
      const typings: Typing[] = ped.ids.map(() => null);
      let typed = 0;
      for (const p of family.profiles) {
        const g = p.markers[marker];
        const index = ped.index.get(p.person);
        if (g === undefined || index === undefined || index === target) continue;
        typings[index] = [alleles.indexOf(g[0]!), alleles.indexOf(g[1] ?? g[0]!)];
        typed++;
      }
      if (typed === 0) return;
      const slots = slotGenotype[m]!;
      const out = table.subarray(offsets[m]!, offsets[m]! + slots.length);
      if (theta === 0) fillFast(out, slots, ped, sys, typings, target);
      else fillExact(out, slots, ped, sys, typings, target, theta);
    });
    return table;
  });
}

function fillFast(
  out: Float64Array,
  slots: Int32Array,
  ped: Pedigree,
  sys: MarkerSystem,
  typings: Typing[],
  target: number,
): void {
  const weights = targetGenotypeWeights(ped, sys, typings, target);
  let total = 0;
  for (const w of weights) total += w;
  if (total === 0) return; // the family alone is impossible at this marker (no mutation model): left neutral
  const { a, b } = unorderedGenotypes(sys.n);
  for (let s = 0; s < slots.length; s++) {
    const g = slots[s]!;
    const x = a[g]!;
    const y = b[g]!;
    const hw = x === y ? sys.freqs[x]! * sys.freqs[x]! : 2 * sys.freqs[x]! * sys.freqs[y]!;
    out[s] = Math.log10(weights[g]! / (total * hw));
  }
}

function fillExact(
  out: Float64Array,
  slots: Int32Array,
  ped: Pedigree,
  sys: MarkerSystem,
  typings: Typing[],
  target: number,
  theta: number,
): void {
  const alone = buildPedigree([
    ...ped.ids.map((id, p) => ({
      id,
      sex: ped.sex[p]!,
      ...(ped.father[p]! >= 0 ? { father: ped.ids[ped.father[p]!]!, mother: ped.ids[ped.mother[p]!]! } : {}),
    })),
    { id: '~screened-child', sex: 'M' as const },
  ]);
  const { a, b } = unorderedGenotypes(sys.n);
  for (let s = 0; s < slots.length; s++) {
    const g = slots[s]!;
    const child: Typing = [a[g]!, b[g]!];
    const withChild = typings.map((t, p) => (p === target ? child : t));
    const apart = [...typings, child];
    const num = markerLogLikelihood(ped, sys, withChild, { theta }).log;
    const den = markerLogLikelihood(alone, sys, apart, { theta }).log;
    out[s] = den === Number.NEGATIVE_INFINITY ? 0 : (num - den) / Math.LN10;
  }
}

/** Computes one block of the LR matrix; the family precomputation is done once per family in range. */
export function screenBlock(prepared: PreparedScreening, options: ScreeningOptions = {}): ScreeningBlock {
  const childStart = options.childStart ?? 0;
  const childEnd = options.childEnd ?? prepared.children.length;
  const familyStart = options.familyStart ?? 0;
  const familyEnd = options.familyEnd ?? prepared.families.length;
  const width = familyEnd - familyStart;
  const log10Lr = new Float64Array((childEnd - childStart) * width);
  const position = new Int32Array(log10Lr.length);
  const markerCount = prepared.markers.length;
  const offsets = new Int32Array(markerCount);
  let size = 0;
  prepared.slotGenotype.forEach((slots, m) => ((offsets[m] = size), (size += slots.length)));
  const { childSlot } = prepared;
  for (let f = familyStart; f < familyEnd; f++) {
    const tables = familyTables(prepared, prepared.families[f]!);
    for (let c = childStart; c < childEnd; c++) {
      let best = Number.NEGATIVE_INFINITY;
      let bestPosition = 0;
      const base = c * markerCount;
      for (let t = 0; t < tables.length; t++) {
        const table = tables[t]!;
        let sum = 0;
        for (let m = 0; m < markerCount; m++) {
          const slot = childSlot[base + m]!;
          if (slot >= 0) sum += table[offsets[m]! + slot]!;
        }
        if (sum > best) {
          best = sum;
          bestPosition = t;
        }
      }
      const cell = (c - childStart) * width + (f - familyStart);
      log10Lr[cell] = best;
      position[cell] = bestPosition;
    }
    options.onProgress?.(f - familyStart + 1, width);
  }
  return { childStart, childEnd, familyStart, familyEnd, log10Lr, position };
}

/** A candidate match with its LR. */
export interface ScreeningCandidate {
  child: string;
  family: string;
  position: string;
  log10Lr: number;
}

/** The summary a reviewer reads: best candidates per child and per family, and undisputed identifications. */
export interface ScreeningSummary {
  bestPerChild: ScreeningCandidate[][];
  bestPerFamily: ScreeningCandidate[][];
  undisputed: ScreeningCandidate[];
}

/**
 * Summarises a full matrix (one block covering everyone). "Undisputed": LR ≥ threshold (default 10,000)
 * and every other entry in its row and column ≤ 1.
 */
export function summariseScreening(
  prepared: PreparedScreening,
  block: ScreeningBlock,
  options: { threshold?: number; top?: number } = {},
): ScreeningSummary {
  const threshold = Math.log10(options.threshold ?? 10_000);
  const top = options.top ?? 5;
  const rows = block.childEnd - block.childStart;
  const cols = block.familyEnd - block.familyStart;
  const candidate = (r: number, k: number): ScreeningCandidate => {
    const family = prepared.families[block.familyStart + k]!;
    const cell = r * cols + k;
    return {
      child: prepared.children[block.childStart + r]!,
      family: family.id,
      position: family.missing[block.position[cell]!]!,
      log10Lr: block.log10Lr[cell]!,
    };
  };
  const topOf = (cells: ScreeningCandidate[]) => cells.sort((x, y) => y.log10Lr - x.log10Lr).slice(0, top);
  const bestPerChild = Array.from({ length: rows }, (_, r) =>
    topOf(Array.from({ length: cols }, (_, k) => candidate(r, k))),
  );
  const bestPerFamily = Array.from({ length: cols }, (_, k) =>
    topOf(Array.from({ length: rows }, (_, r) => candidate(r, k))),
  );
  const rowAboveOne = new Int32Array(rows);
  const colAboveOne = new Int32Array(cols);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < cols; k++) {
      if (block.log10Lr[r * cols + k]! > 0) {
        rowAboveOne[r]! += 1;
        colAboveOne[k]! += 1;
      }
    }
  }
  const undisputed: ScreeningCandidate[] = [];
  for (let r = 0; r < rows; r++) {
    if (rowAboveOne[r] !== 1) continue;
    for (let k = 0; k < cols; k++) {
      const v = block.log10Lr[r * cols + k]!;
      if (v >= threshold && colAboveOne[k] === 1) undisputed.push(candidate(r, k));
    }
  }
  return { bestPerChild, bestPerFamily, undisputed };
}

/** The whole screening in one call (single thread): prepare, one block, summary. */
export function screenFamilies(
  input: ScreeningInput,
  options: { onProgress?: (done: number, total: number) => void; threshold?: number; top?: number } = {},
) {
  const prepared = prepareScreening(input);
  const block = screenBlock(prepared, options.onProgress ? { onProgress: options.onProgress } : {});
  return { prepared, block, summary: summariseScreening(prepared, block, options) };
}
