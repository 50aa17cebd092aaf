import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * SQL of matching: the queue of people waiting for background matching, each person's blocking keys, terms and
 * fingerprint, candidate search (shared keys ranked by rarity, plus trigram similarity of the phonetic names
 * within a birth-year window), and the match suggestions with their reviews.
 */

// ── queue ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Queue people for background matching (in the caller's transaction, so a rolled-back change queues nothing).
 * Queuing again moves the person to the back and makes sure the latest facts are matched.
 */
export async function queueMatching(db: Db, personIds: readonly string[]): Promise<void> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return;
  for (let i = 0; i < ids.length; i += 1000) {
    await db
      .insertInto('person_match_queue')
      .values(ids.slice(i, i + 1000).map((person_id) => ({ person_id })))
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ queued_at: sql`clock_timestamp()` }))
      .execute();
  }
}

/** The next people to match, oldest change first; the time is kept as text (microseconds, which a Date loses). */
export async function nextQueued(db: Db, limit: number) {
  return db
    .selectFrom('person_match_queue')
    .select(['person_id', sql<string>`queued_at::text`.as('queued_at')])
    .orderBy('person_match_queue.queued_at')
    .orderBy('person_id')
    .limit(limit)
    .execute();
}

/** Take a person off the queue unless they were queued again after `queuedAt` (a change during matching). */
export async function dequeue(db: Db, personId: string, queuedAt: string): Promise<void> {
  await db
    .deleteFrom('person_match_queue')
    .where('person_id', '=', personId)
    .where(sql<SqlBool>`queued_at <= ${queuedAt}::timestamptz`)
    .execute();
}

