import type { Kysely, Transaction } from 'kysely';
import type { Scope } from '@homeward/domain';
import type { Database } from '../../db/schema';
import type { Actor } from '../../lib/context';
import { personInScope } from '../people/people.policy';
import type { HouseholdMember, ParentLink } from './reference-families';

/** SQL of screening runs, the matches they suggest, and the households screened. */

type Db = Kysely<Database> | Transaction<Database>;

/** Bind parameters stay far below PostgreSQL's 65,535 when id lists are sent in chunks of this size. */
const CHUNK = 5000;

async function chunked<T>(ids: readonly string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await query(ids.slice(i, i + CHUNK))));
  return out;
}

/** Household members the actor reaches, with whether they are sought and whether they have a current profile. */
export async function householdMembers(db: Db, actor: Actor, scope: Scope, familyIds: readonly string[] | null) {
  let q = db
    .selectFrom('family_members')
    .innerJoin('people', 'people.id', 'family_members.person_id')
    .leftJoin('str_profiles', (join) => join.onRef('str_profiles.person_id', '=', 'people.id').on('str_profiles.superseded_at', 'is', null))
    .select(['family_members.family_id', 'people.id', 'people.sex', 'people.is_sought', 'str_profiles.id as profile_id'])
    .where(personInScope(actor, scope));
  if (familyIds !== null) {
    if (familyIds.length === 0) return [];
    q = q.where('family_members.family_id', 'in', [...familyIds]);
  }
  const rows = await q.orderBy('family_members.family_id').orderBy('people.id').execute();
  return rows.map((r) => ({
    familyId: r.family_id,
    member: { id: r.id, sex: r.sex, sought: r.is_sought, typed: r.profile_id !== null } satisfies HouseholdMember,
  }));
}

/** Current mother/father links among the given people, whichever side recorded them. */
export async function parentLinks(db: Db, personIds: readonly string[]): Promise<ParentLink[]> {
  const rows = await chunked(personIds, (chunk) =>
    db
      .selectFrom('relationships')
      .innerJoin('people as related', 'related.id', 'relationships.related_person_id')
      .select(['relationships.person_id', 'relationships.related_person_id', 'relationships.kind', 'related.sex as related_sex'])
      .where('relationships.person_id', 'in', chunk)
      .where('relationships.kind', 'in', ['mother', 'father', 'child'])
      .where('relationships.superseded_at', 'is', null)
      .execute(),
  );
  const links: ParentLink[] = [];
  for (const r of rows) {
    if (r.kind === 'mother' || r.kind === 'father') links.push({ child: r.person_id, parent: r.related_person_id, kind: r.kind });
  }
  const parentSex = new Map<string, string>();
  const people = await chunked([...new Set(rows.filter((r) => r.kind === 'child').map((r) => r.person_id))], (chunk) =>
    db.selectFrom('people').select(['id', 'sex']).where('id', 'in', chunk).execute(),
  );
  for (const p of people) parentSex.set(p.id, p.sex);
  for (const r of rows) {
    if (r.kind !== 'child') continue;
    const sex = parentSex.get(r.person_id);
    if (sex === 'F' || sex === 'M') links.push({ child: r.related_person_id, parent: r.person_id, kind: sex === 'F' ? 'mother' : 'father' });
  }
  return links;
}

/** Current profiles of many people (chunked). */
export async function currentProfilesMany(db: Db, personIds: readonly string[]) {
  return chunked(personIds, (chunk) =>
    db.selectFrom('str_profiles').select(['id', 'person_id', 'markers']).where('person_id', 'in', chunk).where('superseded_at', 'is', null).execute(),
  );
}

/** A new screening run (its job is attached once started). */
export async function insertScreen(db: Db, row: { id: string; missionId: string; parameters: unknown; frequencyDatabaseId: string; createdBy: string }): Promise<void> {
  await db
    .insertInto('kinship_screens')
    .values({ id: row.id, mission_id: row.missionId, parameters: JSON.stringify(row.parameters), frequency_database_id: row.frequencyDatabaseId, created_by: row.createdBy })
    .execute();
}

/** Links a screen to the job computing it. */
export async function attachScreenJob(db: Db, id: string, jobId: string): Promise<void> {
  await db.updateTable('kinship_screens').set({ job_id: jobId }).where('id', '=', id).execute();
}

