import type { Pedigree } from './pedigree.model';
import { Peeler, unorderedGenotypes } from './peeling.messages';
import type { MarkerSystem } from './peeling.messages';

/**
 * The likelihood of one marker's typings in one pedigree, with the Balding–Nichols θ applied jointly to
 * all founder alleles (as pedprobr's `likelihood(theta=)`): founder alleles are a Pólya urn,
 * P(next = a) = (count_a·θ + (1−θ)p_a) / (1 + (m−1)θ) after m alleles. Typed founders' alleles enter the
 * urn first; the untyped founders that matter are enumerated jointly (all but the last, whose conditional
 * prior is exact), which is affordable because unobserved alleles are lumped whenever the mutation model
 * allows it. Past `thetaEnumerationLimit` the untyped founders are drawn independently given the typed
 * founders' alleles (an O(θ²) approximation, flagged in the result).
 */

/** A typing as allele indices into the marker system; null = not typed. */
export type Typing = readonly [number, number] | null;

/** Options of a likelihood computation. */
export interface LikelihoodOptions {
  theta?: number;
  /** Most joint untyped-founder configurations to enumerate under θ (default 20,000). */
  thetaEnumerationLimit?: number;
}

/** log P(typings | pedigree) (−Infinity when impossible) and whether θ was approximated. */
export interface MarkerLikelihood {
  log: number;
  approximateTheta: boolean;
}

const DEFAULT_ENUMERATION_LIMIT = 20_000;

/** Typed people and all their ancestors: nobody else can change the likelihood. */
export function relevantPeople(ped: Pedigree, typings: readonly Typing[], also: readonly number[] = []): Uint8Array {
  const keep = new Uint8Array(ped.ids.length);
  const mark = (p: number): void => {
    if (p < 0 || keep[p]) return;
    keep[p] = 1;
    mark(ped.father[p]!);
    mark(ped.mother[p]!);
  };
  typings.forEach((t, p) => {
    if (t !== null) mark(p);
  });
  for (const p of also) mark(p);
  return keep;
}

/**
 * Lumps alleles nobody carries into one when both mutation matrices allow it (always for none, equal and
 * proportional; rarely for stepwise). Exact, θ included, since the Pólya urn aggregates too.
 */
export function lumpSystem(
  sys: MarkerSystem,
  observed: ReadonlySet<number>,
): { sys: MarkerSystem; map: Int32Array } | null {
  const n = sys.n;
  const rest: number[] = [];
  for (let i = 0; i < n; i++) if (!observed.has(i)) rest.push(i);
  if (rest.length < 2) return null;
  const kept = [...observed].sort((a, b) => a - b);
  const lumpable = (m: Float64Array | null): boolean => {
    if (m === null) return true;
    const first = rest[0]!;
    for (const i of rest) {
      let into = 0;
      let intoFirst = 0;
      for (const j of rest) {
        into += m[i * n + j]!;
        intoFirst += m[first * n + j]!;
      }
      if (Math.abs(into - intoFirst) > 1e-12) return false;
      for (const j of kept) if (Math.abs(m[i * n + j]! - m[first * n + j]!) > 1e-12) return false;
    }
    return true;
  };
  if (!lumpable(sys.male) || !lumpable(sys.female)) return null;
  const k = kept.length + 1;
  const map = new Int32Array(n).fill(k - 1);
  kept.forEach((a, i) => (map[a] = i));
  const freqs = new Float64Array(k);
  for (let a = 0; a < n; a++) freqs[map[a]!]! += sys.freqs[a]!;
  const lumpMatrix = (m: Float64Array | null): Float64Array | null => {
    if (m === null) return null;
    const out = new Float64Array(k * k);
    const rows = [...kept, rest[0]!];
    rows.forEach((from, r) => {
      for (let j = 0; j < n; j++) out[r * k + map[j]!]! += m[from * n + j]!;
    });
    return out;
  };
  return { sys: { n: k, freqs, male: lumpMatrix(sys.male), female: lumpMatrix(sys.female) }, map };
}

/** Ones at the ordered cells of a typed genotype. */
function evidenceMatrix(t: Typing, n: number): Float64Array | null {
  if (t === null) return null;
  const m = new Float64Array(n * n);
  m[t[0] * n + t[1]] = 1;
  m[t[1] * n + t[0]] = 1;
  return m;
}

/** P(next allele = a) in the urn after `total` alleles with `counts`. */
function urn(counts: Float64Array, total: number, a: number, theta: number, freqs: Float64Array): number {
  return (counts[a]! * theta + (1 - theta) * freqs[a]!) / (1 + (total - 1) * theta);
}

