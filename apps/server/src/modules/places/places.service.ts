import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  readableCategoriesForRoles,
  scopeForRoles,
  writableCategoriesForRoles,
  type CreatePlaceRequest,
  type GatheringPlan,
  type PlaceDetail,
  type PlacedPerson,
  type PlaceKind,
  type PlacementHistory,
  type PlacementView,
  type PlacesBoard,
  type PlaceView,
  type RecordPlacementRequest,
  type RecordPlacementResponse,
  type UpdatePlaceRequest,
} from '@homeward/domain';
import type { Database } from '../../db/schema';
import { auditActor, requireScope } from '../../lib/access';
import { recordAudit } from '../../lib/audit';
import { recordReadAudit } from '../../lib/read-audit';
import type { Actor } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { findPersonInScope } from '../people/people.repository';
import {
  childCountsByPlace,
  countUnplacedChildren,
  endPlacement,
  findPlace,
  findPlacement,
  insertPlace,
  insertPlacement,
  listPlaces,
  lockPersonForPlacement,
  placeNameTaken,
  placementsOf,
  updatePlace,
  visiblePeopleAt,
  visibleUnplacedChildren,
  type PlacementRow,
} from './places.repository';

type Trx = Transaction<Database>;
type PlaceRow = NonNullable<Awaited<ReturnType<typeof findPlace>>>;

/** The most unplaced children the board lists by name; the count always covers them all. */
const UNPLACED_LIST_LIMIT = 500;


/** The mission whose places the actor works with: their own, else the deployment's. */
export const missionOf = (actor: Actor, deploymentMission: string): string => actor.missionId ?? deploymentMission;

/** Today as a calendar date (UTC), and the latest date a placement may start or end: one day ahead. */
export function placementDates(now = new Date()): { today: string; latest: string } {
  const today = now.toISOString().slice(0, 10);
  const latest = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { today, latest };
}

/** The earliest birth year (latest bound) at which a person may still be under 18 this year. */
export const childBornFrom = (now = new Date()): number => now.getUTCFullYear() - 18;

function presentPlace(row: PlaceRow): PlaceView {
  const occupancy = row.occupancy ?? 0;
  return {
    id: row.id,
    kind: row.kind as PlaceKind,
    name: row.name,
    city: row.city,
    country: row.country,
    capacity: row.capacity,
    contact: row.contact,
    visitRules: row.visit_rules,
    createdAt: row.created_at.toISOString(),
    occupancy,
    free: row.capacity === null ? null : Math.max(0, row.capacity - occupancy),
    overCapacity: row.capacity !== null && occupancy > row.capacity,
  };
}

function presentPlacement(row: PlacementRow): PlacementView {
  return {
    id: row.id,
    personId: row.person_id,
    place: { id: row.place_id, name: row.place_name, kind: row.place_kind as PlaceKind, city: row.place_city, country: row.place_country },
    startOn: row.start_on,
    endOn: row.end_on,
    reason: row.reason,
    endReason: row.end_reason,
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: row.recorded_by,
  };
}

/** Identity only, and only to a role that reads identity: a place list must not become a person record. */
function presentPlacedPerson(actor: Actor, row: { id: string; sex: string; display_name: string | null; open_case_id?: string | null }): PlacedPerson {
  const openCaseId = row.open_case_id ?? null;
  if (!readableCategoriesForRoles(actor.roles).includes('identity')) return { id: row.id, openCaseId };
  return { id: row.id, sex: row.sex as 'F' | 'M' | 'U', displayName: row.display_name, openCaseId };
}

/** The person.list scope under which the actor may see who is at a place, or null when they may not. */
function placedPeopleScope(actor: Actor) {
  if (!readableCategoriesForRoles(actor.roles).includes('location')) return null;
  return scopeForRoles(actor.roles, 'person.list');
}

function requireLocationWrite(actor: Actor) {
  if (!writableCategoriesForRoles(actor.roles).includes('location')) {
    throw new AppError('forbidden', 'Your role may not record where a person is (location details).', { categories: ['location'] });
  }
}

const badDate = (path: string, message: string) => new AppError('validation_failed', message, [{ path, message }]);

async function placeOrNotFound(trx: Trx, missionId: string, id: string): Promise<PlaceRow> {
  const row = await findPlace(trx, missionId, id);
  if (!row) throw notFound('place');
  return row;
}

/** Every place of the mission with its occupancy: counts only, no people, so not a read of anyone's record. */
export async function listPlacesOf(trx: Trx, actor: Actor, missionId: string) {
  requireScope(actor, 'place.list');
  return { places: (await listPlaces(trx, missionId)).map(presentPlace) };
}

/** Register a place of the mission; audited, and a name the mission already uses is refused (409). */
export async function createPlace(trx: Trx, actor: Actor, missionId: string, input: CreatePlaceRequest, requestId: string): Promise<PlaceView> {
  requireScope(actor, 'place.create');
  if (await placeNameTaken(trx, missionId, input.name)) throw new AppError('conflict', `The mission already has a place named "${input.name}".`);
  const id = randomUUID();
  await insertPlace(trx, { id, missionId, ...input });
  await recordAudit(trx, auditActor(actor), { action: 'place.create', targetType: 'place', targetIds: [id], details: { kind: input.kind } }, requestId);
  return presentPlace(await placeOrNotFound(trx, missionId, id));
}

