import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type {
  CasesTable,
  CaseTransitionsTable,
  Database,
  FamiliesTable,
  FamilyMembersTable,
  PeopleTable,
  PersonAssignmentsTable,
  PersonAttributesTable,
  PersonBirthsTable,
  PersonNamesTable,
  PersonSharesTable,
  PlacementsTable,
  RelationshipsTable,
  TasksTable,
} from '../../db/schema';
import type { DemoPlace } from './demo-data.generator';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows per multi-row INSERT (the widest table here has 14 columns: far below 65,535 parameters). */
const ROWS_PER_INSERT = 1000;

/** Whether a scenario of this source system (seed) is already in the database. */
export async function demoLoaded(db: Db, missionId: string, sourceSystem: string): Promise<boolean> {
  const row = await db.selectFrom('people').select('id').where('mission_id', '=', missionId).where('source_system', '=', sourceSystem).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** A team of the mission by name, created when missing (the demo's two teams). */
export async function ensureTeam(db: Db, missionId: string, name: string): Promise<string> {
  const found = await db.selectFrom('teams').select('id').where('mission_id', '=', missionId).where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  const id = randomUUID();
  await db.insertInto('teams').values({ id, mission_id: missionId, name }).execute();
  return id;
}

/** The scenario's places, reusing those of the same name (a second seed shares the first one's shelters). */
export async function ensurePlaces(db: Db, missionId: string, places: readonly DemoPlace[]): Promise<Map<string, string>> {
  await db
    .insertInto('places')
    .values(places.map((p) => ({ id: randomUUID(), mission_id: missionId, kind: p.kind, name: p.name, city: p.city, country: p.country, capacity: p.capacity, visit_rules: p.visitRules })))
    .onConflict((oc) => oc.columns(['mission_id', 'name']).doNothing())
    .execute();
  const rows = await db.selectFrom('places').select(['id', 'name']).where('mission_id', '=', missionId).where('name', 'in', places.map((p) => p.name)).execute();
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  return new Map(places.map((p) => [p.key, byName.get(p.name)!]));
}

/** Demo users by username, for task assignees, shares and assignments (absent on a non-demo deployment). */
export async function userIdsByUsername(db: Db, usernames: readonly string[]): Promise<Map<string, string>> {
  if (usernames.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'username']).where('username', 'in', usernames).execute();
  return new Map(rows.map((r) => [r.username, r.id]));
}

/** One batch of the scenario, table by table, in foreign-key order. */
export interface DemoRows {
  people: Insertable<PeopleTable>[];
  names: Insertable<PersonNamesTable>[];
  births: Insertable<PersonBirthsTable>[];
  attributes: Insertable<PersonAttributesTable>[];
  families: Insertable<FamiliesTable>[];
  familyMembers: Insertable<FamilyMembersTable>[];
  relationships: Insertable<RelationshipsTable>[];
  placements: Insertable<PlacementsTable>[];
  cases: Insertable<CasesTable>[];
  transitions: Insertable<CaseTransitionsTable>[];
  tasks: Insertable<TasksTable>[];
  shares: Insertable<PersonSharesTable>[];
  assignments: Insertable<PersonAssignmentsTable>[];
}

export const emptyDemoRows = (): DemoRows => ({
  people: [], names: [], births: [], attributes: [], families: [], familyMembers: [], relationships: [], placements: [], cases: [], transitions: [], tasks: [], shares: [], assignments: [],
});

async function chunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await insert(rows.slice(i, i + ROWS_PER_INSERT));
}

/** Write a batch with multi-row inserts: a few statements per thousand rows, not one per row. */
export async function insertDemoRows(db: Db, r: DemoRows): Promise<void> {
  await chunked(r.people, (rows) => db.insertInto('people').values(rows).execute());
  await chunked(r.names, (rows) => db.insertInto('person_names').values(rows).execute());
  await chunked(r.births, (rows) => db.insertInto('person_births').values(rows).execute());
  await chunked(r.attributes, (rows) => db.insertInto('person_attributes').values(rows).execute());
  await chunked(r.families, (rows) => db.insertInto('families').values(rows).execute());
  await chunked(r.familyMembers, (rows) => db.insertInto('family_members').values(rows).execute());
  await chunked(r.relationships, (rows) => db.insertInto('relationships').values(rows).execute());
  await chunked(r.placements, (rows) => db.insertInto('placements').values(rows).execute());
  await chunked(r.cases, (rows) => db.insertInto('cases').values(rows).execute());
  await chunked(r.transitions, (rows) => db.insertInto('case_transitions').values(rows).execute());
  await chunked(r.tasks, (rows) => db.insertInto('tasks').values(rows).execute());
  await chunked(r.shares, (rows) => db.insertInto('person_shares').values(rows).execute());
  await chunked(r.assignments, (rows) => db.insertInto('person_assignments').values(rows).execute());
}
