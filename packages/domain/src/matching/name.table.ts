import { arabicSafe, consonantSkeleton, fineFold } from '../names/latin.fold';
import { startsWithVowel } from '../names/name.keys';
import type { NameKey } from '../names/name.keys';
import { jaroWinkler, withinOneTypo } from './string.similarity';

/**
 * Name keys interned as numbers, so that comparing two records is integer work. Each distinct name key
 * (one object per spelling, shared through `NameKeyCache`) gets an id; its folds, skeletons and group get
 * ids too, kept in flat typed arrays. One table per process (or worker thread), growing as names arrive.
 */

export const EXACT = 0;
export const PHONETIC = 1;
export const FUZZY = 2;
export const DISAGREE = 3;

const strings = new Map<string, number>();
/** Each interned string without its one-letter prefix (the skeleton of a skeleton code). */
const stringText: string[] = [];
function sid(s: string): number {
  let id = strings.get(s);
  if (id === undefined) {
    id = stringText.length;
    strings.set(s, id);
    stringText.push(s.slice(1));
  }
  return id;
}

/** The consonant-skeleton code of a name key (one number per distinct skeleton; for blocking). */
export function skeletonCode(key: NameKey): number {
  return data[nameId(key) * STRIDE + SKEL] as number;
}

/**
 * The skeleton codes a name may stand for: its own, and for Arabic script with an inner و, those of the
 * readings with و as v and as a vowel. Calls `each` once per distinct code.
 */
export function eachSkeletonCode(key: NameKey, each: (code: number) => void): void {
  const o = nameId(key) * STRIDE;
  const a = data[o + SKEL] as number;
  const b = data[o + SKELV] as number;
  const c = data[o + SKELU] as number;
  each(a);
  if (b !== a) each(b);
  if (c !== a && c !== b) each(c);
}

/** The skeleton a code stands for (see `skeletonCode`). */
export function skeletonOfCode(code: number): string {
  return stringText[code] ?? '';
}

/** The code of a skeleton already seen, or -1. */
export function codeOfSkeleton(skeleton: string): number {
  return strings.get(`s${skeleton}`) ?? -1;
}

const ids = new WeakMap<NameKey, number>();
let count = 0;
/** Per name id, `STRIDE` numbers: the ids of its fine fold, fold, skeleton, Arabic-safe skeleton, group (-1), term, Arabic script (1/0), letter masks of fold and skeleton. */
const STRIDE = 13;
const FINE = 0;
const FOLD = 1;
const SKEL = 2;
const ASKEL = 3;
const CANON = 4;
const TERM = 5;
const ARAB = 6;
const FMASK = 7;
const SMASK = 8;
/** Arabic-safe fine skeletons and phonetic skeletons of the و-as-v and و-as-vowel readings (else as ASKEL, SKEL). */
const ASKELV = 9;
const ASKELU = 10;
const SKELV = 11;
const SKELU = 12;
let data = new Int32Array(1024 * STRIDE);
const foldText: string[] = [];
const skelText: string[] = [];
/** Term (frequency value) of each term id. */
export const termText: string[] = [];
const termIds = new Map<string, number>();

function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i += 1) m |= 1 << (s.charCodeAt(i) % 31);
  return m;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The term id of a frequency value (its group, else its fine skeleton). */
export function termIdOf(term: string): number {
  let id = termIds.get(term);
  if (id === undefined) {
    id = termText.length;
    termIds.set(term, id);
    termText.push(term);
  }
  return id;
}

