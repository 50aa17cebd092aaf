import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_PERMISSIONS,
  ROLES,
  readableCategoriesForRoles,
  scopeForRoles,
  writableCategoriesForRoles,
  type FieldCategory,
  type Permission,
  type Role,
} from '@homeward/domain';
import { buildCase, buildMission, buildPerson, buildPlace, buildPlacement, buildTeam, buildUser, sessionCookie, type BuiltUser } from '../../test/factories';
import { buildTracingRequest } from '../../test/tracing-factories';
import { buildSuggestion } from '../../test/matching-factories';
import { buildAnalysis, buildMatch, buildProfile, screenOf } from '../../test/kinship-factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { insertSheetImport } from '../modules/imports/sheet-imports.repository';
import { installAccessControl } from './access';
import type { AppContext } from './context';

/**
 * Every route × every role: a role without the permission gets 403; a role with it gets through; a person
 * outside the role's scope answers 404, exactly like one that does not exist.
 */
let t: TestApp;
const actors = new Map<Role, BuiltUser & { cookie: string; teamId: string; organisation: string }>();

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) {
    const teamId = await buildTeam(t);
    const organisation = `Org of ${role}`;
    const user = await buildUser(t, { roles: [role], teamId, organisation });
    actors.set(role, { ...user, cookie: await sessionCookie(t, user), teamId, organisation });
  }
});
afterAll(() => t.close());

type Sample = (role: Role, inScope: boolean) => Promise<{ url: string; payload?: unknown }>;

/**
 * Routes whose service also needs a field category (beyond the route permission): a role holding the
 * permission but not the category is refused with 403 naming it.
 */
const NEEDS_CATEGORY: Record<string, { category: FieldCategory; access: 'read' | 'write' }> = {
  'POST /api/registry/people': { category: 'identity', access: 'write' },
  'GET /api/registry/people/search': { category: 'identity', access: 'read' },
  'GET /api/registry/people/:id': { category: 'identity', access: 'read' },
  'GET /api/registry/people/:id/history': { category: 'identity', access: 'read' },
  'POST /api/registry/people/:id/names': { category: 'identity', access: 'write' },
  'POST /api/registry/people/:id/names/:nameId/corrections': { category: 'identity', access: 'write' },
  'POST /api/registry/people/:id/birth': { category: 'identity', access: 'write' },
  'POST /api/registry/people/:id/relationships': { category: 'identity', access: 'write' },
  'POST /api/people/:id/placements': { category: 'location', access: 'write' },
  'POST /api/people/:id/placements/:placementId/end': { category: 'location', access: 'write' },
  'GET /api/families/:id': { category: 'identity', access: 'read' },
  'GET /api/tracing-requests': { category: 'identity', access: 'read' },
  'GET /api/tracing-requests/:id': { category: 'identity', access: 'read' },
  'POST /api/tracing-requests': { category: 'identity', access: 'write' },
  'PATCH /api/tracing-requests/:id': { category: 'identity', access: 'write' },
  'POST /api/registry/people/:id/photos': { category: 'identity', access: 'write' },
  'GET /api/registry/people/:id/photos/:photoId': { category: 'identity', access: 'read' },
  'POST /api/registry/people/:id/nationality-claims': { category: 'identity', access: 'write' },
  'POST /api/imports/sheets': { category: 'identity', access: 'write' },
  'GET /api/imports/sheets/:id': { category: 'identity', access: 'write' },
  'GET /api/imports/sheets/:id/mapping': { category: 'identity', access: 'write' },
  'POST /api/imports/sheets/:id/preview': { category: 'identity', access: 'write' },
  'POST /api/imports/sheets/:id/import': { category: 'identity', access: 'write' },
  'GET /api/imports/sheets/:id/rows': { category: 'identity', access: 'write' },
  'GET /api/imports/sheets/:id/rejected': { category: 'identity', access: 'write' },
  'GET /api/imports/sheet-sources': { category: 'identity', access: 'write' },
  'POST /api/kinship/profiles/import': { category: 'genetic', access: 'read' },
  'POST /api/kinship/profiles/:id/corrections': { category: 'genetic', access: 'read' },
  'GET /api/people/:id/profile': { category: 'genetic', access: 'read' },
  'POST /api/kinship/questions': { category: 'genetic', access: 'read' },
  'GET /api/kinship/profiles': { category: 'genetic', access: 'read' },
  'GET /api/people/:id/kinship-analyses': { category: 'genetic', access: 'read' },
  'GET /api/kinship/analyses/:id': { category: 'genetic', access: 'read' },
  'GET /api/kinship/analyses/:id/report.pdf': { category: 'genetic', access: 'read' },
  'GET /api/kinship/screens': { category: 'genetic', access: 'read' },
  'POST /api/kinship/screens': { category: 'genetic', access: 'read' },
  'GET /api/kinship/screens/:id': { category: 'genetic', access: 'read' },
  'POST /api/kinship/matches/:id/confirm': { category: 'genetic', access: 'read' },
  'POST /api/kinship/matches/:id/reject': { category: 'genetic', access: 'read' },
  'GET /api/matching/suggestions': { category: 'identity', access: 'read' },
  'GET /api/matching/suggestions/:id': { category: 'identity', access: 'read' },
  'POST /api/matching/suggestions/:id/confirm': { category: 'identity', access: 'read' },
  'POST /api/matching/suggestions/:id/reject': { category: 'identity', access: 'read' },
  'POST /api/matching/suggestions/:id/unsure': { category: 'identity', access: 'read' },
  'POST /api/matching/candidates': { category: 'identity', access: 'read' },
};

