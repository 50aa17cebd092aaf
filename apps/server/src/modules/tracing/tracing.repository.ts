import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { ConsentState, Scope, TracingListQuery } from '@homeward/domain';
import type { Database, TracingRequestsTable } from '../../db/schema';
import type { Actor } from '../../lib/context';
import { createdKey, olderThan, parseCursor } from '../../lib/keyset';
import { peopleNamedLike } from '../people/identity.repository';
import { personInScope } from '../people/people.policy';
import { tracingRequestInScope } from './tracing.policy';

type Db = Kysely<Database> | Transaction<Database>;

const REFERENCE_LOCK_KEY = 720_190_004;

/**
 * The next reference of a mission's year, `TR-2026-000123`: numbered per mission and year, under a
 * transaction-scoped lock so that two requests filed at once do not take the same number.
 */
export async function nextReference(db: Db, missionId: string, year: number): Promise<string> {
  await sql`SELECT pg_advisory_xact_lock(${REFERENCE_LOCK_KEY})`.execute(db);
  const prefix = `TR-${year}-`;
  const row = await db
    .selectFrom('tracing_requests')
    .select(sql<string | null>`max(substring(reference from ${prefix.length + 1}::int)::int)`.as('last'))
    .where('mission_id', '=', missionId)
    .where('reference', 'like', `${prefix}%`)
    .executeTakeFirst();
  const next = Number(row?.last ?? 0) + 1;
  return `${prefix}${String(next).padStart(6, '0')}`;
}

export async function insertTracingRequest(db: Db, row: Insertable<TracingRequestsTable>): Promise<void> {
  await db.insertInto('tracing_requests').values(row).execute();
}

export async function attachPerson(
  db: Db,
  row: { requestId: string; personId: string; relationship: string; describedAs: 'sought' | 'mother' | 'father'; describedFor: string | null },
): Promise<void> {
  await db
    .insertInto('tracing_request_people')
    .values({
      tracing_request_id: row.requestId,
      person_id: row.personId,
      relationship_to_requester: row.relationship,
      described_as: row.describedAs,
      described_for: row.describedFor,
    })
    .execute();
}

/** Mark people as sought, taking part in matching only when the request has consent. */
export async function markSought(db: Db, personIds: readonly string[], matchingConsent: boolean): Promise<void> {
  if (personIds.length === 0) return;
  await db.updateTable('people').set({ is_sought: true, matching_consent: matchingConsent, updated_at: new Date() }).where('id', 'in', personIds).execute();
}

/** Every person attached to a request (sought people and the parents described for them). */
export async function attachedPersonIds(db: Db, requestId: string): Promise<string[]> {
  const rows = await db.selectFrom('tracing_request_people').select('person_id').where('tracing_request_id', '=', requestId).execute();
  return rows.map((r) => r.person_id);
}

/** Set whether the request's people may take part in matching (consent given, refused or withdrawn). */
export async function setMatchingConsent(db: Db, requestId: string, consent: boolean): Promise<void> {
  await db
    .updateTable('people')
    .set({ matching_consent: consent, updated_at: new Date() })
    .where('id', 'in', (eb) => eb.selectFrom('tracing_request_people').select('person_id').where('tracing_request_id', '=', requestId))
    .execute();
}

/**
 * Withdraw the open match suggestions of people whose consent was withdrawn: nobody should review a pair
 * that may no longer be matched. Answers how many were withdrawn.
 */
