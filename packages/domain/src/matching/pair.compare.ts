import type { NameKey } from '../names/name.keys';
import { MATCH_FIELDS } from './match.model';
import type { PersonFeatures } from './person.features';
import { jaroWinkler, withinOneEdit } from './string.similarity';

/** Level index per field (order of `MATCH_FIELDS`), or -1 where either side does not know the field. */
export type ComparisonVector = Int8Array;

const EXACT = 0;
const PHONETIC = 1;
const FUZZY = 2;
const DISAGREE = 3;

/**
 * Compares two name parts: same equivalence group or same fold → exact; same consonant skeleton →
 * phonetic (unless both are known, different names: Həsən and Hüseyn share a skeleton); close spellings →
 * fuzzy (typos); otherwise disagree.
 */
export function compareNameKeys(a: NameKey, b: NameKey): number {
  if (a === b || a.fold === b.fold) return EXACT;
  // Name keys are shared objects (one per spelling), so a registry compares the same few thousand
  // spellings millions of times: memoise the level per pair of keys in a direct-mapped table.
  const x = keyId(a);
  const y = keyId(b);
  if (x < 0 || y < 0) return compareUncached(a, b);
  const lo = x < y ? x : y;
  const hi = x < y ? y : x;
  const slot = (Math.imul(lo, 0x9e3779b1) + Math.imul(hi, 0x85ebca6b)) >>> (32 - CACHE_BITS);
  if (cacheLo[slot] === lo + 1 && cacheHi[slot] === hi) return cacheLevel[slot] ?? DISAGREE;
  const level = compareUncached(a, b);
  cacheLo[slot] = lo + 1;
  cacheHi[slot] = hi;
  cacheLevel[slot] = level;
  return level;
}

const CACHE_BITS = 20;
const cacheLo = new Int32Array(1 << CACHE_BITS);
const cacheHi = new Int32Array(1 << CACHE_BITS);
const cacheLevel = new Int8Array(1 << CACHE_BITS);
const KEY_ID = Symbol('homeward.nameKeyId');
let nextKeyId = 0;

function keyId(key: NameKey): number {
  const tagged = key as NameKey & { [KEY_ID]?: number };
  let id = tagged[KEY_ID];
  if (id === undefined) {
    // A frozen key (a caller's own object) cannot carry an id, and ids stop at 2³¹ − 16 (never in
    // practice): such keys are compared without the memo.
    if (!Object.isExtensible(key) || nextKeyId >= 0x7ffffff0) return -1;
    id = nextKeyId;
    nextKeyId += 1;
    Object.defineProperty(tagged, KEY_ID, { value: id, enumerable: false });
  }
  return id;
}

