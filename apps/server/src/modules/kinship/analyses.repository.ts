import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

/** SQL of stored kinship analyses: the question as asked (person ids, never markers), the answer, what it used. */

type Db = Kysely<Database> | Transaction<Database>;

/** Stores an analysis with the people and profile versions it used. */
export async function insertAnalysis(
  db: Db,
  row: { id: string; missionId: string; question: unknown; answer: unknown; personIds: string[]; profileIds: string[]; frequencyDatabaseId: string; createdBy: string | null; createdAt?: Date },
): Promise<void> {
  await db
    .insertInto('kinship_analyses')
    .values({
      id: row.id,
      mission_id: row.missionId,
      question: JSON.stringify(row.question),
      answer: JSON.stringify(row.answer),
      person_ids: row.personIds,
      profile_ids: row.profileIds,
      frequency_database_id: row.frequencyDatabaseId,
      created_by: row.createdBy,
      ...(row.createdAt ? { created_at: row.createdAt } : {}),
    })
    .execute();
}

/** One analysis with the database it used. */
export async function findAnalysis(db: Db, id: string) {
  return db
    .selectFrom('kinship_analyses')
    .innerJoin('frequency_databases', 'frequency_databases.id', 'kinship_analyses.frequency_database_id')
    .selectAll('kinship_analyses')
    .select(['frequency_databases.name as frequencies_name', 'frequency_databases.population as frequencies_population', 'frequency_databases.synthetic as frequencies_synthetic'])
    .where('kinship_analyses.id', '=', id)
    .executeTakeFirst();
}

/** The analyses of a mission in which a person was typed, newest first. */
export async function analysesOfPerson(db: Db, missionId: string, personId: string, limit: number) {
  return db
    .selectFrom('kinship_analyses')
    .innerJoin('frequency_databases', 'frequency_databases.id', 'kinship_analyses.frequency_database_id')
    .select(['kinship_analyses.id', 'kinship_analyses.answer', 'kinship_analyses.person_ids', 'kinship_analyses.created_at', 'frequency_databases.name as frequencies_name'])
    .where('kinship_analyses.mission_id', '=', missionId)
    .where((eb) => eb(eb.val(personId), '=', eb.fn.any('kinship_analyses.person_ids')))
    .orderBy('kinship_analyses.created_at', 'desc')
    .limit(limit)
    .execute();
}

/** Given profile versions (current or superseded) by id: an analysis shows the alleles it was computed from. */
export async function profilesById(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('str_profiles').select(['id', 'person_id', 'markers']).where('id', 'in', [...ids]).execute();
}

/** Sex and display name (identity category: the caller decides whether to show it) of the given people. */
export async function peopleFacts(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('people').select(['id', 'sex', 'display_name']).where('id', 'in', [...new Set(ids)]).execute();
}
