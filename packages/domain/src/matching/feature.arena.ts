import type { NameKey } from '../names/name.keys';
import { DISAGREE, EXACT, FUZZY, PHONETIC, fuzzyIds, nameId, nameInts } from './name.table';
import type { PersonFeatures } from './person.features';

/**
 * Records packed into flat typed arrays for the comparison loop. A registry is scored pair by pair millions
 * of times, and following pointers from record to name objects to strings costs more than the comparison
 * itself; here each record is one contiguous run of integers (its names inline, with the ids of their
 * folds, skeletons and groups) plus three numbers, so scoring a pair reads a few cache lines and compares
 * integers only.
 */

/** Ints per name inline in a record (see `nameInts`). */
export const NAME_W = 12;
export const N_CANON = 0;
export const N_FINE = 1;
export const N_FOLD = 2;
export const N_SKEL = 3;
export const N_ASKEL = 4;
export const N_ARAB = 5;
export const N_TERM = 6;
export const N_FMASK = 7;
export const N_SMASK = 8;
export const N_ID = 9;
export const N_ASKELV = 10;
export const N_ASKELU = 11;

/** Name fields of a record, in their order in the arena. */
export const NAME_FIELDS = ['given', 'father', 'grandfather', 'family', 'mother', 'fatherKunya'] as const;
export const F_GIVEN = 0;
export const F_FATHER = 1;
export const F_GRANDFATHER = 2;
export const F_FAMILY = 3;
export const F_MOTHER = 4;
export const F_KUNYA = 5;

/** Header ints of a record: sex, country, district, born abroad, flags, then the start of each name field and the end. */
const H_SEX = 0;
const H_COUNTRY = 1;
const H_DISTRICT = 2;
const H_ABROAD = 3;
const H_FLAGS = 4;
/** Birth span and departure, in years × `FIXED` (fixed point: ints keep the record in one run of memory). */
const H_BLO = 5;
const H_BHI = 6;
const H_DEP = 7;
const H_START = 8;
const HEADER = H_START + NAME_FIELDS.length + 1;
const FIXED = 4096;
/** Flags: birth known, exact date, estimated age, departure known. */
const HAS_BIRTH = 1;
const EXACT_BIRTH = 2;
const ESTIMATED = 4;
const HAS_DEPARTURE = 8;

const places = new Map<string, number>();
const placeText: string[] = [];
function placeId(text: string | null): number {
  if (text === null) return -1;
  let id = places.get(text);
  if (id === undefined) {
    id = placeText.length;
    places.set(text, id);
    placeText.push(text);
  }
  return id;
}

/** The text of an interned place (district fold or country code). */
export function placeName(id: number): string {
  return placeText[id] ?? '';
}

/** A growable store of packed records, addressed by their number (0, 1, 2… in order of `add`). */
export class FeatureArena {
  ints: Int32Array;
  offsets: Int32Array;
  size = 0;
  private used = 0;

  constructor(records = 16) {
    this.ints = new Int32Array(records * (HEADER + 6 * NAME_W));
    this.offsets = new Int32Array(records);
  }

  /** Empties the arena (keeps its memory), for a scratch arena reused per query. */
  clear(): void {
    this.size = 0;
    this.used = 0;
  }

  /** Packs one record; returns its number. */
  add(f: PersonFeatures): number {
    let names = 0;
    for (const field of NAME_FIELDS) names += f[field].length;
    const need = HEADER + names * NAME_W;
    if (this.used + need > this.ints.length) {
      const grown = new Int32Array(Math.max(this.ints.length * 2, this.used + need));
      grown.set(this.ints);
      this.ints = grown;
    }
    const ref = this.size;
    if (ref >= this.offsets.length) {
      const n = this.offsets.length * 2 + 16;
      const o = new Int32Array(n);
      o.set(this.offsets);
      this.offsets = o;
    }
    const a = this.ints;
    const at = this.used;
    a[at + H_SEX] = f.sex === 'F' ? 1 : f.sex === 'M' ? 2 : 0;
    a[at + H_COUNTRY] = placeId(f.country);
    a[at + H_DISTRICT] = placeId(f.district);
    a[at + H_ABROAD] = f.bornAbroad === null ? -1 : f.bornAbroad ? 1 : 0;
    a[at + H_FLAGS] =
      (f.birth ? HAS_BIRTH : 0) |
      (f.birth?.exact ? EXACT_BIRTH : 0) |
      (f.birth?.estimated ? ESTIMATED : 0) |
      (f.departed !== null ? HAS_DEPARTURE : 0);
    a[at + H_BLO] = f.birth ? Math.round(f.birth.lo * FIXED) : 0;
    a[at + H_BHI] = f.birth ? Math.round(f.birth.hi * FIXED) : 0;
    a[at + H_DEP] = f.departed !== null ? Math.round(f.departed * FIXED) : 0;
    let p = at + HEADER;
    NAME_FIELDS.forEach((field, k) => {
      a[at + H_START + k] = p;
      for (const key of f[field] as NameKey[]) {
        nameInts(nameId(key), a, p);
        p += NAME_W;
      }
    });
    a[at + H_START + NAME_FIELDS.length] = p;
    this.offsets[ref] = at;
    this.used = p;
    this.size += 1;
    return ref;
  }
}