function compareUncached(a: NameKey, b: NameKey): number {
  const bothKnown = a.canon !== null && b.canon !== null;
  if (bothKnown && a.canon === b.canon) return EXACT;
  if (bothKnown) return DISAGREE;
  const vowelless = a.script === 'Arab' || b.script === 'Arab';
  // Without written vowels, the consonant skeleton is all an Arabic spelling can agree on.
  if (a.skeleton === b.skeleton) return vowelless ? EXACT : PHONETIC;
  const jw = a.fold < b.fold ? jaroWinkler(a.fold, b.fold) : jaroWinkler(b.fold, a.fold);
  if (jw >= 0.9) return FUZZY;
  if (a.skeleton.length >= 2 && withinOneEdit(a.skeleton, b.skeleton) && (vowelless || jw >= 0.75)) return FUZZY;
  return DISAGREE;
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

function grandfatherLevel(a: PersonFeatures, b: PersonFeatures): number {
  const direct = compareNameSets(a.grandfather, b.grandfather);
  // An Azerbaijani surname is built on an ancestor's name: positive evidence only, never against.
  const crossA = compareNameSets(a.grandfather, b.family);
  const crossB = compareNameSets(b.grandfather, a.family);
  let cross = -1;
  for (const c of [crossA, crossB]) if (c >= 0 && c < DISAGREE && (cross < 0 || c < cross)) cross = c;
  if (direct >= 0) return cross >= 0 ? Math.min(direct, cross) : direct;
  return cross;
}

function kunyaLevel(a: PersonFeatures, b: PersonFeatures): number {
  if (a.fatherKunya.length === 0 && b.fatherKunya.length === 0) return -1;
  const checks = [
    compareNameSets(a.fatherKunya, b.given),
    compareNameSets(b.fatherKunya, a.given),
    compareNameSets(a.fatherKunya, b.fatherKunya),
  ];
  let seen = false;
  for (const level of checks) {
    if (level < 0) continue;
    seen = true;
    if (level <= PHONETIC) return 0;
  }
  return seen ? 1 : -1;
}

function birthLevel(a: PersonFeatures, b: PersonFeatures): number {
  const x = a.birth;
  const y = b.birth;
  if (!x || !y) return -1;
  if (x.exact && y.exact && Math.abs(x.lo - y.lo) < 0.002) return 0;
  const gap = Math.max(0, x.lo - y.hi, y.lo - x.hi);
  // An estimated age is often a year off either way.
  const slack = (x.estimated ? 1 : 0) + (y.estimated ? 1 : 0);
  const g = Math.max(0, gap - slack);
  if (g === 0) return 1;
  if (g <= 1) return 2;
  if (g <= 3) return 3;
  return 4;
}

const districtCache = new Map<string, boolean>();

function sameDistrict(a: string, b: string): boolean {
  if (a === b) return true;
  const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
  let same = districtCache.get(key);
  if (same === undefined) {
    same = a < b ? jaroWinkler(a, b) >= 0.92 : jaroWinkler(b, a) >= 0.92;
    if (districtCache.size >= 100_000) districtCache.clear();
    districtCache.set(key, same);
  }
  return same;
}

function originLevel(a: PersonFeatures, b: PersonFeatures): number {
  if (a.district !== null && b.district !== null && sameDistrict(a.district, b.district)) return 0;
  if (a.country !== null && b.country !== null) return a.country === b.country ? 1 : 2;
  return -1;
}

function bornConsistently(child: PersonFeatures, departed: number): boolean | null {
  if (!child.birth || child.bornAbroad === null) return null;
  if (child.bornAbroad) return child.birth.hi >= departed - 0.1;
  return child.birth.lo <= departed + 0.75;
}

function departureLevel(a: PersonFeatures, b: PersonFeatures): number {
  const results: boolean[] = [];
  if (a.departed !== null && b.departed !== null) results.push(Math.abs(a.departed - b.departed) <= 1);
  for (const [child, other] of [
    [a, b],
    [b, a],
  ] as const) {
    if (other.departed === null) continue;
    const r = bornConsistently(child, other.departed);
    if (r !== null) results.push(r);
  }
  if (results.length === 0) return -1;
  return results.every(Boolean) ? 0 : 1;
}

/**
 * Compares two records field by field into ordered agreement levels (the γ vector of Fellegi–Sunter).
 * Symmetric: compare(a, b) equals compare(b, a).
 */
export function comparePersons(a: PersonFeatures, b: PersonFeatures, into?: ComparisonVector): ComparisonVector {
  const v = into ?? new Int8Array(MATCH_FIELDS.length);
  v[0] = compareNameSets(a.given, b.given);
  v[1] = compareNameSets(a.father, b.father);
  v[2] = grandfatherLevel(a, b);
  v[3] = compareNameSets(a.family, b.family);
  v[4] = compareNameSets(a.mother, b.mother);
  v[5] = kunyaLevel(a, b);
  v[6] = birthLevel(a, b);
  v[7] = a.sex !== null && b.sex !== null ? (a.sex === b.sex ? 0 : 1) : -1;
  v[8] = originLevel(a, b);
  v[9] = departureLevel(a, b);
  return v;
}
