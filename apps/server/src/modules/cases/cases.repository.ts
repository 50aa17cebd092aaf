import { sql, type Kysely, type Transaction } from 'kysely';
import { bandBirthYears, type CaseListQuery, type RequirementFacts, type Scope } from '@homeward/domain';
import type { Database } from '../../db/schema';
import type { Actor } from '../../lib/context';
import { createdKey, olderThan, parseCursor, type Keyset } from '../../lib/keyset';
import { dictionaryWordsLike, queryWordsOf } from '../people/identity.repository';
import { personInScope } from '../people/people.policy';

type Db = Kysely<Database> | Transaction<Database>;

/** The case columns with the person's list fields and the open-task count. */
function caseQuery(db: Db) {
  return db
    .selectFrom('cases')
    .innerJoin('people', 'people.id', 'cases.person_id')
    .leftJoin('placements', (j) => j.onRef('placements.person_id', '=', 'people.id').on('placements.end_on', 'is', null))
    .leftJoin('places', 'places.id', 'placements.place_id')
    .select((eb) => [
      'cases.id',
      'cases.reference',
      'cases.person_id',
      'cases.kind',
      'cases.stage',
      'cases.stage_entered_at',
      'cases.priority',
      'cases.flags',
      'cases.closed_at',
      'cases.created_at',
      createdKey('cases.created_at').as('created_key'),
      'cases.family_id',
      'people.display_name',
      'people.sex',
      'people.birth_year_min',
      'people.birth_year_max',
      'places.id as place_id',
      'places.name as place_name',
      eb
        .selectFrom('tasks')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('tasks.case_id', '=', 'cases.id')
        .where('tasks.status', '=', 'open')
        .as('open_tasks'),
    ]);
}
export type CaseRow = Awaited<ReturnType<ReturnType<typeof caseQuery>['executeTakeFirstOrThrow']>>;

export async function findCaseInScope(db: Db, actor: Actor, scope: Scope, id: string): Promise<CaseRow | undefined> {
  return caseQuery(db).where('cases.id', '=', id).where(personInScope(actor, scope)).executeTakeFirst();
}

/** Cases in scope with the list filters; keyset pagination on (created_at, id), newest first. */
export async function listCasesInScope(db: Db, actor: Actor, scope: Scope, query: CaseListQuery & { searchText?: string }): Promise<CaseRow[]> {
  const after = parseCursor(query.after);
  let q = caseQuery(db).where(personInScope(actor, scope));
  if (query.includeClosed !== 'true') q = q.where('cases.closed_at', 'is', null);
  if (query.stage) q = q.where('cases.stage', '=', query.stage);
  if (query.kind) q = q.where('cases.kind', '=', query.kind);
  if (query.sex) q = q.where('people.sex', '=', query.sex);
  if (query.flag) q = q.where(sql<boolean>`cases.flags @> ARRAY[${query.flag}]::text[]`);
  if (query.placeId) q = q.where('placements.place_id', '=', query.placeId);
  if (query.assignedToMe === 'true') {
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('person_assignments').select(sql`1`.as('one')).whereRef('person_assignments.person_id', '=', 'people.id').where('person_assignments.user_id', '=', actor.userId)),
    );
  }
  if (query.ageBand) {
    const years = bandBirthYears(query.ageBand, new Date().getUTCFullYear());
    q = q.where('people.birth_year_max', '>=', years.min).where('people.birth_year_min', '<=', years.max);
  }
  if (query.searchText !== undefined) return listNamedCases(db, q, query.searchText, after, query.limit);
  if (after) q = q.where(olderThan(after, 'cases.created_at', 'cases.id'));
  return q.orderBy('cases.created_at', 'desc').orderBy('cases.id', 'desc').limit(query.limit).execute();
}

/**
 * The named cases come from case_name_words (migration 0011), newest first, read from the index alone:
 * every query word must be among the words of the case's person (as the dictionary has it: the same, one
 * edit away, or beginning with it). First the dictionary words like each query word, in one statement;
 * then only a window of the newest cases under those words is joined and filtered, and when the other
 * filters leave too few of them, the search runs again over all of them.
 */
