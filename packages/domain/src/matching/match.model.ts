/**
 * The Fellegi–Sunter model: per field, ordered agreement levels with m (P(level | same person)) and u
 * (P(level | different people)). Plain JSON, so trained parameters can be stored, versioned and reviewed.
 */

/** The fields compared for a pair of person records, in the order `why` lists them. */
export const MATCH_FIELDS = [
  'given',
  'father',
  'grandfather',
  'family',
  'mother',
  'kunya',
  'birth',
  'sex',
  'origin',
  'departure',
] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

/** Agreement levels of the name fields, best first. */
export const NAME_LEVELS = ['exact', 'phonetic', 'fuzzy', 'disagree'] as const;

/** The ordered agreement levels of each field, best first. */
export const FIELD_LEVELS: Readonly<Record<MatchField, readonly string[]>> = {
  given: NAME_LEVELS,
  father: NAME_LEVELS,
  grandfather: ['exact', 'phonetic', 'fuzzy', 'disagree'],
  family: NAME_LEVELS,
  mother: NAME_LEVELS,
  kunya: ['child', 'other'],
  birth: ['exact', 'overlap', 'near', 'far', 'conflict'],
  sex: ['same', 'different'],
  origin: ['district', 'country', 'different'],
  departure: ['consistent', 'inconsistent'],
};

/** m and u per level of one field (same length as its levels). */
export interface FieldParameters {
  m: number[];
  u: number[];
}

/** Everything the scorer needs; JSON-able. */
export interface MatchParameters {
  format: 'homeward.match-parameters/1';
  version: string;
  /**
   * λ: prior probability that a pair is a match. Null (the default) derives it from the registry:
   * `matchRate / registry size`, so scores stay calibrated from a hundred records to a million.
   */
  prior: number | null;
  /** Share of searched records expected to have their match in the registry (used when prior is null). */
  matchRate: number;
  fields: Record<MatchField, FieldParameters>;
  /**
   * Records of one family expected in a registry (siblings, cousins): agreement on the family's names is
   * worth at most log2(registry size / familySize). Absent: 3.
   */
  familySize?: number;
  /** Floor for term-frequency-adjusted u, so one unique spelling cannot outweigh everything else. */
  tfMinU: number;
  /** Probability bands: ≥ match → `match`; ≥ review → `review`; below → dropped. */
  thresholds: { match: number; review: number };
}

/**
 * Default parameters, set by hand from the domain (names agree for the same child about 3 times in 4;
 * an age estimate is often a year or two off; a kunya is weak evidence) and checked on the synthetic
 * benchmark, so that `homeward link` works before any training. 2025.2: family agreement capped (see
 * `familySize`), and the match band starts at 0.4, about half the attainable F1, which is where a calibrated
 * probability maximises F1 (0.8 gave up a third of the true pairs for a few points of precision).
 */
export const DEFAULT_MATCH_PARAMETERS: MatchParameters = {
  format: 'homeward.match-parameters/1',
  version: 'default-2025.2',
  prior: null,
  matchRate: 0.5,
  tfMinU: 2e-4,
  thresholds: { match: 0.4, review: 0.002 },
  fields: {
    given: { m: [0.84, 0.08, 0.05, 0.03], u: [0.02, 0.006, 0.03, 0.944] },
    father: { m: [0.8, 0.08, 0.05, 0.07], u: [0.02, 0.006, 0.03, 0.944] },
    grandfather: { m: [0.65, 0.1, 0.07, 0.18], u: [0.03, 0.01, 0.04, 0.92] },
    family: { m: [0.8, 0.08, 0.05, 0.07], u: [0.02, 0.006, 0.03, 0.944] },
    mother: { m: [0.78, 0.08, 0.06, 0.08], u: [0.02, 0.006, 0.03, 0.944] },
    kunya: { m: [0.3, 0.7], u: [0.04, 0.96] },
    birth: { m: [0.2, 0.55, 0.17, 0.06, 0.02], u: [0.0003, 0.06, 0.1, 0.18, 0.6597] },
    sex: { m: [0.97, 0.03], u: [0.5, 0.5] },
    origin: { m: [0.3, 0.65, 0.05], u: [0.03, 0.7, 0.27] },
    departure: { m: [0.95, 0.05], u: [0.7, 0.3] },
  },
};

/** Match weight of a level, log2(m/u): what each field adds to the evidence. */
export function levelWeight(field: FieldParameters, level: number): number {
  const m = field.m[level] ?? 1e-6;
  const u = field.u[level] ?? 1e-6;
  return Math.log2(Math.max(m, 1e-9) / Math.max(u, 1e-9));
}
