import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildName, buildPerson, buildUser, sessionCookie } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { listCases } from '../modules/cases/cases.service';
import { verifyAuditChain } from './audit';
import { inTransaction } from './transaction';

let t: TestApp;
let cookie: string;
let userId: string;
const caseIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const user = await buildUser(t, { roles: ['consular_officer'] });
  userId = user.id;
  cookie = await sessionCookie(t, user);
  for (let i = 0; i < 12; i++) {
    const personId = await buildPerson(t);
    await buildName(t, personId, { given: `Reader${String.fromCharCode(97 + i)}` });
    caseIds.push(await buildCase(t, personId));
  }
});
afterAll(() => t.close());

const readsOf = (action: string) =>
  t.database.db.selectFrom('audit_log').select(['target_ids', 'request_id', 'actor_user_id']).where('action', '=', action).orderBy('seq').execute();

describe('audited reads written together', () => {
  it('has every read of many concurrent requests in the trail, on one intact chain, by the time each answer arrives', async () => {
    const before = (await readsOf('case.read')).length;
    const answers = await Promise.all(caseIds.map((id) => t.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: { cookie } })));
    expect(answers.map((a) => a.statusCode)).toEqual(caseIds.map(() => 200));
    const reads = (await readsOf('case.read')).slice(before);
    expect(reads).toHaveLength(caseIds.length);
    expect(new Set(reads.map((r) => r.target_ids[0]))).toEqual(new Set(caseIds));
    expect(new Set(reads.map((r) => r.request_id)).size).toBe(caseIds.length);
    expect(reads.every((r) => r.actor_user_id === userId)).toBe(true);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true, firstBroken: null });
  });

  it('answers with an error instead of the data when the read cannot be recorded', async () => {
    await sql`CREATE FUNCTION refuse_case_reads() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$`.execute(t.database.db);
    await sql`CREATE TRIGGER refuse_case_reads BEFORE INSERT ON audit_log FOR EACH ROW WHEN (NEW.action = 'case.read') EXECUTE FUNCTION refuse_case_reads()`.execute(t.database.db);
    try {
      const reference = (await t.database.db.selectFrom('cases').select('reference').where('id', '=', caseIds[0]!).executeTakeFirstOrThrow()).reference;
      const res = await t.app.inject({ method: 'GET', url: `/api/cases/${caseIds[0]}`, headers: { cookie } });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain(reference);
      expect(res.json().error.message).toMatch(/\w/);
    } finally {
      await sql`DROP TRIGGER refuse_case_reads ON audit_log`.execute(t.database.db);
      await sql`DROP FUNCTION refuse_case_reads()`.execute(t.database.db);
    }
    // Nothing else was lost: the next read is answered and recorded.
    const res = await t.app.inject({ method: 'GET', url: `/api/cases/${caseIds[0]}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });

  it('writes a read at once when a service runs outside a request (CLI, jobs)', async () => {
    const actor = { userId, username: 'u', displayName: 'U', roles: ['consular_officer' as const], missionId: t.app.homeward.missionId, teamId: null, organisation: null, sessionId: 's', sessionExpiresAt: new Date(Date.now() + 60_000) };
    const before = (await readsOf('case.list')).length;
    await inTransaction(t.database.db, (trx) => listCases(trx, actor, { limit: 5 } as Parameters<typeof listCases>[2], 'outside-any-request'));
    const reads = (await readsOf('case.list')).slice(before);
    expect(reads).toHaveLength(1);
    expect(reads[0]!.request_id).toBe('outside-any-request');
  });
});