/** One place with the people there whom the caller may see; the read is audited with their ids. */
export async function readPlace(trx: Trx, actor: Actor, missionId: string, id: string, requestId: string): Promise<PlaceDetail> {
  requireScope(actor, 'place.read');
  const view: PlaceDetail = presentPlace(await placeOrNotFound(trx, missionId, id));
  const scope = placedPeopleScope(actor);
  if (scope) {
    const people = await visiblePeopleAt(trx, actor, scope, [id]);
    view.people = people.map((p) => presentPlacedPerson(actor, p));
  }
  const personIds = view.people?.map((p) => p.id) ?? [];
  await recordReadAudit(trx, auditActor(actor), { action: 'place.read', targetType: 'place', targetIds: [id, ...personIds], details: { people: personIds.length } }, requestId);
  return view;
}

/** Change facts about a place (capacity, contact, who may visit); audited with the field names only. */
export async function changePlace(trx: Trx, actor: Actor, missionId: string, id: string, input: UpdatePlaceRequest, requestId: string): Promise<PlaceView> {
  requireScope(actor, 'place.update');
  await placeOrNotFound(trx, missionId, id);
  if (input.name !== undefined && (await placeNameTaken(trx, missionId, input.name, id))) {
    throw new AppError('conflict', `The mission already has a place named "${input.name}".`);
  }
  const blankToNull = (v: string | null | undefined) => (v === undefined ? undefined : v ? v : null);
  await updatePlace(trx, id, {
    kind: input.kind,
    name: input.name,
    city: blankToNull(input.city),
    country: input.country,
    capacity: input.capacity,
    contact: blankToNull(input.contact),
    visit_rules: blankToNull(input.visitRules),
  });
  const changed = Object.keys(input).filter((k) => input[k as keyof UpdatePlaceRequest] !== undefined).sort().join(',');
  await recordAudit(trx, auditActor(actor), { action: 'place.update', targetType: 'place', targetIds: [id], details: { fields: changed } }, requestId);
  return presentPlace(await placeOrNotFound(trx, missionId, id));
}

/** A person's placements, newest first, and the current one; absent to a role that may not read location. */
export async function readPlacements(trx: Trx, actor: Actor, personId: string, requestId: string): Promise<PlacementHistory> {
  const person = await findPersonInScope(trx, actor, requireScope(actor, 'person.read'), personId);
  if (!person) throw notFound('person');
  const readable = readableCategoriesForRoles(actor.roles).includes('location');
  await recordReadAudit(trx, auditActor(actor), { action: 'placement.list', targetType: 'person', targetIds: [personId], details: { location: readable } }, requestId);
  if (!readable) return { personId };
  const placements = (await placementsOf(trx, personId)).map(presentPlacement);
  return { personId, current: placements.find((p) => p.endOn === null) ?? null, placements };
}

/**
 * Place a person, or transfer them: the open placement ends the day the new one starts. Refuses a start
 * before the current placement began (or before the last one ended), more than a day ahead, or at the place
 * the person already is. Going over capacity is allowed (children are not turned away) but warned about.
 */
export async function recordPlacement(
  trx: Trx,
  actor: Actor,
  missionId: string,
  personId: string,
  input: RecordPlacementRequest,
  requestId: string,
): Promise<RecordPlacementResponse> {
  const person = await findPersonInScope(trx, actor, requireScope(actor, 'person.update'), personId);
  if (!person) throw notFound('person');
  requireLocationWrite(actor);
  const { latest } = placementDates();
  if (input.startOn > latest) throw badDate('startOn', `A placement cannot start more than one day ahead (the latest start is ${latest}).`);
  const place = await findPlace(trx, missionId, input.placeId);
  if (!place) throw new AppError('validation_failed', 'No such place.', [{ path: 'placeId', message: 'No such place.' }]);

  await lockPersonForPlacement(trx, personId);
  const history = await placementsOf(trx, personId);
  const current = history.find((p) => p.end_on === null);
  if (current) {
    if (current.place_id === input.placeId) {
      throw new AppError('conflict', `The person is already placed at ${current.place_name} (since ${current.start_on}).`);
    }
    if (input.startOn < current.start_on) {
      throw new AppError('conflict', `A transfer cannot start before the current placement began (${current.start_on}).`);
    }
    await endPlacement(trx, current.id, input.startOn);
  } else {
    const lastEnd = history.reduce<string | null>((max, p) => (p.end_on !== null && (max === null || p.end_on > max) ? p.end_on : max), null);
    if (lastEnd !== null && input.startOn < lastEnd) {
      throw new AppError('conflict', `A placement cannot start before the previous one ended (${lastEnd}).`);
    }
  }

  const id = randomUUID();
  await insertPlacement(trx, { id, personId, placeId: input.placeId, startOn: input.startOn, reason: input.reason, recordedBy: actor.userId });
  const after = presentPlace(await placeOrNotFound(trx, missionId, input.placeId));
  const warnings: RecordPlacementResponse['warnings'] = after.overCapacity
    ? [{ code: 'over_capacity', message: `${after.name} now holds ${after.occupancy} people for a capacity of ${after.capacity ?? 0}.` }]
    : [];
  await recordAudit(
    trx,
    auditActor(actor),
    {
      action: 'placement.create',
      targetType: 'person',
      targetIds: [personId, id],
      details: { placeId: input.placeId, endedPlacementId: current?.id ?? null, overCapacity: after.overCapacity },
    },
    requestId,
  );
  const row = await findPlacement(trx, personId, id);
  return { placement: presentPlacement(row!), endedPlacementId: current?.id ?? null, warnings };
}

