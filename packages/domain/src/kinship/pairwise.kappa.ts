import type { PairwiseRelationship } from './kinship.schemas';

/**
 * The two-person shortcut: LR = κ0 + κ1·P(B | A, one allele IBD)/P(B | A) + κ2·P(B | A, both IBD)/P(B | A),
 * each probability conditioned on A's alleles through the Balding–Nichols urn (NRC II 4.10 with θ). No
 * mutation. Fast enough for screening (a table lookup per marker) and a cross-check of the pedigree engine.
 */

/** Cotterman coefficients (κ0, κ1, κ2) of the common non-inbred relationships. */
export const KAPPA: Readonly<Record<PairwiseRelationship, readonly [number, number, number]>> = {
  'parent-child': [0, 1, 0],
  'full-siblings': [0.25, 0.5, 0.25],
  'half-siblings': [0.5, 0.5, 0],
  grandparent: [0.5, 0.5, 0],
  avuncular: [0.5, 0.5, 0],
  'first-cousins': [0.75, 0.25, 0],
  unrelated: [1, 0, 0],
};

/**
 * The LR of one marker for genotypes `a` and `b` (allele indices into `freqs`) under κ, against unrelated.
 */
export function pairwiseMarkerLr(
  a: readonly [number, number],
  b: readonly [number, number],
  freqs: ArrayLike<number>,
  kappa: readonly [number, number, number],
  theta = 0,
): number {
  const [a1, a2] = a;
  const [c, d] = b;
  const countA = (x: number): number => (a1 === x ? 1 : 0) + (a2 === x ? 1 : 0);
  // One more allele after A's two, then a second after A's two and the first.
  const first = (x: number): number => (countA(x) * theta + (1 - theta) * (freqs[x] ?? 0)) / (1 + theta);
  const second = (x: number, after: number): number =>
    ((countA(x) + (x === after ? 1 : 0)) * theta + (1 - theta) * (freqs[x] ?? 0)) / (1 + 2 * theta);
  const p0 = c === d ? first(c) * second(c, c) : first(c) * second(d, c) + first(d) * second(c, d);
  let p1 = 0;
  for (const shared of [a1, a2]) {
    if (c === d) p1 += shared === c ? 0.5 * first(c) : 0;
    else p1 += 0.5 * ((shared === c ? first(d) : 0) + (shared === d ? first(c) : 0));
  }
  const p2 = (c === a1 && d === a2) || (c === a2 && d === a1) ? 1 : 0;
  const [k0, k1, k2] = kappa;
  return k0 + (k1 * p1 + k2 * p2) / p0;
}