export async function supersedeOpenSuggestions(db: Db, personIds: readonly string[], by: string): Promise<number> {
  if (personIds.length === 0) return 0;
  const res = await db
    .updateTable('match_suggestions')
    .set({ status: 'superseded', reason: 'consent for tracing withdrawn', reviewed_by: by, reviewed_at: new Date(), updated_at: new Date() })
    .where('status', 'in', ['proposed', 'unsure'])
    .where((eb) => eb.or([eb('person_a', 'in', personIds), eb('person_b', 'in', personIds)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function findRequestInScope(db: Db, actor: Actor, scope: Scope, id: string) {
  return db.selectFrom('tracing_requests').selectAll().where('id', '=', id).where(tracingRequestInScope(actor, scope)).executeTakeFirst();
}
export type TracingRequestRow = NonNullable<Awaited<ReturnType<typeof findRequestInScope>>>;

export async function updateRequest(db: Db, id: string, patch: Updateable<TracingRequestsTable>): Promise<void> {
  await db.updateTable('tracing_requests').set({ ...patch, updated_at: new Date() }).where('id', '=', id).execute();
}

const consentCondition = (state: ConsentState) => {
  switch (state) {
    case 'withdrawn':
      return sql<boolean>`tracing_requests.consent_withdrawn_at IS NOT NULL`;
    case 'given':
      return sql<boolean>`tracing_requests.consent_tracing AND tracing_requests.consent_withdrawn_at IS NULL`;
    case 'not_given':
      return sql<boolean>`NOT tracing_requests.consent_tracing AND tracing_requests.consent_withdrawn_at IS NULL`;
  }
};

/**
 * Requests in scope with the list filters, newest first (keyset on created_at, id). The text matches the
 * reference, the requester's name, or — across scripts and spellings — a current name of a sought person.
 */
export async function listRequestsInScope(db: Db, actor: Actor, scope: Scope, query: TracingListQuery & { searchText?: string | undefined }) {
  let q = db.selectFrom('tracing_requests').selectAll().select(createdKey('tracing_requests.created_at').as('created_key')).where(tracingRequestInScope(actor, scope));
  if (query.status) q = q.where('status', '=', query.status);
  if (query.consent) q = q.where(consentCondition(query.consent));
  const personId = query.personId;
  if (personId) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('tracing_request_people as trp')
          .select(sql`1`.as('one'))
          .whereRef('trp.tracing_request_id', '=', 'tracing_requests.id')
          .where('trp.person_id', '=', personId),
      ),
    );
  }
  const raw = query.q?.trim();
  if (raw) {
    const like = `%${raw.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const searchText = query.searchText;
    q = q.where((eb) =>
      eb.or([
        eb('tracing_requests.reference', 'ilike', like),
        eb('tracing_requests.requester_name', 'ilike', like),
        ...(searchText
          ? [
              eb.exists(
                eb
                  .selectFrom('tracing_request_people as trp')
                  .select(sql`1`.as('one'))
                  .whereRef('trp.tracing_request_id', '=', 'tracing_requests.id')
                  .where('trp.described_as', '=', 'sought')
                  .where(peopleNamedLike(searchText, 'trp.person_id')),
              ),
            ]
          : []),
      ]),
    );
  }
  const after = parseCursor(query.after);
  if (after) q = q.where(olderThan(after, 'tracing_requests.created_at', 'tracing_requests.id'));
  return q.orderBy('tracing_requests.created_at', 'desc').orderBy('tracing_requests.id', 'desc').limit(query.limit).execute();
}

/**
 * The people attached to requests that the actor may read as people (`personScope`), with their list fields
 * and, when confirmed, the found person (null fields when the found person lies outside that scope).
 */
export async function attachedPeopleOf(db: Db, actor: Actor, personScope: Scope, requestIds: readonly string[]) {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('tracing_request_people as trp')
    .innerJoin('people', 'people.id', 'trp.person_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('people')
          .select(['people.id', 'people.display_name', 'people.sex', 'people.birth_year_min', 'people.birth_year_max'])
          .where(personInScope(actor, personScope))
          .as('found'),
      (join) => join.onRef('found.id', '=', 'trp.found_person_id'),
    )
    .select([
      'trp.tracing_request_id',
      'trp.person_id',
      'trp.relationship_to_requester',
      'trp.described_as',
      'trp.described_for',
      'trp.found_person_id',
      'trp.found_at',
      'people.display_name',
      'people.sex',
      'people.birth_year_min',
      'people.birth_year_max',
      'people.matching_consent',
      'found.id as found_visible_id',
      'found.display_name as found_display_name',
      'found.sex as found_sex',
      'found.birth_year_min as found_birth_year_min',
      'found.birth_year_max as found_birth_year_max',
    ])
    .where('trp.tracing_request_id', 'in', requestIds)
    .where(personInScope(actor, personScope))
    .orderBy('people.created_at')
    .orderBy('people.id')
    .execute();
}
export type AttachedPersonRow = Awaited<ReturnType<typeof attachedPeopleOf>>[number];

/**
 * Record the registry person found for a sought person (or for a parent described in a request) on every
 * request that names them; answers the requests touched.
 */
export async function setFoundPerson(db: Db, soughtPersonId: string, foundPersonId: string, at: Date): Promise<string[]> {
  const rows = await db
    .updateTable('tracing_request_people')
    .set({ found_person_id: foundPersonId, found_at: at })
    .where('person_id', '=', soughtPersonId)
    .returning('tracing_request_id')
    .execute();
  return [...new Set(rows.map((r) => r.tracing_request_id))];
}

/** Open requests among these whose every sought person has been found become `found`. */
export async function markRequestsFound(db: Db, requestIds: readonly string[]): Promise<void> {
  if (requestIds.length === 0) return;
  await db
    .updateTable('tracing_requests')
    .set({ status: 'found', updated_at: new Date() })
    .where('id', 'in', requestIds)
    .where('status', '=', 'open')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('tracing_request_people as trp')
            .select(sql`1`.as('one'))
            .whereRef('trp.tracing_request_id', '=', 'tracing_requests.id')
            .where('trp.described_as', '=', 'sought')
            .where('trp.found_person_id', 'is', null),
        ),
      ),
    )
    .execute();
}
