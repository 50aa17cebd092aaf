import type { PersonRecord } from '../person-record/person-record.schema';
import { BlockingIndex } from './blocking.keys';
import type { CandidateOptions } from './blocking.keys';
import { DEFAULT_MATCH_PARAMETERS } from './match.model';
import type { MatchField, MatchParameters } from './match.model';
import { MATCH_FIELDS } from './match.model';
import { MatchScorer, addTermFrequencies, emptyTermFrequencies, termKey } from './pair.score';
import type { MatchBand, TermFrequencies } from './pair.score';
import { FeatureArena } from './feature.arena';
import { NameKeyCache, personFeatures } from './person.features';
import type { PersonFeatures } from './person.features';

/** One suggested pair, as `homeward link` writes it and the server stores it for review. */
export interface LinkSuggestion {
  left: string;
  right: string;
  score: number;
  band: MatchBand;
  why: Array<[MatchField, number]>;
}

/** Options of the linking engine; everything has a default so the CLI works untrained. */
export interface LinkOptions extends CandidateOptions {
  params?: MatchParameters;
  /** At most this many suggestions per right record (default 10). */
  top?: number;
  cache?: NameKeyCache;
  /** Weight rare names by a frequency table; by default counted from the left registry. */
  termFrequencies?: TermFrequencies | null;
  /**
   * `linkRecords` only: the two lists are of distinct people, so right records compete for left records
   * (`competeForLeft`). Default true.
   */
  exclusive?: boolean;
}

/**
 * Links records against an indexed registry: add the left side once (features, blocking keys, name
 * frequencies), then ask for the best suggestions for each right record. Pure and synchronous, so it
 * runs unchanged in the server, a worker thread, the CLI and the benchmark.
 */
export class LinkEngine {
  readonly left: PersonFeatures[] = [];
  /** The left records in the form the scorer reads (same numbers as `left`). */
  readonly arena = new FeatureArena(1024);
  private readonly query = new FeatureArena(1);
  readonly index = new BlockingIndex();
  readonly cache: NameKeyCache;
  private readonly tf: TermFrequencies;
  private scorer: MatchScorer | null = null;
  private params: MatchParameters | null = null;

  constructor(private readonly options: LinkOptions = {}) {
    this.cache = options.cache ?? new NameKeyCache();
    this.tf = options.termFrequencies ?? emptyTermFrequencies();
  }

  /** Adds a registry record (left side). */
  addLeft(record: PersonRecord): PersonFeatures {
    return this.addLeftFeatures(personFeatures(record, this.cache));
  }

  /** Adds already-derived features (lets a caller derive them once and share). */
  addLeftFeatures(f: PersonFeatures): PersonFeatures {
    this.index.add(f, this.left.length);
    this.left.push(f);
    this.arena.add(f);
    if (this.options.termFrequencies === undefined) addTermFrequencies(this.tf, f);
    this.scorer = null;
    return f;
  }

  /** Replaces the model parameters (for example re-estimated on the data: `estimateU`). */
  setParameters(params: MatchParameters): void {
    this.params = params;
    this.scorer = null;
  }

  /** The scorer in use (built lazily once the left side is complete). */
  get matchScorer(): MatchScorer {
    this.scorer ??= new MatchScorer(
      this.params ?? this.options.params ?? DEFAULT_MATCH_PARAMETERS,
      this.options.termFrequencies === null ? null : this.tf,
      this.left.length,
    );
    return this.scorer;
  }

  /** Best suggestions (match or review) for one right record, best first, at most `top`. */
  link(record: PersonRecord): LinkSuggestion[] {
    return this.linkFeatures(personFeatures(record, this.cache));
  }