async function suggestionFor(role: Role): Promise<string> {
  return buildSuggestion(t, await personFor(role, true), await personFor(role, true));
}

/** A 1×1 PNG: the smallest real image a photo upload accepts. */
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

async function familyFor(role: Role, inScope: boolean): Promise<string> {
  const id = crypto.randomUUID();
  await t.database.db.insertInto('families').values({ id, mission_id: t.app.homeward.missionId, label: 'Test household' }).execute();
  await t.database.db.insertInto('family_members').values({ family_id: id, person_id: await personFor(role, inScope) }).execute();
  return id;
}

async function caseFor(role: Role, inScope: boolean): Promise<string> {
  return buildCase(t, await personFor(role, inScope));
}

async function personFor(role: Role, inScope: boolean): Promise<string> {
  const actor = actors.get(role)!;
  if (!inScope) return buildPerson(t, { missionId: await buildMission(t) });
  return buildPerson(t, { teamId: actor.teamId, assignedTo: [actor.id], sharedWith: actor.organisation });
}

/** A tracing request whose sought person is in (or out of) the role's scope; out of scope it is another mission's. */
async function tracingRequestFor(role: Role, inScope: boolean, consent = true): Promise<string> {
  const actor = actors.get(role)!;
  const personId = await personFor(role, inScope);
  const person = await t.database.db.selectFrom('people').select('mission_id').where('id', '=', personId).executeTakeFirstOrThrow();
  return buildTracingRequest(t, { personIds: [personId], missionId: person.mission_id, teamId: inScope ? actor.teamId : null, consent });
}
/** An uploaded two-column sheet of the test mission (one synthetic row), as the upload route stores it. */
async function sheetFor(): Promise<string> {
  const id = crypto.randomUUID();
  const sheet = { id, missionId: t.app.homeward.missionId, teamId: null, uploadedBy: (await buildUser(t)).id, fileName: 'sample.csv', format: 'csv' as const };
  await insertSheetImport(t.database.db, { ...sheet, sheetName: null, headers: ['Name', 'Age'], headerRow: 1, sourceName: null }, [{ row: 2, cells: ['Sinay', '4'] }]);
  return id;
}
const SHEET_MAPPING = { columns: ['given', 'estimated_age'], ageOn: '2026-11-01' };

const userTarget = async () => (await buildUser(t, { roles: ['caseworker'] })).id;

