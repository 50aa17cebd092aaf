import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { registerPersonRequestSchema } from '@homeward/domain';
import { buildUser, sessionCookie } from '../../../test/factories';
import { buildTracingRequest } from '../../../test/matching-factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { inTransaction } from '../../lib/transaction';
import { DEFAULT_MATCH_PARAMETERS } from '@homeward/domain/matching';
import { featuresOf, findCandidateIds, loadMatchModel, loadMatchRecords } from './matching.engine';
import { indexedCount, queueMatching } from './matching.repository';

/**
 * Matching on a real database: SQL blocking finds the Arabic shelter record of a child sought in Latin script
 * among a registry of others, the background job stores the suggestion with its reasons, a rejected pair stays
 * rejected until one side's facts change, and confirming a tracing pair finds the child in the family.
 * Synthetic people only.
 */
let t: TestApp;
let officer: string;
let supervisor: string;
let supervisorId: string;
let liaison: { id: string; cookie: string };

beforeAll(async () => {
  t = await createTestApp();
  officer = await sessionCookie(t, await buildUser(t, { roles: ['consular_officer'] }));
  const sup = await buildUser(t, { roles: ['supervisor'] });
  supervisorId = sup.id;
  supervisor = await sessionCookie(t, sup);
  const l = await buildUser(t, { roles: ['family_liaison'] });
  liaison = { id: l.id, cookie: await sessionCookie(t, l) };
});
afterAll(() => t.close());

const post = (url: string, payload: object, cookie = officer) => t.app.inject({ method: 'POST', url, payload, headers: { cookie } });
const get = (url: string, cookie = officer) => t.app.inject({ method: 'GET', url, headers: { cookie } });

type Registration = z.input<typeof registerPersonRequestSchema>;