/** The log-likelihood of one marker; see the module comment for how θ is handled. */
export function markerLogLikelihood(
  ped: Pedigree,
  sysIn: MarkerSystem,
  typingsIn: readonly Typing[],
  options: LikelihoodOptions = {},
): MarkerLikelihood {
  const theta = options.theta ?? 0;
  const keep = relevantPeople(ped, typingsIn);
  const observed = new Set<number>();
  typingsIn.forEach((t, p) => {
    if (t !== null && keep[p]) {
      observed.add(t[0]);
      observed.add(t[1]);
    }
  });
  const lumped = lumpSystem(sysIn, observed);
  const sys = lumped?.sys ?? sysIn;
  const typings: Typing[] = lumped
    ? typingsIn.map((t) => (t === null ? null : [lumped.map[t[0]]!, lumped.map[t[1]]!]))
    : [...typingsIn];
  const n = sys.n;
  const own: (Float64Array | null)[] = typings.map((t) => evidenceMatrix(t, n));
  const founders: number[] = [];
  for (let p = 0; p < ped.ids.length; p++) if (keep[p] && ped.father[p]! < 0) founders.push(p);
  const peel = (): number => new Peeler({ ped, sys, own, keep }).total();

  if (theta === 0) {
    for (const f of founders) {
      const prior = new Float64Array(n * n);
      for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) prior[x * n + y] = sys.freqs[x]! * sys.freqs[y]!;
      const ev = own[f];
      if (ev) for (let i = 0; i < prior.length; i++) prior[i]! *= ev[i]!;
      own[f] = prior;
    }
    return { log: peel(), approximateTheta: false };
  }

  // Typed founders first: their alleles' urn probability is a constant (any order gives the same value).
  const counts = new Float64Array(n);
  let total = 0;
  let logTyped = 0;
  const untyped: number[] = [];
  for (const f of founders) {
    const t = typings[f];
    if (t === null || t === undefined) {
      untyped.push(f);
      continue;
    }
    for (const a of t) {
      logTyped += Math.log(urn(counts, total, a, theta, sys.freqs));
      counts[a]! += 1;
      total += 1;
    }
  }
  const conditionalPrior = (c: Float64Array, m: number): Float64Array => {
    const prior = new Float64Array(n * n);
    for (let x = 0; x < n; x++) {
      const px = urn(c, m, x, theta, sys.freqs);
      c[x]! += 1;
      for (let y = 0; y < n; y++) prior[x * n + y] = px * urn(c, m + 1, y, theta, sys.freqs);
      c[x]! -= 1;
    }
    return prior;
  };
  const genotypes = unorderedGenotypes(n);
  const configurations = genotypes.a.length ** Math.max(0, untyped.length - 1);
  const limit = options.thetaEnumerationLimit ?? DEFAULT_ENUMERATION_LIMIT;
  if (untyped.length <= 1 || configurations > limit) {
    for (const u of untyped) own[u] = conditionalPrior(counts, total);
    return { log: logTyped + peel(), approximateTheta: untyped.length > 1 };
  }
  const logs: number[] = [];
  const enumerate = (depth: number, m: number): void => {
    const u = untyped[depth]!;
    if (depth === untyped.length - 1) {
      own[u] = conditionalPrior(counts, m);
      const value = peel();
      if (value > Number.NEGATIVE_INFINITY) logs.push(value);
      return;
    }
    for (let g = 0; g < genotypes.a.length; g++) {
      const a = genotypes.a[g]!;
      const b = genotypes.b[g]!;
      const pa = urn(counts, m, a, theta, sys.freqs);
      counts[a]! += 1;
      const pb = urn(counts, m + 1, b, theta, sys.freqs);
      counts[b]! += 1;
      const point = new Float64Array(n * n);
      point[a * n + b] = pa * pb;
      point[b * n + a] = pa * pb;
      own[u] = point;
      enumerate(depth + 1, m + 2);
      counts[a]! -= 1;
      counts[b]! -= 1;
    }
  };
  enumerate(0, total);
  return { log: logTyped + logSumExp(logs), approximateTheta: false };
}

/** log Σ exp(values), −Infinity for none. */
export function logSumExp(values: readonly number[]): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > max) max = v;
  if (max === Number.NEGATIVE_INFINITY) return max;
  let s = 0;
  for (const v of values) s += Math.exp(v - max);
  return max + Math.log(s);
}

/**
 * P(data of the pedigree, target = g) for every unordered genotype g, at θ = 0, relative to one another
 * (any common factor is dropped): the screening precomputation, one peel rooted at the missing person.
 */
export function targetGenotypeWeights(
  ped: Pedigree,
  sys: MarkerSystem,
  typings: readonly Typing[],
  target: number,
): Float64Array {
  const n = sys.n;
  const keep = relevantPeople(ped, typings, [target]);
  const own: (Float64Array | null)[] = typings.map((t) => evidenceMatrix(t, n));
  for (let p = 0; p < ped.ids.length; p++) {
    if (!keep[p] || ped.father[p]! >= 0) continue;
    const prior = new Float64Array(n * n);
    for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) prior[x * n + y] = sys.freqs[x]! * sys.freqs[y]!;
    const ev = own[p];
    if (ev) for (let i = 0; i < prior.length; i++) prior[i]! *= ev[i]!;
    own[p] = prior;
  }
  const root = new Peeler({ ped, sys, own, keep }).rootMatrix(target);
  const { a, b } = unorderedGenotypes(n);
  const out = new Float64Array(a.length);
  for (let g = 0; g < a.length; g++) {
    const x = a[g]!;
    const y = b[g]!;
    out[g] = x === y ? root[x * n + x]! : root[x * n + y]! + root[y * n + x]!;
  }
  return out;
}
