import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUser, sessionCookie } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

/**
 * STR profiles through the API: all-or-nothing imports with row/marker errors, consent, corrections with a
 * reason, the genetic category (who may read, every read audited, never in person views or exports), and
 * frequency databases (the synthetic default, administrators' imports).
 */
let t: TestApp;
const cookies: Record<'supervisor' | 'liaison' | 'medical' | 'consular' | 'admin', string> = { supervisor: '', liaison: '', medical: '', consular: '', admin: '' };
let liaisonId: string;

beforeAll(async () => {
  t = await createTestApp();
  const roles = { supervisor: 'supervisor', liaison: 'family_liaison', medical: 'medical_officer', consular: 'consular_officer', admin: 'administrator' } as const;
  for (const [key, role] of Object.entries(roles) as [keyof typeof roles, (typeof roles)[keyof typeof roles]][]) {
    const user = await buildUser(t, { roles: [role] });
    if (key === 'liaison') liaisonId = user.id;
    cookies[key] = await sessionCookie(t, user);
  }
});
afterAll(() => t.close());

const base = { kit: 'GlobalFiler', lab: 'Central Test Lab', collectedOn: '2026-02-03', collector: 'Test collector', consentReference: 'CONSENT-2026-007' };
const post = (url: string, payload: object, cookie = cookies.supervisor) => t.app.inject({ method: 'POST', url, payload, headers: { cookie } });
const get = (url: string, cookie = cookies.supervisor) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const profilesOf = (ids: string[]) => t.database.db.selectFrom('str_profiles').select(['person_id', 'version', 'superseded_at']).where('person_id', 'in', ids).execute();

describe('profile import', () => {
  it('imports nothing when one row is malformed, naming the row and the marker', async () => {
    const [a, b] = [await buildPerson(t), await buildPerson(t)];
    const content = ['person,marker,allele1,allele2', 'A,D3S1358,15,16', 'A,TH01,6,9.3', 'B,D3S1358,14,15', 'B,TH01,9,3,7', 'B,D99S999,1,2'].join('\n');
    const res = await post('/api/kinship/profiles/import', { ...base, format: 'csv-long', content, people: { A: a, B: b } });
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/row 5, person B, marker TH01: 3 alleles/);
    expect(error.message).toMatch(/row 6, person B, marker D99S999: unknown marker/);
    expect(error.details.errors).toHaveLength(2);
    expect(await profilesOf([a, b])).toEqual([]);
  });

  it('refuses a file whose labels are not all mapped, or a person outside scope, importing nothing', async () => {
    const a = await buildPerson(t);
    const content = 'person,marker,allele1,allele2\nA,TH01,6,7\nZ,TH01,8,9\n';
    const unmapped = await post('/api/kinship/profiles/import', { ...base, format: 'csv-long', content, people: { A: a } });
    expect(unmapped.statusCode).toBe(400);
    expect(unmapped.json().error.message).toMatch(/person Z: no person id given/);
    const notAssigned = await buildPerson(t);
    const outside = await post('/api/kinship/profiles/import', { ...base, format: 'csv-long', content, people: { A: a, Z: notAssigned } }, cookies.liaison);
    expect(outside.statusCode).toBe(404);
    expect(await profilesOf([a, notAssigned])).toEqual([]);
  });

  it('requires consent for DNA use', async () => {
    const a = await buildPerson(t);
    const content = 'person,marker,allele1,allele2\nA,TH01,6,7\n';
    const { consentReference: _consent, ...withoutConsent } = base;
    for (const payload of [withoutConsent, { ...base, consentReference: '   ' }]) {
      const res = await post('/api/kinship/profiles/import', { ...payload, format: 'csv-long', content, people: { A: a } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/consentReference/);
    }
    expect(await profilesOf([a])).toEqual([]);
  });

  it('imports wide CSV and JSON, keeps versions, and records custody and corrections with their reason', async () => {
    const [a, b] = [await buildPerson(t, { assignedTo: [liaisonId] }), await buildPerson(t)];
    const wide = 'person,D3S1358_1,D3S1358_2,TH01_1,TH01_2,FGA\nLAB-1,15,16,9.3,9.3,22/23\n';
    const imported = await post(
      '/api/kinship/profiles/import',
      { ...base, format: 'csv-wide', content: wide, people: { 'LAB-1': a }, kind: 'child', custody: [{ kind: 'shipped', on: '2026-02-04', by: 'Courier' }, { kind: 'received', on: '2026-02-06' }] },
      cookies.liaison,
    );
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().profiles).toEqual([{ id: expect.any(String), personId: a, label: 'LAB-1', version: 1, markers: 3 }]);
    const json = JSON.stringify([{ person: 'R1', sample: 'S-R1', markers: { vWA: ['17', '18'], TH1: ['6'] } }]);
    expect((await post('/api/kinship/profiles/import', { ...base, format: 'json', content: json, people: { R1: b } })).statusCode).toBe(201);

    const profile = (await get(`/api/people/${a}/profile`, cookies.liaison)).json();
    expect(profile).toMatchObject({ personId: a, version: 1, kind: 'child', kit: 'GlobalFiler', sampleId: 'LAB-1', consent: { reference: 'CONSENT-2026-007' } });
    expect(profile.markers).toEqual({ D3S1358: ['15', '16'], TH01: ['9.3', '9.3'], FGA: ['22', '23'] });
    expect(profile.custody.map((e: { kind: string }) => e.kind)).toEqual(['collected', 'shipped', 'received', 'typed']);
    expect((await get(`/api/people/${b}/profile`)).json()).toMatchObject({ sampleId: 'S-R1', markers: { vWA: ['17', '18'], TH01: ['6', '6'] } });

    const noReason = await post(`/api/kinship/profiles/${profile.id}/corrections`, { markers: { TH01: ['9', '9.3'] } });
    expect(noReason.statusCode).toBe(400);
    const corrected = await post(`/api/kinship/profiles/${profile.id}/corrections`, { markers: { TH01: ['9', '9.3'], FGA: null }, reason: 'Lab sheet transcription error' });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.json()).toMatchObject({ personId: a, version: 2 });
    const again = await post(`/api/kinship/profiles/${profile.id}/corrections`, { markers: { TH01: ['9', '9'] }, reason: 'again' });
    expect(again.statusCode).toBe(409);
    const badAllele = await post(`/api/kinship/profiles/${corrected.json().id}/corrections`, { markers: { TH01: ['9,3'] }, reason: 'typo' });
    expect(badAllele.json().error.message).toMatch(/marker TH01: allele "9,3" uses a decimal comma/);
    const after = (await get(`/api/people/${a}/profile`)).json();
    expect(after.markers).toEqual({ D3S1358: ['15', '16'], TH01: ['9', '9.3'] });
    expect(after.versions.map((v: { version: number; supersededAt: string | null }) => [v.version, v.supersededAt === null])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(after.custody.at(-1)).toMatchObject({ kind: 'corrected', reason: 'Lab sheet transcription error', profileVersion: 2 });
  });
});

