import type { NameKey } from '../names/name.keys';
import { nameTrigramText } from '../names/name.keys';
import type { PersonFeatures } from './person.features';
import { codeOfSkeleton, eachSkeletonCode, skeletonOfCode } from './name.table';
import { withinOneTypo } from './string.similarity';

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
  /**
   * Work budget of one query, in index entries read: the rarest keys are read first, and once this many
   * entries were read, commoner keys are left out (default 4000).
   */
  budget?: number;
}

function mix(tag: number, a: number, b: number): number {
  let h = Math.imul(tag ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (a + 0x7f4a7c15), 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h ^ (b + 0x165667b1), 0x27d4eb2f);
  h ^= h >>> 13;
  // 30 bits: small integers stay unboxed in the engine, which makes map lookups several times faster.
  return h & 0x3fffffff;
}

/** Tags of the keys: pairs of pieces of evidence, then single names (used only while rare). */
const T_GF = 1;
const T_GS = 2;
const T_GM = 3;
const T_FS = 4;
const T_FM = 5;
const T_SM = 6;
const T_GY = 7;
const T_FY = 8;
const T_SY = 9;
const T_MY = 10;
const T_GK = 11;
const T_G = 13;
const T_F = 14;
const T_S = 15;
const T_M = 16;

/** A record's blocking codes: skeleton codes of each name field (exact first, then typo neighbours). */
class CodeList {
  codes = new Int32Array(16);
  /** Codes before this index are the record's own; after it, typo neighbours. */
  exact = 0;
  n = 0;
  push(code: number): void {
    for (let i = 0; i < this.n; i += 1) if (this.codes[i] === code) return;
    if (this.n === this.codes.length) {
      const grown = new Int32Array(this.n * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.n] = code;
    this.n += 1;
  }
  reset(): void {
    this.n = 0;
    this.exact = 0;
  }
}

/** The keys of one record, in emission order: hash, piece of evidence, built on a typo neighbour, single name. */
class KeyBuffer {
  keys = new Float64Array(256);
  groups = new Float64Array(256);
  flags = new Uint8Array(256);
  n = 0;
  push(key: number, group: number, flags: number): void {
    // A record with dozens of spellings in each field still makes a bounded number of keys.
    if (this.n >= MAX_KEYS) return;
    if (this.n === this.keys.length) {
      const n = this.n * 2;
      const k = new Float64Array(n);
      k.set(this.keys);
      this.keys = k;
      const g = new Float64Array(n);
      g.set(this.groups);
      this.groups = g;
      const f = new Uint8Array(n);
      f.set(this.flags);
      this.flags = f;
    }
    this.keys[this.n] = key;
    this.groups[this.n] = group;
    this.flags[this.n] = flags;
    this.n += 1;
  }
}

const FUZZY = 1;
const SINGLE = 2;
/** Which name fields a key shows agreeing on (the rest of the flags byte). */
const AG = 4;
const AF = 8;
const AS = 16;
const AM = 32;
const MAX_KEYS = 5000;
const MAX_NEIGHBOURS = 8;
const MAX_VARIANT_SHARE = 64;

/**
 * Hashed keys → record numbers. Records are added to a map of arrays; the first query packs them into
 * flat arrays (an open-addressing table of keys over one array of record numbers), which is several times
 * faster to look up and a fraction of the memory. Records added after that wait in the map until they are
 * a twentieth of the whole, and are looked up there meanwhile.
 */
class PostingTable {
  private pending = new Map<number, number[]>();
  private pendingRefs = 0;
  private slots = new Int32Array(0);
  private starts = new Int32Array(0);
  private lens = new Int32Array(0);
  refs = new Int32Array(0);
  private mask = -1;
  private packedRefs = 0;

  add(key: number, ref: number): void {
    const list = this.pending.get(key);
    if (!list) this.pending.set(key, [ref]);
    else if (list[list.length - 1] !== ref) list.push(ref);
    else return;
    this.pendingRefs += 1;
  }

