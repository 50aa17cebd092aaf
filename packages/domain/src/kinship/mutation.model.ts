import type { MutationSpec, Sex } from './kinship.schemas';

/**
 * Mutation matrices as defined by the R package pedmut (and Familias): row i is the distribution of the
 * allele a child receives when the parent transmits allele i. Matrices are row-major Float64Arrays of n*n.
 */

/** Parameters of one matrix; `rate2` and `range` are used by the stepwise model only. */
export interface MutationParameters {
  model: 'none' | 'equal' | 'proportional' | 'stepwise';
  rate: number;
  rate2?: number;
  range?: number;
}

/** Default `range` of the stepwise model when a question omits it (the example of formats/kinship.md). */
export const DEFAULT_STEPWISE_RANGE = 0.1;

/** Raised for a model that cannot be built (non-numeric alleles for stepwise, rates that overflow). */
export class MutationModelError extends Error {}

/** The identity: no mutation. */
export function identityMatrix(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

/**
 * Builds the matrix of one model. `equal`: 1-rate on the diagonal, rate/(n-1) elsewhere. `proportional`:
 * (1-α)I + α·1pᵀ with α = rate/Σp(1-p). `stepwise`: alleles fall in groups by their decimal part; within a
 * group the off-diagonal weights range^|i-j| are scaled to sum to `rate`, `rate2` is spread evenly over the
 * other groups, and the diagonal takes the rest (1-rate if one group, 1-rate2 if alone in its group).
 */
export function mutationMatrix(
  params: MutationParameters,
  alleles: readonly string[],
  freqs: ArrayLike<number>,
): Float64Array {
  const n = alleles.length;
  const { model, rate } = params;
  if (model === 'none' || n <= 1 || (rate === 0 && (params.rate2 ?? 0) === 0)) return identityMatrix(n);
  const m = new Float64Array(n * n);
  switch (model) {
    case 'equal': {
      if (rate > 1) throw new MutationModelError(`rate ${rate} exceeds 1`);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = i === j ? 1 - rate : rate / (n - 1);
      return m;
    }
    case 'proportional': {
      let spread = 0;
      for (let i = 0; i < n; i++) spread += (freqs[i] ?? 0) * (1 - (freqs[i] ?? 0));
      const alpha = rate / spread;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) m[i * n + j] = (i === j ? 1 - alpha : 0) + alpha * (freqs[j] ?? 0);
      }
      for (const v of m)
        if (v > 1 || v < 0) throw new MutationModelError('impossible proportional mutation matrix; reduce the rate');
      return m;
    }
    case 'stepwise':
      return stepwiseMatrix(alleles, rate, params.rate2 ?? 0, params.range ?? DEFAULT_STEPWISE_RANGE);
    default: {
      const unknown: never = model;
      throw new MutationModelError(`unknown mutation model ${String(unknown)}`);
    }
  }
}

function stepwiseMatrix(alleles: readonly string[], rate: number, rate2: number, range: number): Float64Array {
  const n = alleles.length;
  if (rate + rate2 > 1) throw new MutationModelError(`rate + rate2 = ${rate + rate2} exceeds 1`);
  const values = alleles.map((a) => {
    const v = Number(a);
    if (!Number.isFinite(v) || a.trim() === '')
      throw new MutationModelError(`the stepwise model needs numeric alleles, not "${a}"`);
    return v;
  });
  // The group of an allele is its decimal part (9.3 and 10.3 share one; 9 and 10 another).
  const group = values.map((v) => Math.round((v - Math.floor(v)) * 10));
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    let sameGroup = 0;
    let weight = 0;
    for (let j = 0; j < n; j++) {
      if (j === i || group[j] !== group[i]) continue;
      sameGroup++;
      const w = range ** Math.abs((values[i] as number) - (values[j] as number));
      m[i * n + j] = w;
      weight += w;
    }
    const otherGroups = n - 1 - sameGroup;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      if (group[j] === group[i]) m[i * n + j] = ((m[i * n + j] as number) / weight) * rate;
      else m[i * n + j] = rate2 / otherGroups;
    }
    m[i * n + i] = 1 - (sameGroup > 0 ? rate : 0) - (otherGroups > 0 ? rate2 : 0);
  }
  return m;
}

/** The rate for a transmitting parent of the given sex. */
export function rateFor(spec: MutationSpec, sex: Sex): number {
  const { rate } = spec;
  if (rate === undefined) return 0;
  return typeof rate === 'number' ? rate : sex === 'M' ? rate.male : rate.female;
}

/** The pair of matrices a computation needs, by sex of the transmitting parent (null = no mutation). */
export interface SexMatrices {
  male: Float64Array | null;
  female: Float64Array | null;
}

/** Builds both sexes' matrices for one marker; a zero rate gives null so the engine can skip the work. */
export function sexMatrices(
  spec: MutationSpec | undefined,
  alleles: readonly string[],
  freqs: ArrayLike<number>,
): SexMatrices {
  if (spec === undefined || spec.model === 'none') return { male: null, female: null };
  const build = (sex: Sex): Float64Array | null => {
    const rate = rateFor(spec, sex);
    if (rate === 0 && (spec.rate2 ?? 0) === 0) return null;
    const params: MutationParameters = { model: spec.model, rate };
    if (spec.rate2 !== undefined) params.rate2 = spec.rate2;
    if (spec.range !== undefined) params.range = spec.range;
    return mutationMatrix(params, alleles, freqs);
  };
  return { male: build('M'), female: build('F') };
}
