import { arabicSafe, consonantSkeleton } from '../names/latin.fold';
import { fineOf } from '../names/name.keys';
import type { NameKey } from '../names/name.keys';
import { FIELD_LEVELS, MATCH_FIELDS, levelWeight } from './match.model';
import type { MatchField, MatchParameters } from './match.model';
import { agreeingTerms, compareArena } from './feature.arena';
import type { FeatureArena } from './feature.arena';
import { comparePersons, packFeatures, similarPlaces } from './pair.compare';
import type { PackedFeatures } from './pair.compare';
import { termText } from './name.table';
import type { ComparisonVector } from './pair.compare';
import type { PersonFeatures } from './person.features';

/** `match`: strong enough to propose to a supervisor; `review`: worth a human look. */
export type MatchBand = 'match' | 'review';

/** A scored pair: probability of being one person, its band (null = below review) and the reasons. */
export interface PairScore {
  probability: number;
  weight: number;
  band: MatchBand | null;
  /** Each compared field with its match weight (log2), rounded to 0.1, in field order. */
  why: Array<[MatchField, number]>;
  vector: ComparisonVector;
}

/** The name fields whose exact agreement is weighted by how rare the name is. */
export const TF_FIELDS = ['given', 'father', 'family', 'mother'] as const;
export type TfField = (typeof TF_FIELDS)[number];

const FIELD_COUNT = MATCH_FIELDS.length;
/** Per field index: its slot in `TF_FIELDS`, where rare names weigh more. */
const TF_SLOT: Array<number | undefined> = MATCH_FIELDS.map((f) => {
  const i = (TF_FIELDS as readonly string[]).indexOf(f);
  return i < 0 ? undefined : i;
});
/** Per field index: the name field of a packed record it compares (`NAME_FIELDS` order). */
const NAME_FIELD_OF: Array<number | undefined> = MATCH_FIELDS.map((f) =>
  f === 'given' ? 0 : f === 'father' ? 1 : f === 'family' ? 3 : f === 'mother' ? 4 : undefined,
);
/** Fields that say which family a record belongs to rather than which child it is. */
const FAMILY_INDEX = MATCH_FIELDS.map((f) => f === 'father' || f === 'grandfather' || f === 'family' || f === 'mother');

/** The share of family agreement beyond the cap that still counts. */
const FAMILY_EXCESS = 0.25;

/** How often each name occurs in a registry, per field: a match on a rare name weighs more. */
export interface TermFrequencies {
  total: number;
  counts: Record<TfField, Map<string, number>>;
  /** Records that know each field at all: a frequency is a share of those, not of every record. */
  present?: Record<TfField, number>;
}

/**
 * The value a name is counted under: its equivalence group, else its fine consonant skeleton (script-
 * independent; Həşim and Qasım are counted apart although their phonetic folds meet).
 */
export function termKey(key: NameKey): string {
  return key.term ?? key.canon ?? `s:${consonantSkeleton(arabicSafe(fineOf(key)))}`;
}

/** An empty frequency table to fill record by record (the CLI fills it while indexing LEFT). */
export function emptyTermFrequencies(): TermFrequencies {
  return {
    total: 0,
    counts: { given: new Map(), father: new Map(), family: new Map(), mother: new Map() },
    present: { given: 0, father: 0, family: 0, mother: 0 },
  };
}

