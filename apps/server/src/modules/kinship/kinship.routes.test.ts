import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerKinshipQuestion, frequencyDatabase } from '@homeward/domain/kinship';
import { buildPerson, buildUser, sessionCookie } from '../../../test/factories';
import { genotypeSampler, seeded, type Genotypes } from '../../../test/kinship-factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

/**
 * Kinship questions and screening through the API: the forrel parent–child case against the engine, and a
 * tiny screen end to end (job progress, undisputed identifications, a supervisor's confirmation recorded
 * as a DNA-supported relationship).
 */
let t: TestApp;
let supervisor: string;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  supervisor = await sessionCookie(t, await buildUser(t, { roles: ['supervisor'] }));
  admin = await sessionCookie(t, await buildUser(t, { roles: ['administrator'] }));
});
afterAll(() => t.close());

const post = (url: string, payload: object, cookie = supervisor) => t.app.inject({ method: 'POST', url, payload, headers: { cookie } });
const get = (url: string, cookie = supervisor) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const lab = { kit: 'GlobalFiler', lab: 'Central Test Lab', collectedOn: '2026-02-03', collector: 'Test collector', consentReference: 'CONSENT-2026-011' };

async function person(sex: 'F' | 'M', sought = false): Promise<string> {
  const id = await buildPerson(t);
  await t.database.db.updateTable('people').set({ sex, is_sought: sought }).where('id', '=', id).execute();
  return id;
}

async function importProfiles(profiles: Record<string, Genotypes>, kind: 'child' | 'reference') {
  const content = JSON.stringify(Object.entries(profiles).map(([id, markers]) => ({ person: `L-${id}`, markers })));
  const people = Object.fromEntries(Object.keys(profiles).map((id) => [`L-${id}`, id]));
  const res = await post('/api/kinship/profiles/import', { ...lab, format: 'json', content, people, kind });
  expect(res.statusCode, res.body).toBe(201);
}

