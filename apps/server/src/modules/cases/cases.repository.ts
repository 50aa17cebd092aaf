import { sql, type Kysely, type Transaction } from 'kysely';
import { bandBirthYears, type CaseListQuery, type RequirementFacts, type Scope } from '@homeward/domain';
import type { Database } from '../../db/schema';
import type { Actor } from '../../lib/context';
import { peopleNamedLike } from '../people/identity.repository';
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
export async function listCasesInScope(db: Db, actor: Actor, scope: Scope, query: CaseListQuery & { searchText?: string; namedPersonIds?: string[] | null }): Promise<CaseRow[]> {
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
  if (query.searchText) {
    // The name-word dictionary finds the matching people first; their cases are then filtered.
    q = query.namedPersonIds ? q.where(sql<boolean>`cases.person_id = ANY(${query.namedPersonIds}::uuid[])`) : q.where(peopleNamedLike(query.searchText));
  }
  if (query.after) {
    const [at, id] = query.after.split('|');
    if (at && id) q = q.where((eb) => eb.or([eb('cases.created_at', '<', new Date(at)), eb.and([eb('cases.created_at', '=', new Date(at)), eb('cases.id', '<', id)])]));
  }
  // With the people found by name in hand (a few thousand at most), their cases are fetched by person and
  // sorted; ordering by an expression keeps the planner from walking every case in date order instead.
  const newestFirst = query.namedPersonIds ? sql`cases.created_at + interval '0 seconds'` : sql.ref('cases.created_at');
  return q.orderBy(newestFirst, 'desc').orderBy('cases.id', 'desc').limit(query.limit).execute();
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