async function listNamedCases(db: Db, q: ReturnType<typeof caseQuery>, searchText: string, after: Keyset | null, limit: number): Promise<CaseRow[]> {
  const words = queryWordsOf(searchText);
  if (words.length === 0) return [];
  const { rows: like } = await sql<{ i: number; word: string }>`${sql.join(
    words.map((w, i) => sql`SELECT ${i}::int AS i, word FROM (${dictionaryWordsLike(w)}) AS d`),
    sql` UNION ALL `,
  )}`.execute(db);
  const sets = words.map((_, i) => like.filter((r) => r.i === i).map((r) => r.word));
  if (sets.some((set) => set.length === 0)) return [];
  const named = sets.map((set) => sql`SELECT DISTINCT created_at, case_id FROM case_name_words WHERE word = ANY(${set}::text[])`);
  const older = after ? sql`WHERE ${olderThan(after, 'created_at', 'case_id')}` : sql``;
  for (const window of [Math.max(200, limit * 10), null]) {
    const hits = sql<{ created_at: Date; case_id: string }>`(SELECT created_at, case_id FROM (${sql.join(named, sql` INTERSECT `)}) AS named ${older}
      ORDER BY created_at DESC, case_id DESC ${window === null ? sql`` : sql`LIMIT ${window}`})`;
    const rows = await q
      .innerJoin(hits.as('hits'), 'hits.case_id', 'cases.id')
      .orderBy('hits.created_at', 'desc')
      .orderBy('hits.case_id', 'desc')
      .limit(limit)
      .execute();
    if (rows.length === limit || window === null) return rows;
  }
  return [];
}

/** The facts the workflow's requirements are checked against, for one case. */
export async function requirementFacts(db: Db, caseId: string, personId: string): Promise<RequirementFacts> {
  const one = sql`1`.as('one');
  const [name, birth, placement, decision, parent, openTask] = await Promise.all([
    db.selectFrom('person_names').select(one).where('person_id', '=', personId).where('superseded_at', 'is', null).executeTakeFirst(),
    db.selectFrom('person_births').select(one).where('person_id', '=', personId).where('superseded_at', 'is', null).executeTakeFirst(),
    db.selectFrom('placements').select(one).where('person_id', '=', personId).where('end_on', 'is', null).executeTakeFirst(),
    db.selectFrom('identity_decisions').select(one).where('person_id', '=', personId).executeTakeFirst(),
    db
      .selectFrom('relationships')
      .select(one)
      .where('person_id', '=', personId)
      .where('kind', 'in', ['mother', 'father'])
      .where('evidence_level', 'in', ['documented', 'dna_supported', 'confirmed'])
      .where('superseded_at', 'is', null)
      .executeTakeFirst(),
    db.selectFrom('tasks').select(one).where('case_id', '=', caseId).where('status', '=', 'open').executeTakeFirst(),
  ]);
  return {
    name: !!name,
    birth: !!birth,
    current_placement: !!placement,
    identity_decision: !!decision,
    parent_link: !!parent,
    no_open_tasks: !openTask,
  };
}

/** One change to a case that leaves no row of its own (see migration 0010). */
export interface CaseEvent {
  caseId: string;
  taskId?: string | null;
  kind: 'priority' | 'flags' | 'family' | 'task_assignee' | 'task_due' | 'task_status' | 'officer_assigned';
  details: Record<string, string | string[] | null>;
}

export async function insertCaseEvents(db: Db, byUser: string, events: readonly CaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('case_events')
    .values(events.map((e) => ({ case_id: e.caseId, task_id: e.taskId ?? null, kind: e.kind, details: JSON.stringify(e.details), by_user: byUser })))
    .execute();
}

/** An officer assigned to a person shows on each of the person's open cases. */
export async function insertOfficerAssigned(db: Db, byUser: string, personId: string, userId: string): Promise<void> {
  await db
    .insertInto('case_events')
    .columns(['case_id', 'kind', 'details', 'by_user'])
    .expression((eb) =>
      eb
        .selectFrom('cases')
        .select((e) => ['cases.id', sql.lit('officer_assigned').as('kind'), sql<string>`${JSON.stringify({ to: userId })}::jsonb`.as('details'), e.val(byUser).as('by_user')])
        .where('cases.person_id', '=', personId)
        .where('cases.closed_at', 'is', null),
    )
    .execute();
}