describe('kinship questions', () => {
  it('answers the forrel case (father A/A, child A/A, pA = 0.05) with LR 20, exactly as the engine does', async () => {
    const frequencies = await post('/api/kinship/frequencies', { name: 'forrel-test', format: 'csv', content: 'marker,allele,frequency\nTH01,6,0.05\nTH01,7,0.95\n', population: 'Test', sourceNote: 'Synthetic test data' }, admin);
    expect(frequencies.statusCode, frequencies.body).toBe(201);
    const [father, child] = [await person('M'), await person('F')];
    await importProfiles({ [father]: { TH01: ['6', '6'] }, [child]: { TH01: ['6', '6'] } }, 'reference');

    const res = await post('/api/kinship/questions', { a: child, b: father, relationship: 'parent-child', frequencies: 'forrel-test' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.answer.lr).toBeCloseTo(20, 10);
    expect(body.frequencies).toEqual({ name: 'forrel-test', population: 'Test', synthetic: false });
    const engine = answerKinshipQuestion(
      {
        a: child,
        b: father,
        relationship: 'parent-child',
        a_sex: 'F',
        b_sex: 'M',
        frequencies: 'forrel-test',
        profiles: [
          { person: father, markers: { TH01: ['6', '6'] } },
          { person: child, markers: { TH01: ['6', '6'] } },
        ],
      },
      { database: frequencyDatabase({ TH01: { 6: 0.05, 7: 0.95 } }, { name: 'forrel-test' }) },
    );
    expect(body.answer).toEqual(JSON.parse(JSON.stringify(engine)));

    const pedigree = await post('/api/kinship/questions', {
      frequencies: 'forrel-test',
      claimed: [{ id: father, sex: 'M' }, { id: 'Mo', sex: 'F' }, { id: child, sex: 'F', father, mother: 'Mo' }],
    });
    expect(pedigree.json().answer.lr).toBeCloseTo(20, 10);
    const stored = await t.database.db.selectFrom('kinship_analyses').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(stored.person_ids.sort()).toEqual([father, child].sort());
    expect(JSON.stringify(stored.question)).not.toMatch(/TH01/);
  });

  it('says when the synthetic default database was used, and refuses an unknown one', async () => {
    const [a, b] = [await person('M'), await person('F')];
    await importProfiles({ [a]: { D3S1358: ['15', '16'], TH01: ['6', '9.3'] }, [b]: { D3S1358: ['15', '17'], TH01: ['9.3', '9.3'] } }, 'reference');
    const res = await post('/api/kinship/questions', { a, b, relationship: 'full-siblings' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().frequencies).toMatchObject({ name: 'synthetic', synthetic: true });
    const unknown = await post('/api/kinship/questions', { a, b, relationship: 'full-siblings', frequencies: 'nowhere' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/No frequency database named "nowhere"/);
  });
});

async function waitForJob(jobId: string) {
  for (let i = 0; i < 500; i++) {
    const job = (await get(`/api/jobs/${jobId}`)).json();
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the screen did not finish');
}

async function household(members: string[], child: string, father: string, mother: string): Promise<string> {
  const id = randomUUID();
  await t.database.db.insertInto('families').values({ id, mission_id: t.app.homeward.missionId, label: 'Test household' }).execute();
  await t.database.db.insertInto('family_members').values(members.map((person_id) => ({ family_id: id, person_id }))).execute();
  await t.database.db
    .insertInto('relationships')
    .values([
      { person_id: child, related_person_id: father, kind: 'father', evidence_level: 'claimed', source: 'relative' },
      { person_id: child, related_person_id: mother, kind: 'mother', evidence_level: 'claimed', source: 'relative' },
    ])
    .execute();
  return id;
}

describe('screening', () => {
  it('runs as a job, finds the undisputed identifications, and a confirmation records a DNA-supported relationship', async () => {
    const { person: founder, child: offspring } = genotypeSampler(seeded(11));
    const [fa, ma, sa, fb, mb, sb] = [await person('M'), await person('F'), await person('F', true), await person('M'), await person('F'), await person('M', true)];
    const [ca, cb, cx] = [await person('F'), await person('M'), await person('F')];
    const g = { fa: founder(), ma: founder(), fb: founder(), mb: founder() };
    await importProfiles({ [fa]: g.fa, [ma]: g.ma, [fb]: g.fb, [mb]: g.mb }, 'reference');
    await importProfiles({ [ca]: offspring(g.fa, g.ma), [cb]: offspring(g.fb, g.mb), [cx]: founder() }, 'child');
    const familyA = await household([fa, ma, sa], sa, fa, ma);
    const familyB = await household([fb, mb, sb], sb, fb, mb);

    const started = await post('/api/kinship/screens', {});
    expect(started.statusCode, started.body).toBe(202);
    const job = await waitForJob(started.json().jobId);
    expect(job).toMatchObject({ kind: 'kinship.screen', status: 'succeeded', progress: { done: 2, total: 2 }, result: { children: 3, families: 2, undisputed: 2, matches: 2 } });

    const screen = (await get(`/api/kinship/screens/${started.json().screenId}`)).json();
    expect(screen).toMatchObject({ status: 'succeeded', frequencies: { synthetic: true }, summary: { children: 3, families: 2, floorAlleles: [] } });
    expect(screen.families).toMatchObject({ [`household:${familyA}`]: 'Test household' });
    expect(Object.keys(screen.people)).toEqual(expect.arrayContaining([ca, cb, fa, ma]));
    const listed = (await get('/api/kinship/screens')).json().screens;
    expect(listed[0]).toMatchObject({ id: started.json().screenId, status: 'succeeded', children: 3, families: 2, undisputed: 2 });
    expect(screen.summary.undisputed.map((c: { child: string; family: string; position: string }) => [c.child, c.family, c.position]).sort()).toEqual(
      [
        [ca, `household:${familyA}`, sa],
        [cb, `household:${familyB}`, sb],
      ].sort(),
    );
    const matchA = screen.matches.find((m: { childPersonId: string }) => m.childPersonId === ca);
    expect(matchA).toMatchObject({ familyId: familyA, undisputed: true, status: 'proposed' });
    expect(matchA.relatives).toEqual(expect.arrayContaining([{ personId: fa, kind: 'father' }, { personId: ma, kind: 'mother' }]));

    const confirmed = await post(`/api/kinship/matches/${matchA.id}/confirm`, { note: 'Reviewed with the lab report' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed' });
    const record = (await get(`/api/registry/people/${ca}`)).json();
    expect(record.relationships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ relatedPersonId: fa, kind: 'father', evidenceLevel: 'dna_supported', source: 'dna' }),
        expect.objectContaining({ relatedPersonId: ma, kind: 'mother', evidenceLevel: 'dna_supported', source: 'dna' }),
      ]),
    );
    expect((await post(`/api/kinship/matches/${matchA.id}/confirm`, {})).statusCode).toBe(409);

    const matchB = screen.matches.find((m: { childPersonId: string }) => m.childPersonId === cb);
    const rejected = await post(`/api/kinship/matches/${matchB.id}/reject`, { note: 'Sample swap suspected; retest' });
    expect(rejected.json()).toMatchObject({ status: 'rejected' });
    expect((await t.database.db.selectFrom('relationships').select('id').where('person_id', '=', cb).execute()).length).toBe(0);
  });
});

describe('stored analyses and their report', () => {
  it('reads an analysis again with the typed alleles at the markers of its answer, lists it, and prints it as an audited PDF', async () => {
    const frequencies = await post('/api/kinship/frequencies', { name: 'th01-only', format: 'csv', content: 'marker,allele,frequency\nTH01,6,0.05\nTH01,7,0.95\n', population: 'Test', sourceNote: 'Synthetic test data' }, admin);
    expect(frequencies.statusCode, frequencies.body).toBe(201);
    const [father, child] = [await person('M'), await person('F')];
    await importProfiles({ [father]: { TH01: ['6', '6'], D3S1358: ['15', '16'] }, [child]: { TH01: ['6', '6'], D3S1358: ['15', '17'] } }, 'reference');
    const asked = await post('/api/kinship/questions', { frequencies: 'th01-only', claimed: [{ id: father, sex: 'M' }, { id: 'mother', sex: 'F' }, { id: child, sex: 'F', father, mother: 'mother' }] });
    expect(asked.statusCode, asked.body).toBe(200);
    const analysis = asked.json();
    // D3S1358 is not in the database: it is listed with LR 1 and a note, its alleles beside it for the table.
    expect(analysis.answer.markers).toEqual([
      { marker: 'TH01', lr: expect.closeTo(20, 9), note: null },
      { marker: 'D3S1358', lr: 1, note: 'not in database th01-only; left out' },
    ]);
    expect(analysis.typed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personId: father, sex: 'M', markers: { TH01: ['6', '6'], D3S1358: ['15', '16'] } }),
        expect.objectContaining({ personId: child, markers: { TH01: ['6', '6'], D3S1358: ['15', '17'] } }),
      ]),
    );

    const again = await get(`/api/kinship/analyses/${analysis.id}`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(analysis);
    const listed = await get(`/api/people/${child}/kinship-analyses`);
    expect(listed.json().analyses).toEqual([expect.objectContaining({ id: analysis.id, conclusion: analysis.answer.conclusion, frequencies: 'th01-only' })]);

    const report = await get(`/api/kinship/analyses/${analysis.id}/report.pdf`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toBe('application/pdf');
    expect(report.headers['content-disposition']).toMatch(/^attachment; filename="kinship-report-[0-9a-f]{8}\.pdf"$/);
    expect(report.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'target_ids']).where('action', '=', 'genetic.report').execute();
    expect(audit.some((a) => a.target_ids.includes(analysis.id) && a.target_ids.includes(child))).toBe(true);

    expect((await get(`/api/kinship/analyses/${analysis.id}`, admin)).statusCode).toBe(403);
    expect((await get(`/api/kinship/analyses/${randomUUID()}`)).statusCode).toBe(404);
  });

  it('lists who has a profile without markers, and imports one file with a child and reference relatives', async () => {
    const [child, grandfather] = [await person('F'), await person('M')];
    const content = 'person,marker,allele1,allele2\nC1,TH01,6,9.3\nGF,TH01,6,7\n';
    const res = await post('/api/kinship/profiles/import', { ...lab, format: 'csv-long', content, people: { C1: child, GF: grandfather }, kinds: { C1: 'child' } });
    expect(res.statusCode, res.body).toBe(201);
    const list = await get(`/api/kinship/profiles?people=${child},${grandfather}`);
    expect(list.statusCode, list.body).toBe(200);
    const byPerson = Object.fromEntries(list.json().profiles.map((p: { personId: string }) => [p.personId, p]));
    expect(byPerson[child]).toMatchObject({ kind: 'child', kit: 'GlobalFiler', markers: 1, sex: 'F' });
    expect(byPerson[grandfather]).toMatchObject({ kind: 'reference' });
    expect(JSON.stringify(list.json())).not.toMatch(/9\.3/);
    const children = (await get('/api/kinship/profiles?kind=child')).json().profiles.map((p: { personId: string }) => p.personId);
    expect(children).toContain(child);
    expect(children).not.toContain(grandfather);
    const stray = await post('/api/kinship/profiles/import', { ...lab, format: 'csv-long', content, people: { C1: child, GF: grandfather }, kinds: { X9: 'child' } });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().error.details.errors).toEqual([expect.objectContaining({ person: 'X9', message: 'this label is not in the file' })]);
  });
});