  /**
   * As `link`, for already-derived features. A sought person is at most one of the registry's people, so
   * candidates compete: P(i) = oᵢ / ((1 − ρ) + Σⱼ oⱼ) with oⱼ each candidate's posterior odds and ρ the
   * share of searched records that have a match in the registry (the match rate). Siblings who share
   * father, surname and mother therefore split the evidence instead of all being proposed as matches.
   */
  linkFeatures(f: PersonFeatures, exclude?: (ref: number) => boolean): LinkSuggestion[] {
    const scorer = this.matchScorer;
    const top = this.options.top ?? 10;
    const scored: Array<{ ref: number; other: PersonFeatures; odds: number }> = [];
    let totalOdds = 0;
    this.query.clear();
    const me = this.query.add(f);
    for (const ref of this.index.candidates(f, this.options)) {
      if (exclude?.(ref)) continue;
      const other = this.left[ref];
      if (!other) continue;
      const weight = scorer.weightAt(this.arena, ref, this.query, me);
      const odds = scorer.odds(weight);
      totalOdds += odds;
      if (scorer.band(scorer.probability(weight)) === null) continue;
      scored.push({ ref, other, odds });
    }
    const found: Array<{ ref: number; other: PersonFeatures; probability: number; score: number; band: MatchBand }> =
      [];
    for (const { ref, other, odds } of scored) {
      const probability = Number.isFinite(totalOdds) ? odds / (scorer.noMatch + totalOdds) : odds === Infinity ? 1 : 0;
      const band = scorer.band(probability);
      if (band === null) continue;
      found.push({ ref, other, probability, score: Math.round(probability * 1000) / 1000, band });
    }
    found.sort((x, y) => y.score - x.score || (x.other.id < y.other.id ? -1 : x.other.id > y.other.id ? 1 : 0));
    // Explanations only for what is written.
    const ws = new Float64Array(MATCH_FIELDS.length);
    return found.slice(0, top).map(({ ref, other, score, band }) => {
      scorer.weightAt(this.arena, ref, this.query, me, ws);
      return { left: other.id, right: f.id, score, band, why: scorer.explain(ws) };
    });
  }

  /**
   * Scores the candidates of one right record for linking a whole list (`linkRecords`, `homeward link`):
   * those that could be shown (probability alone at least `review`), best first, at most `keep` of them
   * with their explanation, and the odds of all the others, which still compete. See `competeForLeft`.
   */
  scoreCandidates(
    f: PersonFeatures,
    keep = 2 * (this.options.top ?? 10),
    exclude?: (ref: number) => boolean,
  ): ScoredCandidates {
    const scorer = this.matchScorer;
    this.query.clear();
    const me = this.query.add(f);
    const shown: Array<{ ref: number; odds: number }> = [];
    let rest = 0;
    const showable = scorer.reviewWeight;
    for (const ref of this.index.candidates(f, this.options)) {
      if (exclude?.(ref)) continue;
      const weight = scorer.weightAt(this.arena, ref, this.query, me);
      const odds = scorer.odds(weight);
      if (weight < showable) rest += odds;
      else shown.push({ ref, odds });
    }
    shown.sort((x, y) => y.odds - x.odds || x.ref - y.ref);
    for (let i = keep; i < shown.length; i += 1) rest += (shown[i] as { odds: number }).odds;
    if (shown.length > keep) shown.length = keep;
    const fields = MATCH_FIELDS.length;
    const ws = new Float64Array(fields);
    const weights = new Float32Array(shown.length * fields);
    const candidates = shown.map(({ ref, odds }, k) => {
      scorer.weightAt(this.arena, ref, this.query, me, ws);
      weights.set(ws, k * fields);
      return { ref, left: (this.left[ref] as PersonFeatures).id, odds };
    });
    return { right: f.id, candidates, weights, rest, identity: identityOf(f) };
  }

  /** The suggestions of one scored right record, given each candidate's final probability. */
  suggest(row: ScoredCandidates, probabilities: ArrayLike<number>): LinkSuggestion[] {
    return suggestionsOf(row, probabilities, this.matchScorer, this.options.top ?? 10);
  }
}

