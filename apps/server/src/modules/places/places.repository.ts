import { sql, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Scope } from '@homeward/domain';
import type { Database } from '../../db/schema';
import type { Actor } from '../../lib/context';
import { personInScope } from '../people/people.policy';

type Db = Kysely<Database> | Transaction<Database>;

/** The columns of a place a caller may change; `undefined` leaves one as it is. */
export interface PlaceChanges {
  kind?: string | undefined;
  name?: string | undefined;
  city?: string | null | undefined;
  country?: string | null | undefined;
  capacity?: number | null | undefined;
  contact?: string | null | undefined;
  visit_rules?: string | null | undefined;
}

/** People currently placed at a place: every open placement counts, whoever may see the person. */
const occupancyOf = (eb: ExpressionBuilder<Database, 'places'>) =>
  eb
    .selectFrom('placements')
    .select(sql<number>`count(*)::int`.as('n'))
    .whereRef('placements.place_id', '=', 'places.id')
    .where('placements.end_on', 'is', null)
    .as('occupancy');

/** "May still be a child": born in or after `minBirthYear` at the latest, or birth year not known at all. */
/** May still be under 18 by the birth-year window, and not someone whose open case is an adult's. */
const mayBeChild = (minBirthYear: number) =>
  sql<SqlBool>`((people.birth_year_max IS NULL OR people.birth_year_max >= ${minBirthYear})
    AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.person_id = people.id AND c.closed_at IS NULL AND c.kind = 'adult'))`;

/** The person's open case, if any, so that lists can link to it. */
const openCaseIdOf = sql<string | null>`(SELECT c.id FROM cases c WHERE c.person_id = people.id AND c.closed_at IS NULL LIMIT 1)`;

/** Every place of a mission with its occupancy, by name. */
export async function listPlaces(db: Db, missionId: string) {
  return db.selectFrom('places').selectAll().select(occupancyOf).where('mission_id', '=', missionId).orderBy('name').orderBy('id').execute();
}

/** One place of a mission with its occupancy; a place of another mission is not found. */
export async function findPlace(db: Db, missionId: string, id: string) {
  return db.selectFrom('places').selectAll().select(occupancyOf).where('id', '=', id).where('mission_id', '=', missionId).executeTakeFirst();
}

/** Whether another place of the mission already has this name (names are unique per mission). */
export async function placeNameTaken(db: Db, missionId: string, name: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('places').select('id').where('mission_id', '=', missionId).where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Insert a place; the caller has checked the name is free within the mission. */
export async function insertPlace(
  db: Db,
  place: { id: string; missionId: string; kind: string; name: string; city: string | null; country: string | null; capacity: number | null; contact: string | null; visitRules: string | null },
) {
  await db
    .insertInto('places')
    .values({
      id: place.id,
      mission_id: place.missionId,
      kind: place.kind,
      name: place.name,
      city: place.city,
      country: place.country,
      capacity: place.capacity,
      contact: place.contact,
      visit_rules: place.visitRules,
    })
    .execute();
}

/** Change only the columns given, so a partial update never blanks the rest. */
export async function updatePlace(db: Db, id: string, changes: PlaceChanges) {
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as PlaceChanges;
  if (Object.keys(set).length > 0) await db.updateTable('places').set(set).where('id', '=', id).execute();
}

/** People currently at the given places who are within the actor's scope (identity columns only). */
export async function visiblePeopleAt(db: Db, actor: Actor, scope: Scope, placeIds: readonly string[], childrenBornFrom?: number) {
  if (placeIds.length === 0) return [];
  let q = db
    .selectFrom('placements')
    .innerJoin('people', 'people.id', 'placements.person_id')
    .select(['placements.place_id', 'people.id', 'people.sex', 'people.display_name', openCaseIdOf.as('open_case_id')])
    .where('placements.end_on', 'is', null)
    .where('placements.place_id', 'in', placeIds)
    .where('people.id', 'in', db.selectFrom('people').select('people.id').where(personInScope(actor, scope)));
  if (childrenBornFrom !== undefined) q = q.where(mayBeChild(childrenBornFrom));
  return q.orderBy('people.display_name').orderBy('people.id').execute();
}

/** Children currently at each place of a mission, counted whoever may see them (for planning). */
export async function childCountsByPlace(db: Db, missionId: string, childrenBornFrom: number) {
  return db
    .selectFrom('placements')
    .innerJoin('places', 'places.id', 'placements.place_id')
    .innerJoin('people', 'people.id', 'placements.person_id')
    .select(['placements.place_id', sql<number>`count(*)::int`.as('n')])
    .where('places.mission_id', '=', missionId)
    .where('placements.end_on', 'is', null)
    .where(mayBeChild(childrenBornFrom))
    .groupBy('placements.place_id')
    .execute();
}

/** Living, found children of a mission with no open placement; counted all, or listed within a scope. */
function unplacedChildrenQuery(db: Db, missionId: string, childrenBornFrom: number) {
  return db
    .selectFrom('people')
    .where('people.mission_id', '=', missionId)
    .where('people.is_sought', '=', false)
    .where('people.vital_status', '<>', 'deceased')
    .where(mayBeChild(childrenBornFrom))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('placements').select(sql`1`.as('one')).whereRef('placements.person_id', '=', 'people.id').where('placements.end_on', 'is', null),
        ),
      ),
    );
}

