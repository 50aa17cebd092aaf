import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMission, buildPerson, buildUser, sessionCookie } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

/** Import and export of homeward.person/1 through the API, with synthetic people only. */
let t: TestApp;
let officer: string;
let supervisor: string;
let dpo: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await sessionCookie(t, await buildUser(t, { roles: ['consular_officer'] }));
  supervisor = await sessionCookie(t, await buildUser(t, { roles: ['supervisor'] }));
  dpo = await sessionCookie(t, await buildUser(t, { roles: ['data_protection_officer'] }));
});
afterAll(() => t.close());

const line = (record: Record<string, unknown>) => JSON.stringify(record);

const CHILD = {
  id: 'SH-001',
  sex: 'F',
  names: [
    { given: 'خديجة', father: 'رؤوف', grandfather: 'قلي', kind: 'official' },
    { full: 'Khadija Rauf', kind: 'reported' },
  ],
  birth: { estimated_age: { years: 4, on: '2026-03' }, place: 'Mosul', country: 'iq' },
  mother: { names: [{ given: 'Aysel', family: 'Nümunəova' }], birth_year: 1994 },
  father: { names: [{ given: 'Rauf', family: 'Nümunəov' }], kunya: 'Abu Yusif al-Azeri' },
  origin: { country: 'AZ', district: 'Sumqayıt' },
  departed_home: '2015-03',
  shelter_ref: 'B-12',
};