/** What `homeward link` keeps of one right record's candidates between scoring and writing. */
export interface ScoredCandidates {
  right: string;
  /** Candidates that may be shown, best first: left number and id, posterior odds alone. */
  candidates: Array<{ ref: number; left: string; odds: number }>;
  /**
   * Each candidate's field weights (its explanation), `MATCH_FIELDS.length` numbers per candidate in the
   * order of `candidates`, NaN where a field was not compared. Compact: a million rows stay in memory.
   */
  weights: Float32Array;
  /** Summed odds of the candidates not listed (they compete, but are never shown). */
  rest: number;
  /** Enough of the right record to tell a duplicate request from another child (see `competeForLeft`). */
  identity: RecordIdentity;
}

/** Given-name terms and birth span of a record: two requests naming one child alike are one child. */
export interface RecordIdentity {
  given: string[];
  birth: [number, number] | null;
}

function identityOf(f: PersonFeatures): RecordIdentity {
  return { given: [...new Set(f.given.map(termKey))], birth: f.birth ? [f.birth.lo, f.birth.hi] : null };
}

/** Two requests naming one child alike (a given name in common) with births this close are one child. */
const SAME_CHILD_YEARS = 1.5;

/** How the odds of scored rows turn into probabilities: their scale and the mass of "no match". */
export interface RowCalibration {
  /** Multiplies every candidate's odds (the prior's match rate, re-estimated: `estimateMatchRate`). */
  scale: number;
  /** Prior odds mass of "no match among the left records", 1 − ρ. */
  none: number;
}

/**
 * Probabilities of one row before competition across rows: P(k) = s·oₖ / ((1 − ρ) + s·(rest + Σ o)).
 * By default, as the default parameters assume (ρ = 0.5, odds as scored).
 */
export function rowProbabilities(
  row: ScoredCandidates,
  calibration: RowCalibration = { scale: 1, none: 0.5 },
): Float64Array {
  const { scale, none } = calibration;
  let total = none + scale * row.rest;
  for (const c of row.candidates) total += scale * c.odds;
  const out = new Float64Array(row.candidates.length);
  row.candidates.forEach((c, k) => {
    out[k] = Number.isFinite(total) ? (scale * c.odds) / total : c.odds === Infinity ? 1 : 0;
  });
  return out;
}

/**
 * Estimates ρ, the share of right records that have their match among the left records, from the scored
 * rows themselves (expectation–maximisation of the prior alone: each row's probability of being matched
 * at all, averaged, is the next estimate; m and u stay as they are; see the comment on look-alikes). Returns ρ and the calibration of the
 * rows under it, relative to the rate the scorer assumed. ρ is clamped to [0.05, 0.95], and shrunk toward
 * the assumed rate when there are few rows (as if 50 more rows had the assumed rate).
 */
export function estimateMatchRate(
  rows: readonly ScoredCandidates[],
  assumedRate: number,
  options: { iterations?: number } = {},
): { rate: number } & RowCalibration {
  let rate = assumedRate;
  const result = (r: number) => ({ rate: r, scale: r / assumedRate, none: 1 - r });
  if (rows.length === 0) return result(rate);
  for (let it = 0; it < (options.iterations ?? 50); it += 1) {
    const scale = rate / assumedRate;
    let sum = 0;
    for (const row of rows) {
      let odds = row.rest;
      let best = 0;
      for (const c of row.candidates) {
        odds += c.odds;
        if (c.odds > best) best = c.odds;
      }
      const s = scale * odds;
      // P(matched) counts the odds of every look-alike as if independent, which overstates it when a
      // sought child has no match but several look-alikes; the best candidate alone understates it. Their
      // midpoint tracks the true share within a few points on lists where 30 %, 75 % or 95 % were found.
      sum += Number.isFinite(s) ? (0.5 * (scale * best + s)) / (1 - rate + s) : 1;
    }
    // A few rows say little: they are weighed against PRIOR_ROWS rows at the assumed rate.
    const next = Math.min(0.95, Math.max(0.05, (sum + PRIOR_ROWS * assumedRate) / (rows.length + PRIOR_ROWS)));
    if (Math.abs(next - rate) < 1e-4) {
      rate = next;
      break;
    }
    rate = next;
  }
  return result(rate);
}