/** How many children of the mission are placed nowhere: the figure planning needs, whoever may see them. */
export async function countUnplacedChildren(db: Db, missionId: string, childrenBornFrom: number): Promise<number> {
  const row = await unplacedChildrenQuery(db, missionId, childrenBornFrom).select(sql<number>`count(*)::int`.as('n')).executeTakeFirst();
  return row?.n ?? 0;
}

/** The unplaced children the actor may see by name (capped: the count above covers them all). */
export async function visibleUnplacedChildren(db: Db, actor: Actor, scope: Scope, missionId: string, childrenBornFrom: number, limit: number) {
  return unplacedChildrenQuery(db, missionId, childrenBornFrom)
    .where(personInScope(actor, scope))
    .select(['people.id', 'people.sex', 'people.display_name', openCaseIdOf.as('open_case_id')])
    .orderBy('people.display_name')
    .orderBy('people.id')
    .limit(limit)
    .execute();
}

/** Hold the person's row until commit so that two transfers of one person cannot interleave. */
export async function lockPersonForPlacement(db: Db, personId: string) {
  await db.selectFrom('people').select('id').where('id', '=', personId).forUpdate().execute();
}

const placementColumns = [
  'placements.id',
  'placements.person_id',
  'placements.place_id',
  'placements.start_on',
  'placements.end_on',
  'placements.reason',
  'placements.end_reason',
  'placements.recorded_at',
  'placements.recorded_by',
  'places.name as place_name',
  'places.kind as place_kind',
  'places.city as place_city',
  'places.country as place_country',
] as const;

/** A person's placements with their places, newest first (by start, then by when recorded). */
export async function placementsOf(db: Db, personId: string) {
  return db
    .selectFrom('placements')
    .innerJoin('places', 'places.id', 'placements.place_id')
    .select(placementColumns)
    .where('placements.person_id', '=', personId)
    .orderBy('placements.start_on', 'desc')
    .orderBy('placements.recorded_at', 'desc')
    .orderBy('placements.id')
    .execute();
}

/** A placement joined with its place, as the service presents it. */
export type PlacementRow = Awaited<ReturnType<typeof placementsOf>>[number];

/** One placement of one person: a placement id under another person is not found. */
export async function findPlacement(db: Db, personId: string, placementId: string): Promise<PlacementRow | undefined> {
  return db
    .selectFrom('placements')
    .innerJoin('places', 'places.id', 'placements.place_id')
    .select(placementColumns)
    .where('placements.person_id', '=', personId)
    .where('placements.id', '=', placementId)
    .executeTakeFirst();
}

/** Insert an open placement; the service has closed the previous one first (one open per person). */
export async function insertPlacement(
  db: Db,
  placement: { id: string; personId: string; placeId: string; startOn: string; reason: string; recordedBy: string },
) {
  await db
    .insertInto('placements')
    .values({
      id: placement.id,
      person_id: placement.personId,
      place_id: placement.placeId,
      start_on: placement.startOn,
      reason: placement.reason,
      recorded_by: placement.recordedBy,
    })
    .execute();
}

/** Close an open placement on a date (a transfer closes it the day the next one starts). */
export async function endPlacement(db: Db, placementId: string, endOn: string, endReason: string | null = null) {
  await db.updateTable('placements').set({ end_on: endOn, end_reason: endReason }).where('id', '=', placementId).where('end_on', 'is', null).execute();
}
