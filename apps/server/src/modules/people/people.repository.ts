import type { Kysely, Transaction } from 'kysely';
import type { Scope } from '@homeward/domain';
import type { Database } from '../../db/schema';
import type { Actor } from '../../lib/context';
import { personInScope } from './people.policy';

type Db = Kysely<Database> | Transaction<Database>;

export async function findPersonInScope(db: Db, actor: Actor, scope: Scope, id: string) {
  return db.selectFrom('people').selectAll().where('id', '=', id).where(personInScope(actor, scope)).executeTakeFirst();
}

export async function listPeopleInScope(db: Db, actor: Actor, scope: Scope, page: { after?: string; limit: number }) {
  let q = db.selectFrom('people').selectAll().where(personInScope(actor, scope));
  if (page.after) q = q.where('id', '>', page.after);
  return q.orderBy('id').limit(page.limit).execute();
}

/** Current (not superseded) attributes of the given people in the given categories. */
export async function currentAttributes(db: Db, personIds: readonly string[], categories: readonly string[]) {
  if (personIds.length === 0 || categories.length === 0) return [];
  return db
    .selectFrom('person_attributes')
    .select(['person_id', 'category', 'key', 'value', 'source', 'recorded_at'])
    .where('person_id', 'in', personIds)
    .where('category', 'in', categories)
    .where('superseded_at', 'is', null)
    .orderBy('id')
    .execute();
}

export async function insertPerson(db: Db, person: { id: string; missionId: string; teamId: string | null; sex: string; createdBy: string }) {
  await db
    .insertInto('people')
    .values({ id: person.id, mission_id: person.missionId, team_id: person.teamId, sex: person.sex, created_by: person.createdBy })
    .execute();
}

/** Record new versions: the previous value of each key is marked superseded, never overwritten. */
export async function recordAttributes(
  db: Db,
  personId: string,
  recordedBy: string,
  attributes: readonly { category: string; key: string; value: unknown; source?: string | null | undefined }[],
) {
  const now = new Date();
  for (const a of attributes) {
    await db
      .updateTable('person_attributes')
      .set({ superseded_at: now })
      .where('person_id', '=', personId)
      .where('category', '=', a.category)
      .where('key', '=', a.key)
      .where('superseded_at', 'is', null)
      .execute();
  }
  if (attributes.length > 0) {
    await db
      .insertInto('person_attributes')
      .values(
        attributes.map((a) => ({
          person_id: personId,
          category: a.category,
          key: a.key,
          value: JSON.stringify(a.value),
          source: a.source ?? null,
          recorded_by: recordedBy,
          recorded_at: now,
        })),
      )
      .execute();
  }
  await db.updateTable('people').set({ updated_at: now }).where('id', '=', personId).execute();
}