async function register(body: Registration, cookie = officer): Promise<string> {
  const res = await post('/api/registry/people', { sex: 'U', ...body }, cookie);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const arabicChild = {
  sex: 'F' as const,
  names: [{ given: 'خديجة', father: 'رؤوف', grandfather: 'قلي', script: 'Arab' as const, kind: 'official' as const, source: 'host_record' as const, confidence: 'medium' as const }],
  birth: { estimatedAge: { years: 2, on: '2017-09-10', method: 'medical' as const }, source: 'medical' as const, confidence: 'medium' as const },
};
const soughtGranddaughter = {
  sex: 'F' as const,
  names: [{ given: 'Xədicə', father: 'Rauf qızı', family: 'Quliyeva', kind: 'reported' as const, source: 'relative' as const, confidence: 'medium' as const }],
  birth: { date: '2015', source: 'relative' as const, confidence: 'medium' as const },
};

const OTHERS: Array<[string, string, string, 'F' | 'M', string]> = [
  ['Aysel', 'Elçin', 'Məmmədova', 'F', '2013'],
  ['Tural', 'Vüqar', 'Həsənov', 'M', '2014'],
  ['Nərmin', 'Rəşad', 'Əliyeva', 'F', '2016'],
  ['Murad', 'Anar', 'Hüseynov', 'M', '2012'],
  ['Zəhra', 'Rauf', 'Quliyeva', 'F', '2009'],
  ['Leyla', 'Samir', 'Babayeva', 'F', '2015'],
  ['Elvin', 'Kamran', 'Rzayev', 'M', '2011'],
  ['Fatimə', 'Orxan', 'Nəsirova', 'F', '2017'],
  ['Ömər', 'Fuad', 'İsmayılov', 'M', '2016'],
  ['Sara', 'Tofiq', 'Kərimova', 'F', '2014'],
  ['Yusif', 'Nicat', 'Abbasov', 'M', '2013'],
  ['Mədinə', 'Ramil', 'Səfərova', 'F', '2012'],
];

async function registerOthers(): Promise<string[]> {
  const ids: string[] = [];
  for (const [given, father, family, sex, year] of OTHERS) {
    ids.push(
      await register({
        sex,
        names: [{ given, father, family, kind: 'official', source: 'document', confidence: 'medium' }],
        birth: { date: year, source: 'document', confidence: 'medium' },
      }),
    );
  }
  return ids;
}

async function drain() {
  await t.app.homeward.matching.drain();
}

async function suggestionsOf(personId: string) {
  return t.database.db
    .selectFrom('match_suggestions')
    .selectAll()
    .where((eb) => eb.or([eb('person_a', '=', personId), eb('person_b', '=', personId)]))
    .orderBy('created_at')
    .execute();
}

let found: string;
let sought: string;
let father: string;
let request: string;

describe('candidate blocking in SQL', () => {
  it('finds the Arabic shelter record for a Latin-script request among a registry of others, without scoring everyone', async () => {
    const others = await registerOthers();
    found = await register(arabicChild);
    sought = await register(soughtGranddaughter);
    father = await register({ sex: 'M', names: [{ given: 'Rauf', family: 'Quliyev', kind: 'reported', source: 'relative', confidence: 'medium' }] });
    const link = await post(`/api/registry/people/${sought}/relationships`, { relatedPersonId: father, kind: 'father', evidenceLevel: 'claimed', source: 'relative' });
    expect(link.statusCode, link.body).toBe(204);
    request = await buildTracingRequest(t, { soughtIds: [sought], createdBy: liaison.id });
    await t.database.db.updateTable('people').set({ is_sought: true }).where('id', 'in', [sought, father]).execute();
    await inTransaction(t.database.db, (trx) => queueMatching(trx, [sought, father]));
    await drain();

    await inTransaction(t.database.db, async (trx) => {
      const total = await indexedCount(trx);
      expect(total).toBeGreaterThanOrEqual(others.length + 3);
      const record = (await loadMatchRecords(trx, [sought])).get(sought)!;
      expect(record.father?.names?.[0]).toMatchObject({ given: 'Rauf', family: 'Quliyev' });
      const candidates = await findCandidateIds(trx, featuresOf(record), { missionId: t.app.homeward.missionId, exclude: sought, sought: false }, total);
      expect(candidates).toContain(found);
      expect(candidates.length).toBeLessThan(total / 2);
    });
  });
});

describe('background matching', () => {
  it('stores a tracing suggestion with its per-field reasons, from a job with persisted progress', async () => {
    const rows = await suggestionsOf(sought);
    const tracing = rows.filter((r) => r.kind === 'tracing' && r.status === 'proposed');
    expect(tracing.map((r) => (r.person_a === sought ? r.person_b : r.person_a))).toContain(found);
    const pair = tracing.find((r) => r.person_a === found || r.person_b === found)!;
    expect(pair.band).toBe('match');
    expect(pair.probability).toBeGreaterThan(0.4);
    const explanation = pair.explanation as { fields: Array<{ field: string; level: string; weight: number }>; vector: number[] };
    expect(explanation.vector).toHaveLength(10);
    const given = explanation.fields.find((f) => f.field === 'given')!;
    expect(given.level).toBe('exact');
    expect(given.weight).toBeGreaterThan(3);
    expect(explanation.fields.find((f) => f.field === 'father')?.weight).toBeGreaterThan(0);

    const jobs = await t.database.db.selectFrom('jobs').selectAll().where('kind', '=', 'matching').execute();
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.filter((j) => j.status === 'failed').map((j) => j.error)).toEqual([]);
    const last = jobs.at(-1)!;
    expect(last.progress_done).toBe(last.progress_total);
    expect(await t.database.db.selectFrom('person_match_queue').selectAll().execute()).toEqual([]);
    // A sought person is never matched against another sought person.
    expect(rows.some((r) => r.person_a === father || r.person_b === father)).toBe(false);
  });

  it('finds a registry duplicate (one child registered twice, in Latin and in Cyrillic)', async () => {
    const latin = await register({
      sex: 'M',
      names: [{ given: 'Tamerlan', father: 'Elşad', family: 'Nağıyev', kind: 'official', source: 'document', confidence: 'medium' }],
      birth: { date: '2014-05-02', source: 'document', confidence: 'medium' },
    });
    const cyrillic = await register({
      sex: 'M',
      names: [{ full: 'Нагиев Тамерлан Эльшадович', script: 'Cyrl', kind: 'official', source: 'document', confidence: 'medium' }],
      birth: { date: '2014-05-02', source: 'document', confidence: 'medium' },
    });
    const brother = await register({
      sex: 'M',
      names: [{ given: 'Rüstəm', father: 'Elşad', family: 'Nağıyev', kind: 'official', source: 'document', confidence: 'medium' }],
      birth: { date: '2015-08-11', source: 'document', confidence: 'medium' },
    });
    await drain();
    const dup = (await suggestionsOf(latin)).find((r) => r.kind === 'duplicate' && (r.person_a === cyrillic || r.person_b === cyrillic));
    expect(dup?.status).toBe('proposed');
    expect(dup?.band).toBe('match');
    // A brother shares father, surname and more, but not his own name: never a strong match.
    const sibling = (await suggestionsOf(brother)).filter((r) => r.kind === 'duplicate');
    expect(sibling.every((r) => r.band === 'review')).toBe(true);

    const res = await post(`/api/matching/suggestions/${dup!.id}/confirm`, { reason: 'Same birth certificate' }, supervisor);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'confirmed', effects: { foundPersonId: null, relationships: 0 } });
    // Recorded, not merged: both records remain.
    const both = await t.database.db.selectFrom('people').select('id').where('id', 'in', [latin, cyrillic]).execute();
    expect(both).toHaveLength(2);
  });

  it('never matches a record without consent, and withdraws its open suggestions', async () => {
    const noConsent = await register(soughtGranddaughter);
    await buildTracingRequest(t, { soughtIds: [noConsent], consent: false });
    await inTransaction(t.database.db, (trx) => queueMatching(trx, [noConsent]));
    await drain();
    expect((await suggestionsOf(noConsent)).filter((s) => s.status === 'proposed')).toEqual([]);
    expect(await t.database.db.selectFrom('person_match_keys').select('key').where('person_id', '=', noConsent).execute()).toEqual([]);
  });
});