/** Counts one record's names into a frequency table. */
export function addTermFrequencies(tf: TermFrequencies, f: PersonFeatures): void {
  tf.total += 1;
  for (const field of TF_FIELDS) {
    const keys = f[field];
    if (keys.length === 0) continue;
    if (tf.present) tf.present[field] += 1;
    const counts = tf.counts[field];
    const first = termKey(keys[0] as NameKey);
    counts.set(first, (counts.get(first) ?? 0) + 1);
    if (keys.length === 1) continue;
    const seen = new Set<string>([first]);
    for (const key of keys) {
      const value = termKey(key);
      if (seen.has(value)) continue;
      seen.add(value);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
}

/** Term frequencies of a whole registry. */
export function termFrequencies(records: Iterable<PersonFeatures>): TermFrequencies {
  const tf = emptyTermFrequencies();
  for (const f of records) addTermFrequencies(tf, f);
  return tf;
}

/**
 * Scores pairs with a Fellegi–Sunter model: sums log2(m/u) over compared fields (term-frequency
 * adjusted for exact name agreement), turns the total into a probability with the prior, and bands it.
 */
export class MatchScorer {
  private readonly weights: number[][];
  private readonly priorWeight: number;
  private readonly familyCap: number;
  private readonly scratchVector = new Int8Array(MATCH_FIELDS.length);
  private readonly scratchWeights = new Float64Array(MATCH_FIELDS.length);

  constructor(
    readonly params: MatchParameters,
    readonly tf: TermFrequencies | null = null,
    registrySize = tf?.total ?? 10_000,
  ) {
    this.weights = MATCH_FIELDS.map((field) =>
      FIELD_LEVELS[field].map((_, level) => levelWeight(params.fields[field], level)),
    );
    const size = Math.max(registrySize, 100);
    const prior = params.prior ?? Math.min(0.5, params.matchRate / size);
    // A random record is of the same family with probability about (relatives per family) / registry size.
    this.familyCap = Math.log2(size / Math.max(params.familySize ?? 3, 1));
    this.priorWeight = Math.log2(prior / (1 - prior));
    // The prior odds of "none of them": a searched record has its match in the registry with probability
    // ρ (the match rate), so P(candidate i) = oᵢ / ((1 − ρ) + Σⱼ oⱼ).
    this.noMatch = 1 - Math.min(0.95, params.prior === null ? params.matchRate : params.prior * size);
    const review = params.thresholds.review;
    this.reviewWeight = Math.log2(review / (1 - review)) - this.priorWeight;
  }

  /** The smallest total weight whose probability (the pair alone) reaches the review band. */
  readonly reviewWeight: number;

  /** 1 − ρ: the prior odds mass of "no match in the registry" when candidates compete. */
  readonly noMatch: number;

  /** Rare-name weight of exact agreement per field and term id (NaN: not computed yet). */
  private readonly tfCache: Float64Array[] = TF_FIELDS.map(() => new Float64Array(0));

  private readonly terms = new Int32Array(16);

  /**
   * The weight of exact agreement in a name field, by how rare the agreeing name is in the registry. Where
   * the two spellings count under different terms (a typo on one side, an Arabic spelling and a Latin one),
   * the commonest of them decides: a term the registry has never seen is not thereby a rare name.
   */
  private tfWeight(
    fieldIndex: number,
    a: FeatureArena,
    ra: number,
    b: FeatureArena,
    rb: number,
    fallback: number,
  ): number {
    const tf = this.tf;
    if (!tf || tf.total < 50) return fallback;
    const n = agreeingTerms(
      a.ints,
      a.offsets[ra] as number,
      b.ints,
      b.offsets[rb] as number,
      NAME_FIELD_OF[fieldIndex] as number,
      this.terms,
    );
    if (n === 0) return fallback;
    let best = Infinity;
    for (let k = 0; k < n; k += 1) {
      const w = this.termWeight(fieldIndex, this.terms[k] as number);
      if (w < best) best = w;
    }
    return best;
  }

  private termWeight(fieldIndex: number, term: number): number {
    const tf = this.tf as TermFrequencies;
    const slot = TF_SLOT[fieldIndex] ?? 0;
    let cache = this.tfCache[slot] as Float64Array;
    if (term >= cache.length) {
      const grown = new Float64Array(Math.max(term + 1, cache.length * 2, 256)).fill(Number.NaN);
      grown.set(cache);
      this.tfCache[slot] = cache = grown;
    }
    const hit = cache[term] as number;
    if (!Number.isNaN(hit)) return hit;
    const field = TF_FIELDS[slot] as TfField;
    const count = tf.counts[field].get(termText[term] as string) ?? 0;
    const known = tf.present?.[field] ?? tf.total;
    const u = Math.max(count / Math.max(known, 1), this.params.tfMinU);
    const m = this.params.fields[field].m[0] ?? 0.8;
    const w = Math.log2(m / u);
    cache[term] = w;
    return w;
  }

  /** Per-field weights of a comparison vector into `out` (NaN where not compared); returns the total. */
  private fieldWeights(
    vector: ComparisonVector,
    a: FeatureArena,
    ra: number,
    b: FeatureArena,
    rb: number,
    out: Float64Array,
  ): number {
    let family = 0;
    let other = 0;
    for (let i = 0; i < FIELD_COUNT; i += 1) {
      const level = vector[i] as number;
      if (level < 0) {
        out[i] = Number.NaN;
        continue;
      }
      let w = (this.weights[i] as number[])[level] as number;
      if (level === 0 && TF_SLOT[i] !== undefined) w = this.tfWeight(i, a, ra, b, rb, w);
      out[i] = w;
      if (FAMILY_INDEX[i] && w > 0) family += w;
      else other += w;
    }
    // Agreement on the family (father, grandfather, surname, mother) is evidence that the records are of
    // one family, not that they are one child: siblings and cousins agree on all of it. The fields are far
    // from independent among non-matches, so their positive sum is capped at what "same family" is worth.
    // Past that cap, further agreement still counts, at a quarter (a cousin shares the father's name but
    // not always the surname). The strongest field stays as it is (it explains the match); the others share
    // what is left.
    if (family > this.familyCap) {
      const target = this.familyCap + FAMILY_EXCESS * (family - this.familyCap);
      let strongest = -1;
      for (let i = 0; i < MATCH_FIELDS.length; i += 1) {
        if (FAMILY_INDEX[i] && (out[i] ?? 0) > (strongest < 0 ? 0 : (out[strongest] ?? 0))) strongest = i;
      }
      const lead = Math.min(out[strongest] ?? 0, target);
      const rest = family - (out[strongest] ?? 0);
      const scale = rest > 0 ? (target - lead) / rest : 0;
      for (let i = 0; i < MATCH_FIELDS.length; i += 1) {
        const w = out[i] ?? 0;
        if (i === strongest) out[i] = lead;
        else if (FAMILY_INDEX[i] && w > 0) out[i] = w * scale;
      }
      family = target;
    }
    return family + other;
  }

  /** Total match weight and per-field weights of a comparison vector. */
  weigh(
    vector: ComparisonVector,
    a: PersonFeatures,
    b: PersonFeatures,
  ): { weight: number; why: Array<[MatchField, number]> } {
    const ws = new Float64Array(MATCH_FIELDS.length);
    const pa = packFeatures(a);
    const pb = packFeatures(b);
    const weight = this.fieldWeights(vector, pa.arena, pa.ref, pb.arena, pb.ref, ws);
    const why: Array<[MatchField, number]> = [];
    for (let i = 0; i < MATCH_FIELDS.length; i += 1) {
      const w = ws[i] ?? Number.NaN;
      if (!Number.isNaN(w)) why.push([MATCH_FIELDS[i] as MatchField, Math.round(w * 10) / 10]);
    }
    return { weight, why };
  }

  /** The total match weight of a pair alone (no explanation): the fast path for screening candidates. */
  weightOf(a: PersonFeatures, b: PersonFeatures): number {
    return this.weightOfPacked(packFeatures(a), packFeatures(b));
  }

  /** `weightOf` for packed features; with `out`, also each field's weight (NaN where not compared). */
  weightOfPacked(a: PackedFeatures, b: PackedFeatures, out: Float64Array = this.scratchWeights): number {
    return this.weightAt(a.arena, a.ref, b.arena, b.ref, out);
  }

  /**
   * The fast path: the total weight of record `ra` of arena `a` against record `rb` of arena `b`; with
   * `out`, also each field's weight (NaN where not compared), in `MATCH_FIELDS` order.
   */
  weightAt(a: FeatureArena, ra: number, b: FeatureArena, rb: number, out: Float64Array = this.scratchWeights): number {
    return this.fieldWeights(compareArena(a, ra, b, rb, this.scratchVector, similarPlaces), a, ra, b, rb, out);
  }

  /** Per-field weights (NaN where not compared) as `why` pairs, rounded to 0.1. */
  explain(weights: ArrayLike<number>): Array<[MatchField, number]> {
    const why: Array<[MatchField, number]> = [];
    for (let i = 0; i < MATCH_FIELDS.length; i += 1) {
      const w = weights[i] ?? Number.NaN;
      if (!Number.isNaN(w)) why.push([MATCH_FIELDS[i] as MatchField, Math.round(w * 10) / 10]);
    }
    return why;
  }

  /** Probability that a total weight means the same person (this pair considered alone). */
  probability(weight: number): number {
    return 1 / (1 + 2 ** -(weight + this.priorWeight));
  }

  /** Posterior odds (prior × likelihood ratio) of a total weight. */
  odds(weight: number): number {
    return 2 ** (weight + this.priorWeight);
  }

  /** The band of a probability (null: below review, not shown). */
  band(probability: number): MatchBand | null {
    if (probability >= this.params.thresholds.match) return 'match';
    if (probability >= this.params.thresholds.review) return 'review';
    return null;
  }

  /** Compares and scores one pair. Symmetric in its arguments. */
  score(a: PersonFeatures, b: PersonFeatures): PairScore {
    const vector = comparePersons(a, b);
    const { weight, why } = this.weigh(vector, a, b);
    const probability = this.probability(weight);
    return { probability, weight, band: this.band(probability), why, vector };
  }
}
