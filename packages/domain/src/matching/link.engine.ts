import type { PersonRecord } from '../person-record/person-record.schema';
import { BlockingIndex } from './blocking.keys';
import type { CandidateOptions } from './blocking.keys';
import { DEFAULT_MATCH_PARAMETERS } from './match.model';
import type { MatchField, MatchParameters } from './match.model';
import { MatchScorer, addTermFrequencies, emptyTermFrequencies } from './pair.score';
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

  /** The scorer in use (built lazily once the left side is complete). */
  get matchScorer(): MatchScorer {
    this.scorer ??= new MatchScorer(
      this.options.params ?? DEFAULT_MATCH_PARAMETERS,
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
   * candidates compete: P(i) = oᵢ / (1 + Σⱼ oⱼ) with oⱼ each candidate's posterior odds. Siblings who share
   * father, surname and mother therefore split the evidence instead of all being proposed as matches.
   */
  linkFeatures(f: PersonFeatures, exclude?: (ref: number) => boolean): LinkSuggestion[] {
    const scorer = this.matchScorer;
    const top = this.options.top ?? 10;
    const scored: Array<{ other: PersonFeatures; odds: number }> = [];
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
      scored.push({ other, odds });
    }
    const found: Array<{ other: PersonFeatures; probability: number; score: number; band: MatchBand }> = [];
    for (const { other, odds } of scored) {
      const probability = Number.isFinite(totalOdds) ? odds / (1 + totalOdds) : odds === Infinity ? 1 : 0;
      const band = scorer.band(probability);
      if (band === null) continue;
      found.push({ other, probability, score: Math.round(probability * 1000) / 1000, band });
    }
    found.sort((x, y) => y.score - x.score || (x.other.id < y.other.id ? -1 : x.other.id > y.other.id ? 1 : 0));
    // Explanations only for what is written.
    return found.slice(0, top).map(({ other, score, band }) => ({
      left: other.id,
      right: f.id,
      score,
      band,
      why: scorer.score(other, f).why,
    }));
  }
}

/** Links two in-memory sets of records: for each right record, its best left candidates. */
export function linkRecords(
  left: readonly PersonRecord[],
  right: readonly PersonRecord[],
  options: LinkOptions = {},
): LinkSuggestion[] {
  const engine = new LinkEngine(options);
  for (const record of left) engine.addLeft(record);
  return right.flatMap((record) => engine.link(record));
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
