import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, PeopleTable, PersonAttributesTable, PersonBirthsTable, PersonNamesTable, RelationshipsTable } from '../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 parameters for the widest table here. */
const ROWS_PER_INSERT = 1000;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await insert(rows.slice(i, i + ROWS_PER_INSERT));
}

/** People of a source system found again by their source ids (re-import updates, never duplicates). */
export async function findPeopleBySource(db: Db, missionId: string, sourceSystem: string, sourceIds: readonly string[]) {
  if (sourceIds.length === 0) return [];
  return db
    .selectFrom('people')
    .select(['id', 'source_id', 'sex'])
    .where('mission_id', '=', missionId)
    .where('source_system', '=', sourceSystem)
    .where('source_id', 'in', sourceIds)
    .execute();
}

/** Current names of many people at once, oldest first. */
export async function currentNamesOf(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('person_names')
    .select(['id', 'person_id', 'given', 'father', 'grandfather', 'family', 'full', 'script', 'kind', 'source'])
    .where('person_id', 'in', personIds)
    .where('superseded_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Current birth facts of many people at once. */
export async function currentBirthsOf(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('person_births')
    .select(['id', 'person_id', 'date', 'estimated_age_years', 'estimated_on', 'estimate_method', 'place', 'country'])
    .where('person_id', 'in', personIds)
    .where('superseded_at', 'is', null)
    .execute();
}

/** Current attributes of the categories an import writes. */
export async function currentImportAttributesOf(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('person_attributes')
    .select(['id', 'person_id', 'category', 'key', 'value'])
    .where('person_id', 'in', personIds)
    .where('category', 'in', ['identity', 'notes'])
    .where('superseded_at', 'is', null)
    .execute();
}

/** Current mother/father links of the given children. */
export async function currentParentLinksOf(db: Db, childIds: readonly string[]) {
  if (childIds.length === 0) return [];
  return db
    .selectFrom('relationships')
    .select(['person_id', 'related_person_id', 'kind'])
    .where('person_id', 'in', childIds)
    .where('kind', 'in', ['mother', 'father'])
    .where('superseded_at', 'is', null)
    .execute();
}

/** The batched writes of one import batch (multi-row inserts; superseding, never deleting). */
export interface ImportWrites {
  people: Insertable<PeopleTable>[];
  names: Insertable<PersonNamesTable>[];
  births: Insertable<PersonBirthsTable>[];
  attributes: Insertable<PersonAttributesTable>[];
  relationships: Insertable<RelationshipsTable>[];
  supersededNames: string[];
  supersededBirths: string[];
  supersededAttributes: string[];
  sexChanges: { id: string; sex: string }[];
}

export const emptyWrites = (): ImportWrites => ({
  people: [],
  names: [],
  births: [],
  attributes: [],
  relationships: [],
  supersededNames: [],
  supersededBirths: [],
  supersededAttributes: [],
  sexChanges: [],
});

/** Apply one batch's writes: supersede first (the partial indexes see one current version), then insert. */
export async function applyImportWrites(db: Db, w: ImportWrites): Promise<void> {
  const now = new Date();
  await insertChunked(w.supersededNames, (ids) => db.updateTable('person_names').set({ superseded_at: now }).where('id', 'in', ids).execute());
  await insertChunked(w.supersededBirths, (ids) => db.updateTable('person_births').set({ superseded_at: now }).where('id', 'in', ids).execute());
  await insertChunked(w.supersededAttributes, (ids) => db.updateTable('person_attributes').set({ superseded_at: now }).where('id', 'in', ids).execute());
  for (const c of w.sexChanges) await db.updateTable('people').set({ sex: c.sex, updated_at: now }).where('id', '=', c.id).execute();
  await insertChunked(w.people, (rows) => db.insertInto('people').values(rows).execute());
  await insertChunked(w.names, (rows) => db.insertInto('person_names').values(rows).execute());
  await insertChunked(w.births, (rows) => db.insertInto('person_births').values(rows).execute());
  await insertChunked(w.attributes, (rows) => db.insertInto('person_attributes').values(rows).execute());
  await insertChunked(w.relationships, (rows) => db.insertInto('relationships').values(rows).execute());
}

/** Keep the denormalised birth-year window of an updated person in step with its new birth fact. */
export async function setBirthWindow(db: Db, personId: string, window: { min: number; max: number } | null): Promise<void> {
  await db
    .updateTable('people')
    .set({ birth_year_min: window?.min ?? null, birth_year_max: window?.max ?? null, updated_at: new Date() })
    .where('id', '=', personId)
    .execute();
}
