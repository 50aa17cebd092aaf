import type { NameKey } from '../names/name.keys';
import { nameTrigramText } from '../names/name.keys';
import type { PersonFeatures } from './person.features';

/**
 * Blocking: the keys two records must share at least one of to be compared. Each key combines two
 * pieces of evidence (given × father, father × surname, given × birth years…), so a common name alone
 * never makes a block of thousands, and a typo or a missing field in one piece leaves other keys intact.
 * The server stores these strings in an indexed table; the CLI keeps them in memory (`BlockingIndex`).
 */

const YEAR_BUCKET = 2;

function skeletons(keys: readonly NameKey[]): string[] {
  const out = new Set<string>();
  for (const k of keys) out.add(k.skeleton);
  return [...out];
}

/**
 * Two-year buckets covering a birth interval widened by the uncertainty we tolerate (±1 year for a
 * recorded date, ±2 for an estimated age). Both sides use the same rule, so overlap ⇔ a shared bucket.
 */
export function birthYearBuckets(f: PersonFeatures): number[] {
  if (!f.birth) return [];
  const slack = f.birth.estimated ? 2 : 1;
  const from = Math.floor((f.birth.lo - slack) / YEAR_BUCKET);
  const to = Math.floor((f.birth.hi + slack) / YEAR_BUCKET);
  const out: number[] = [];
  for (let b = from; b <= to; b += 1) out.push(b);
  return out;
}

/** The birth-year window [from, to] the server can filter candidates on (inclusive, whole years). */
export function birthYearWindow(f: PersonFeatures): [number, number] | null {
  if (!f.birth) return null;
  const slack = f.birth.estimated ? 3 : 2;
  return [Math.floor(f.birth.lo - slack), Math.ceil(f.birth.hi + slack)];
}

function cross(prefix: string, xs: readonly string[], ys: ReadonlyArray<string | number>, out: string[]): void {
  for (const x of xs) for (const y of ys) out.push(`${prefix}:${x}|${y}`);
}

/**
 * The blocking keys of a record (strings, symmetric: index and query use the same function). The server
 * indexes them in a `person_blocking_key(person_id, key)` table and finds candidates with `key = ANY(…)`.
 */
export function blockingKeys(f: PersonFeatures): string[] {
  const g = skeletons(f.given);
  const fa = skeletons(f.father);
  const s = skeletons([...f.family, ...f.grandfather]);
  const m = skeletons(f.mother);
  const k = skeletons(f.fatherKunya);
  const y = birthYearBuckets(f);
  const out: string[] = [];
  cross('gf', g, fa, out);
  cross('gs', g, s, out);
  cross('gm', g, m, out);
  cross('fs', fa, s, out);
  cross('fm', fa, m, out);
  cross('sm', s, m, out);
  cross('gy', g, y, out);
  cross('fy', fa, y, out);
  cross('sy', s, y, out);
  cross('my', m, y, out);
  cross('gk', g, k, out);
  // A kunya names a child: Abu Muhammad's son may be the Muhammad sought elsewhere.
  cross('gy', k, y, out);
  return out;
}

/**
 * The texts the server indexes with pg_trgm (GIN, gin_trgm_ops) for fuzzy candidate search beyond the
 * exact keys: phonetic folds of the given names and surname stems.
 */
export function trigramTexts(f: PersonFeatures): { given: string[]; family: string[]; father: string[] } {
  return {
    given: [...new Set(f.given.map(nameTrigramText))],
    family: [...new Set(f.family.map(nameTrigramText))],
    father: [...new Set(f.father.map(nameTrigramText))],
  };
}

/** 32-bit FNV-1a hash of a key: the in-memory index stores numbers, not strings. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Options for candidate retrieval. */
export interface CandidateOptions {
  /** Keys shared by more records than this are too common to block on (other keys still apply). */
  maxBlock?: number;
  /** At most this many candidates, those with the most (and rarest) shared keys, are scored. */
  maxCandidates?: number;
}

/**
 * An in-memory blocking index over a registry (the CLI's LEFT side): hashed keys → record numbers.
 * Compact enough for a million records. Candidates are ranked by the rarity of the keys they share (the
 * sum of log2(N / block size) over shared keys), a cheap stand-in for the match weight: sharing a rare
 * given × father key says more than sharing three keys built on Məhəmməd.
 */
export class BlockingIndex {
  private readonly postings = new Map<number, number[]>();
  private scores = new Float64Array(0);
  private groupOf = new Int32Array(0);
  private groupBest = new Float64Array(0);
  private touched = new Int32Array(1024);
  size = 0;

  /** Indexes one record under its number (its position in the caller's list). */
  add(f: PersonFeatures, ref: number): void {
    const seen = new Set<number>();
    for (const key of blockingKeys(f)) {
      const h = hashKey(key);
      if (seen.has(h)) continue;
      seen.add(h);
      const list = this.postings.get(h);
      if (list) list.push(ref);
      else this.postings.set(h, [ref]);
    }
    this.size += 1;
  }

  /**
   * Record numbers worth comparing with `f`, best first (ties by record number). A candidate's rank is the
   * sum, over the pieces of evidence it shares, of the rarity of the rarest key built on that piece: keys
   * that differ only in the birth-year bucket count once, so a shared year span does not outweigh a name.
   */
  candidates(f: PersonFeatures, options: CandidateOptions = {}): number[] {
    const total = Math.max(this.size, 1);
    const maxBlock = options.maxBlock ?? 5000;
    const maxCandidates = options.maxCandidates ?? 300;
    this.ensure(total);
    const { scores, groupOf, groupBest } = this;
    let touched = this.touched;
    let count = 0;
    const groups = new Map<string, number>();
    const seen = new Set<number>();
    for (const key of blockingKeys(f)) {
      const h = hashKey(key);
      if (seen.has(h)) continue;
      seen.add(h);
      const list = this.postings.get(h);
      if (!list || list.length > maxBlock) continue;
      const piece = key.slice(0, key.lastIndexOf('|'));
      let group = groups.get(piece);
      if (group === undefined) {
        group = groups.size + 1;
        groups.set(piece, group);
      }
      const weight = Math.log2((total + 1) / list.length) + 1;
      for (const ref of list) {
        if (scores[ref] === 0) {
          if (count >= touched.length) {
            const grown = new Int32Array(touched.length * 2);
            grown.set(touched);
            this.touched = touched = grown;
          }
          touched[count] = ref;
          count += 1;
        }
        if (groupOf[ref] !== group) {
          groupOf[ref] = group;
          groupBest[ref] = weight;
          scores[ref] = (scores[ref] ?? 0) + weight;
        } else if (weight > (groupBest[ref] ?? 0)) {
          scores[ref] = (scores[ref] ?? 0) + weight - (groupBest[ref] ?? 0);
          groupBest[ref] = weight;
        }
      }
    }
    const refs = Array.from(touched.subarray(0, count));
    if (refs.length > maxCandidates) {
      refs.sort((x, y) => (scores[y] ?? 0) - (scores[x] ?? 0) || x - y);
      refs.length = maxCandidates;
    }
    for (let i = 0; i < count; i += 1) {
      const ref = touched[i] ?? 0;
      scores[ref] = 0;
      groupOf[ref] = 0;
    }
    return refs;
  }

  private ensure(size: number): void {
    if (this.scores.length >= size) return;
    const n = Math.max(size, this.scores.length * 2);
    this.scores = new Float64Array(n);
    this.groupOf = new Int32Array(n);
    this.groupBest = new Float64Array(n);
  }
}
