import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_CATEGORIES, ROLES, readableCategoriesForRoles, scopeForRoles, type Role } from '@homeward/domain';
import { buildPerson, buildTeam, buildUser, sessionCookie } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function actorWith(role: Role) {
  const teamId = await buildTeam(t);
  const user = await buildUser(t, { roles: [role], teamId, organisation: `Org ${role}` });
  return { user, teamId, organisation: `Org ${role}`, cookie: await sessionCookie(t, user) };
}

describe('field categories', () => {
  it.each(ROLES.filter((r) => scopeForRoles([r], 'person.read')))('%s sees exactly its categories; the others are absent', async (role) => {
    const a = await actorWith(role);
    const id = await buildPerson(t, { teamId: a.teamId, assignedTo: [a.user.id], sharedWith: a.organisation });
    const res = await t.app.inject({ method: 'GET', url: `/api/people/${id}`, headers: { cookie: a.cookie } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const readable = readableCategoriesForRoles([role]);
    expect(Object.keys(body.fields).sort()).toEqual([...readable].sort());
    for (const category of FIELD_CATEGORIES) {
      if (!readable.includes(category)) expect(JSON.stringify(body)).not.toContain(`"${category}"`);
    }
    if (!readable.includes('medical')) expect(res.body).not.toContain('Test medical note');
    if (!readable.includes('genetic')) expect(res.body).not.toContain('Test sample');
    if (readable.includes('identity')) expect(body.fields.identity.given_name.value).toBe('Testa');
  });

  it('refuses to record a category the role may not write, and records nothing', async () => {
    const a = await actorWith('caseworker');
    const id = await buildPerson(t, { teamId: a.teamId });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/people/${id}`,
      headers: { cookie: a.cookie },
      payload: { attributes: [{ category: 'notes', key: 'visit', value: 'seen' }, { category: 'medical', key: 'summary', value: 'x' }] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/medical/);
    const after = await t.app.inject({ method: 'GET', url: `/api/people/${id}`, headers: { cookie: a.cookie } });
    expect(after.json().fields.notes.visit).toBeUndefined();
  });
});

describe('history and audit', () => {
  it('keeps every version of a fact and audits each read and change', async () => {
    const a = await actorWith('consular_officer');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: { cookie: a.cookie },
      payload: { sex: 'F', attributes: [{ category: 'identity', key: 'given_name', value: 'Lalə', source: 'child_statement' }] },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    await t.app.inject({
      method: 'PATCH',
      url: `/api/people/${id}`,
      headers: { cookie: a.cookie },
      payload: { attributes: [{ category: 'identity', key: 'given_name', value: 'Lale', source: 'host_record' }] },
    });
    const read = await t.app.inject({ method: 'GET', url: `/api/people/${id}`, headers: { cookie: a.cookie } });
    expect(read.json().fields.identity.given_name).toMatchObject({ value: 'Lale', source: 'host_record' });
    const versions = await t.database.db.selectFrom('person_attributes').selectAll().where('person_id', '=', id).where('key', '=', 'given_name').orderBy('id').execute();
    expect(versions.map((v) => v.value)).toEqual(['Lalə', 'Lale']);
    expect(versions[0]!.superseded_at).not.toBeNull();

    const trail = await t.database.db.selectFrom('audit_log').selectAll().where((eb) => eb(eb.val(id), '=', eb.fn.any('target_ids'))).orderBy('seq').execute();
    expect(trail.map((e) => e.action)).toEqual(['person.create', 'person.update', 'person.read']);
    for (const e of trail) {
      expect(e.actor_user_id).toBe(a.user.id);
      expect(e.actor_roles).toEqual(['consular_officer']);
      expect(e.request_id).toBeTruthy();
      expect(JSON.stringify(e)).not.toMatch(/Lal/); // no personal data inside entries
    }
  });

  it('lists only people in scope, audited with their ids', async () => {
    const a = await actorWith('caseworker');
    const mine = await buildPerson(t, { teamId: a.teamId });
    const other = await buildPerson(t, { teamId: await buildTeam(t) });
    const res = await t.app.inject({ method: 'GET', url: '/api/people?limit=200', headers: { cookie: a.cookie } });
    const ids = res.json().people.map((p: { id: string }) => p.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(other);
    const entry = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'person.list').where('actor_user_id', '=', a.user.id).executeTakeFirstOrThrow();
    expect(entry.target_ids).toEqual(ids);
  });

  it('answers a malformed id with a 400 a person can read', async () => {
    const a = await actorWith('supervisor');
    const res = await t.app.inject({ method: 'GET', url: '/api/people/not-an-id', headers: { cookie: a.cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/Not a valid person id/) });
  });
});