/** Stores a screen's summary when its job has finished. */
export async function finishScreen(db: Db, id: string, summary: unknown): Promise<void> {
  await db.updateTable('kinship_screens').set({ summary: JSON.stringify(summary), finished_at: new Date() }).where('id', '=', id).execute();
}

/** A screening run with its job's status and progress and the database it used. */
export async function findScreen(db: Db, id: string) {
  return db
    .selectFrom('kinship_screens')
    .leftJoin('jobs', 'jobs.id', 'kinship_screens.job_id')
    .innerJoin('frequency_databases', 'frequency_databases.id', 'kinship_screens.frequency_database_id')
    .select([
      'kinship_screens.id',
      'kinship_screens.mission_id',
      'kinship_screens.job_id',
      'kinship_screens.parameters',
      'kinship_screens.summary',
      'kinship_screens.created_at',
      'kinship_screens.finished_at',
      'jobs.status',
      'jobs.progress_done',
      'jobs.progress_total',
      'jobs.error',
      'frequency_databases.name as frequencies_name',
      'frequency_databases.population as frequencies_population',
      'frequency_databases.synthetic as frequencies_synthetic',
    ])
    .where('kinship_screens.id', '=', id)
    .executeTakeFirst();
}

/** A match suggested by a screen, for review. */
export interface NewMatch {
  id: string;
  screenId: string;
  childPersonId: string;
  familyRef: string;
  familyId: string | null;
  position: string;
  relatives: { personId: string; kind: string }[];
  log10Lr: number;
  undisputed: boolean;
}

/** Stores a screen's suggested matches (in batches), each proposed until a supervisor reviews it. */
export async function insertMatches(db: Db, matches: readonly NewMatch[]): Promise<void> {
  for (let i = 0; i < matches.length; i += 1000) {
    await db
      .insertInto('kinship_matches')
      .values(
        matches.slice(i, i + 1000).map((m) => ({
          id: m.id,
          screen_id: m.screenId,
          child_person_id: m.childPersonId,
          family_ref: m.familyRef,
          family_id: m.familyId,
          position: m.position,
          relatives: JSON.stringify(m.relatives),
          log10_lr: m.log10Lr,
          undisputed: m.undisputed,
        })),
      )
      .execute();
  }
}

/** A screen's matches, strongest first. */
export async function matchesOfScreen(db: Db, screenId: string) {
  return db.selectFrom('kinship_matches').selectAll().where('screen_id', '=', screenId).orderBy('log10_lr', 'desc').execute();
}

/** A match with the mission of its screen, locked for review. */
export async function findMatchForReview(db: Db, id: string) {
  return db
    .selectFrom('kinship_matches')
    .innerJoin('kinship_screens', 'kinship_screens.id', 'kinship_matches.screen_id')
    .selectAll('kinship_matches')
    .select('kinship_screens.mission_id')
    .where('kinship_matches.id', '=', id)
    .forUpdate('kinship_matches')
    .executeTakeFirst();
}

/** Records a supervisor's decision on a match. */
export async function reviewMatch(db: Db, id: string, review: { status: 'confirmed' | 'rejected'; by: string; note: string | null }): Promise<void> {
  await db
    .updateTable('kinship_matches')
    .set({ status: review.status, reviewed_by: review.by, reviewed_at: new Date(), review_note: review.note })
    .where('id', '=', id)
    .execute();
}

/** The screens of a mission, newest first, with their jobs' status. */
export async function screensOfMission(db: Db, missionId: string, limit: number) {
  return db
    .selectFrom('kinship_screens')
    .leftJoin('jobs', 'jobs.id', 'kinship_screens.job_id')
    .innerJoin('frequency_databases', 'frequency_databases.id', 'kinship_screens.frequency_database_id')
    .select(['kinship_screens.id', 'kinship_screens.summary', 'kinship_screens.created_at', 'kinship_screens.finished_at', 'jobs.status', 'frequency_databases.name as frequencies_name'])
    .where('kinship_screens.mission_id', '=', missionId)
    .orderBy('kinship_screens.created_at', 'desc')
    .limit(limit)
    .execute();
}

/** Labels of the given households. */
export async function familyLabels(db: Db, familyIds: readonly string[]) {
  if (familyIds.length === 0) return [];
  return db.selectFrom('families').select(['id', 'label']).where('id', 'in', [...new Set(familyIds)]).execute();
}