/** A valid request for each permission-guarded route. A new route without a sample fails this suite. */
const SAMPLES: Record<string, Sample> = {
  'GET /api/users': async () => ({ url: '/api/users' }),
  'GET /api/users/directory': async () => ({ url: '/api/users/directory' }),
  'POST /api/users': async () => ({
    url: '/api/users',
    payload: { username: `new.${Math.random().toString(36).slice(2, 10)}`, displayName: 'New User', password: 'a-long-passphrase-for-tests', roles: ['caseworker'] },
  }),
  'GET /api/users/:id': async () => ({ url: `/api/users/${await userTarget()}` }),
  'PATCH /api/users/:id': async () => ({ url: `/api/users/${await userTarget()}`, payload: { displayName: 'Renamed' } }),
  'POST /api/users/:id/disable': async () => ({ url: `/api/users/${await userTarget()}/disable` }),
  'POST /api/users/:id/enable': async () => ({ url: `/api/users/${await userTarget()}/enable` }),
  'POST /api/users/:id/reset-second-factor': async () => ({ url: `/api/users/${await userTarget()}/reset-second-factor` }),
  'GET /api/people': async () => ({ url: '/api/people' }),
  'POST /api/people': async () => ({
    url: '/api/people',
    payload: { sex: 'F', attributes: [{ category: 'identity', key: 'given_name', value: 'Sinay', source: 'child_statement' }] },
  }),
  'GET /api/people/:id': async (role, inScope) => ({ url: `/api/people/${await personFor(role, inScope)}` }),
  'PATCH /api/people/:id': async (role, inScope) => ({
    url: `/api/people/${await personFor(role, inScope)}`,
    payload: { attributes: [{ category: writableCategoriesForRoles([role])[0] ?? 'notes', key: 'checked', value: true }] },
  }),
  'POST /api/people/:id/assignments': async (role, inScope) => ({
    url: `/api/people/${await personFor(role, inScope)}/assignments`,
    payload: { userId: actors.get(role)!.id },
  }),
  'POST /api/people/:id/shares': async (role, inScope) => ({
    url: `/api/people/${await personFor(role, inScope)}/shares`,
    payload: { organisation: 'ICRC', kind: 'family_links' },
  }),
  'POST /api/registry/people': async () => ({ url: '/api/registry/people', payload: { sex: 'F', names: [{ given: 'Sinay', source: 'child_statement' }] } }),
  'GET /api/registry/people/search': async () => ({ url: '/api/registry/people/search?q=Testa' }),
  'GET /api/registry/people/:id': async (role, inScope) => ({ url: `/api/registry/people/${await personFor(role, inScope)}` }),
  'GET /api/registry/people/:id/history': async (role, inScope) => ({ url: `/api/registry/people/${await personFor(role, inScope)}/history` }),
  'POST /api/registry/people/:id/names': async (role, inScope) => ({
    url: `/api/registry/people/${await personFor(role, inScope)}/names`,
    payload: { given: 'تستا', kind: 'official', source: 'host_record' },
  }),
  'POST /api/registry/people/:id/names/:nameId/corrections': async (role, inScope) => {
    const id = await personFor(role, inScope);
    const name = await t.database.db.selectFrom('person_names').select('id').where('person_id', '=', id).executeTakeFirstOrThrow();
    return { url: `/api/registry/people/${id}/names/${name.id}/corrections`, payload: { given: 'Testə', source: 'document', kind: 'official' } };
  },
  'POST /api/registry/people/:id/birth': async (role, inScope) => ({
    url: `/api/registry/people/${await personFor(role, inScope)}/birth`,
    payload: { estimatedAge: { years: 3, on: '2026-10-01', method: 'medical' }, source: 'medical' },
  }),
  'POST /api/registry/people/:id/relationships': async (role, inScope) => ({
    url: `/api/registry/people/${await personFor(role, inScope)}/relationships`,
    payload: { relatedPersonId: await personFor(role, true), kind: 'sibling', evidenceLevel: 'claimed', source: 'child_statement' },
  }),
  'POST /api/registry/people/:id/identity-decisions': async (role, inScope) => ({
    url: `/api/registry/people/${await personFor(role, inScope)}/identity-decisions`,
    payload: { evidence: ['testimony of the child', 'host-country shelter record'] },
  }),
  'GET /api/cases': async () => ({ url: '/api/cases?ageBand=under_5&flag=orphan&assignedToMe=true' }),
  'POST /api/cases': async (role) => ({ url: '/api/cases', payload: { personId: await personFor(role, true), kind: 'child', flags: ['unaccompanied'] } }),
  'GET /api/cases/:id': async (role, inScope) => ({ url: `/api/cases/${await caseFor(role, inScope)}` }),
  'PATCH /api/cases/:id': async (role, inScope) => ({ url: `/api/cases/${await caseFor(role, inScope)}`, payload: { priority: 'urgent' } }),
  'POST /api/cases/:id/transitions': async (role, inScope) => ({
    url: `/api/cases/${await caseFor(role, inScope)}/transitions`,
    payload: { to: 'registered', reason: 'Registered at the shelter' },
  }),
  'POST /api/cases/:id/tasks': async (role, inScope) => ({ url: `/api/cases/${await caseFor(role, inScope)}/tasks`, payload: { title: 'Visit', dueOn: '2026-12-01' } }),
  'PATCH /api/tasks/:id': async (role, inScope) => {
    const caseId = await caseFor(role, inScope);
    const id = crypto.randomUUID();
    await t.database.db.insertInto('tasks').values({ id, case_id: caseId, title: 'Call the shelter' }).execute();
    return { url: `/api/tasks/${id}`, payload: { status: 'done' } };
  },
  'GET /api/tasks/mine': async () => ({ url: '/api/tasks/mine' }),
  'POST /api/cases/:id/notes': async (role, inScope) => ({
    url: `/api/cases/${await caseFor(role, inScope)}/notes`,
    payload: { category: writableCategoriesForRoles([role])[0] ?? 'notes', body: 'Seen today; well.' },
  }),
  'GET /api/places': async () => ({ url: '/api/places' }),
  'POST /api/places': async () => ({
    url: '/api/places',
    payload: { kind: 'shelter', name: `Sample shelter ${crypto.randomUUID().slice(0, 8)}`, city: 'Baghdad', country: 'IQ', capacity: 40 },
  }),
  'GET /api/places/board': async () => ({ url: `/api/places/board?target=${await buildPlace(t)}` }),
  'GET /api/places/:id': async () => ({ url: `/api/places/${await buildPlace(t)}` }),
  'PATCH /api/places/:id': async () => ({ url: `/api/places/${await buildPlace(t)}`, payload: { capacity: 30, visitRules: 'ICRC by prior request' } }),
  'GET /api/people/:id/placements': async (role, inScope) => ({ url: `/api/people/${await personFor(role, inScope)}/placements` }),
  'POST /api/people/:id/placements': async (role, inScope) => ({
    url: `/api/people/${await personFor(role, inScope)}/placements`,
    payload: { placeId: await buildPlace(t), startOn: new Date().toISOString().slice(0, 10), reason: 'Found at a checkpoint' },
  }),
  'POST /api/people/:id/placements/:placementId/end': async (role, inScope) => {
    const personId = await personFor(role, inScope);
    const placementId = await buildPlacement(t, { personId, placeId: await buildPlace(t), startOn: '2025-01-10' });
    return { url: `/api/people/${personId}/placements/${placementId}/end`, payload: {} };
  },
  'POST /api/families': async (role) => ({ url: '/api/families', payload: { label: 'Test household', memberIds: [await personFor(role, true)] } }),
  'GET /api/families/:id': async (role, inScope) => ({ url: `/api/families/${await familyFor(role, inScope)}` }),
  'POST /api/families/:id/members': async (role, inScope) => ({
    url: `/api/families/${await familyFor(role, inScope)}/members`,
    payload: { personId: await personFor(role, true) },
  }),
  'POST /api/imports/people': async () => ({
    url: '/api/imports/people',
    payload: { sourceSystem: 'sample-list', content: JSON.stringify({ id: `S-${crypto.randomUUID().slice(0, 8)}`, names: [{ given: 'Sinay' }] }) },
  }),
  'GET /api/exports/people': async () => ({ url: '/api/exports/people?sourceSystem=sample-list' }),
  'POST /api/imports/sheets': async () => ({
    url: '/api/imports/sheets',
    payload: { fileName: 'sample.csv', dataBase64: Buffer.from('Name,Age\nSinay,4\n').toString('base64') },
  }),
  'GET /api/imports/sheets/:id': async () => ({ url: `/api/imports/sheets/${await sheetFor()}` }),
  'GET /api/imports/sheets/:id/mapping': async () => ({ url: `/api/imports/sheets/${await sheetFor()}/mapping?source=sample-list` }),
  'POST /api/imports/sheets/:id/preview': async () => ({ url: `/api/imports/sheets/${await sheetFor()}/preview`, payload: { mapping: SHEET_MAPPING } }),
  'POST /api/imports/sheets/:id/import': async () => ({
    url: `/api/imports/sheets/${await sheetFor()}/import`,
    payload: { sourceName: `sample-sheet-${crypto.randomUUID().slice(0, 8)}`, mapping: SHEET_MAPPING },
  }),
  'GET /api/imports/sheets/:id/rows': async () => ({ url: `/api/imports/sheets/${await sheetFor()}/rows` }),
  'GET /api/imports/sheets/:id/rejected': async () => ({ url: `/api/imports/sheets/${await sheetFor()}/rejected?format=xlsx` }),
  'GET /api/imports/sheet-sources': async () => ({ url: '/api/imports/sheet-sources' }),
  'POST /api/registry/people/:id/photos': async (role, inScope) => ({
    url: `/api/registry/people/${await personFor(role, inScope)}/photos`,
    payload: { contentType: 'image/png', dataBase64: TINY_PNG, source: 'officer' },
  }),
  'GET /api/registry/people/:id/photos/:photoId': async (role, inScope) => {
    const id = await personFor(role, inScope);
    const photoId = crypto.randomUUID();
    const bytes = Buffer.from(TINY_PNG, 'base64');
    await t.database.db.insertInto('person_photos').values({ id: photoId, person_id: id, content_type: 'image/png', bytes, sha256: 'x', source: 'officer' }).execute();
    return { url: `/api/registry/people/${id}/photos/${photoId}` };
  },
  'POST /api/registry/people/:id/nationality-claims': async (role, inScope) => ({
    url: `/api/registry/people/${await personFor(role, inScope)}/nationality-claims`,
    payload: { country: 'AZ', basis: 'parent_citizen', source: 'relative' },
  }),
  'GET /api/tracing-requests': async () => ({ url: '/api/tracing-requests?status=open&consent=given&q=Testa' }),
  'POST /api/tracing-requests': async () => ({
    url: '/api/tracing-requests',
    payload: {
      requester: { name: 'Test Requester', relationship: 'grandmother' },
      consentTracing: true,
      district: 'Testrayon',
      soughtPeople: [{ relationshipToRequester: 'granddaughter', sex: 'F', names: [{ given: 'Testa', source: 'relative' }] }],
    },
  }),
  'GET /api/tracing-requests/:id': async (role, inScope) => ({ url: `/api/tracing-requests/${await tracingRequestFor(role, inScope)}` }),
  'PATCH /api/tracing-requests/:id': async (role, inScope) => ({ url: `/api/tracing-requests/${await tracingRequestFor(role, inScope)}`, payload: { district: 'Otherrayon' } }),
  'POST /api/tracing-requests/:id/consent': async (role, inScope) => ({ url: `/api/tracing-requests/${await tracingRequestFor(role, inScope, false)}/consent`, payload: {} }),
  'POST /api/tracing-requests/:id/consent-withdrawal': async (role, inScope) => ({
    url: `/api/tracing-requests/${await tracingRequestFor(role, inScope)}/consent-withdrawal`,
    payload: { reason: 'The family asked to stop' },
  }),
  'POST /api/tracing-requests/:id/close': async (role, inScope) => ({ url: `/api/tracing-requests/${await tracingRequestFor(role, inScope)}/close`, payload: { reason: 'Found and reunited' } }),
  'GET /api/audit': async () => ({ url: '/api/audit' }),
  'POST /api/audit/verify': async () => ({ url: '/api/audit/verify' }),
  'POST /api/kinship/profiles/import': async (role, inScope) => ({
    url: '/api/kinship/profiles/import',
    payload: {
      format: 'csv-long',
      content: 'person,marker,allele1,allele2\nL1,TH01,6,9.3\nL1,D3S1358,15,16\n',
      kit: 'GlobalFiler',
      lab: 'Test lab',
      collectedOn: '2026-01-10',
      collector: 'Test collector',
      consentReference: 'CONSENT-TEST',
      people: { L1: await personFor(role, inScope) },
    },
  }),
  'POST /api/kinship/profiles/:id/corrections': async (role, inScope) => ({
    url: `/api/kinship/profiles/${await buildProfile(t, await personFor(role, inScope))}/corrections`,
    payload: { markers: { TH01: ['7', '9.3'] }, reason: 'Transcription error on the lab sheet' },
  }),
  'GET /api/people/:id/profile': async (role, inScope) => {
    const id = await personFor(role, inScope);
    await buildProfile(t, id);
    return { url: `/api/people/${id}/profile` };
  },
  'GET /api/kinship/frequencies': async () => ({ url: '/api/kinship/frequencies' }),
  'POST /api/kinship/frequencies': async () => ({
    url: '/api/kinship/frequencies',
    payload: { name: `sample-${crypto.randomUUID().slice(0, 8)}`, format: 'csv', content: 'marker,allele,frequency\nTH01,6,0.3\nTH01,9.3,0.7\n', population: 'Sample', sourceNote: 'Synthetic sample' },
  }),
  'POST /api/kinship/questions': async (role, inScope) => {
    const [a, b] = [await personFor(role, inScope), await personFor(role, inScope)];
    await buildProfile(t, a);
    await buildProfile(t, b);
    return { url: '/api/kinship/questions', payload: { a, b, relationship: 'parent-child' } };
  },
  'GET /api/kinship/profiles': async (role, inScope) => {
    const id = await personFor(role, inScope);
    await buildProfile(t, id);
    return { url: `/api/kinship/profiles?people=${id}` };
  },
  'GET /api/people/:id/kinship-analyses': async (role, inScope) => ({ url: `/api/people/${await personFor(role, inScope)}/kinship-analyses` }),
  'GET /api/kinship/analyses/:id': async (role, inScope) => ({ url: `/api/kinship/analyses/${await buildAnalysis(t, await personFor(role, inScope), await personFor(role, inScope))}` }),
  'GET /api/kinship/analyses/:id/report.pdf': async (role, inScope) => ({
    url: `/api/kinship/analyses/${await buildAnalysis(t, await personFor(role, inScope), await personFor(role, inScope))}/report.pdf`,
  }),
  'GET /api/kinship/screens': async () => ({ url: '/api/kinship/screens' }),
  'POST /api/kinship/screens': async (role, inScope) => {
    const [child, relative] = [await personFor(role, inScope), await personFor(role, inScope)];
    await buildProfile(t, child, { kind: 'child' });
    await buildProfile(t, relative);
    return {
      url: '/api/kinship/screens',
      payload: { children: [child], families: [{ id: 'F1', pedigree: [{ id: relative, sex: 'F' }, { id: 'C', sex: 'M', mother: relative }], missing: ['C'] }] },
    };
  },
  'GET /api/kinship/screens/:id': async (role, inScope) => ({
    url: `/api/kinship/screens/${await screenOf(t, await buildMatch(t, await personFor(role, inScope), await personFor(role, inScope)))}`,
  }),
  'POST /api/kinship/matches/:id/confirm': async (role, inScope) => ({
    url: `/api/kinship/matches/${await buildMatch(t, await personFor(role, inScope), await personFor(role, true))}/confirm`,
    payload: {},
  }),
  'POST /api/kinship/matches/:id/reject': async (role, inScope) => ({
    url: `/api/kinship/matches/${await buildMatch(t, await personFor(role, inScope), await personFor(role, true))}/reject`,
    payload: { note: 'The family was already identified otherwise' },
  }),
  'GET /api/matching/suggestions': async () => ({ url: '/api/matching/suggestions?kind=duplicate&status=open&band=match' }),
  'GET /api/matching/suggestions/:id': async (role) => ({ url: `/api/matching/suggestions/${await suggestionFor(role)}` }),
  'POST /api/matching/suggestions/:id/confirm': async (role) => ({ url: `/api/matching/suggestions/${await suggestionFor(role)}/confirm`, payload: { reason: 'Same shelter record' } }),
  'POST /api/matching/suggestions/:id/reject': async (role) => ({ url: `/api/matching/suggestions/${await suggestionFor(role)}/reject`, payload: { reason: 'Different mothers' } }),
  'POST /api/matching/suggestions/:id/unsure': async (role) => ({ url: `/api/matching/suggestions/${await suggestionFor(role)}/unsure`, payload: { reason: 'Ask the shelter for the intake form' } }),
  'POST /api/matching/candidates': async () => ({ url: '/api/matching/candidates', payload: { sex: 'F', names: [{ given: 'Testa' }], birth: { date: '2015' } } }),
};

