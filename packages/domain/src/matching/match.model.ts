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
 * Default parameters. m (how often the same child's two records agree at each level) is set from the
 * domain: a child's name is written the same way, phonetically or with a typo in about 96 cases in 100,
 * and differs in 4 (renamed, a nickname, an Arabic name given abroad); a father's, grandfather's or
 * mother's name a little less often; an age estimate is within a year mostly and two or more years off in
 * about 1 case in 7; sex is wrong in about 3 in 100. u (how often two different children agree by chance)
 * is what random pairs of an Arabic shelter list and Azerbaijani and Russian requests show (`estimateU`;
 * `homeward link` re-estimates it on its own two files). The match band starts at 0.4, about half the
 * F1 attainable, which is where calibrated probabilities maximise it; on synthetic lists where 30 %, 75 %
 * and 95 % of the sought children were found, F1 at 0.4 is within 0.3 points of its best. Review starts
 * at 0.0005: the tenth-best candidate of a sought child is still worth listing at 1 chance in 2,000 (2025.3).
 */
export const DEFAULT_MATCH_PARAMETERS: MatchParameters = {
  format: 'homeward.match-parameters/1',
  version: 'default-2025.3',
  prior: null,
  matchRate: 0.5,
  tfMinU: 2e-4,
  thresholds: { match: 0.4, review: 0.0005 },
  fields: {
    given: { m: [0.85, 0.05, 0.06, 0.04], u: [0.0081, 0.0015, 0.0199, 0.9705] },
    father: { m: [0.86, 0.05, 0.05, 0.04], u: [0.0138, 0.0013, 0.0204, 0.9645] },
    grandfather: { m: [0.8, 0.03, 0.07, 0.1], u: [0.0293, 0.0023, 0.0885, 0.88] },
    family: { m: [0.85, 0.05, 0.05, 0.05], u: [0.0105, 0.0025, 0.0081, 0.9789] },
    mother: { m: [0.82, 0.05, 0.06, 0.07], u: [0.019, 0.002, 0.0242, 0.9548] },
    kunya: { m: [0.4, 0.6], u: [0.05, 0.95] },
    birth: { m: [0.05, 0.8, 0.09, 0.05, 0.01], u: [0.0003, 0.26, 0.098, 0.172, 0.4697] },
    sex: { m: [0.97, 0.03], u: [0.5, 0.5] },
    origin: { m: [0.75, 0.23, 0.02], u: [0.1, 0.65, 0.25] },
    departure: { m: [0.95, 0.05], u: [0.9, 0.1] },
  },
};

/** Match weight of a level, log2(m/u): what each field adds to the evidence. */
export function levelWeight(field: FieldParameters, level: number): number {
  const m = field.m[level] ?? 1e-6;
  const u = field.u[level] ?? 1e-6;
  return Math.log2(Math.max(m, 1e-9) / Math.max(u, 1e-9));
}
