import { FIELD_LEVELS, MATCH_FIELDS } from './match.model';
import type { MatchField, MatchParameters } from './match.model';
import { comparePersons } from './pair.compare';
import type { ComparisonVector } from './pair.compare';
import type { PersonFeatures } from './person.features';

/**
 * Training: u from random pairs of the registry (almost all non-matches), m by expectation–maximisation
 * on candidate pairs, then refined by reviewers' confirmed and rejected decisions.
 */

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function cloneFields(params: MatchParameters): MatchParameters['fields'] {
  const out = {} as MatchParameters['fields'];
  for (const field of MATCH_FIELDS) out[field] = { m: [...params.fields[field].m], u: [...params.fields[field].u] };
  return out;
}

function normalise(counts: number[], smoothing: number): number[] {
  const total = counts.reduce((s, c) => s + c + smoothing, 0);
  return counts.map((c) => (c + smoothing) / total);
}

/**
 * Estimates u (agreement by chance) from random pairs of a registry, or with `other`, from random pairs of
 * one record of each list (what linking two lists compares: an Arabic shelter list against Latin and
 * Cyrillic requests agrees by chance differently than either list with itself). Random pairs are
 * non-matches with overwhelming probability, so level frequencies among them are u. Deterministic for a
 * seed. With `minCount`, a level seen fewer times keeps its prior u; with `monotone`, a worse level's u is
 * raised where needed so that it never weighs more than a better level (u then need not sum to 1).
 */
export function estimateU(
  records: readonly PersonFeatures[],
  params: MatchParameters,
  options: {
    pairs?: number;
    seed?: number;
    other?: readonly PersonFeatures[];
    minCount?: number;
    monotone?: boolean;
  } = {},
): MatchParameters {
  const n = records.length;
  const other = options.other;
  if (other ? n < 1 || other.length < 1 : n < 2) return params;
  const rand = mulberry32(options.seed ?? 1);
  const counts = MATCH_FIELDS.map((f) => FIELD_LEVELS[f].map(() => 0));
  const pairs = options.pairs ?? 20_000;
  const v = new Int8Array(MATCH_FIELDS.length);
  for (let p = 0; p < pairs; p += 1) {
    const i = Math.floor(rand() * n);
    let b: PersonFeatures | undefined;
    if (other) b = other[Math.floor(rand() * other.length)];
    else {
      let j = Math.floor(rand() * (n - 1));
      if (j >= i) j += 1;
      b = records[j];
    }
    const a = records[i];
    if (!a || !b) continue;
    comparePersons(a, b, v).forEach((level, f) => {
      const row = counts[f];
      if (level >= 0 && row) row[level] = (row[level] ?? 0) + 1;
    });
  }
  const fields = cloneFields(params);
  const minCount = options.minCount ?? 0;
  MATCH_FIELDS.forEach((field, f) => {
    const row = counts[f] ?? [];
    const estimated = normalise(row, 0.5);
    // A level (almost) never seen among random pairs (one country only; no exact dates on either side)
    // says nothing about how rare it is by chance: keep the prior u rather than a tiny estimate.
    const u = estimated.map((x, l) => ((row[l] ?? 0) < minCount ? (params.fields[field].u[l] ?? x) : x));
    // Levels are ordered: a worse level never weighs more than a better one (a rare phonetic agreement
    // among random pairs does not make it better evidence than an exact one).
    const m = fields[field].m;
    for (let l = 1; options.monotone === true && l < u.length; l += 1) {
      const better = Math.log2((m[l - 1] ?? 1e-9) / (u[l - 1] ?? 1));
      if (Math.log2((m[l] ?? 1e-9) / (u[l] ?? 1)) > better) u[l] = (m[l] ?? 1e-9) / 2 ** better;
    }
    fields[field].u = u;
  });
  return { ...params, fields, version: `${params.version}+u` };
}

function logRatio(vector: ComparisonVector, fields: MatchParameters['fields']): number {
  let r = 0;
  MATCH_FIELDS.forEach((field, f) => {
    const level = vector[f] ?? -1;
    if (level < 0) return;
    const m = fields[field].m[level] ?? 1e-6;
    const u = fields[field].u[level] ?? 1e-6;
    r += Math.log(Math.max(m, 1e-9)) - Math.log(Math.max(u, 1e-9));
  });
  return r;
}

/**
 * Estimates m and the prior by EM on comparison vectors of candidate pairs (for example all pairs the
 * blocking index proposes), keeping u fixed as estimated from random pairs.
 */
export function estimateM(
  vectors: readonly ComparisonVector[],
  params: MatchParameters,
  options: { iterations?: number; fixedPrior?: number; fields?: readonly MatchField[] } = {},
): MatchParameters {
  let fields = cloneFields(params);
  let prior = options.fixedPrior ?? params.prior ?? 0.01;
  for (let it = 0; it < (options.iterations ?? 20); it += 1) {
    const counts = MATCH_FIELDS.map((f) => FIELD_LEVELS[f].map(() => 0));
    let sumP = 0;
    const logPrior = Math.log(prior / (1 - prior));
    for (const v of vectors) {
      const p = 1 / (1 + Math.exp(-(logPrior + logRatio(v, fields))));
      sumP += p;
      v.forEach((level, f) => {
        const row = counts[f];
        if (level >= 0 && row) row[level] = (row[level] ?? 0) + p;
      });
    }
    if (vectors.length === 0 || sumP === 0) break;
    if (options.fixedPrior === undefined) prior = Math.min(0.5, Math.max(1e-9, sumP / vectors.length));
    const next = cloneFields({ ...params, fields });
    MATCH_FIELDS.forEach((field, f) => {
      if (!options.fields || options.fields.includes(field)) next[field].m = normalise(counts[f] ?? [], 0.1);
    });
    fields = next;
  }
  return { ...params, fields, prior, version: `${params.version}+em` };
}

/** A reviewer's decision on a suggested pair: the comparison vector and whether it was the same person. */
export interface ReviewDecision {
  vector: ComparisonVector;
  confirmed: boolean;
}

/**
 * Refines m with reviewers' decisions: confirmed pairs are labelled matches, so their level counts update
 * m (weighted against the current m by `strength` pseudo-pairs). Rejected pairs update u in the same way,
 * as the hard non-matches they are.
 */
export function refineWithDecisions(
  params: MatchParameters,
  decisions: readonly ReviewDecision[],
  options: { strength?: number } = {},
): MatchParameters {
  const strength = options.strength ?? 50;
  const fields = cloneFields(params);
  for (const [which, confirmed] of [
    ['m', true],
    ['u', false],
  ] as const) {
    const chosen = decisions.filter((d) => d.confirmed === confirmed);
    if (chosen.length === 0) continue;
    MATCH_FIELDS.forEach((field: MatchField, f) => {
      const counts = FIELD_LEVELS[field].map(() => 0);
      let n = 0;
      for (const d of chosen) {
        const level = d.vector[f] ?? -1;
        if (level < 0) continue;
        counts[level] = (counts[level] ?? 0) + 1;
        n += 1;
      }
      if (n === 0) return;
      const current = fields[field][which];
      const weight = which === 'u' ? strength * 20 : strength;
      fields[field][which] = current.map((p, l) => (p * weight + (counts[l] ?? 0)) / (weight + n));
    });
  }
  return { ...params, fields, version: `${params.version}+review${decisions.length}` };
}