/** Level of two inline names (see `compareIds`). */
function nameLevel(A: Int32Array, i: number, B: Int32Array, j: number): number {
  if (A[i + N_ID] === B[j + N_ID]) return EXACT;
  const cx = A[i + N_CANON] as number;
  const cy = B[j + N_CANON] as number;
  if (cx >= 0 && cy >= 0) return cx === cy ? EXACT : DISAGREE;
  const flags = (A[i + N_ARAB] as number) | (B[j + N_ARAB] as number);
  const vowelless = (flags & 1) !== 0;
  // A shared skeleton with another first sound (Əhməd and Həmid) is a letter apart, not one name.
  const onset = (((A[i + N_ARAB] as number) ^ (B[j + N_ARAB] as number)) & 2) !== 0;
  if (vowelless) {
    // Without written vowels, the consonant skeleton is all an Arabic spelling can agree on (و read either way).
    const xa = A[i + N_ASKEL] as number;
    const ya = B[j + N_ASKEL] as number;
    if (xa === ya) return onset ? FUZZY : EXACT;
    const xv = A[i + N_ASKELV] as number;
    const xu = A[i + N_ASKELU] as number;
    const yv = B[j + N_ASKELV] as number;
    const yu = B[j + N_ASKELU] as number;
    if (xv === ya || xu === ya || xa === yv || xa === yu || xv === yv || xu === yu) return onset ? FUZZY : EXACT;
    if (A[i + N_SKEL] === B[j + N_SKEL]) return onset ? FUZZY : PHONETIC;
  } else {
    if (A[i + N_FINE] === B[j + N_FINE]) return EXACT;
    if (A[i + N_FOLD] === B[j + N_FOLD] || A[i + N_SKEL] === B[j + N_SKEL]) return onset ? FUZZY : PHONETIC;
  }
  return fuzzyIds(
    A[i + N_ID] as number,
    B[j + N_ID] as number,
    vowelless,
    (A[i + N_FMASK] as number) ^ (B[j + N_FMASK] as number),
    (A[i + N_SMASK] as number) ^ (B[j + N_SMASK] as number),
  )
    ? FUZZY
    : DISAGREE;
}

/** Best level between name field `fa` of record A and field `fb` of record B; -1 when either is empty. */
export function fieldLevel(A: Int32Array, ao: number, fa: number, B: Int32Array, bo: number, fb: number): number {
  const s1 = A[ao + H_START + fa] as number;
  const e1 = A[ao + H_START + fa + 1] as number;
  const s2 = B[bo + H_START + fb] as number;
  const e2 = B[bo + H_START + fb + 1] as number;
  if (s1 === e1 || s2 === e2) return -1;
  let best = DISAGREE;
  for (let i = s1; i < e1; i += NAME_W) {
    for (let j = s2; j < e2; j += NAME_W) {
      const level = nameLevel(A, i, B, j);
      if (level < best) {
        if (level === EXACT) return EXACT;
        best = level;
      }
    }
  }
  return best;
}

/** Whether a record knows any name in a field. */
export function hasNames(A: Int32Array, ao: number, field: number): boolean {
  return A[ao + H_START + field] !== A[ao + H_START + field + 1];
}

/**
 * Every term (frequency value) of the names that agree exactly in one field of two records, written into
 * `out` (distinct, at most `out.length`); returns how many. The scorer weighs the agreement by the
 * commonest of them: a typo on one side makes a term the registry has never counted, and agreement on it
 * must not count as agreement on a unique name.
 */
