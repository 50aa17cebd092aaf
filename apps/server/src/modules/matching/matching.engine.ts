import { createHash } from 'node:crypto';
import { sql, type SqlBool, type Transaction } from 'kysely';
import {
  DEFAULT_MATCH_PARAMETERS,
  FIELD_LEVELS,
  MATCH_FIELDS,
  MatchScorer,
  NameKeyCache,
  TF_FIELDS,
  birthYearWindow,
  blockingKeys,
  personFeatures,
  refineWithDecisions,
  termKey,
  trigramTexts,
  type MatchField,
  type MatchParameters,
  type PersonFeatures,
  type ReviewDecision,
  type TermFrequencies,
} from '@homeward/domain/matching';
import type { PersonRecord } from '@homeward/domain/person-record';
import type { Database } from '../../db/schema';
import { canonicalJson } from '../../lib/canonical-json';
import { buildPersonRecords } from '../imports/person-export.service';
import { candidatesByKeys, candidatesByTrigram, decidedExplanations, indexedCount, indexedRecords, matchPeopleRows, termCounts, type CandidateFilter } from './matching.repository';

/**
 * The server's side of the matching engine: people as `homeward.person/1` records (the export's builder), their
 * features, keys and fingerprint, candidates from SQL, and a scorer whose name frequencies come from SQL and
 * whose m and u are refined by reviewers' decisions. The engine itself (packages/domain) is used as is.
 */

type Trx = Transaction<Database>;

/** At most this many candidates per record are scored. */
export const MAX_CANDIDATES = 300;
/** Keys shared by more people than this are too common to block on. */
const MAX_BLOCK = 5000;
/** Candidates added by trigram similarity beyond the shared keys. */
const TRIGRAM_CANDIDATES = 50;

/** Name keys are memoised per spelling across the whole process (the engine's cache). */
export const nameKeyCache = new NameKeyCache();

/** The identity facts of people (names, birth, sex, parents, origin) as engine records keyed by person id. */
export async function loadMatchRecords(trx: Trx, ids: readonly string[]): Promise<Map<string, PersonRecord>> {
  const rows = await matchPeopleRows(trx, ids);
  if (rows.length === 0) return new Map();
  const { records } = await buildPersonRecords(trx, rows, { filter: () => sql<SqlBool>`true`, identity: true, notes: false, idOf: (p) => p.id });
  return records;
}

/** Candidates' engine records as last indexed: what their fingerprint and keys were computed from. */
export async function loadIndexedRecords(trx: Trx, ids: readonly string[]): Promise<Map<string, PersonRecord>> {
  return new Map((await indexedRecords(trx, ids)).map((r) => [r.person_id, r.record as PersonRecord]));
}

/** Hash of a person's identity facts: a rejected pair is proposed again only when one side's hash changes. */
export function fingerprintOf(record: PersonRecord): string {
  const { id: _id, ...facts } = record;
  return createHash('sha256').update(canonicalJson(facts)).digest('hex').slice(0, 32);
}

/** What the SQL index stores for a record: its blocking keys, terms, phonetic name text and birth years. */
export function indexEntryOf(f: PersonFeatures) {
  const texts = trigramTexts(f);
  const terms = TF_FIELDS.flatMap((field) => f[field].map((key) => ({ field, term: termKey(key) })));
  const window = birthYearWindow(f);
  return {
    keys: blockingKeys(f),
    terms,
    nameText: [...texts.given, ...texts.family].join(' ').slice(0, 500),
    birthYears: window,
  };
}

export function featuresOf(record: PersonRecord): PersonFeatures {
  return personFeatures(record, nameKeyCache);
}

/** Candidates for a record: people sharing rare keys first, then people with similar names in the birth window. */
export async function findCandidateIds(trx: Trx, f: PersonFeatures, filter: CandidateFilter, total: number, limit = MAX_CANDIDATES): Promise<string[]> {
  const entry = indexEntryOf(f);
  const byKeys = await candidatesByKeys(trx, entry.keys, filter, { total, maxBlock: MAX_BLOCK, limit });
  const seen = new Set(byKeys);
  const room = Math.max(0, Math.min(TRIGRAM_CANDIDATES, limit - byKeys.length));
  if (room > 0) {
    for (const id of await candidatesByTrigram(trx, entry.nameText, entry.birthYears, filter, room)) seen.add(id);
  }
  return [...seen];
}

/** The model in use: the default parameters refined by reviewers' confirmed and rejected pairs. */
export interface MatchModel {
  params: MatchParameters;
  decisions: number;
}

interface StoredExplanation {
  vector?: number[];
}

/** Refines m (confirmed pairs) and u (rejected pairs) with the comparison vectors stored on decided suggestions. */
export async function loadMatchModel(trx: Trx): Promise<MatchModel> {
  const rows = await decidedExplanations(trx);
  const decisions: ReviewDecision[] = [];
  for (const r of rows) {
    const vector = (r.explanation as StoredExplanation | null)?.vector;
    if (!Array.isArray(vector) || vector.length !== MATCH_FIELDS.length) continue;
    decisions.push({ vector: Int8Array.from(vector), confirmed: r.status === 'confirmed' });
  }
  const params = decisions.length > 0 ? refineWithDecisions(DEFAULT_MATCH_PARAMETERS, decisions) : DEFAULT_MATCH_PARAMETERS;
  return { params, decisions: decisions.length };
}

/**
 * A scorer for one record: the prior from the size of the indexed registry, and the frequencies of exactly the
 * names this record carries (a match on a rare name weighs more) counted in SQL.
 */
export async function scorerFor(trx: Trx, model: MatchModel, f: PersonFeatures): Promise<{ scorer: MatchScorer; total: number }> {
  const total = await indexedCount(trx);
  const tf: TermFrequencies = { total, counts: { given: new Map(), father: new Map(), family: new Map(), mother: new Map() } };
  const wanted = TF_FIELDS.flatMap((field) => f[field].map((key) => ({ field, term: termKey(key) })));
  for (const row of await termCounts(trx, wanted)) {
    const counts = tf.counts[row.field as (typeof TF_FIELDS)[number]];
    if (counts) counts.set(row.term, Number(row.n));
  }
  return { scorer: new MatchScorer(model.params, tf, total), total };
}

/** The stored explanation of a pair: each field's level and weight, the total, and the comparison vector. */
export interface PairExplanation {
  version: string;
  weight: number;
  vector: number[];
  fields: Array<{ field: MatchField; level: string; weight: number }>;
}

/** Scores a pair in full (with the reasons) for storing or showing. */
export function explainPair(scorer: MatchScorer, a: PersonFeatures, b: PersonFeatures): { probability: number; weight: number; explanation: PairExplanation } {
  const scored = scorer.score(a, b);
  const weights = new Map(scored.why);
  const fields: PairExplanation['fields'] = [];
  MATCH_FIELDS.forEach((field, i) => {
    const level = scored.vector[i] ?? -1;
    if (level < 0) return;
    fields.push({ field, level: FIELD_LEVELS[field][level] ?? String(level), weight: weights.get(field) ?? 0 });
  });
  return {
    probability: scored.probability,
    weight: scored.weight,
    explanation: { version: scorer.params.version, weight: Math.round(scored.weight * 100) / 100, vector: Array.from(scored.vector), fields },
  };
}