/**
 * Competition across right records, for linking two lists of distinct people: one left record is at most
 * one of the right records, as one right record is at most one left record. A candidate's odds are
 * discounted by the probability that another right record already is that left record (mean-field
 * iteration, damped; order-independent), so a child found once is not proposed for three sought
 * siblings, and a sought child whose sibling was claimed by the sibling's own request rises. Right
 * records that name one child alike (same given name, births within 1.5 years: two relatives' requests)
 * do not compete with each other.
 */
export function competeForLeft(
  rows: readonly ScoredCandidates[],
  options: { iterations?: number } & Partial<RowCalibration> = {},
): Float64Array[] {
  const scale = options.scale ?? 1;
  const none = options.none ?? 0.5;
  const probs = rows.map((row) => rowProbabilities(row, { scale, none }));
  // Strong claims (P ≥ MIN_CLAIM before competition) take from the others; every claim on the same left
  // record is discounted by them. Grouped by left record.
  let takers = 0;
  let maxRef = -1;
  rows.forEach((row, i) =>
    row.candidates.forEach((c, k) => {
      if (c.ref > maxRef) maxRef = c.ref;
      if (((probs[i] as Float64Array)[k] as number) >= MIN_CLAIM) takers += 1;
    }),
  );
  const perRef = new Int32Array(maxRef + 2);
  rows.forEach((row, i) =>
    row.candidates.forEach((c, k) => {
      if (((probs[i] as Float64Array)[k] as number) >= MIN_CLAIM) perRef[c.ref + 1] = (perRef[c.ref + 1] as number) + 1;
    }),
  );
  for (let r = 1; r < perRef.length; r += 1) perRef[r] = (perRef[r] as number) + (perRef[r - 1] as number);
  const fill = perRef.slice(0, perRef.length - 1);
  const takerRow = new Int32Array(takers);
  const takerK = new Int32Array(takers);
  rows.forEach((row, i) =>
    row.candidates.forEach((c, k) => {
      if (((probs[i] as Float64Array)[k] as number) < MIN_CLAIM) return;
      const at = fill[c.ref] as number;
      takerRow[at] = i;
      takerK[at] = k;
      fill[c.ref] = at + 1;
    }),
  );
  // Identities as numbers: given-name terms interned, births as spans (for `sameChild`, called often).
  const termIds = new Map<string, number>();
  const givenFrom = new Int32Array(rows.length + 1);
  const givenIds: number[] = [];
  const birthLo = new Float64Array(rows.length);
  const birthHi = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    givenFrom[i] = givenIds.length;
    for (const g of row.identity.given) {
      let id = termIds.get(g);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(g, id);
      }
      givenIds.push(id);
    }
    birthLo[i] = row.identity.birth ? row.identity.birth[0] : Number.NaN;
    birthHi[i] = row.identity.birth ? row.identity.birth[1] : Number.NaN;
  });
  givenFrom[rows.length] = givenIds.length;
  const oneChild = (a: number, b: number): boolean => {
    let shared = false;
    for (let x = givenFrom[a] as number; x < (givenFrom[a + 1] as number) && !shared; x += 1) {
      for (let y = givenFrom[b] as number; y < (givenFrom[b + 1] as number); y += 1) {
        if (givenIds[x] === givenIds[y]) {
          shared = true;
          break;
        }
      }
    }
    if (!shared) return false;
    if (Number.isNaN(birthLo[a] as number) || Number.isNaN(birthLo[b] as number)) return true;
    return (
      Math.max(0, (birthLo[a] as number) - (birthHi[b] as number), (birthLo[b] as number) - (birthHi[a] as number)) <=
      SAME_CHILD_YEARS
    );
  };
  const iterations = options.iterations ?? 5;
  // For each claim on a left record that another right record claims strongly, those rivals (decided
  // once: the comparison of identities does not change between iterations).
  const claimRow: number[] = [];
  const claimK: number[] = [];
  const rivalsFrom: number[] = [];
  const rivals: number[] = [];
  rows.forEach((row, i) =>
    row.candidates.forEach((c, k) => {
      const from = perRef[c.ref] as number;
      const to = perRef[c.ref + 1] as number;
      let first = true;
      for (let t = from; t < to; t += 1) {
        const b = takerRow[t] as number;
        if (b === i) continue;
        if (oneChild(i, b)) continue;
        if (first) {
          claimRow.push(i);
          claimK.push(k);
          rivalsFrom.push(rivals.length);
          first = false;
        }
        rivals.push(t);
      }
    }),
  );
  rivalsFrom.push(rivals.length);
  if (claimRow.length === 0) return probs;
  const takerP = new Float64Array(takers);
  // taken[i][k]: probability that some other (distinct) right record is candidate k of row i.
  const taken = rows.map((row) => new Float64Array(row.candidates.length));
  for (let it = 0; it < iterations; it += 1) {
    for (let t = 0; t < takers; t += 1)
      takerP[t] = (probs[takerRow[t] as number] as Float64Array)[takerK[t] as number] as number;
    for (let c = 0; c < claimRow.length; c += 1) {
      let sum = 0;
      for (let r = rivalsFrom[c] as number; r < (rivalsFrom[c + 1] as number); r += 1)
        sum += takerP[rivals[r] as number] as number;
      (taken[claimRow[c] as number] as Float64Array)[claimK[c] as number] = Math.min(1, sum);
    }
    rows.forEach((row, i) => {
      const t = taken[i] as Float64Array;
      let any = false;
      for (let k = 0; k < t.length; k += 1) if ((t[k] as number) > 0) any = true;
      if (!any) return;
      const p = probs[i] as Float64Array;
      let total = none + scale * row.rest;
      for (let k = 0; k < t.length; k += 1)
        total += scale * (row.candidates[k] as { odds: number }).odds * (1 - (t[k] as number));
      for (let k = 0; k < t.length; k += 1) {
        const e = scale * (row.candidates[k] as { odds: number }).odds * (1 - (t[k] as number));
        const next = Number.isFinite(total) ? e / total : e === Infinity ? 1 : 0;
        p[k] = 0.5 * (p[k] as number) + 0.5 * next;
      }
    });
  }
  return probs;
}