export function agreeingTerms(
  A: Int32Array,
  ao: number,
  B: Int32Array,
  bo: number,
  field: number,
  out: Int32Array,
): number {
  const s1 = A[ao + H_START + field] as number;
  const e1 = A[ao + H_START + field + 1] as number;
  const s2 = B[bo + H_START + field] as number;
  const e2 = B[bo + H_START + field + 1] as number;
  let n = 0;
  for (let i = s1; i < e1; i += NAME_W) {
    for (let j = s2; j < e2; j += NAME_W) {
      if (nameLevel(A, i, B, j) !== EXACT) continue;
      // Both spellings' terms, each once (no closure: this runs for most scored pairs).
      for (let side = 0; side < 2; side += 1) {
        const term = side === 0 ? (A[i + N_TERM] as number) : (B[j + N_TERM] as number);
        if (term < 0 || n >= out.length) continue;
        let seen = false;
        for (let k = 0; k < n; k += 1) if (out[k] === term) seen = true;
        if (!seen) {
          out[n] = term;
          n += 1;
        }
      }
    }
  }
  return n;
}

function grandfatherLevel(A: Int32Array, ao: number, B: Int32Array, bo: number): number {
  const direct = fieldLevel(A, ao, F_GRANDFATHER, B, bo, F_GRANDFATHER);
  // An Azerbaijani surname is built on an ancestor's name: positive evidence only, never against.
  let cross = -1;
  const crossA = fieldLevel(A, ao, F_GRANDFATHER, B, bo, F_FAMILY);
  if (crossA >= 0 && crossA < DISAGREE) cross = crossA;
  const crossB = fieldLevel(B, bo, F_GRANDFATHER, A, ao, F_FAMILY);
  if (crossB >= 0 && crossB < DISAGREE && (cross < 0 || crossB < cross)) cross = crossB;
  if (direct >= 0) return cross >= 0 && cross < direct ? cross : direct;
  return cross;
}

/**
 * The father's kunya: two records whose fathers are both "Abu Muhammad" agree; a kunya naming the other
 * record's child ("Abu Muhammad" against a sought Muhammad) counts only where the record with the kunya
 * does not name its own child — otherwise the given names already said it (the eldest son is the child).
 */
function kunyaLevel(A: Int32Array, ao: number, B: Int32Array, bo: number): number {
  const ka = hasNames(A, ao, F_KUNYA);
  const kb = hasNames(B, bo, F_KUNYA);
  if (!ka && !kb) return -1;
  let seen = false;
  let level = fieldLevel(A, ao, F_KUNYA, B, bo, F_KUNYA);
  if (level >= 0) {
    seen = true;
    if (level <= PHONETIC) return 0;
  }
  if (ka && !hasNames(A, ao, F_GIVEN)) {
    level = fieldLevel(A, ao, F_KUNYA, B, bo, F_GIVEN);
    if (level >= 0) {
      seen = true;
      if (level <= PHONETIC) return 0;
    }
  }
  if (kb && !hasNames(B, bo, F_GIVEN)) {
    level = fieldLevel(B, bo, F_KUNYA, A, ao, F_GIVEN);
    if (level >= 0) {
      seen = true;
      if (level <= PHONETIC) return 0;
    }
  }
  return seen ? 1 : -1;
}

function birthLevel(A: Int32Array, ao: number, B: Int32Array, bo: number): number {
  const fa = A[ao + H_FLAGS] as number;
  const fb = B[bo + H_FLAGS] as number;
  if ((fa & HAS_BIRTH) === 0 || (fb & HAS_BIRTH) === 0) return -1;
  const alo = A[ao + H_BLO] as number;
  const ahi = A[ao + H_BHI] as number;
  const blo = B[bo + H_BLO] as number;
  const bhi = B[bo + H_BHI] as number;
  if ((fa & EXACT_BIRTH) !== 0 && (fb & EXACT_BIRTH) !== 0 && Math.abs(alo - blo) < 0.002 * FIXED) return 0;
  const gap = Math.max(0, alo - bhi, blo - ahi) / FIXED;
  // An estimated age is often a year off either way.
  const slack = ((fa & ESTIMATED) !== 0 ? 1 : 0) + ((fb & ESTIMATED) !== 0 ? 1 : 0);
  const g = Math.max(0, gap - slack);
  if (g === 0) return 1;
  if (g <= 1) return 2;
  if (g <= 3) return 3;
  return 4;
}

const districtSame = new Map<number, boolean>();

