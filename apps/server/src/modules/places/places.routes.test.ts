import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@homeward/domain';
import { buildCase, buildMission, buildPerson, buildPlace, buildPlacement, buildTeam, buildUser, sessionCookie } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { placementDates } from './places.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function actorWith(role: Role, overrides: { missionId?: string; teamId?: string } = {}) {
  const teamId = overrides.teamId ?? (await buildTeam(t, overrides.missionId));
  const user = await buildUser(t, { roles: [role], teamId, ...(overrides.missionId ? { missionId: overrides.missionId } : {}) });
  return { user, teamId, cookie: await sessionCookie(t, user) };
}

type Actor = Awaited<ReturnType<typeof actorWith>>;
const get = (a: Actor, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: a.cookie } });
const send = (a: Actor, method: 'POST' | 'PATCH', url: string, payload: object) => t.app.inject({ method, url, payload, headers: { cookie: a.cookie } });
const place = (a: Actor, personId: string, placeId: string, startOn: string, reason = 'Moved by the ministry') =>
  send(a, 'POST', `/api/people/${personId}/placements`, { placeId, startOn, reason });
const auditOf = (targetId: string) =>
  t.database.db.selectFrom('audit_log').selectAll().where((eb) => eb(eb.val(targetId), '=', eb.fn.any('target_ids'))).orderBy('seq').execute();
const setPerson = (id: string, values: { display_name?: string; birth_year_max?: number | null; is_sought?: boolean; vital_status?: string }) =>
  t.database.db.updateTable('people').set(values).where('id', '=', id).execute();