/** End a person's open placement (left, released, returned home) on a date no earlier than its start. */
export async function endPlacementOf(
  trx: Trx,
  actor: Actor,
  personId: string,
  placementId: string,
  endOn: string | undefined,
  endReason: string | undefined,
  requestId: string,
): Promise<PlacementView> {
  const person = await findPersonInScope(trx, actor, requireScope(actor, 'person.update'), personId);
  if (!person) throw notFound('person');
  requireLocationWrite(actor);
  await lockPersonForPlacement(trx, personId);
  const placement = await findPlacement(trx, personId, placementId);
  if (!placement) throw notFound('placement');
  if (placement.end_on !== null) throw new AppError('conflict', `This placement already ended on ${placement.end_on}.`);
  const { today, latest } = placementDates();
  const on = endOn ?? today;
  if (on > latest) throw badDate('endOn', `A placement cannot end more than one day ahead (the latest end is ${latest}).`);
  if (on < placement.start_on) throw new AppError('conflict', `A placement cannot end before it started (${placement.start_on}).`);
  await endPlacement(trx, placementId, on, endReason ?? null);
  await recordAudit(trx, auditActor(actor), { action: 'placement.end', targetType: 'person', targetIds: [personId, placementId], details: { placeId: placement.place_id } }, requestId);
  return presentPlacement({ ...placement, end_on: on, end_reason: endReason ?? null });
}

function gatheringPlan(places: readonly (PlaceView & { childCount: number })[], targetId: string): GatheringPlan {
  const target = places.find((p) => p.id === targetId);
  if (!target) throw notFound('place');
  const moves = places
    .filter((p) => p.id !== targetId && p.childCount > 0)
    .map((p) => ({ placeId: p.id, placeName: p.name, children: p.childCount }))
    .sort((a, b) => b.children - a.children || a.placeName.localeCompare(b.placeName));
  const childrenToMove = moves.reduce((sum, m) => sum + m.children, 0);
  const free = target.free;
  return {
    target: { id: target.id, name: target.name, capacity: target.capacity, occupancy: target.occupancy, free },
    moves,
    childrenToMove,
    targetHasCapacity: free === null ? null : free >= childrenToMove,
    shortfall: free === null ? 0 : Math.max(0, childrenToMove - free),
  };
}

/**
 * The places board: every place with occupancy and its children (possibly under 18, or age unknown), the
 * children placed nowhere, and, given a target place, the plan to gather the children there. Figures count
 * every child of the mission; names are listed only within the caller's scope and only with location access.
 */
export async function placesBoard(trx: Trx, actor: Actor, missionId: string, targetId: string | undefined, requestId: string): Promise<PlacesBoard> {
  requireScope(actor, 'place.list');
  const bornFrom = childBornFrom();
  const rows = await listPlaces(trx, missionId);
  const counts = new Map((await childCountsByPlace(trx, missionId, bornFrom)).map((c) => [c.place_id, c.n]));
  const places: PlacesBoard['places'] = rows.map((row) => ({ ...presentPlace(row), childCount: counts.get(row.id) ?? 0 }));
  const unplacedChildCount = await countUnplacedChildren(trx, missionId, bornFrom);
  const board: PlacesBoard = { places, unplacedChildCount, gathering: targetId ? gatheringPlan(places, targetId) : null };

  const scope = placedPeopleScope(actor);
  const shownIds: string[] = [];
  if (scope) {
    const children = await visiblePeopleAt(trx, actor, scope, rows.map((r) => r.id), bornFrom);
    for (const place of places) place.children = [];
    const byId = new Map(places.map((p) => [p.id, p]));
    for (const child of children) {
      byId.get(child.place_id)?.children?.push(presentPlacedPerson(actor, child));
      shownIds.push(child.id);
    }
    const unplaced = await visibleUnplacedChildren(trx, actor, scope, missionId, bornFrom, UNPLACED_LIST_LIMIT);
    board.unplacedChildren = unplaced.map((p) => presentPlacedPerson(actor, p));
    shownIds.push(...unplaced.map((p) => p.id));
  }
  await recordAudit(
    trx,
    auditActor(actor),
    { action: 'place.board', targetType: 'person', targetIds: shownIds, details: { target: targetId ?? null, places: places.length } },
    requestId,
  );
  return board;
}