/** The number of a name key (assigned on first sight). */
export function nameId(key: NameKey): number {
  const known = ids.get(key);
  if (known !== undefined) return known;
  if ((count + 1) * STRIDE > data.length) {
    const grown = new Int32Array(data.length * 2);
    grown.set(data);
    data = grown;
  }
  const id = count;
  count += 1;
  const fine = key.fine ?? fineFold(key.reading);
  const arabicFine = key.script === 'Arab' ? fine : arabicSafe(fine);
  const arabSkel = consonantSkeleton(arabicSafe(arabicFine));
  const o = id * STRIDE;
  data[o + FINE] = sid(`f${fine}`);
  data[o + FOLD] = sid(`o${key.fold}`);
  data[o + SKEL] = sid(`s${key.skeleton}`);
  data[o + ASKEL] = sid(`a${arabSkel}`);
  data[o + CANON] = key.canon === null ? -1 : sid(`c${key.canon}`);
  data[o + TERM] = termIdOf(key.term ?? key.canon ?? `s:${arabSkel}`);
  // Bit 1: Arabic script (vowel-less); bit 2: the name starts with a vowel.
  data[o + ARAB] = (key.script === 'Arab' ? 1 : 0) | ((key.vowelInitial ?? startsWithVowel(key.reading)) ? 2 : 0);
  data[o + FMASK] = letterMask(key.fold);
  data[o + SMASK] = letterMask(key.skeleton);
  const waw = key.waw;
  data[o + ASKELV] = waw ? sid(`a${consonantSkeleton(waw.fine[0])}`) : (data[o + ASKEL] as number);
  data[o + ASKELU] = waw ? sid(`a${consonantSkeleton(waw.fine[1])}`) : (data[o + ASKEL] as number);
  data[o + SKELV] = waw ? sid(`s${waw.skeleton[0]}`) : (data[o + SKEL] as number);
  data[o + SKELU] = waw ? sid(`s${waw.skeleton[1]}`) : (data[o + SKEL] as number);
  foldText[id] = key.fold;
  skelText[id] = key.skeleton;
  ids.set(key, id);
  return id;
}

/** Term id of an interned name. */
export function nameTermId(id: number): number {
  return data[id * STRIDE + TERM] as number;
}

/** Interns a list of keys (one record's names in one field). */
export function nameIds(keys: readonly NameKey[]): Int32Array {
  const out = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i += 1) out[i] = nameId(keys[i] as NameKey);
  return out;
}

// Fuzzy agreement needs string work; the answer is memoised per pair of ids in a direct-mapped table.
const CACHE_BITS = 20;
const cacheA = new Int32Array(1 << CACHE_BITS);
const cacheB = new Int32Array(1 << CACHE_BITS);
const cacheV = new Int8Array(1 << CACHE_BITS);

/**
 * Whether two different names are a typo apart: Latin and Cyrillic spellings one typo apart once folded
 * (a dropped, doubled, replaced letter or two neighbours swapped), or close with consonants a typo apart;
 * against Arabic script, consonant skeletons of three or more letters a typo apart (Zərha for زهراء). `foldXor` and `skelXor` are the XOR of their letter masks:
 * one typo (a dropped, doubled, swapped or replaced letter) changes at most two letters of the set, so most
 * pairs are told apart by integers alone; the rest are compared as strings and memoised.
 */
/** Two spellings whose consonants are a typo apart must also be this close as a whole (Jaro–Winkler). */
const FUZZY_JW = 0.85;
/**
 * An Arabic spelling is a typo from another name only when both consonant skeletons have at least this
 * many letters: a skeleton of two (Ömər mr, Musa ms) is one edit from dozens of other names.
 */
const FUZZY_SKELETON = 3;

export function fuzzyIds(x: number, y: number, vowelless: boolean, foldXor: number, skelXor: number): boolean {
  const foldClose = popcount(foldXor) <= 2;
  const skelClose = vowelless && popcount(skelXor) <= 2;
  if (!foldClose && !skelClose) return false;
  const lo = x < y ? x : y;
  const hi = x < y ? y : x;
  const slot = (Math.imul(lo, 0x9e3779b1) + Math.imul(hi, 0x85ebca6b)) >>> (32 - CACHE_BITS);
  if (cacheA[slot] === lo + 1 && cacheB[slot] === hi) return cacheV[slot] === 1;
  const fa = foldText[x] as string;
  const fb = foldText[y] as string;
  let result = false;
  if (foldClose && Math.abs(fa.length - fb.length) <= 2) {
    if (!vowelless) {
      // One typo in the folded spelling, or in the consonants of two spellings that are otherwise close.
      result = withinOneTypo(fa, fb);
      if (
        !result &&
        (skelText[x] as string).length >= 2 &&
        withinOneTypo(skelText[x] as string, skelText[y] as string)
      ) {
        result = (fa < fb ? jaroWinkler(fa, fb) : jaroWinkler(fb, fa)) >= FUZZY_JW;
      }
    } else result = (fa < fb ? jaroWinkler(fa, fb) : jaroWinkler(fb, fa)) >= 0.9;
  }
  if (!result && skelClose) {
    const sa = skelText[x] as string;
    const sb = skelText[y] as string;
    result = Math.min(sa.length, sb.length) >= FUZZY_SKELETON && withinOneTypo(sa, sb);
  }
  cacheA[slot] = lo + 1;
  cacheB[slot] = hi;
  cacheV[slot] = result ? 1 : 0;
  return result;
}