describe('review', () => {
  it('shows both sides with each name in its script, its reading and the family context (an audited read)', async () => {
    const queue = await get('/api/matching/suggestions?kind=tracing');
    expect(queue.statusCode, queue.body).toBe(200);
    const item = queue.json().items.find((i: { a: { id: string }; b: { id: string } }) => [i.a.id, i.b.id].includes(found));
    expect(item).toBeDefined();
    const res = await get(`/api/matching/suggestions/${item.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const foundSide = body.a.id === found ? body.a : body.b;
    const soughtSide = body.a.id === found ? body.b : body.a;
    expect(foundSide.names[0].script).toBe('Arab');
    expect(foundSide.names[0].parts[0]).toMatchObject({ role: 'given', text: 'خديجة' });
    expect(foundSide.names[0].parts[0].reading).toMatch(/^x/);
    expect(soughtSide.tracingRequest).toMatchObject({ id: request, status: 'open' });
    expect(soughtSide.relatives).toEqual([expect.objectContaining({ personId: father, kind: 'father' })]);
    expect(body.fields.map((f: { field: string }) => f.field)).toContain('given');
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'target_ids']).where('action', '=', 'match.read').execute();
    expect(audit.at(-1)?.target_ids).toEqual(expect.arrayContaining([found, sought]));
  });

  it('pages the queue by keyset, best first', async () => {
    const first = await get('/api/matching/suggestions?status=open&limit=1');
    const second = await get(`/api/matching/suggestions?status=open&limit=1&after=${first.json().nextAfter}`);
    expect(first.json().items).toHaveLength(1);
    if (second.json().items.length > 0) {
      expect(second.json().items[0].id).not.toBe(first.json().items[0].id);
      expect(second.json().items[0].probability).toBeLessThanOrEqual(first.json().items[0].probability);
    }
    expect((await get('/api/matching/suggestions?after=garbage')).statusCode).toBe(400);
  });

  it('requires a reason to reject, lets reviewers say "not sure" but only supervisors decide', async () => {
    const [s] = (await suggestionsOf(found)).filter((r) => r.kind === 'tracing' && r.status === 'proposed');
    expect((await post(`/api/matching/suggestions/${s!.id}/reject`, {}, supervisor)).statusCode).toBe(400);
    expect((await post(`/api/matching/suggestions/${s!.id}/confirm`, {}, officer)).statusCode).toBe(403);
    const unsure = await post(`/api/matching/suggestions/${s!.id}/unsure`, { reason: 'Ask the grandmother about a birthmark' }, liaison.cookie);
    expect(unsure.statusCode, unsure.body).toBe(200);
    const row = await t.database.db.selectFrom('match_suggestions').selectAll().where('id', '=', s!.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'unsure', reason: 'Ask the grandmother about a birthmark', reviewed_by: liaison.id });
  });
});

describe('rejection memory', () => {
  it('does not propose a rejected pair again until one side gains new evidence', async () => {
    const child = await register({ ...arabicChild, names: [{ ...arabicChild.names[0]!, given: 'زينب' }] });
    const wanted = await register({ ...soughtGranddaughter, names: [{ ...soughtGranddaughter.names[0]!, given: 'Zeynəb' }] });
    await buildTracingRequest(t, { soughtIds: [wanted] });
    await inTransaction(t.database.db, (trx) => queueMatching(trx, [wanted]));
    await drain();
    const [pair] = (await suggestionsOf(wanted)).filter((s) => s.status === 'proposed' && (s.person_a === child || s.person_b === child));
    expect(pair).toBeDefined();
    const rejected = await post(`/api/matching/suggestions/${pair!.id}/reject`, { reason: 'The shelter says she has a brother; the request has none' }, supervisor);
    expect(rejected.statusCode, rejected.body).toBe(200);

    // Matching again on unchanged facts: nothing new.
    await inTransaction(t.database.db, (trx) => queueMatching(trx, [wanted, child]));
    await drain();
    expect((await suggestionsOf(wanted)).filter((s) => s.person_a === child || s.person_b === child).map((s) => s.status)).toEqual(['rejected']);

    // New evidence on one side (a birth recorded by a doctor): proposed again, as a new suggestion.
    const birth = await post(`/api/registry/people/${child}/birth`, { estimatedAge: { years: 2, on: '2017-10-01', method: 'dental' }, source: 'medical' });
    expect(birth.statusCode, birth.body).toBe(201);
    await drain();
    const statuses = (await suggestionsOf(wanted)).filter((s) => s.person_a === child || s.person_b === child).map((s) => s.status);
    expect(statuses).toEqual(['rejected', 'proposed']);
  });

  it('supersedes an open pair when a side changes so that it no longer scores', async () => {
    const child = await register({ ...arabicChild, names: [{ ...arabicChild.names[0]!, given: 'مريم' }] });
    const wanted = await register({ ...soughtGranddaughter, names: [{ ...soughtGranddaughter.names[0]!, given: 'Məryəm' }] });
    await buildTracingRequest(t, { soughtIds: [wanted] });
    await inTransaction(t.database.db, (trx) => queueMatching(trx, [wanted]));
    await drain();
    const open = (await suggestionsOf(wanted)).find((s) => s.person_a === child || s.person_b === child);
    expect(open?.status).toBe('proposed');
    const name = await t.database.db.selectFrom('person_names').select('id').where('person_id', '=', child).executeTakeFirstOrThrow();
    const corrected = await post(`/api/registry/people/${child}/names/${name.id}/corrections`, { given: 'Tamerlan', family: 'Nağıyev', kind: 'official', source: 'document' });
    expect(corrected.statusCode, corrected.body).toBe(201);
    await post(`/api/registry/people/${child}/birth`, { date: '2001', source: 'document' });
    await drain();
    const after = await t.database.db.selectFrom('match_suggestions').select('status').where('id', '=', open!.id).executeTakeFirstOrThrow();
    expect(after.status).toBe('superseded');
  });
});

describe('confirming a tracing match', () => {
  it('finds the sought person: request found, family, relationship to the relatives, a task for the liaison, audited', async () => {
    const [s] = (await suggestionsOf(found)).filter((r) => r.kind === 'tracing' && (r.status === 'proposed' || r.status === 'unsure') && [r.person_a, r.person_b].includes(sought));
    expect(s).toBeDefined();
    const res = await post(`/api/matching/suggestions/${s!.id}/confirm`, { reason: 'The grandmother recognised the birthmark' }, supervisor);
    expect(res.statusCode, res.body).toBe(200);
    const { effects } = res.json();
    expect(effects).toMatchObject({ foundPersonId: found, soughtPersonId: sought, tracingRequestId: request, tracingRequestStatus: 'found', relationships: 1 });

    const trp = await t.database.db.selectFrom('tracing_request_people').selectAll().where('tracing_request_id', '=', request).executeTakeFirstOrThrow();
    expect(trp.found_person_id).toBe(found);
    expect(trp.found_at).not.toBeNull();
    const req = await t.database.db.selectFrom('tracing_requests').selectAll().where('id', '=', request).executeTakeFirstOrThrow();
    expect(req.status).toBe('found');
    expect(req.family_id).toBe(effects.familyId);
    const members = await t.database.db.selectFrom('family_members').select('person_id').where('family_id', '=', effects.familyId).execute();
    expect(members.map((m) => m.person_id).sort()).toEqual([found, father].sort());
    const rel = await t.database.db.selectFrom('relationships').selectAll().where('person_id', '=', found).where('related_person_id', '=', father).where('superseded_at', 'is', null).executeTakeFirstOrThrow();
    expect(rel).toMatchObject({ kind: 'father', evidence_level: 'claimed', source: 'relative' });
    const task = await t.database.db.selectFrom('tasks').selectAll().where('id', '=', effects.taskId).executeTakeFirstOrThrow();
    expect(task).toMatchObject({ case_id: effects.caseId, assignee_id: liaison.id, status: 'open' });
    const kase = await t.database.db.selectFrom('cases').select('person_id').where('id', '=', effects.caseId).executeTakeFirstOrThrow();
    expect(kase.person_id).toBe(found);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor_user_id']).where('action', '=', 'match.confirm').execute();
    expect(audit.at(-1)?.actor_user_id).toBe(supervisorId);
    // Decided: a second decision is refused.
    expect((await post(`/api/matching/suggestions/${s!.id}/reject`, { reason: 'changed my mind' }, supervisor)).statusCode).toBe(409);
  });

  it('feeds decisions back into the model (confirmed and rejected comparison vectors)', async () => {
    await inTransaction(t.database.db, (trx) => queueMatching(trx, [found]));
    await drain();
    const model = await inTransaction(t.database.db, (trx) => loadMatchModel(trx));
    // The confirmed and rejected pairs of the tests above. How many depends on which pairs the background
    // job had proposed when each decision was taken, so it is counted rather than assumed.
    const decided = await t.database.db.selectFrom('match_suggestions').select('status').where('status', 'in', ['confirmed', 'rejected']).execute();
    expect(decided.some((d) => d.status === 'confirmed') && decided.some((d) => d.status === 'rejected')).toBe(true);
    expect(model.decisions).toBe(decided.length);
    expect(model.params.version).toMatch(new RegExp(`\\+review${decided.length}$`));
    // Confirmed pairs raise m of the levels they agreed on (here: the own name, exact).
    expect(model.params.fields.given.m[0]).not.toBe(DEFAULT_MATCH_PARAMETERS.fields.given.m[0]);
    const jobs = await t.database.db.selectFrom('jobs').select('result').where('kind', '=', 'matching').where('status', '=', 'succeeded').execute();
    expect(Math.max(...jobs.map((j) => (j.result as { decisions: number }).decisions))).toBe(decided.length);
  });
});

describe('search before create', () => {
  it('scores an unsaved record against SQL candidates with the engine: Latin typing finds the Arabic record', async () => {
    const res = await post('/api/matching/candidates', { sex: 'F', names: [{ given: 'Khadija', father: 'Rauf' }], birth: { date: '2015' } });
    expect(res.statusCode, res.body).toBe(200);
    const candidates = res.json().candidates as Array<{ id: string; probability: number; why: Array<{ field: string }> }>;
    expect(candidates.map((c) => c.id)).toContain(found);
    const hit = candidates.find((c) => c.id === found)!;
    expect(hit.why.map((w) => w.field)).toEqual(expect.arrayContaining(['given', 'father']));
    expect(candidates[0]!.probability).toBeGreaterThanOrEqual(hit.probability);
    expect((await post('/api/matching/candidates', { names: [] })).statusCode).toBe(400);
  });

  it('finds an imported child from just her own name typed in Cyrillic', async () => {
    const content = JSON.stringify({ id: 'SBC-1', sex: 'F', names: [{ given: 'نرجس', father: 'طاهر', kind: 'official' }, { given: 'Nərgiz', family: 'Baharlı', kind: 'reported' }] });
    const imported = await post('/api/imports/people', { sourceSystem: 'sbc-list', content });
    expect(imported.statusCode, imported.body).toBe(202);
    await t.app.homeward.matching.drain();
    const res = await post('/api/matching/candidates', { names: [{ given: 'Наргиз' }] });
    expect(res.statusCode, res.body).toBe(200);
    const names = (res.json().candidates as Array<{ displayName: string }>).map((c) => c.displayName);
    expect(names.some((n) => /نرجس|Nərgiz/.test(n))).toBe(true);
  });
});