const guarded = () =>
  t.app.homeward.routes.filter((r) => (ALL_PERMISSIONS as readonly string[]).includes(r.access) && r.method !== 'HEAD');

describe('route declarations', () => {
  it('every API route declares who may call it, and every permission route has a sample here', () => {
    const routes = t.app.homeward.routes;
    expect(routes.length).toBeGreaterThan(15);
    for (const r of routes) expect(r.access, `${r.method} ${r.url}`).toBeTruthy();
    for (const r of guarded()) expect(SAMPLES[`${r.method} ${r.url}`], `no sample for ${r.method} ${r.url}`).toBeDefined();
  });

  it('refuses to register a route that does not declare its access', async () => {
    const app = Fastify();
    installAccessControl(app, {} as AppContext);
    expect(() => app.get('/api/undeclared', async () => 'x')).toThrow(/does not declare who may call it/);
    await app.close();
  });

  it('answers 401 to every guarded route without a session', async () => {
    for (const r of guarded()) {
      const sample = await SAMPLES[`${r.method} ${r.url}`]!('administrator', true);
      const res = await t.app.inject({ method: r.method as 'GET', url: sample.url, payload: sample.payload as object });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });
});

describe.each(ROLES)('role %s', (role) => {
  it('is refused (403) exactly the routes its policy does not grant, and let through the rest', async () => {
    const actor = actors.get(role)!;
    for (const r of guarded()) {
      const permission = r.access as Permission;
      const sample = await SAMPLES[`${r.method} ${r.url}`]!(role, true);
      const res = await t.app.inject({ method: r.method as 'GET', url: sample.url, payload: sample.payload as object, headers: { cookie: actor.cookie } });
      const label = `${role} ${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 200)}`;
      const needs = NEEDS_CATEGORY[`${r.method} ${r.url}`];
      const categories = needs?.access === 'read' ? readableCategoriesForRoles([role]) : writableCategoriesForRoles([role]);
      if (scopeForRoles([role], permission) === null) {
        expect(res.statusCode, label).toBe(403);
        expect(res.json().error.code, label).toBe('forbidden');
      } else if (needs && !categories.includes(needs.category)) {
        expect(res.statusCode, label).toBe(403);
        expect(res.json().error.message, label).toMatch(new RegExp(needs.category));
      } else {
        expect(res.statusCode, label).toBeGreaterThanOrEqual(200);
        expect(res.statusCode, label).toBeLessThan(300);
      }
    }
  });

  it('gets 404 for a person outside its scope, as for one that does not exist', async () => {
    const actor = actors.get(role)!;
    const recordRoutes = guarded().filter((r) => /^\/api\/(people|registry\/people|cases|tasks|families|tracing-requests)\/:id/.test(r.url));
    expect(recordRoutes.length).toBeGreaterThanOrEqual(15);
    for (const r of recordRoutes) {
      const scope = scopeForRoles([role], r.access as Permission);
      if (scope === null || scope === 'all') continue;
      const needs = NEEDS_CATEGORY[`${r.method} ${r.url}`];
      const categories = needs?.access === 'read' ? readableCategoriesForRoles([role]) : writableCategoriesForRoles([role]);
      if (needs && !categories.includes(needs.category)) continue;
      const sample = await SAMPLES[`${r.method} ${r.url}`]!(role, false);
      const res = await t.app.inject({ method: r.method as 'GET', url: sample.url, payload: sample.payload as object, headers: { cookie: actor.cookie } });
      expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(404);
      const missing = await t.app.inject({
        method: r.method as 'GET',
        url: sample.url.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, '00000000-0000-4000-8000-000000000000'),
        payload: sample.payload as object,
        headers: { cookie: actor.cookie },
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual(res.json());
    }
  });
});
