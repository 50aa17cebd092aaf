import type { Expression, ExpressionBuilder, Kysely, SqlBool, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** A condition on `people` (the caller's scope, from people.policy). */
export type PeopleFilter = (eb: ExpressionBuilder<Database, 'people'>) => Expression<SqlBool>;

/** One page of people to export, in id order (keyset pagination, so a million rows stream in constant memory). */
export async function exportPage(db: Db, filter: PeopleFilter, options: { sourceSystem: string | null; after: string | null; limit: number }) {
  let q = db.selectFrom('people').select(['id', 'sex', 'source_system', 'source_id']).where(filter);
  if (options.sourceSystem) q = q.where('source_system', '=', options.sourceSystem);
  if (options.after) q = q.where('id', '>', options.after);
  return q.orderBy('id').limit(options.limit).execute();
}

/** People by id, restricted by the same filter (a parent outside the caller's scope is not exported). */
export async function peopleByIds(db: Db, filter: PeopleFilter, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('people').select(['id', 'sex', 'source_system', 'source_id']).where('id', 'in', ids).where(filter).execute();
}

/** Current names for export, in the order they were recorded. */
export async function exportNamesOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('person_names')
    .select(['person_id', 'given', 'father', 'grandfather', 'family', 'full', 'script', 'kind'])
    .where('person_id', 'in', ids)
    .where('superseded_at', 'is', null)
    .orderBy('id')
    .execute();
}

export async function exportBirthsOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('person_births')
    .select(['person_id', 'date', 'estimated_age_years', 'estimated_on', 'estimate_method', 'place', 'country'])
    .where('person_id', 'in', ids)
    .where('superseded_at', 'is', null)
    .execute();
}

/** Current attributes of the given categories (only those the caller may read are asked for). */
export async function exportAttributesOf(db: Db, ids: readonly string[], categories: readonly string[]) {
  if (ids.length === 0 || categories.length === 0) return [];
  return db
    .selectFrom('person_attributes')
    .select(['person_id', 'category', 'key', 'value'])
    .where('person_id', 'in', ids)
    .where('category', 'in', categories)
    .where('superseded_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Current mother and father links of the given people. */
export async function exportParentLinksOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('relationships')
    .select(['person_id', 'related_person_id', 'kind'])
    .where('person_id', 'in', ids)
    .where('kind', 'in', ['mother', 'father'])
    .where('superseded_at', 'is', null)
    .orderBy('id')
    .execute();
}