function sameDistrict(a: number, b: number, similar: (x: string, y: string) => boolean): boolean {
  if (a === b) return true;
  const key = a < b ? a * 0x200000 + b : b * 0x200000 + a;
  let same = districtSame.get(key);
  if (same === undefined) {
    const x = placeText[a] as string;
    const y = placeText[b] as string;
    same = x < y ? similar(x, y) : similar(y, x);
    if (districtSame.size >= 100_000) districtSame.clear();
    districtSame.set(key, same);
  }
  return same;
}

/** 1 consistent, 0 inconsistent, -1 unknown: a child born abroad after the family left, or at home before. */
function bornConsistently(A: Int32Array, ao: number, B: Int32Array, bo: number): number {
  const abroad = A[ao + H_ABROAD] as number;
  if (
    ((A[ao + H_FLAGS] as number) & HAS_BIRTH) === 0 ||
    abroad < 0 ||
    ((B[bo + H_FLAGS] as number) & HAS_DEPARTURE) === 0
  )
    return -1;
  const departed = B[bo + H_DEP] as number;
  // An estimated age is often a year off either way (as in `birthLevel`).
  const slack = ((A[ao + H_FLAGS] as number) & ESTIMATED) !== 0 ? FIXED : 0;
  if (abroad === 1) return (A[ao + H_BHI] as number) + slack >= departed - 0.1 * FIXED ? 1 : 0;
  return (A[ao + H_BLO] as number) - slack <= departed + 0.75 * FIXED ? 1 : 0;
}

/**
 * Compares record `ra` of arena `a` with record `rb` of arena `b` into `v`, the ordered agreement level of
 * each field of `MATCH_FIELDS` (-1 where either side does not know it). Symmetric.
 */
export function compareArena(
  a: FeatureArena,
  ra: number,
  b: FeatureArena,
  rb: number,
  v: Int8Array,
  similarPlaces: (x: string, y: string) => boolean,
): Int8Array {
  const A = a.ints;
  const B = b.ints;
  const ao = a.offsets[ra] as number;
  const bo = b.offsets[rb] as number;
  v[0] = fieldLevel(A, ao, F_GIVEN, B, bo, F_GIVEN);
  v[1] = fieldLevel(A, ao, F_FATHER, B, bo, F_FATHER);
  v[2] = grandfatherLevel(A, ao, B, bo);
  v[3] = fieldLevel(A, ao, F_FAMILY, B, bo, F_FAMILY);
  v[4] = fieldLevel(A, ao, F_MOTHER, B, bo, F_MOTHER);
  v[5] = kunyaLevel(A, ao, B, bo);
  v[6] = birthLevel(A, ao, B, bo);
  const sa = A[ao + H_SEX] as number;
  const sb = B[bo + H_SEX] as number;
  v[7] = sa !== 0 && sb !== 0 ? (sa === sb ? 0 : 1) : -1;
  const da = A[ao + H_DISTRICT] as number;
  const db = B[bo + H_DISTRICT] as number;
  const ca = A[ao + H_COUNTRY] as number;
  const cb = B[bo + H_COUNTRY] as number;
  if (da >= 0 && db >= 0 && sameDistrict(da, db, similarPlaces)) v[8] = 0;
  else if (ca >= 0 && cb >= 0) {
    // The same country says something only where both name a district (then the districts differ);
    // where one does not, nearly every pair of nationals agrees on the country: not compared.
    if (ca !== cb) v[8] = 2;
    else v[8] = da >= 0 && db >= 0 ? 1 : -1;
  } else v[8] = -1;
  // Departure: the families left at about the same time, and each child's birth fits the other's departure.
  let seen = false;
  let consistent = true;
  if (((A[ao + H_FLAGS] as number) & HAS_DEPARTURE) !== 0 && ((B[bo + H_FLAGS] as number) & HAS_DEPARTURE) !== 0) {
    seen = true;
    consistent = Math.abs((A[ao + H_DEP] as number) - (B[bo + H_DEP] as number)) <= FIXED;
  }
  const ab = bornConsistently(A, ao, B, bo);
  if (ab >= 0) {
    seen = true;
    consistent &&= ab === 1;
  }
  const ba = bornConsistently(B, bo, A, ao);
  if (ba >= 0) {
    seen = true;
    consistent &&= ba === 1;
  }
  // One record says born abroad, the other at home.
  const abroadA = A[ao + H_ABROAD] as number;
  const abroadB = B[bo + H_ABROAD] as number;
  if (abroadA >= 0 && abroadB >= 0) {
    seen = true;
    consistent &&= abroadA === abroadB;
  }
  v[9] = seen ? (consistent ? 0 : 1) : -1;
  return v;
}
