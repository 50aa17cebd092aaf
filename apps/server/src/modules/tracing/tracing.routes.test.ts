import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@homeward/domain';
import { personRecordSchema } from '@homeward/domain/person-record';
import { buildPerson, buildTeam, buildUser, sessionCookie } from '../../../test/factories';
import { buildSuggestion } from '../../../test/matching-factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { exportPeople } from '../imports/person-export.service';
import { personInScope } from '../people/people.policy';

/**
 * Tracing requests through the API on a real database: filing with sought people and their parents, the
 * `homeward.person/1` record the matching engine reads, consent and its withdrawal, validation, and who may
 * do what. Every person here is synthetic.
 */
let t: TestApp;
let teamId: string;
const users = new Map<Role, { id: string; cookie: string }>();

beforeAll(async () => {
  t = await createTestApp();
  teamId = await buildTeam(t);
  for (const role of ['family_liaison', 'consular_officer', 'caseworker', 'supervisor', 'icrc_delegate', 'data_protection_officer', 'medical_officer', 'administrator'] as Role[]) {
    const user = await buildUser(t, { roles: [role], teamId, organisation: role === 'icrc_delegate' ? 'ICRC' : null });
    users.set(role, { id: user.id, cookie: await sessionCookie(t, user) });
  }
});
afterAll(() => t.close());

const as = (role: Role) => ({ cookie: users.get(role)!.cookie });

/** A grandmother in Sumqayıt looking for her granddaughter, as in issue 4. */
const grandmotherRequest = (overrides: Record<string, unknown> = {}) => ({
  requester: { name: 'Gülşən Nümunəova', relationship: 'grandmother', contact: '+994 50 000 00 00' },
  consentTracing: true,
  district: 'Sumqayıt',
  familyLeftOn: '2015-03',
  documents: [{ description: 'Copy of the father’s passport' }],
  notes: 'The family left by bus through Türkiye.',
  soughtPeople: [
    {
      relationshipToRequester: 'granddaughter',
      sex: 'F',
      names: [{ given: 'Xədicə', father: 'Rauf', family: 'Quliyeva', source: 'relative' }],
      birth: { date: '2015', place: 'Raqqa', country: 'SY', source: 'relative' },
      mother: { names: [{ given: 'Aysel', family: 'Məmmədova', source: 'relative' }], birthYear: 1994 },
      father: { names: [{ given: 'Rauf', family: 'Quliyev', source: 'relative' }] },
    },
  ],
  ...overrides,
});