  /** Packs pending records when they are many; call before a batch of lookups. */
  settle(): void {
    if (this.pendingRefs === 0 || this.pendingRefs * 20 < this.packedRefs) return;
    const merged = new Map<number, number[]>();
    for (let s = 0; s <= this.mask; s += 1) {
      const k = this.slots[s] as number;
      if (k === 0) continue;
      const start = this.starts[s] as number;
      merged.set(k - 1, Array.from(this.refs.subarray(start, start + (this.lens[s] as number))));
    }
    for (const [key, list] of this.pending) {
      const old = merged.get(key);
      if (old) for (const r of list) old.push(r);
      else merged.set(key, list);
    }
    let cap = 16;
    while (cap < merged.size * 2) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap);
    this.starts = new Int32Array(cap);
    this.lens = new Int32Array(cap);
    let total = 0;
    for (const list of merged.values()) total += list.length;
    this.refs = new Int32Array(total);
    let at = 0;
    for (const [key, list] of merged) {
      let s = hashSlot(key) & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = key + 1;
      this.starts[s] = at;
      this.lens[s] = list.length;
      for (const r of list) this.refs[at++] = r;
    }
    this.packedRefs = total;
    this.pending = new Map();
    this.pendingRefs = 0;
  }

  /** The packed slot of a key (-1: none): its records are `refs[start(slot) … + length(slot)]`. */
  slot(key: number): number {
    if (this.mask < 0) return -1;
    let s = hashSlot(key) & this.mask;
    const want = key + 1;
    for (;;) {
      const k = this.slots[s] as number;
      if (k === want) return s;
      if (k === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }

  start(slot: number): number {
    return this.starts[slot] as number;
  }

  length(slot: number): number {
    return this.lens[slot] as number;
  }

  /** Records added since the last packing, under a key. */
  unpacked(key: number): number[] | undefined {
    return this.pendingRefs === 0 ? undefined : this.pending.get(key);
  }
}

function hashSlot(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 7;
}

/**
 * An in-memory blocking index over a registry (the CLI's LEFT side): hashed keys → record numbers. Keys
 * pair two pieces of evidence as `blockingKeys` does; single names are keys too, used only while rare
 * (`maxBlock`). A query also looks up its names' typo neighbours among the registry's names (one letter
 * of the consonant skeleton dropped, added, changed or swapped: Əhnəd finds Əhməd), so one typo does not
 * hide a record. Candidates are ranked by the rarity of the evidence they share (the sum of
 * log2(N / block size) over shared pieces, keys that differ only in the birth-year bucket counting once;
 * typo-neighbour keys count half), a cheap stand-in for the match weight.
 */
export class BlockingIndex {
  private readonly postings = new PostingTable();
  /**
   * Per record, side by side in one cache line: blocking score, best weight in the current piece, piece,
   * name fields agreeing (cleared after each query); then what the record knows (name fields, sex, birth
   * flags) and its birth span, for ranking.
   */
  private acc = new Float64Array(0);
  private touched = new Int32Array(1024);
  private hist = new Int32Array(1024);
  /** Skeleton codes of the registry's names, and their one-deletion variants → codes, for typo neighbours. */
  private readonly vocabulary = new Set<number>();
  private readonly deletions = new Map<string, number[]>();
  private readonly neighbourMemo = new Map<number, Int32Array>();
  private readonly lists = [new CodeList(), new CodeList(), new CodeList(), new CodeList(), new CodeList()];
  private readonly years: number[] = [];
  private readonly buffer = new KeyBuffer();
  private slotOf = new Int32Array(256);
  private extra: Array<number[] | undefined> = new Array<number[] | undefined>(256);
  private pieces = new Float64Array(256);
  private visited = new Int32Array(0);
  private adjusted = new Float64Array(1024);
  private generation = 0;
  size = 0;

  /** Marks a packed slot visited in this query; returns the query it was visited in before. */
  private visit(slot: number): number {
    if (this.visited.length <= slot) {
      const grown = new Int32Array(Math.max(slot + 1, this.visited.length * 2, 1024));
      grown.set(this.visited);
      this.visited = grown;
    }
    const before = this.visited[slot] as number;
    this.visited[slot] = this.generation;
    return before;
  }

  /** Indexes one record under its number (its position in the caller's list). */
  add(f: PersonFeatures, ref: number): void {
    this.ensure(ref + 1);
    const at = ref * STRIDE;
    this.acc[at + 4] = summaryOf(f);
    this.acc[at + 5] = f.birth ? f.birth.lo : 0;
    this.acc[at + 6] = f.birth ? f.birth.hi : 0;
    this.codes(f, false);
    for (const list of this.lists) for (let i = 0; i < list.n; i += 1) this.learn(list.codes[i] as number);
    const b = this.keysOf();
    for (let i = 0; i < b.n; i += 1) this.postings.add(b.keys[i] as number, ref);
    this.size += 1;
  }

  /** Fills the code lists of a record (with typo neighbours for a query). */
  private codes(f: PersonFeatures, neighbours: boolean): void {
    const [g, fa, s, m, k] = this.lists as [CodeList, CodeList, CodeList, CodeList, CodeList];
    for (const list of this.lists) list.reset();
    const pushG = (code: number) => g.push(code);
    const pushF = (code: number) => fa.push(code);
    const pushS = (code: number) => s.push(code);
    const pushM = (code: number) => m.push(code);
    const pushK = (code: number) => k.push(code);
    for (const key of f.given) eachSkeletonCode(key, pushG);
    for (const key of f.father) eachSkeletonCode(key, pushF);
    for (const key of f.family) eachSkeletonCode(key, pushS);
    for (const key of f.grandfather) eachSkeletonCode(key, pushS);
    for (const key of f.mother) eachSkeletonCode(key, pushM);
    for (const key of f.fatherKunya) eachSkeletonCode(key, pushK);
    for (const list of this.lists) {
      list.exact = list.n;
      if (!neighbours) continue;
      for (let i = 0; i < list.exact; i += 1) {
        const near = this.neighbours(list.codes[i] as number);
        for (let j = 0; j < near.length; j += 1) list.push(near[j] as number);
      }
    }
    this.years.length = 0;
    for (const y of birthYearBuckets(f)) this.years.push(y);
  }

  /**
   * The keys of the current code lists into the buffer: the pairs `blockingKeys` lists (a typo neighbour
   * may stand in for one side of a pair), birth-year and single-name keys on the names as written.
   */
  private keysOf(): KeyBuffer {
    const [g, fa, s, m, k] = this.lists as [CodeList, CodeList, CodeList, CodeList, CodeList];
    const b = this.buffer;
    b.n = 0;
    const pair = (tag: number, xs: CodeList, ys: CodeList, fields: number): void => {
      for (let i = 0; i < xs.n; i += 1) {
        for (let j = 0; j < ys.n; j += 1) {
          const fuzzy = (i >= xs.exact ? 1 : 0) + (j >= ys.exact ? 1 : 0);
          if (fuzzy === 2) continue;
          const key = mix(tag, xs.codes[i] as number, ys.codes[j] as number);
          b.push(key, key, (fuzzy === 1 ? FUZZY : 0) | fields);
        }
      }
    };
    const withYear = (tag: number, xs: CodeList, fields: number): void => {
      for (let i = 0; i < xs.exact; i += 1) {
        const x = xs.codes[i] as number;
        const group = mix(tag, x, -1);
        for (const y of this.years) b.push(mix(tag, x, y), group, fields);
      }
    };
    const single = (tag: number, xs: CodeList, fields: number): void => {
      for (let i = 0; i < xs.exact; i += 1) {
        const key = mix(tag, xs.codes[i] as number, -2);
        b.push(key, key, SINGLE | fields);
      }
    };
    pair(T_GF, g, fa, AG | AF);
    pair(T_GS, g, s, AG | AS);
    pair(T_GM, g, m, AG | AM);
    pair(T_FS, fa, s, AF | AS);
    pair(T_FM, fa, m, AF | AM);
    pair(T_SM, s, m, AS | AM);
    withYear(T_GY, g, AG);
    withYear(T_FY, fa, AF);
    withYear(T_SY, s, AS);
    withYear(T_MY, m, AM);
    pair(T_GK, g, k, AG);
    // A kunya names a child: Abu Muhammad's son may be the Muhammad sought elsewhere.
    withYear(T_GY, k, 0);
    single(T_G, g, AG);
    single(T_F, fa, AF);
    single(T_S, s, AS);
    single(T_M, m, AM);
    return b;
  }

  private learn(code: number): void {
    if (this.vocabulary.has(code)) return;
    this.vocabulary.add(code);
    this.neighbourMemo.clear();
    const text = skeletonOfCode(code);
    if (text.length < 3) return;
    for (const d of deletionVariants(text)) {
      const list = this.deletions.get(d);
      if (list) list.push(code);
      else this.deletions.set(d, [code]);
    }
  }

  /**
   * Registry codes one typo away from `code` (skeletons of three or more consonants; at most
   * `MAX_NEIGHBOURS`, and deletion variants shared by too many skeletons to say anything are skipped).
   */
  neighbours(code: number): Int32Array {
    const hit = this.neighbourMemo.get(code);
    if (hit) return hit;
    const text = skeletonOfCode(code);
    const out: number[] = [];
    if (text.length >= 3) {
      const variants = [text, ...deletionVariants(text)];
      for (let v = 0; v < variants.length && out.length < MAX_NEIGHBOURS; v += 1) {
        const list = this.deletions.get(variants[v] as string);
        if (!list || list.length > MAX_VARIANT_SHARE) continue;
        for (const other of list) {
          if (other !== code && !out.includes(other) && withinOneTypo(text, skeletonOfCode(other))) out.push(other);
          if (out.length >= MAX_NEIGHBOURS) break;
        }
      }
      // A dropped last consonant leaves a short skeleton that has no deletion variants of its own.
      const short = codeOfSkeleton(text.slice(0, -1));
      if (short >= 0 && this.vocabulary.has(short) && !out.includes(short)) out.push(short);
    }
    const list = Int32Array.from(out);
    this.neighbourMemo.set(code, list);
    return list;
  }

  /**
   * Record numbers worth comparing with `f`, the `maxCandidates` best (in no particular order; with
   * `scoresOut`, best first, with their blocking scores in the same order).
   */
  candidates(f: PersonFeatures, options: CandidateOptions = {}, scoresOut?: number[]): number[] {
    const total = Math.max(this.size, 1);
    const maxBlock = options.maxBlock ?? 5000;
    const maxCandidates = options.maxCandidates ?? 200;
    const budget = options.budget ?? 4000;
    this.ensure(total);
    const acc = this.acc;
    this.codes(f, true);
    const b = this.keysOf();
    // Pieces of evidence (keys differing only in the birth-year bucket form one), rarest first.
    const postings = this.postings;
    postings.settle();
    const n = b.n;
    let slotOf = this.slotOf;
    let extra = this.extra;
    if (slotOf.length < n) {
      this.slotOf = slotOf = new Int32Array(n * 2);
      this.extra = extra = new Array<number[] | undefined>(n * 2);
    }
    const sizeOf = (i: number): number => {
      const sl = slotOf[i] as number;
      return (sl >= 0 ? postings.length(sl) : 0) + (extra[i]?.length ?? 0);
    };
    let pieces = this.pieces;
    if (pieces.length < n) this.pieces = pieces = new Float64Array(n * 2);
    let npieces = 0;
    let last = Number.NaN;
    let pieceMin = Infinity;
    let pieceFrom = 0;
    const close = (to: number): void => {
      if (pieceMin !== Infinity) {
        // Sortable as one number: block size, then first key, then last key.
        pieces[npieces] = pieceMin * 1e8 + pieceFrom * 1e4 + to;
        npieces += 1;
      }
    };
    const gen = (this.generation = (this.generation + 1) & 0x3fffffff);
    for (let i = 0; i < n; i += 1) {
      const key = b.keys[i] as number;
      const group = b.groups[i] as number;
      if (group !== last) {
        close(i);
        last = group;
        pieceMin = Infinity;
        pieceFrom = i;
      }
      const sl = postings.slot(key);
      // A key repeated within the query (a given name that is also the kunya's child) is read once.
      if (sl >= 0 && this.visit(sl) === gen) {
        slotOf[i] = -1;
        extra[i] = undefined;
        continue;
      }
      slotOf[i] = sl;
      extra[i] = postings.unpacked(key);
      const size = sizeOf(i);
      if (size === 0 || size > maxBlock) {
        slotOf[i] = -1;
        extra[i] = undefined;
        continue;
      }
      if (size < pieceMin) pieceMin = size;
    }
    close(n);
    const order = pieces.subarray(0, npieces);
    // Insertion sort: a hundred numbers at most, usually nearly in order.
    for (let i = 1; i < npieces; i += 1) {
      const v = order[i] as number;
      let j = i - 1;
      while (j >= 0 && (order[j] as number) > v) {
        order[j + 1] = order[j] as number;
        j -= 1;
      }
      order[j + 1] = v;
    }
    // Rarest evidence first, until the work budget is spent: a query's cost does not grow with the registry.
    const refsAll = postings.refs;
    let touched = this.touched;
    let count = 0;
    let spent = 0;
    let group = 0;
    for (let p = 0; p < npieces; p += 1) {
      if (spent > budget) break;
      const code = order[p] as number;
      const to = code % 1e4;
      const from = Math.floor(code / 1e4) % 1e4;
      group += 1;
      for (let k = from; k < to; k += 1) {
        const sl = slotOf[k] as number;
        const more = extra[k];
        if (sl < 0 && !more) continue;
        const size = sizeOf(k);
        const flags = b.flags[k] as number;
        const weight = (Math.log2((total + 1) / size) + 1) * ((flags & FUZZY) !== 0 ? 0.5 : 1);
        const fields = flags & (AG | AF | AS | AM);
        spent += size;
        const begin = sl >= 0 ? postings.start(sl) : 0;
        const end = sl >= 0 ? begin + postings.length(sl) : 0;
        const moreLength = more ? more.length : 0;
        for (let i = begin; i < end + moreLength; i += 1) {
          const ref = i < end ? (refsAll[i] as number) : ((more as number[])[i - end] as number);
          const at = ref * STRIDE;
          acc[at + 3] = (acc[at + 3] as number) | fields;
          if (acc[at] === 0) {
            if (count >= touched.length) {
              const grown = new Int32Array(touched.length * 2);
              grown.set(touched);
              this.touched = touched = grown;
            }
            touched[count] = ref;
            count += 1;
          }
          if (acc[at + 2] !== group) {
            acc[at + 2] = group;
            acc[at + 1] = weight;
            acc[at] = (acc[at] as number) + weight;
          } else if (weight > (acc[at + 1] as number)) {
            acc[at] = (acc[at] as number) + weight - (acc[at + 1] as number);
            acc[at + 1] = weight;
          }
        }
      }
    }
    // Rank by the shared evidence, less what the records already show against each other: a name both
    // know that shares no key, another sex, births years apart (cheap reads of the packed records).
    let adjusted = this.adjusted;
    if (adjusted.length < count) this.adjusted = adjusted = new Float64Array(Math.max(count, adjusted.length * 2));
    const mine = summaryOf(f);
    const want = mine & (AG | AF | AS | AM);
    const sex = (mine >> 8) & 3;
    const lo = f.birth ? f.birth.lo : 0;
    const hi = f.birth ? f.birth.hi : 0;
    const slack = (mine & (4 << 12)) !== 0 ? 1 : 0;
    for (let i = 0; i < count; i += 1) {
      const at = (touched[i] as number) * STRIDE;
      let score = (acc[at] as number) + PENALTY_FLOOR;
      const theirs = acc[at + 4] as number;
      const missing = want & ~(acc[at + 3] as number) & theirs;
      if (missing !== 0) {
        if ((missing & AG) !== 0) score -= 4;
        if ((missing & AF) !== 0) score -= 3;
        if ((missing & AS) !== 0) score -= 2;
        if ((missing & AM) !== 0) score -= 2;
      }
      const s2 = (theirs >> 8) & 3;
      if (sex !== 0 && s2 !== 0) score += s2 === sex ? 1 : -4;
      if ((mine & (1 << 12)) !== 0 && (theirs & (1 << 12)) !== 0) {
        const gap =
          Math.max(0, (acc[at + 5] as number) - hi, lo - (acc[at + 6] as number)) -
          slack -
          ((theirs & (4 << 12)) !== 0 ? 1 : 0);
        if (gap <= 0) score += 1.5;
        else if (gap > 3) score -= 5;
        else if (gap > 1) score -= 1.5;
      }
      adjusted[i] = score > 0 ? score : 0;
    }
    // The best `maxCandidates`, ties by record number. No sort: a histogram of the scores (in 1/8) finds
    // the cut, and only the records tied at the cut are ordered.
    let refs: number[];
    if (count <= maxCandidates) refs = Array.from(touched.subarray(0, count));
    else {
      let hist = this.hist;
      let top = 0;
      for (let i = 0; i < count; i += 1) {
        const b = Math.min(HIST_MAX, Math.floor((adjusted[i] as number) * 8));
        if (b > top) top = b;
      }
      if (hist.length <= top) this.hist = hist = new Int32Array(Math.max(top + 1, hist.length * 2));
      hist.fill(0, 0, top + 1);
      for (let i = 0; i < count; i += 1) {
        const bin = Math.min(HIST_MAX, Math.floor((adjusted[i] as number) * 8));
        hist[bin] = (hist[bin] as number) + 1;
      }
      let cut = top;
      let above = 0;
      while (cut > 0 && above + (hist[cut] as number) < maxCandidates) {
        above += hist[cut] as number;
        cut -= 1;
      }
      refs = [];
      const tied: number[] = [];
      for (let i = 0; i < count; i += 1) {
        const ref = touched[i] as number;
        const b = Math.min(HIST_MAX, Math.floor((adjusted[i] as number) * 8));
        if (b > cut) refs.push(ref);
        else if (b === cut) tied.push(i);
      }
      tied.sort(
        (x, y) => (adjusted[y] as number) - (adjusted[x] as number) || (touched[x] as number) - (touched[y] as number),
      );
      for (let i = 0; i < tied.length; i += 1) tied[i] = touched[tied[i] as number] as number;
      for (let i = 0; refs.length < maxCandidates && i < tied.length; i += 1) refs.push(tied[i] as number);
    }
    if (scoresOut) {
      refs.sort((x, y) => (acc[y * STRIDE] as number) - (acc[x * STRIDE] as number) || x - y);
      scoresOut.length = 0;
      for (const ref of refs) scoresOut.push(acc[ref * STRIDE] as number);
    }
    for (let i = 0; i < count; i += 1) {
      const ref = touched[i] as number;
      acc[ref * STRIDE] = 0;
      acc[ref * STRIDE + 2] = 0;
      acc[ref * STRIDE + 3] = 0;
    }
    return refs;
  }

  private ensure(size: number): void {
    if (this.acc.length >= size * STRIDE) return;
    const grown = new Float64Array(Math.max(size, (this.acc.length / STRIDE) * 2) * STRIDE);
    grown.set(this.acc);
    this.acc = grown;
  }
}

/** Numbers per record in the index's working array (one cache line). */
const STRIDE = 8;

/** What a record knows, as bits: name fields (AG, AF, AS, AM), sex (F 1, M 2) << 8, birth flags << 12. */
function summaryOf(f: PersonFeatures): number {
  return (
    (f.given.length > 0 ? AG : 0) |
    (f.father.length > 0 ? AF : 0) |
    (f.family.length + f.grandfather.length > 0 ? AS : 0) |
    (f.mother.length > 0 ? AM : 0) |
    ((f.sex === 'F' ? 1 : f.sex === 'M' ? 2 : 0) << 8) |
    ((f.birth ? 1 | (f.birth.exact ? 2 : 0) | (f.birth.estimated ? 4 : 0) : 0) << 12)
  );
}

/** Added to blocking scores before penalties, so that a penalised candidate still ranks by its evidence. */
const PENALTY_FLOOR = 20;

/** Highest bin of the score histogram of `candidates` (scores in 1/8). */
const HIST_MAX = 1 << 16;

function deletionVariants(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const d = text.slice(0, i) + text.slice(i + 1);
    if (!out.includes(d)) out.push(d);
  }
  return out;
}
