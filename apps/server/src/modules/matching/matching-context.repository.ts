import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * SQL for the family context of a pair under review (relatives, families, the tracing request of a sought
 * person) and for what confirming a tracing match changes (request found, family, the liaison to tell).
 */

/** Current relationships of a person, with the relative's display name. */
export async function relativesOf(db: Db, personId: string) {
  return db
    .selectFrom('relationships')
    .innerJoin('people', 'people.id', 'relationships.related_person_id')
    .select(['relationships.related_person_id', 'relationships.kind', 'relationships.evidence_level', 'people.display_name'])
    .where('relationships.person_id', '=', personId)
    .where('relationships.superseded_at', 'is', null)
    .orderBy('relationships.id')
    .execute();
}

export async function familiesOf(db: Db, personId: string) {
  return db
    .selectFrom('family_members')
    .innerJoin('families', 'families.id', 'family_members.family_id')
    .select(['families.id', 'families.label'])
    .where('family_members.person_id', '=', personId)
    .orderBy('families.created_at')
    .execute();
}

/** Where the family comes from at home (an identity attribute). */
export async function originOf(db: Db, personId: string) {
  return db
    .selectFrom('person_attributes')
    .select('value')
    .where('person_id', '=', personId)
    .where('category', '=', 'identity')
    .where('key', '=', 'origin')
    .where('superseded_at', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The tracing request that seeks a person (the most recent, when several do). */
export async function tracingRequestOf(db: Db, personId: string) {
  return db
    .selectFrom('tracing_request_people as trp')
    .innerJoin('tracing_requests as tr', 'tr.id', 'trp.tracing_request_id')
    .select(['tr.id', 'tr.reference', 'tr.status', 'tr.requester_relationship', 'tr.family_left_on', 'trp.relationship_to_requester', 'trp.found_person_id'])
    .where('trp.person_id', '=', personId)
    .orderBy('tr.created_at', 'desc')
    .executeTakeFirst();
}

/** Every request that seeks a person, oldest first. */
export async function requestsOfSought(db: Db, personId: string) {
  return db
    .selectFrom('tracing_request_people as trp')
    .innerJoin('tracing_requests as tr', 'tr.id', 'trp.tracing_request_id')
    .select(['tr.id', 'tr.reference', 'tr.family_id', 'tr.created_by', 'tr.mission_id'])
    .where('trp.person_id', '=', personId)
    .orderBy('tr.created_at')
    .execute();
}

/** A request's status. */
export async function requestStatus(db: Db, requestId: string): Promise<'open' | 'found' | 'closed'> {
  const row = await db.selectFrom('tracing_requests').select('status').where('id', '=', requestId).executeTakeFirstOrThrow();
  return row.status;
}

export async function createFamily(db: Db, missionId: string, label: string, createdBy: string): Promise<string> {
  const id = randomUUID();
  await db.insertInto('families').values({ id, mission_id: missionId, label, created_by: createdBy }).execute();
  return id;
}

export async function setRequestFamily(db: Db, requestId: string, familyId: string): Promise<void> {
  await db.updateTable('tracing_requests').set({ family_id: familyId, updated_at: new Date() }).where('id', '=', requestId).execute();
}

export async function addFamilyMembers(db: Db, familyId: string, personIds: readonly string[]): Promise<void> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return;
  await db
    .insertInto('family_members')
    .values(ids.map((person_id) => ({ family_id: familyId, person_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * Who is told of a confirmed tracing match: the family liaison who filed the request, else one assigned to the
 * sought person, else nobody in particular (the task is then unassigned, visible on the case).
 */
export async function liaisonFor(db: Db, missionId: string, requestCreator: string | null, soughtId: string): Promise<string | null> {
  const base = db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('user_roles.role', '=', 'family_liaison')
    .where('users.disabled_at', 'is', null)
    .where('users.mission_id', '=', missionId);
  if (requestCreator) {
    const creator = await base.where('users.id', '=', requestCreator).executeTakeFirst();
    if (creator) return creator.id;
  }
  const assigned = await base
    .innerJoin('person_assignments', 'person_assignments.user_id', 'users.id')
    .where('person_assignments.person_id', '=', soughtId)
    .orderBy('person_assignments.assigned_at')
    .executeTakeFirst();
  return assigned?.id ?? null;
}