async function waitForJob(app: TestApp, cookie: string, jobId: string) {
  for (let i = 0; i < 600; i++) {
    const res = await app.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const job = res.json();
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('job did not finish');
}

async function runImport(content: string, sourceSystem = 'shelter-list', app = t, cookie = officer) {
  const res = await app.app.inject({ method: 'POST', url: '/api/imports/people', headers: { cookie }, payload: { sourceSystem, content } });
  expect(res.statusCode, res.body).toBe(202);
  const job = await waitForJob(app, cookie, res.json().jobId);
  expect(job.status, job.error).toBe('succeeded');
  return job;
}

async function exportAs(cookie: string, sourceSystem?: string, app = t) {
  const res = await app.app.inject({ method: 'GET', url: `/api/exports/people${sourceSystem ? `?sourceSystem=${sourceSystem}` : ''}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.body
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('POST /api/imports/people', () => {
  it('loads the good lines and reports each bad one with its line number and reason', async () => {
    const content = [line(CHILD), '{not json', '', line({ names: [{ given: 'Əli' }] }), line({ id: 'SH-002', sex: 'M', names: [{ given: 'Tural', family: 'Dəmirov' }], birth: { date: '2012-05' } }), line({ ...CHILD })].join('\n');
    const job = await runImport(content);
    expect(job.kind).toBe('people.import');
    expect(job.progress).toEqual({ done: 6, total: 6 });
    expect(job.result).toMatchObject({ created: 2, updated: 0, unchanged: 0, rejectedTotal: 3 });
    expect(job.result.rejected).toEqual([
      { line: 2, reason: expect.stringContaining('not valid JSON') },
      { line: 4, reason: 'missing id' },
      { line: 6, reason: expect.stringContaining('duplicate id "SH-001"') },
    ]);
    const child = await t.database.db.selectFrom('people').selectAll().where('source_system', '=', 'shelter-list').where('source_id', '=', 'SH-001').executeTakeFirstOrThrow();
    expect(child.display_name).toBe('خديجة رؤوف قلي');
    expect([child.birth_year_min, child.birth_year_max]).toEqual([2021, 2022]);
    const names = await t.database.db.selectFrom('person_names').selectAll().where('person_id', '=', child.id).execute();
    expect(names.map((n) => [n.script, n.kind, n.source])).toEqual([['Arab', 'official', 'import'], ['Latn', 'reported', 'import']]);
    const birth = await t.database.db.selectFrom('person_births').selectAll().where('person_id', '=', child.id).executeTakeFirstOrThrow();
    expect(birth).toMatchObject({ estimated_age_years: 4, estimated_on: '2026-03-01', estimate_method: 'other', place: 'Mosul', country: 'IQ' });
    const attrs = await t.database.db.selectFrom('person_attributes').select(['category', 'key', 'value']).where('person_id', '=', child.id).orderBy('key').execute();
    expect(attrs).toEqual([
      { category: 'identity', key: 'departed_home', value: '2015-03' },
      { category: 'notes', key: 'imported.shelter_ref', value: 'B-12' },
      { category: 'identity', key: 'origin', value: { country: 'AZ', district: 'Sumqayıt' } },
    ]);
  });

  it('links the parents as claimed relationships from the import, the father with his kunya', async () => {
    const child = await t.database.db.selectFrom('people').select('id').where('source_id', '=', 'SH-001').executeTakeFirstOrThrow();
    const links = await t.database.db
      .selectFrom('relationships')
      .innerJoin('people', 'people.id', 'relationships.related_person_id')
      .select(['relationships.kind', 'relationships.evidence_level', 'relationships.source', 'people.source_id', 'people.sex', 'people.id'])
      .where('relationships.person_id', '=', child.id)
      .orderBy('relationships.kind')
      .execute();
    expect(links.map((l) => [l.kind, l.evidence_level, l.source, l.source_id, l.sex])).toEqual([
      ['father', 'claimed', 'import', 'SH-001#father', 'M'],
      ['mother', 'claimed', 'import', 'SH-001#mother', 'F'],
    ]);
    const fatherNames = await t.database.db.selectFrom('person_names').select(['full', 'kind']).where('person_id', '=', links[0]!.id).where('kind', '=', 'kunya').execute();
    expect(fatherNames).toEqual([{ full: 'Abu Yusif al-Azeri', kind: 'kunya' }]);
    const back = await t.database.db.selectFrom('relationships').select('kind').where('person_id', '=', links[1]!.id).where('related_person_id', '=', child.id).execute();
    expect(back).toEqual([{ kind: 'child' }]);
  });

  it('re-importing the same ids updates, never duplicates, and says what did not change', async () => {
    const before = await t.database.db.selectFrom('people').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const same = await runImport(line(CHILD));
    expect(same.result).toMatchObject({ created: 0, updated: 0, unchanged: 1, rejectedTotal: 0 });
    const renamed = { ...CHILD, names: [CHILD.names[0], { full: 'Khadija Rauf qızı', kind: 'reported' }] };
    const changed = await runImport(line(renamed));
    expect(changed.result).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const after = await t.database.db.selectFrom('people').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const child = await t.database.db.selectFrom('people').select('id').where('source_id', '=', 'SH-001').executeTakeFirstOrThrow();
    const names = await t.database.db.selectFrom('person_names').select(['full', 'superseded_at']).where('person_id', '=', child.id).where('full', 'is not', null).orderBy('id').execute();
    expect(names.map((n) => [n.full, n.superseded_at === null])).toEqual([['Khadija Rauf', false], ['Khadija Rauf qızı', true]]);
  });

  it('accepts the JSON Lines as an application/x-ndjson body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/imports/people?sourceSystem=ngo-list',
      headers: { cookie: officer, 'content-type': 'application/x-ndjson' },
      payload: `${line({ id: 'N-1', names: [{ given: 'Зейнаб', family: 'Дамирова' }] })}\n`,
    });
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForJob(t, officer, res.json().jobId);
    expect(job.result).toMatchObject({ created: 1 });
    const name = await t.database.db.selectFrom('person_names').innerJoin('people', 'people.id', 'person_names.person_id').select('script').where('people.source_id', '=', 'N-1').executeTakeFirstOrThrow();
    expect(name.script).toBe('Cyrl');
    const missing = await t.app.inject({ method: 'POST', url: '/api/imports/people', headers: { cookie: officer, 'content-type': 'application/x-ndjson' }, payload: line(CHILD) });
    expect(missing.statusCode).toBe(400);
  });

  it('keeps the job to the user who started it: anyone else gets 404', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/imports/people', headers: { cookie: officer }, payload: { sourceSystem: 'x', content: line(CHILD) } });
    const { jobId } = res.json();
    await waitForJob(t, officer, jobId);
    const other = await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: { cookie: supervisor } });
    expect(other.statusCode).toBe(404);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'target_ids', 'details']).where('action', '=', 'person.import').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(JSON.stringify(audit)).not.toMatch(/Khadija|خديجة|Aysel/);
  });
});

describe('GET /api/exports/people', () => {
  it('exports the people in scope, with only the categories the caller may read', async () => {
    await buildPerson(t, { missionId: await buildMission(t) });
    const bySupervisor = await exportAs(supervisor, 'shelter-list');
    const child = bySupervisor.find((r) => r.id === 'SH-001')!;
    expect(child).toMatchObject({ sex: 'F', shelter_ref: 'B-12', origin: { country: 'AZ', district: 'Sumqayıt' }, departed_home: '2015-03' });
    expect(child.father).toEqual({ names: [{ given: 'Rauf', family: 'Nümunəov', script: 'Latn', kind: 'reported' }], kunya: 'Abu Yusif al-Azeri' });
    expect(child.mother).toMatchObject({ birth_year: 1994 });
    expect(bySupervisor.map((r) => r.id).sort()).toEqual(['SH-001', 'SH-001#father', 'SH-001#mother', 'SH-002']);
    // The supervisor's scope is the mission: the person of another mission is not there.
    const everything = await exportAs(supervisor);
    expect(everything.every((r) => r.id !== undefined && Array.isArray(r.names))).toBe(true);
    const byDpo = await exportAs(dpo, 'shelter-list');
    expect(byDpo.find((r) => r.id === 'SH-001')).not.toHaveProperty('shelter_ref');
    expect(byDpo.find((r) => r.id === 'SH-001')).toHaveProperty('names');
    const refused = await t.app.inject({ method: 'GET', url: '/api/exports/people', headers: { cookie: officer } });
    expect(refused.statusCode).toBe(403);
  });

  it('round trip: export, import into an empty database, export again gives the same people', async () => {
    const first = await exportAs(supervisor, 'shelter-list');
    const other = await createTestApp();
    try {
      const cookie = await sessionCookie(other, await buildUser(other, { roles: ['supervisor'] }));
      await runImport(first.map((r) => JSON.stringify(r)).join('\n'), 'shelter-list', other, cookie);
      const count = await other.database.db.selectFrom('people').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(first.length);
      const second = await exportAs(cookie, 'shelter-list', other);
      const sorted = (rs: Record<string, unknown>[]) => [...rs].sort((a, b) => String(a.id).localeCompare(String(b.id)));
      expect(sorted(second)).toEqual(sorted(first));
    } finally {
      await other.close();
    }
  });
});