describe('places', () => {
  it('registers a place, shows occupancy against capacity, and refuses a duplicate name', async () => {
    const a = await actorWith('consular_officer');
    const created = await send(a, 'POST', '/api/places', { kind: 'orphanage', name: 'Karkh orphanage', city: 'Baghdad', country: 'IQ', capacity: 1, visitRules: 'Ministry permit' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ occupancy: 0, free: 1, overCapacity: false, visitRules: 'Ministry permit' });
    const dup = await send(a, 'POST', '/api/places', { kind: 'shelter', name: 'Karkh orphanage' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toMatch(/already has a place named/);

    await buildPlacement(t, { personId: await buildPerson(t), placeId: id });
    const second = await place(a, await buildPerson(t), id, placementDates().today, 'Brought by the police');
    expect(second.statusCode).toBe(201);
    expect(second.json().warnings).toEqual([{ code: 'over_capacity', message: expect.stringMatching(/2 people for a capacity of 1/) }]);
    const listed = (await get(a, '/api/places')).json().places.find((p: { id: string }) => p.id === id);
    expect(listed).toMatchObject({ occupancy: 2, capacity: 1, free: 0, overCapacity: true });

    const patched = await send(a, 'PATCH', `/api/places/${id}`, { capacity: 10, contact: 'Director, by letter via the ministry' });
    expect(patched.json()).toMatchObject({ capacity: 10, free: 8, overCapacity: false, contact: 'Director, by letter via the ministry', name: 'Karkh orphanage' });
    const audit = await auditOf(id);
    expect(audit.map((e) => e.action)).toEqual(['place.create', 'place.update']);
  });

  it('keeps one place when two people register the same name at the same moment', async () => {
    const a = await actorWith('consular_officer');
    const both = await Promise.all([1, 2].map(() => send(a, 'POST', '/api/places', { kind: 'shelter', name: 'Adhamiya shelter' })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const loser = both.find((r) => r.statusCode === 409)!;
    expect(loser.json().error.message).toMatch(/already has a place named|at the same moment/);
    const named = (await get(a, '/api/places')).json().places.filter((p: { name: string }) => p.name === 'Adhamiya shelter');
    expect(named).toHaveLength(1);
  });

  it('answers 404 for a place of another mission', async () => {
    const a = await actorWith('supervisor');
    const foreign = await buildPlace(t, { missionId: await buildMission(t) });
    expect((await get(a, `/api/places/${foreign}`)).statusCode).toBe(404);
    expect((await send(a, 'PATCH', `/api/places/${foreign}`, { capacity: 3 })).statusCode).toBe(404);
    const placed = await place(a, await buildPerson(t), foreign, placementDates().today);
    expect(placed.statusCode).toBe(400);
    expect(placed.json().error.details).toEqual([{ path: 'placeId', message: 'No such place.' }]);
  });

  it('lists only the people in scope at a place, identity only; none to a role without location', async () => {
    const cw = await actorWith('caseworker');
    const id = await buildPlace(t);
    const mine = await buildPerson(t, { teamId: cw.teamId });
    const other = await buildPerson(t, { teamId: await buildTeam(t) });
    await setPerson(mine, { display_name: 'Testa Quliyeva' });
    await buildPlacement(t, { personId: mine, placeId: id });
    await buildPlacement(t, { personId: other, placeId: id });
    const res = await get(cw, `/api/places/${id}`);
    expect(res.json().occupancy).toBe(2);
    expect(res.json().people).toEqual([{ id: mine, sex: 'F', displayName: 'Testa Quliyeva', openCaseId: null }]);
    expect(res.body).not.toContain('Test shelter'); // no attribute of the person leaks through
    const trail = await auditOf(id);
    expect(trail.at(-1)).toMatchObject({ action: 'place.read', target_ids: [id, mine] });

    const fl = await actorWith('family_liaison');
    const hidden = await get(fl, `/api/places/${id}`);
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json().people).toBeUndefined();
  });
});

describe('placements', () => {
  it('transfers: the previous placement ends the day the new one starts; current is derived from history', async () => {
    const a = await actorWith('caseworker');
    const person = await buildPerson(t, { teamId: a.teamId });
    const [first, second] = [await buildPlace(t, { kind: 'hospital' }), await buildPlace(t)];
    const one = await place(a, person, first, '2025-01-10', 'Wounded; admitted for care');
    expect(one.json()).toMatchObject({ endedPlacementId: null, warnings: [] });
    const two = await place(a, person, second, '2025-03-01', 'Discharged to the shelter');
    expect(two.statusCode).toBe(201);
    expect(two.json().endedPlacementId).toBe(one.json().placement.id);

    const history = await get(a, `/api/people/${person}/placements`);
    expect(history.statusCode).toBe(200);
    const body = history.json();
    expect(body.placements.map((p: { place: { id: string }; startOn: string; endOn: string | null }) => [p.place.id, p.startOn, p.endOn])).toEqual([
      [second, '2025-03-01', null],
      [first, '2025-01-10', '2025-03-01'],
    ]);
    expect(body.current).toMatchObject({ id: two.json().placement.id, place: { id: second }, reason: 'Discharged to the shelter' });

    const trail = await auditOf(person);
    expect(trail.map((e) => e.action)).toEqual(['placement.create', 'placement.create', 'placement.list']);
    for (const e of trail) expect(JSON.stringify(e)).not.toMatch(/Wounded|Discharged|Testa/);
  });

  it('refuses dates and places that would break the history, with messages a person can act on', async () => {
    const a = await actorWith('consular_officer');
    const person = await buildPerson(t);
    const [here, there] = [await buildPlace(t), await buildPlace(t)];
    expect((await place(a, person, here, '2025-03-01')).statusCode).toBe(201);

    const early = await place(a, person, there, '2025-02-01');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('A transfer cannot start before the current placement began (2025-03-01).');
    const same = await place(a, person, here, '2025-04-01');
    expect(same.statusCode).toBe(409);
    expect(same.json().error.message).toMatch(/already placed at .* \(since 2025-03-01\)/);
    const ahead = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const future = await place(a, person, there, ahead);
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toMatch(/more than one day ahead/);
    const unknown = await place(a, person, '00000000-0000-4000-8000-000000000000', '2025-04-01');
    expect(unknown.statusCode).toBe(400);
    const invalid = await place(a, person, there, '2025-02-30');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.message).toMatch(/real calendar date/);
    const tomorrow = await place(a, person, there, placementDates().latest);
    expect(tomorrow.statusCode).toBe(201);
  });

  it('ends a placement, then refuses to end it again or to start the next before it ended', async () => {
    const a = await actorWith('supervisor');
    const person = await buildPerson(t);
    const placeId = await buildPlace(t);
    const placementId = (await place(a, person, placeId, '2025-05-10')).json().placement.id as string;
    const url = `/api/people/${person}/placements/${placementId}/end`;
    const before = await send(a, 'POST', url, { endOn: '2025-05-01' });
    expect(before.statusCode).toBe(409);
    expect(before.json().error.message).toBe('A placement cannot end before it started (2025-05-10).');
    const blank = await send(a, 'POST', url, { endOn: '2025-06-01', reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.message).toMatch(/Say why the stay ended/);
    const ended = await send(a, 'POST', url, { endOn: '2025-06-01', reason: 'Released to her mother' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ id: placementId, endOn: '2025-06-01', endReason: 'Released to her mother' });
    expect((await get(a, `/api/people/${person}/placements`)).json().placements[0]).toMatchObject({ endReason: 'Released to her mother' });
    const again = await t.app.inject({ method: 'POST', url, headers: { cookie: a.cookie } }); // no body: ends today
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('This placement already ended on 2025-06-01.');
    const overlap = await place(a, person, await buildPlace(t), '2025-05-20');
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.message).toMatch(/before the previous one ended \(2025-06-01\)/);
    expect((await get(a, `/api/people/${person}/placements`)).json().current).toBeNull();
    expect((await auditOf(person)).map((e) => e.action)).toContain('placement.end');
  });

  it('answers 404 for a person outside scope and strips placements from a role without location', async () => {
    const cw = await actorWith('caseworker');
    const outside = await buildPerson(t, { teamId: await buildTeam(t) });
    const placeId = await buildPlace(t);
    expect((await get(cw, `/api/people/${outside}/placements`)).statusCode).toBe(404);
    expect((await place(cw, outside, placeId, '2025-01-01')).statusCode).toBe(404);

    const fl = await actorWith('family_liaison');
    const assigned = await buildPerson(t, { assignedTo: [fl.user.id] });
    await buildPlacement(t, { personId: assigned, placeId });
    const stripped = await get(fl, `/api/people/${assigned}/placements`);
    expect(stripped.statusCode).toBe(200);
    expect(stripped.json()).toEqual({ personId: assigned });
    const refused = await place(fl, assigned, await buildPlace(t), '2025-01-01');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/location/);

    const medical = await actorWith('medical_officer');
    expect((await place(medical, assigned, placeId, '2025-01-01')).statusCode).toBe(403);
  });
});

describe('places board', () => {
  it('counts children per place, lists those in scope, and plans gathering them into one shelter', async () => {
    const missionId = await buildMission(t);
    const team = await buildTeam(t, missionId);
    const officer = await actorWith('consular_officer', { missionId });
    const caseworker = await actorWith('caseworker', { missionId, teamId: team });
    const year = new Date().getUTCFullYear();
    const child = async (teamId: string | null = null, birthYearMax: number | null = year - 6) => {
      const id = await buildPerson(t, { missionId, teamId });
      await setPerson(id, { birth_year_max: birthYearMax });
      return id;
    };
    const shelter = await buildPlace(t, { missionId, name: 'Gathering shelter', capacity: 5 });
    const orphanage = await buildPlace(t, { missionId, name: 'State orphanage', kind: 'orphanage', capacity: null });
    const camp = await buildPlace(t, { missionId, name: 'Camp', kind: 'camp', capacity: 1 });
    await buildPlacement(t, { personId: await child(), placeId: shelter });
    const inTeam = await child(team);
    await buildPlacement(t, { personId: inTeam, placeId: orphanage });
    await buildPlacement(t, { personId: await child(), placeId: orphanage });
    await buildPlacement(t, { personId: await child(null, year - 30), placeId: orphanage }); // an adult
    await buildPlacement(t, { personId: await child(null, null), placeId: camp }); // age unknown: counted as a child
    const unplacedInTeam = await child(team);
    const left = await child();
    await buildPlacement(t, { personId: left, placeId: camp, startOn: '2025-01-01', endOn: '2025-02-01' });
    await child(null, year - 40); // an unplaced adult
    await buildCase(t, await child(null, null), { kind: 'adult' }); // age unknown, but her open case is an adult's
    await setPerson(await child(), { is_sought: true }); // sought by relatives, not found: not on the board
    await setPerson(await child(), { vital_status: 'deceased' });

    const board = await get(officer, `/api/places/board?target=${shelter}`);
    expect(board.statusCode).toBe(200);
    const body = board.json();
    const byName = Object.fromEntries(body.places.map((p: { name: string }) => [p.name, p]));
    expect(Object.keys(byName)).toEqual(['Camp', 'Gathering shelter', 'State orphanage']);
    expect(byName['State orphanage']).toMatchObject({ occupancy: 3, childCount: 2 });
    expect(byName['State orphanage'].children).toHaveLength(2);
    expect(byName.Camp).toMatchObject({ occupancy: 1, childCount: 1, overCapacity: false });
    expect(body.unplacedChildCount).toBe(2);
    expect(body.unplacedChildren.map((c: { id: string }) => c.id).sort()).toEqual([unplacedInTeam, left].sort());
    expect(body.gathering).toEqual({
      target: { id: shelter, name: 'Gathering shelter', capacity: 5, occupancy: 1, free: 4 },
      moves: [
        { placeId: orphanage, placeName: 'State orphanage', children: 2 },
        { placeId: camp, placeName: 'Camp', children: 1 },
      ],
      childrenToMove: 3,
      targetHasCapacity: true,
      shortfall: 0,
    });

    const tight = (await get(officer, `/api/places/board?target=${camp}`)).json().gathering;
    expect(tight).toMatchObject({ childrenToMove: 3, targetHasCapacity: false, shortfall: 3 });
    const open = (await get(officer, `/api/places/board?target=${orphanage}`)).json().gathering;
    expect(open).toMatchObject({ childrenToMove: 2, targetHasCapacity: null, shortfall: 0 });

    const scoped = (await get(caseworker, '/api/places/board')).json();
    expect(scoped.gathering).toBeNull();
    const scopedOrphanage = scoped.places.find((p: { id: string }) => p.id === orphanage);
    expect(scopedOrphanage.childCount).toBe(2);
    expect(scopedOrphanage.children.map((c: { id: string }) => c.id)).toEqual([inTeam]);
    expect(scoped.unplacedChildren.map((c: { id: string }) => c.id)).toEqual([unplacedInTeam]);
    const entry = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'place.board').where('actor_user_id', '=', caseworker.user.id).executeTakeFirstOrThrow();
    expect([...entry.target_ids].sort()).toEqual([inTeam, unplacedInTeam].sort());

    const liaison = (await get(await actorWith('family_liaison', { missionId }), '/api/places/board')).json();
    expect(liaison.unplacedChildCount).toBe(2);
    expect(liaison.unplacedChildren).toBeUndefined();
    expect(liaison.places.every((p: { children?: unknown }) => p.children === undefined)).toBe(true);

    expect((await get(officer, `/api/places/board?target=${await buildPlace(t)}`)).statusCode).toBe(404); // another mission's place
  });
});