/**
 * The match threshold that maximises the F1 of the match band as the probabilities themselves expect it:
 * expected true positives above a threshold are the sum of the probabilities there, expected positives
 * the sum over all rows of each row's probability of having a match at all. Calibrated probabilities make
 * this about half the attainable F1; lists where few matches are clear get a lower threshold, lists of
 * easy matches a higher one. Searched within [`lowest`, `highest`] in steps of 0.01.
 */
export function expectedF1Threshold(
  rows: readonly ScoredCandidates[],
  probabilities: readonly Float64Array[],
  calibration: RowCalibration,
  options: { lowest?: number; highest?: number } = {},
): { threshold: number; expectedF1: number } {
  const lowest = options.lowest ?? 0.25;
  const highest = options.highest ?? 0.6;
  const bins = 100;
  const count = new Float64Array(bins + 1);
  const mass = new Float64Array(bins + 1);
  let truths = 0;
  rows.forEach((row, i) => {
    const p = probabilities[i] as Float64Array;
    let listed = 0;
    let odds = row.rest;
    for (let k = 0; k < p.length; k += 1) {
      const q = p[k] as number;
      listed += q;
      odds += (row.candidates[k] as { odds: number }).odds;
      const b = Math.min(bins, Math.floor(q * bins));
      count[b] = (count[b] as number) + 1;
      mass[b] = (mass[b] as number) + q;
    }
    const rest = calibration.scale * row.rest;
    const total = calibration.none + calibration.scale * odds;
    truths += Math.min(1, listed + (Number.isFinite(total) && total > 0 ? rest / total : 0));
  });
  let best = { threshold: DEFAULT_MATCH_PARAMETERS.thresholds.match, expectedF1: 0 };
  let tp = 0;
  let positives = 0;
  for (let b = bins; b >= 0; b -= 1) {
    tp += mass[b] as number;
    positives += count[b] as number;
    const threshold = b / bins;
    if (threshold > highest + 1e-9 || threshold < lowest - 1e-9) continue;
    const f1 = positives + truths > 0 ? (2 * tp) / (positives + truths) : 0;
    if (f1 > best.expectedF1) best = { threshold, expectedF1: f1 };
  }
  return best;
}