describe('the genetic category', () => {
  it('is refused to roles that do not read it and audited on every read', async () => {
    const a = await buildPerson(t, { assignedTo: [liaisonId] });
    const content = 'person,marker,allele1,allele2\nA,D21S11,31.2,32.2\n';
    expect((await post('/api/kinship/profiles/import', { ...base, format: 'csv-long', content, people: { A: a } })).statusCode).toBe(201);
    for (const cookie of [cookies.medical, cookies.consular, cookies.admin]) {
      expect((await get(`/api/people/${a}/profile`, cookie)).statusCode).toBe(403);
      expect((await post('/api/kinship/profiles/import', { ...base, format: 'csv-long', content, people: { A: a } }, cookie)).statusCode).toBe(403);
    }
    const outsideAssignment = await buildPerson(t);
    expect((await get(`/api/people/${outsideAssignment}/profile`, cookies.liaison)).statusCode).toBe(404);

    const before = await t.database.db.selectFrom('audit_log').select('seq').where('action', '=', 'genetic.read').where(sql<boolean>`${a} = ANY(target_ids)`).execute();
    expect((await get(`/api/people/${a}/profile`, cookies.liaison)).statusCode).toBe(200);
    expect((await get(`/api/people/${a}/profile`)).statusCode).toBe(200);
    const reads = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'genetic.read').where(sql<boolean>`${a} = ANY(target_ids)`).execute();
    expect(reads.length - before.length).toBe(2);
    expect(JSON.stringify(reads)).not.toMatch(/31\.2|D21S11/);
  });

  it('never puts raw profiles in person views or exports', async () => {
    const a = await buildPerson(t);
    const content = 'person,marker,allele1,allele2\nA,SE33,27.2,30.2\n';
    expect((await post('/api/kinship/profiles/import', { ...base, format: 'csv-long', content, people: { A: a } })).statusCode).toBe(201);
    for (const url of [`/api/people/${a}`, `/api/registry/people/${a}`, '/api/exports/people']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toMatch(/SE33|27\.2|CONSENT-2026/);
    }
  });
});

describe('frequency databases', () => {
  it('starts with the synthetic database as the default, flagged not for casework', async () => {
    const res = await get('/api/kinship/frequencies', cookies.consular);
    expect(res.statusCode).toBe(200);
    const [first] = res.json().databases;
    expect(first).toMatchObject({ name: 'synthetic', synthetic: true, isDefault: true, population: 'synthetic — not for casework' });
    expect(first.markers).toBeGreaterThanOrEqual(40);
  });

  it('lets an administrator import a list-format database, and names the line of a malformed one', async () => {
    const list = 'TH01\n6\t0.25\n9.3\t0.75\n\nD3S1358\n15\t0.5\n16\t0.5\n';
    const request = { name: 'test-list', format: 'list', content: list, population: 'Test population', sourceNote: 'Synthetic test data' };
    const res = await post('/api/kinship/frequencies', request, cookies.admin);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: 'test-list', markers: 2, synthetic: false, isDefault: false, floor: 0.001 });
    const bad = await post('/api/kinship/frequencies', { ...request, content: 'TH01\n6\t0.25\n9,3\t0.75\n' }, cookies.admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/line 3, marker TH01: allele "9,3" uses a decimal comma/);
    expect((await post('/api/kinship/frequencies', { ...request, name: 'synthetic' }, cookies.admin)).statusCode).toBe(409);
    expect((await post('/api/kinship/frequencies', request, cookies.supervisor)).statusCode).toBe(403);
  });
});