export async function countQueued(db: Db): Promise<number> {
  const row = await db.selectFrom('person_match_queue').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

// ── the index of one person ─────────────────────────────────────────────────────────────────────────────

export async function matchingPerson(db: Db, personId: string) {
  return db.selectFrom('people').select(['id', 'mission_id', 'is_sought', 'matching_consent']).where('id', '=', personId).executeTakeFirst();
}

/** Replace a person's keys, terms and state: what other records find them by. */
export async function writeMatchIndex(
  db: Db,
  entry: {
    personId: string;
    missionId: string;
    fingerprint: string;
    record: unknown;
    keys: readonly string[];
    terms: ReadonlyArray<{ field: string; term: string }>;
    nameText: string;
    birthYears: [number, number] | null;
  },
): Promise<void> {
  await lockPersonIndex(db, entry.personId);
  await clearMatchIndex(db, entry.personId);
  const keys = [...new Set(entry.keys)];
  for (let i = 0; i < keys.length; i += 1000) {
    await db
      .insertInto('person_match_keys')
      .values(keys.slice(i, i + 1000).map((key) => ({ key, person_id: entry.personId })))
      .execute();
  }
  const terms = [...new Map(entry.terms.map((t) => [`${t.field}\u0000${t.term}`, t])).values()];
  if (terms.length > 0) await db.insertInto('person_match_terms').values(terms.map((t) => ({ ...t, person_id: entry.personId }))).execute();
  await db
    .insertInto('person_match_state')
    .values({
      person_id: entry.personId,
      mission_id: entry.missionId,
      fingerprint: entry.fingerprint,
      record: JSON.stringify(entry.record),
      name_text: entry.nameText,
      birth_year_from: entry.birthYears?.[0] ?? null,
      birth_year_to: entry.birthYears?.[1] ?? null,
    })
    .execute();
}

/**
 * One writer of a person's index at a time (a request re-indexing a changed person while the background job
 * matches them): a transaction-scoped advisory lock on the person, taken again harmlessly by the same transaction.
 */
async function lockPersonIndex(db: Db, personId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(720190002, hashtext(${personId}))`.execute(db);
}

/** A person who may not (or no longer) take part in matching leaves the index. */
export async function clearMatchIndex(db: Db, personId: string): Promise<void> {
  await lockPersonIndex(db, personId);
  await db.deleteFrom('person_match_keys').where('person_id', '=', personId).execute();
  await db.deleteFrom('person_match_terms').where('person_id', '=', personId).execute();
  await db.deleteFrom('person_match_state').where('person_id', '=', personId).execute();
}

/** Current fingerprints of people (as last indexed). */
export async function fingerprintsOf(db: Db, personIds: readonly string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db.selectFrom('person_match_state').select(['person_id', 'fingerprint']).where('person_id', 'in', personIds).execute();
  return new Map(rows.map((r) => [r.person_id, r.fingerprint]));
}

// ── candidates ──────────────────────────────────────────────────────────────────────────────────────────

/** Who may be a candidate: the mission's people who consent to matching, sought or not, in the caller's scope. */
export interface CandidateFilter {
  missionId: string;
  exclude: string | null;
  /** true: only sought people; false: only registry people; null: both. */
  sought: boolean | null;
  /** An extra condition on `people` (search before create: the actor's scope). */
  scope?: (eb: ExpressionBuilder<Database, 'people'>) => Expression<SqlBool>;
}

/** How many people are indexed for matching: the registry size the scorer's prior and name frequencies use. */
export async function indexedCount(db: Db): Promise<number> {
  // The planner's estimate once the registry is large (an exact count of a million rows costs more than the
  // whole candidate search; the prior needs the order of magnitude, not the last person).
  const estimate = await sql<{ n: string }>`SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'person_match_state'`.execute(db);
  const approx = Number(estimate.rows[0]?.n ?? -1);
  if (approx >= 100_000) return approx;
  const row = await db.selectFrom('person_match_state').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

function peopleFilter(eb: ExpressionBuilder<Database, 'people'>, filter: CandidateFilter): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [eb('people.mission_id', '=', filter.missionId), eb('people.matching_consent', '=', true)];
  if (filter.exclude) conditions.push(eb('people.id', '<>', filter.exclude));
  if (filter.sought !== null) conditions.push(eb('people.is_sought', '=', filter.sought));
  if (filter.scope) conditions.push(filter.scope(eb));
  return eb.and(conditions);
}

/** At most this many (key, person) postings are read per candidate search. */
const MAX_POSTINGS = 5_000;

/**
 * People sharing blocking keys with a record, ranked as the in-memory index ranks them: the sum over shared
 * keys of their rarity, log2(N / block size) + 1. Keys shared by more than `maxBlock` people are too common to
 * block on (other keys still apply).
 */
export async function candidatesByKeys(
  db: Db,
  keys: readonly string[],
  filter: CandidateFilter,
  options: { total: number; maxBlock: number; limit: number },
): Promise<string[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  const blocks = await db
    .selectFrom('person_match_keys')
    .select((eb) => ['key', eb.fn.countAll<string>().as('n')])
    .where('key', 'in', unique)
    .groupBy('key')
    .execute();
  // Rarest keys first, and no more postings than a bounded read: common keys add little but rows.
  const usable: typeof blocks = [];
  let postings = 0;
  for (const b of [...blocks].sort((x, y) => Number(x.n) - Number(y.n))) {
    const n = Number(b.n);
    if (n > options.maxBlock || (usable.length > 0 && postings + n > MAX_POSTINGS)) break;
    usable.push(b);
    postings += n;
  }
  if (usable.length === 0) return [];
  const rarity = new Map(usable.map((b) => [b.key, Math.log2((options.total + 1) / Number(b.n)) + 1]));
  const rows = await db
    .selectFrom('person_match_keys')
    .innerJoin('people', 'people.id', 'person_match_keys.person_id')
    .select(['person_match_keys.person_id', 'person_match_keys.key'])
    .where('person_match_keys.key', 'in', [...rarity.keys()])
    .where((eb) => peopleFilter(eb, filter))
    .execute();
  const rank = new Map<string, number>();
  for (const r of rows) rank.set(r.person_id, (rank.get(r.person_id) ?? 0) + (rarity.get(r.key) ?? 0));
  return [...rank.entries()]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, options.limit)
    .map(([id]) => id);
}

/**
 * People whose phonetic names are similar (pg_trgm on the folded given names and surname stems) and whose
 * birth-year window overlaps: catches typos in both names at once, which no exact key shares.
 */
export async function candidatesByTrigram(
  db: Db,
  nameText: string,
  birthYears: [number, number] | null,
  filter: CandidateFilter,
  limit: number,
): Promise<string[]> {
  if (nameText.trim().length < 3) return [];
  await sql`SET LOCAL pg_trgm.similarity_threshold = 0.4`.execute(db);
  // One indexable operator (GIN gin_trgm_ops); partial typing is the registry name search's job.
  let q = db
    .selectFrom('person_match_state')
    .innerJoin('people', 'people.id', 'person_match_state.person_id')
    .select(['person_match_state.person_id', sql<number>`similarity(person_match_state.name_text, ${nameText})`.as('similarity')])
    .where(sql<SqlBool>`person_match_state.name_text % ${nameText}`)
    .where((eb) => peopleFilter(eb, filter));
  if (birthYears) {
    q = q
      .where((eb) => eb.or([eb('person_match_state.birth_year_from', 'is', null), eb('person_match_state.birth_year_from', '<=', birthYears[1])]))
      .where((eb) => eb.or([eb('person_match_state.birth_year_to', 'is', null), eb('person_match_state.birth_year_to', '>=', birthYears[0])]));
  }
  const rows = await q.orderBy('similarity', 'desc').orderBy('person_match_state.person_id').limit(limit).execute();
  return rows.map((r) => r.person_id);
}

/** How many indexed people carry each term of each field (only the terms asked for). */
export async function termCounts(db: Db, terms: ReadonlyArray<{ field: string; term: string }>) {
  if (terms.length === 0) return [];
  return db
    .selectFrom('person_match_terms')
    .select((eb) => ['field', 'term', eb.fn.countAll<string>().as('n')])
    .where('term', 'in', [...new Set(terms.map((t) => t.term))])
    .groupBy(['field', 'term'])
    .execute();
}

export async function matchPeopleRows(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('people')
    .select(['id', 'sex', 'source_system', 'source_id', 'is_sought', 'display_name', 'birth_year_min', 'birth_year_max'])
    .select(sql<string | null>`(SELECT c.id FROM cases c WHERE c.person_id = people.id AND c.closed_at IS NULL LIMIT 1)`.as('open_case_id'))
    .where('id', 'in', ids)
    .execute();
}

// ── suggestions ─────────────────────────────────────────────────────────────────────────────────────────

type SuggestionStatus = 'proposed' | 'unsure' | 'confirmed' | 'rejected' | 'superseded';

export async function findSuggestion(db: Db, id: string, forUpdate = false) {
  let q = db.selectFrom('match_suggestions').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The latest suggestion of a pair (any status) of one kind. */
export async function latestOfPair(db: Db, a: string, b: string, kind: 'tracing' | 'duplicate') {
  return db
    .selectFrom('match_suggestions')
    .selectAll()
    .where('person_a', '=', a)
    .where('person_b', '=', b)
    .where('kind', '=', kind)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Open (proposed or not sure) suggestions involving a person, of one kind. */
export async function openSuggestionsOf(db: Db, personId: string, kind: 'tracing' | 'duplicate') {
  return db
    .selectFrom('match_suggestions')
    .selectAll()
    .where((eb) => eb.or([eb('person_a', '=', personId), eb('person_b', '=', personId)]))
    .where('kind', '=', kind)
    .where('status', 'in', ['proposed', 'unsure'])
    .execute();
}

export interface SuggestionScore {
  probability: number;
  score: number;
  band: 'match' | 'review';
  explanation: unknown;
}

export async function insertSuggestion(
  db: Db,
  row: { id: string; missionId: string; kind: 'tracing' | 'duplicate'; a: string; b: string; evidenceA: string; evidenceB: string } & SuggestionScore,
): Promise<void> {
  await db
    .insertInto('match_suggestions')
    .values({
      id: row.id,
      mission_id: row.missionId,
      kind: row.kind,
      person_a: row.a,
      person_b: row.b,
      probability: row.probability,
      score: row.score,
      band: row.band,
      explanation: JSON.stringify(row.explanation),
      evidence_a: row.evidenceA,
      evidence_b: row.evidenceB,
    })
    .execute();
}

/** A new score for an open pair (the reviewer's "not sure" stays). */
export async function rescoreSuggestion(db: Db, id: string, s: SuggestionScore & { evidenceA: string; evidenceB: string }): Promise<void> {
  await db
    .updateTable('match_suggestions')
    .set({
      probability: s.probability,
      score: s.score,
      band: s.band,
      explanation: JSON.stringify(s.explanation),
      evidence_a: s.evidenceA,
      evidence_b: s.evidenceB,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('status', 'in', ['proposed', 'unsure'])
    .execute();
}

export async function supersedeSuggestions(db: Db, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const res = await db
    .updateTable('match_suggestions')
    .set({ status: 'superseded', updated_at: new Date() })
    .where('id', 'in', ids)
    .where('status', 'in', ['proposed', 'unsure'])
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** A reviewer's decision, with the fingerprints of both sides at that moment (the rejection memory). */
export async function reviewSuggestion(
  db: Db,
  id: string,
  review: { status: SuggestionStatus; by: string; reason: string | null; evidenceA: string; evidenceB: string },
): Promise<void> {
  await db
    .updateTable('match_suggestions')
    .set({
      status: review.status,
      reviewed_by: review.by,
      reviewed_at: new Date(),
      reason: review.reason,
      evidence_a: review.evidenceA,
      evidence_b: review.evidenceB,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** Comparison vectors of decided pairs: reviewers' decisions refine the model (newest first, bounded). */
export async function decidedExplanations(db: Db, limit = 5000) {
  return db
    .selectFrom('match_suggestions')
    .select(['status', 'explanation'])
    .where('status', 'in', ['confirmed', 'rejected'])
    .orderBy('reviewed_at', 'desc')
    .limit(limit)
    .execute();
}

/** One page of the review queue, best first; keyset on (probability desc, id). */
export async function queuePage(
  db: Db,
  query: { missionId: string; kind?: 'tracing' | 'duplicate' | undefined; statuses: readonly string[]; band?: 'match' | 'review' | undefined; after: { probability: number; id: string } | null; limit: number },
) {
  let q = db
    .selectFrom('match_suggestions as s')
    .innerJoin('people as pa', 'pa.id', 's.person_a')
    .innerJoin('people as pb', 'pb.id', 's.person_b')
    .select([
      's.id',
      's.kind',
      's.status',
      's.band',
      's.probability',
      's.person_a',
      's.person_b',
      's.created_at',
      's.updated_at',
      'pa.display_name as a_name',
      'pa.is_sought as a_sought',
      'pb.display_name as b_name',
      'pb.is_sought as b_sought',
    ])
    .where('s.mission_id', '=', query.missionId)
    .where('s.status', 'in', query.statuses as SuggestionStatus[]);
  if (query.kind) q = q.where('s.kind', '=', query.kind);
  if (query.band) q = q.where('s.band', '=', query.band);
  if (query.after) {
    const { probability, id } = query.after;
    q = q.where((eb) => eb.or([eb('s.probability', '<', probability), eb.and([eb('s.probability', '=', probability), eb('s.id', '>', id)])]));
  }
  return q.orderBy('s.probability', 'desc').orderBy('s.id').limit(query.limit).execute();
}

/**
 * Queue a person whose identity facts changed, and the people whose records include them as mother or father
 * (a parent's name is part of the child's record).
 */
export async function queueMatchingWithChildren(db: Db, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  const children = await db
    .selectFrom('relationships')
    .select('person_id')
    .where('related_person_id', 'in', personIds)
    .where('kind', 'in', ['mother', 'father'])
    .where('superseded_at', 'is', null)
    .execute();
  await queueMatching(db, [...personIds, ...children.map((c) => c.person_id)]);
}

/** Queue every person of a mission (the first start's demo people, matched once in the background). */
export async function queueMission(db: Db, missionId: string): Promise<void> {
  await db
    .insertInto('person_match_queue')
    .columns(['person_id'])
    .expression(db.selectFrom('people').select('id').where('mission_id', '=', missionId))
    .onConflict((oc) => oc.column('person_id').doNothing())
    .execute();
}

/**
 * People whose current names are like the typed text (the registry's name search on `person_names`): always
 * current, even for people the background job has not indexed yet (just imported), so search before create
 * never misses a fresh record. Their records are scored by the engine like every other candidate.
 */
export async function candidatesByNameSearch(db: Db, query: string, filter: CandidateFilter, limit: number): Promise<string[]> {
  if (query.trim().length < 2) return [];
  await sql`SET LOCAL pg_trgm.word_similarity_threshold = 0.45`.execute(db);
  const rows = await db
    .selectFrom('person_names')
    .innerJoin('people', 'people.id', 'person_names.person_id')
    .select(['people.id', sql<number>`word_similarity(${query}, person_names.search_text)`.as('similarity')])
    .where('person_names.superseded_at', 'is', null)
    .where(sql<SqlBool>`${query} <% person_names.search_text`)
    .where((eb) => peopleFilter(eb, filter))
    .orderBy('similarity', 'desc')
    .limit(limit * 3)
    .execute();
  return [...new Set(rows.map((r) => r.id))].slice(0, limit);
}

/** Which of `others` have a recorded relationship (any kind) with the person: relatives are not duplicates. */
export async function relatedAmong(db: Db, personId: string, others: readonly string[]): Promise<Set<string>> {
  if (others.length === 0) return new Set();
  const rows = await db
    .selectFrom('relationships')
    .select('related_person_id')
    .where('person_id', '=', personId)
    .where('related_person_id', 'in', others)
    .where('superseded_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.related_person_id));
}

/** The engine records of indexed people, as last indexed (one query on the primary key). */
export async function indexedRecords(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db.selectFrom('person_match_state').select(['person_id', 'record']).where('person_id', 'in', personIds).execute();
}