/**
 * Writes a name's comparison data inline at `out[p…p+11]`: group, fine fold, fold, skeleton, Arabic-safe
 * skeleton, Arabic (1/0), term, fold and skeleton letter masks, id, Arabic-safe skeletons with و as v and
 * as a vowel (the layout `FeatureArena` reads).
 */
export function nameInts(id: number, out: Int32Array, p: number): void {
  const o = id * STRIDE;
  const d = data;
  out[p] = d[o + CANON] as number;
  out[p + 1] = d[o + FINE] as number;
  out[p + 2] = d[o + FOLD] as number;
  out[p + 3] = d[o + SKEL] as number;
  out[p + 4] = d[o + ASKEL] as number;
  out[p + 5] = d[o + ARAB] as number;
  out[p + 6] = d[o + TERM] as number;
  out[p + 7] = d[o + FMASK] as number;
  out[p + 8] = d[o + SMASK] as number;
  out[p + 9] = id;
  out[p + 10] = d[o + ASKELV] as number;
  out[p + 11] = d[o + ASKELU] as number;
}

/**
 * The agreement level of two interned names: same group or same fine fold (Arabic: same fine consonant
 * skeleton) → exact; same phonetic fold or skeleton → phonetic, unless both are known different names;
 * a typo apart → fuzzy; else disagree.
 */
export function compareIds(x: number, y: number): number {
  if (x === y) return EXACT;
  const d = data;
  const ox = x * STRIDE;
  const oy = y * STRIDE;
  const cx = d[ox + CANON] as number;
  const cy = d[oy + CANON] as number;
  if (cx >= 0 && cy >= 0) return cx === cy ? EXACT : DISAGREE;
  const flags = (d[ox + ARAB] as number) | (d[oy + ARAB] as number);
  const vowelless = (flags & 1) !== 0;
  // A shared skeleton with another first sound (Əhməd and Həmid) is a letter apart, not one name.
  const onset = (((d[ox + ARAB] as number) ^ (d[oy + ARAB] as number)) & 2) !== 0;
  if (vowelless) {
    // Without written vowels, the consonant skeleton is all an Arabic spelling can agree on (و read either way).
    const xa = d[ox + ASKEL] as number;
    const xv = d[ox + ASKELV] as number;
    const xu = d[ox + ASKELU] as number;
    const ya = d[oy + ASKEL] as number;
    const yv = d[oy + ASKELV] as number;
    const yu = d[oy + ASKELU] as number;
    if (xa === ya || xv === ya || xu === ya || xa === yv || xa === yu || xv === yv || xu === yu)
      return onset ? FUZZY : EXACT;
    if (
      d[ox + SKEL] === d[oy + SKEL] ||
      d[ox + SKELV] === d[oy + SKEL] ||
      d[ox + SKELU] === d[oy + SKEL] ||
      d[ox + SKEL] === d[oy + SKELV] ||
      d[ox + SKEL] === d[oy + SKELU]
    )
      return onset ? FUZZY : PHONETIC;
  } else {
    if (d[ox + FINE] === d[oy + FINE]) return EXACT;
    if (d[ox + FOLD] === d[oy + FOLD] || d[ox + SKEL] === d[oy + SKEL]) return onset ? FUZZY : PHONETIC;
  }
  return fuzzyIds(
    x,
    y,
    vowelless,
    (d[ox + FMASK] as number) ^ (d[oy + FMASK] as number),
    (d[ox + SMASK] as number) ^ (d[oy + SMASK] as number),
  )
    ? FUZZY
    : DISAGREE;
}

/** Best level over all pairs of two interned name lists; -1 when either is empty. */
export function compareIdSets(a: Int32Array, b: Int32Array): number {
  const na = a.length;
  const nb = b.length;
  if (na === 0 || nb === 0) return -1;
  if (na === 1 && nb === 1) return compareIds(a[0] as number, b[0] as number);
  let best = DISAGREE;
  for (let i = 0; i < na; i += 1) {
    for (let j = 0; j < nb; j += 1) {
      const level = compareIds(a[i] as number, b[j] as number);
      if (level < best) {
        if (level === EXACT) return EXACT;
        best = level;
      }
    }
  }
  return best;
}