async function file(body: object, role: Role = 'family_liaison') {
  const res = await t.app.inject({ method: 'POST', url: '/api/tracing-requests', headers: as(role), payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; reference: string; soughtPersonIds: string[] };
}

const read = async (id: string, role: Role = 'family_liaison') => t.app.inject({ method: 'GET', url: `/api/tracing-requests/${id}`, headers: as(role) });

const consentOf = async (ids: readonly string[]) =>
  (await t.database.db.selectFrom('people').select(['id', 'matching_consent', 'is_sought']).where('id', 'in', ids).execute()).map((p) => [p.is_sought, p.matching_consent]);

describe('filing a tracing request', () => {
  it('creates the sought person and the parents as person records, in one family, with a reference', async () => {
    const created = await file(grandmotherRequest());
    expect(created.reference).toMatch(/^TR-\d{4}-\d{6}$/);
    const res = await read(created.id);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({
      reference: created.reference,
      status: 'open',
      requester: { name: 'Gülşən Nümunəova', relationship: 'grandmother', contact: '+994 50 000 00 00' },
      district: 'Sumqayıt',
      homeCountry: 'AZ',
      familyLeftOn: '2015-03',
      consent: { state: 'given', withdrawnAt: null },
      documents: [{ description: 'Copy of the father’s passport' }],
      closed: null,
    });
    expect(view.soughtPeople).toHaveLength(1);
    const [child] = view.soughtPeople;
    expect(child).toMatchObject({
      id: created.soughtPersonIds[0],
      displayName: 'Xədicə Rauf Quliyeva',
      sex: 'F',
      birthYears: { min: 2015, max: 2015 },
      relationshipToRequester: 'granddaughter',
      matchingConsent: true,
      mother: { displayName: 'Aysel Məmmədova', sex: 'F' },
      father: { displayName: 'Rauf Quliyev', sex: 'M' },
      found: null,
    });
    // Real registry records: names with their parts and script, the parents linked as mother and father.
    const record = (await t.app.inject({ method: 'GET', url: `/api/registry/people/${child.id}`, headers: as('family_liaison') })).json();
    expect(record.names[0]).toMatchObject({ given: 'Xədicə', father: 'Rauf', family: 'Quliyeva', script: 'Latn', source: 'relative' });
    expect(record.relationships.map((r: { kind: string; relatedPersonId: string }) => [r.kind, r.relatedPersonId]).sort()).toEqual(
      [
        ['father', child.father.id],
        ['mother', child.mother.id],
      ].sort(),
    );
    expect(record.familyIds).toEqual([view.familyId]);
    expect(await consentOf([child.id, child.mother.id, child.father.id])).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ]);
  });

  it('numbers references per mission and year, one after the other', async () => {
    const a = await file(grandmotherRequest());
    const b = await file(grandmotherRequest());
    const n = (ref: string) => Number(ref.slice(-6));
    expect(b.reference.slice(0, 8)).toBe(`TR-${new Date().getUTCFullYear()}-`);
    expect(n(b.reference)).toBe(n(a.reference) + 1);
  });

  it('writes a sought person as a homeward.person/1 record with the parents’ names, origin and departure', async () => {
    const created = await file(grandmotherRequest());
    const [childId] = created.soughtPersonIds;
    const view = (await read(created.id)).json();
    const family = [childId!, view.soughtPeople[0].mother.id, view.soughtPeople[0].father.id];
    const actor = { userId: users.get('supervisor')!.id, roles: ['supervisor' as const] };
    const lines: string[] = [];
    const scopeActor = { ...actor, username: 'x', displayName: 'x', missionId: t.app.homeward.missionId, teamId, organisation: null, sessionId: 'x', sessionExpiresAt: new Date() };
    for await (const chunk of Readable.from(
      exportPeople(t.database.db, {
        filter: (eb) => eb.and([personInScope(scopeActor, 'mission')(eb), eb('people.id', 'in', family)]),
        readable: ['identity'],
        sourceSystem: null,
        audit: actor,
        requestId: null,
      }),
    )) {
      lines.push(...String(chunk).trim().split('\n'));
    }
    expect(lines).toHaveLength(3);
    const parsed = personRecordSchema.parse(lines.map((l) => JSON.parse(l) as { id: string }).find((r) => r.id === childId));
    expect(parsed).toMatchObject({
      id: childId,
      sex: 'F',
      names: [{ given: 'Xədicə', father: 'Rauf', family: 'Quliyeva', script: 'Latn', kind: 'reported' }],
      birth: { date: '2015', place: 'Raqqa', country: 'SY' },
      mother: { names: [{ given: 'Aysel', family: 'Məmmədova' }], birth_year: 1994 },
      father: { names: [{ given: 'Rauf', family: 'Quliyev' }] },
      origin: { country: 'AZ', district: 'Sumqayıt' },
      departed_home: '2015-03',
    });
  });

  it('keeps the people of a request filed without consent out of matching', async () => {
    const created = await file(grandmotherRequest({ consentTracing: false }));
    const view = (await read(created.id)).json();
    expect(view.consent.state).toBe('not_given');
    const [child] = view.soughtPeople;
    expect(await consentOf([child.id, child.mother.id, child.father.id])).toEqual([
      [true, false],
      [true, false],
      [true, false],
    ]);
  });

  it('stores the photos the relative brought as the sought person’s identification photos', async () => {
    const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const body = grandmotherRequest();
    body.soughtPeople[0] = { ...body.soughtPeople[0]!, photos: [{ contentType: 'image/png', dataBase64: PNG, source: 'relative' }] } as (typeof body.soughtPeople)[0];
    const created = await file(body);
    const record = (await t.app.inject({ method: 'GET', url: `/api/registry/people/${created.soughtPersonIds[0]}`, headers: as('family_liaison') })).json();
    expect(record.photos).toEqual([expect.objectContaining({ contentType: 'image/png', source: 'relative' })]);
  });

  it('refuses bad input with a readable 400 and saves nothing', async () => {
    const before = Number((await t.database.db.selectFrom('tracing_requests').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const cases: [object, RegExp][] = [
      [grandmotherRequest({ soughtPeople: [] }), /at least one sought person/],
      [{ ...grandmotherRequest(), consentTracing: undefined }, /consents to tracing/],
      [grandmotherRequest({ familyLeftOn: 'March 2015' }), /YYYY/],
      [grandmotherRequest({ soughtPeople: [{ relationshipToRequester: 'granddaughter', names: [] }] }), /at least one name/],
      [grandmotherRequest({ requester: { name: '', relationship: 'grandmother' } }), /requester\.name/],
    ];
    for (const [body, message] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/tracing-requests', headers: as('family_liaison'), payload: body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', message: expect.stringMatching(message) });
    }
    // A photo that is not the image it claims fails inside the transaction: the request and its people roll back.
    const people = Number((await t.database.db.selectFrom('people').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const body = grandmotherRequest();
    body.soughtPeople[0] = {
      ...body.soughtPeople[0]!,
      photos: [{ contentType: 'image/png', dataBase64: Buffer.from('GIF89a not a png at all').toString('base64'), source: 'relative' }],
    } as (typeof body.soughtPeople)[0];
    const bad = await t.app.inject({ method: 'POST', url: '/api/tracing-requests', headers: as('family_liaison'), payload: body });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/not a PNG image/);
    const after = Number((await t.database.db.selectFrom('tracing_requests').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    expect(after).toBe(before);
    expect(Number((await t.database.db.selectFrom('people').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)).toBe(people);
  });
});

describe('consent', () => {
  it('withdrawal takes every person of the request out of matching at once, withdraws open suggestions, and is audited', async () => {
    const created = await file(grandmotherRequest());
    const view = (await read(created.id)).json();
    const [child] = view.soughtPeople;
    const ids = [child.id, child.mother.id, child.father.id];
    // An open suggestion between the sought child and a registry record, as the matching engine would store it.
    const found = await buildPerson(t, { teamId });
    const [a, b] = [child.id, found].sort();
    const suggestionId = crypto.randomUUID();
    await t.database.db
      .insertInto('match_suggestions')
      .values({ id: suggestionId, mission_id: t.app.homeward.missionId, kind: 'tracing', person_a: a!, person_b: b!, probability: 0.9, score: 8, band: 'match', explanation: '[]', evidence_a: 'x', evidence_b: 'y' })
      .execute();

    const res = await t.app.inject({ method: 'POST', url: `/api/tracing-requests/${created.id}/consent-withdrawal`, headers: as('family_liaison'), payload: { reason: 'The family asked to stop.' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().consent).toMatchObject({ state: 'withdrawn', withdrawnAt: expect.any(String), withdrawalReason: 'The family asked to stop.' });
    expect(res.json().soughtPeople[0].matchingConsent).toBe(false);
    expect(await consentOf(ids)).toEqual([
      [true, false],
      [true, false],
      [true, false],
    ]);
    const suggestion = await t.database.db.selectFrom('match_suggestions').select(['status', 'reason']).where('id', '=', suggestionId).executeTakeFirstOrThrow();
    expect(suggestion).toEqual({ status: 'superseded', reason: 'consent for tracing withdrawn' });
    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'tracing_request.withdraw_consent')
      .where(sql<boolean>`${created.id} = ANY(target_ids)`)
      .executeTakeFirstOrThrow();
    expect(entry.actor_user_id).toBe(users.get('family_liaison')!.id);
    expect([...entry.target_ids].sort()).toEqual([created.id, ...ids].sort());
    expect(JSON.stringify(entry)).not.toMatch(/asked to stop|Xədicə/);

    // Withdrawing twice is refused; consent given again brings them back into matching.
    const again = await t.app.inject({ method: 'POST', url: `/api/tracing-requests/${created.id}/consent-withdrawal`, headers: as('family_liaison'), payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/no consent to withdraw/);
    const renewed = await t.app.inject({ method: 'POST', url: `/api/tracing-requests/${created.id}/consent`, headers: as('family_liaison'), payload: {} });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json().consent.state).toBe('given');
    expect(await consentOf(ids)).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ]);
  });

  it('records consent for a request filed without it', async () => {
    const created = await file(grandmotherRequest({ consentTracing: false }));
    const res = await t.app.inject({ method: 'POST', url: `/api/tracing-requests/${created.id}/consent`, headers: as('consular_officer'), payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().consent).toMatchObject({ state: 'given', recordedBy: users.get('consular_officer')!.id });
    expect(await consentOf(created.soughtPersonIds)).toEqual([[true, true]]);
  });
});

describe('changing, closing and listing', () => {
  it('updates the requester and records a new district on the sought people', async () => {
    const created = await file(grandmotherRequest());
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/tracing-requests/${created.id}`,
      headers: as('family_liaison'),
      payload: { requester: { contact: '+994 55 111 11 11' }, district: 'Xaçmaz' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ requester: { name: 'Gülşən Nümunəova', contact: '+994 55 111 11 11' }, district: 'Xaçmaz' });
    const origin = await t.database.db
      .selectFrom('person_attributes')
      .select('value')
      .where('person_id', '=', created.soughtPersonIds[0]!)
      .where('key', '=', 'origin')
      .where('superseded_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(origin.value).toEqual({ country: 'AZ', district: 'Xaçmaz' });
    // A change of one field leaves the others as they were.
    expect(res.json().notes).toBe('The family left by bus through Türkiye.');
    expect(res.json().familyLeftOn).toBe('2015-03');
    const empty = await t.app.inject({ method: 'PATCH', url: `/api/tracing-requests/${created.id}`, headers: as('family_liaison'), payload: {} });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/Change at least one field/);
  });

  it('closes with a reason; a closed request cannot be changed or closed again', async () => {
    const created = await file(grandmotherRequest());
    const noReason = await t.app.inject({ method: 'POST', url: `/api/tracing-requests/${created.id}/close`, headers: as('supervisor'), payload: {} });
    expect(noReason.statusCode).toBe(400);
    const res = await t.app.inject({ method: 'POST', url: `/api/tracing-requests/${created.id}/close`, headers: as('supervisor'), payload: { reason: 'The family found her through the ICRC.' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', closed: { reason: 'The family found her through the ICRC.', by: users.get('supervisor')!.id } });
    const again = await t.app.inject({ method: 'POST', url: `/api/tracing-requests/${created.id}/close`, headers: as('supervisor'), payload: { reason: 'again' } });
    expect(again.statusCode).toBe(409);
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/tracing-requests/${created.id}`, headers: as('supervisor'), payload: { district: 'Bakı' } });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error.message).toMatch(/is closed/);
  });

  it('lists by status, consent and text (a sought name in another script finds the request)', async () => {
    const open = await file(grandmotherRequest({ requester: { name: 'Zülfiyyə Siyahıova', relationship: 'aunt' } }));
    const refused = await file(
      grandmotherRequest({
        consentTracing: false,
        soughtPeople: [{ relationshipToRequester: 'nephew', sex: 'M', names: [{ given: 'Tunar', family: 'Axtarılanov', source: 'relative' }] }],
      }),
    );
    const list = async (query: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/tracing-requests?${query}`, headers: as('consular_officer') });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().requests.map((r: { id: string }) => r.id) as string[];
    };
    expect(await list('consent=not_given')).toContain(refused.id);
    expect(await list('consent=not_given')).not.toContain(open.id);
    expect(await list('consent=given&status=open')).toContain(open.id);
    expect(await list(`q=${encodeURIComponent('Siyahıova')}`)).toEqual([open.id]);
    expect(await list(`q=${encodeURIComponent('Тунар')}`)).toEqual([refused.id]);
    expect(await list(`q=${encodeURIComponent(open.reference)}`)).toEqual([open.id]);
    expect(await list('status=closed')).not.toContain(open.id);
    expect(await list(`personId=${refused.soughtPersonIds[0]}`)).toEqual([refused.id]);
    const res = await t.app.inject({ method: 'GET', url: `/api/tracing-requests?q=${encodeURIComponent('Axtarılanov')}`, headers: as('consular_officer') });
    expect(res.json().requests[0]).toMatchObject({ reference: refused.reference, consent: 'not_given', soughtPeople: [{ displayName: 'Tunar Axtarılanov', found: false }] });
    const bad = await t.app.inject({ method: 'GET', url: '/api/tracing-requests?status=lost', headers: as('consular_officer') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/status/);
  });

  it('records a confirmed match: the found person is shown, joins the family, and the request is found', async () => {
    // The request describes the child's mother and father too; only the sought child needs finding.
    const created = await file(grandmotherRequest());
    const found = await buildPerson(t, { teamId });
    const suggestion = await buildSuggestion(t, created.soughtPersonIds[0]!, found, { kind: 'tracing' });
    const confirmed = await t.app.inject({
      method: 'POST',
      url: `/api/matching/suggestions/${suggestion}/confirm`,
      headers: as('supervisor'),
      payload: { reason: 'The grandmother recognised her in the photo' },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().effects).toMatchObject({ tracingRequestId: created.id, tracingRequestStatus: 'found', foundPersonId: found });
    const view = (await read(created.id, 'consular_officer')).json();
    expect(view.status).toBe('found');
    expect(view.soughtPeople[0].found).toMatchObject({ at: expect.any(String), person: { id: found, displayName: 'Testa' } });
    const member = await t.database.db.selectFrom('family_members').select('person_id').where('family_id', '=', view.familyId).where('person_id', '=', found).executeTakeFirst();
    expect(member).toBeDefined();
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('target_ids')
      .where('action', '=', 'tracing_request.read')
      .where('actor_user_id', '=', users.get('consular_officer')!.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.target_ids).toEqual(expect.arrayContaining([created.id, created.soughtPersonIds[0], found]));
    const list = (await t.app.inject({ method: 'GET', url: '/api/tracing-requests?status=found', headers: as('consular_officer') })).json();
    expect(list.requests.find((r: { id: string }) => r.id === created.id).soughtPeople[0].found).toBe(true);
  });
});

describe('who may do what', () => {
  it('lets the roles that trace file and read, and refuses the others', async () => {
    const created = await file(grandmotherRequest(), 'consular_officer');
    for (const role of ['family_liaison', 'caseworker', 'supervisor', 'consular_officer'] as Role[]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/tracing-requests', headers: as(role), payload: grandmotherRequest() });
      expect(res.statusCode, `${role} ${res.body}`).toBe(201);
    }
    for (const role of ['icrc_delegate', 'data_protection_officer', 'medical_officer', 'administrator'] as Role[]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/tracing-requests', headers: as(role), payload: grandmotherRequest() });
      expect(res.statusCode, role).toBe(403);
    }
    for (const role of ['medical_officer', 'administrator'] as Role[]) expect((await read(created.id, role)).statusCode, role).toBe(403);
    // Closing ends tracing: not the caseworker's decision.
    const close = await t.app.inject({ method: 'POST', url: `/api/tracing-requests/${created.id}/close`, headers: as('caseworker'), payload: { reason: 'x' } });
    expect(close.statusCode).toBe(403);
  });

  it('gives the liaison the requests they filed, and 404 for a colleague’s request, as for none', async () => {
    const colleague = await buildUser(t, { roles: ['family_liaison'], teamId });
    const theirs = await file(grandmotherRequest(), 'consular_officer');
    const cookie = await sessionCookie(t, colleague);
    const res = await t.app.inject({ method: 'GET', url: `/api/tracing-requests/${theirs.id}`, headers: { cookie } });
    expect(res.statusCode).toBe(404);
    const none = await t.app.inject({ method: 'GET', url: '/api/tracing-requests/00000000-0000-4000-8000-000000000000', headers: { cookie } });
    expect(none.json()).toEqual(res.json());
    const mine = await file(grandmotherRequest(), 'family_liaison');
    expect((await read(mine.id, 'family_liaison')).statusCode).toBe(200);
  });

  it('shows the ICRC only requests shared for family links, and the DPO no contact details', async () => {
    const created = await file(grandmotherRequest(), 'supervisor');
    expect((await read(created.id, 'icrc_delegate')).statusCode).toBe(404);
    const share = await t.app.inject({
      method: 'POST',
      url: `/api/people/${created.soughtPersonIds[0]}/shares`,
      headers: as('supervisor'),
      payload: { organisation: 'ICRC', kind: 'family_links' },
    });
    expect(share.statusCode).toBe(204);
    const icrc = await read(created.id, 'icrc_delegate');
    expect(icrc.statusCode).toBe(200);
    expect(icrc.json().requester.contact).toBe('+994 50 000 00 00');
    expect(icrc.json().notes).toBeUndefined();
    // Only the shared person is shown to the ICRC, not the parents' records that were not shared.
    expect(icrc.json().soughtPeople[0]).toMatchObject({ id: created.soughtPersonIds[0], mother: null, father: null });
    const withdraw = await t.app.inject({ method: 'POST', url: `/api/tracing-requests/${created.id}/consent-withdrawal`, headers: as('icrc_delegate'), payload: {} });
    expect(withdraw.statusCode).toBe(403);
    const dpo = (await read(created.id, 'data_protection_officer')).json();
    expect(dpo.requester).toEqual({ name: 'Gülşən Nümunəova', relationship: 'grandmother' });
    expect(dpo.notes).toBeUndefined();
  });
});