/** Pseudo-rows at the assumed match rate that the estimate from the data is weighed against. */
const PRIOR_ROWS = 50;

/** Claims below this probability (before competition) take nothing from other right records. */
const MIN_CLAIM = 0.01;

/** The suggestions (match or review bands, best first, at most `top`) of a row, given final probabilities. */
export function suggestionsOf(
  row: ScoredCandidates,
  probabilities: ArrayLike<number>,
  scorer: MatchScorer,
  top: number,
): LinkSuggestion[] {
  const found: Array<{ k: number; score: number; band: MatchBand }> = [];
  row.candidates.forEach((_, k) => {
    const probability = probabilities[k] ?? 0;
    const band = scorer.band(probability);
    if (band !== null) found.push({ k, score: Math.round(probability * 1000) / 1000, band });
  });
  const id = (k: number) => (row.candidates[k] as { left: string }).left;
  found.sort((x, y) => y.score - x.score || (id(x.k) < id(y.k) ? -1 : id(x.k) > id(y.k) ? 1 : 0));
  return found.slice(0, top).map(({ k, score, band }) => {
    const c = row.candidates[k] as ScoredCandidates['candidates'][number];
    const fields = MATCH_FIELDS.length;
    return {
      left: c.left,
      right: row.right,
      score,
      band,
      why: scorer.explain(row.weights.subarray(k * fields, (k + 1) * fields)),
    };
  });
}

/**
 * Links two in-memory sets of records: for each right record, its best left candidates. With
 * `exclusive` (the default) the lists are taken to be of distinct people, and right records compete for
 * left records (`competeForLeft`); without it, each right record is linked on its own, like `link`.
 */
export function linkRecords(
  left: readonly PersonRecord[],
  right: readonly PersonRecord[],
  options: LinkOptions = {},
): LinkSuggestion[] {
  const engine = new LinkEngine(options);
  for (const record of left) engine.addLeft(record);
  if (options.exclusive === false) return right.flatMap((record) => engine.link(record));
  const rows = right.map((record) => engine.scoreCandidates(personFeatures(record, engine.cache)));
  const probs = competeForLeft(rows, { none: engine.matchScorer.noMatch });
  return rows.flatMap((row, i) => engine.suggest(row, probs[i] as Float64Array));
}

/**
 * Finds likely duplicates within one set (the same engine, the set against itself). Each pair is
 * reported once, with `left` the earlier record in the input.
 */
export function findDuplicates(records: readonly PersonRecord[], options: LinkOptions = {}): LinkSuggestion[] {
  const engine = new LinkEngine({ ...options, top: options.top ?? 10 });
  const features = records.map((r) => engine.addLeft(r));
  const out: LinkSuggestion[] = [];
  features.forEach((f, i) => {
    for (const s of engine.linkFeatures(f, (ref) => ref <= i)) out.push({ ...s, left: f.id, right: s.left });
  });
  return out;
}
