import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-db';
import type { DatabaseHandle } from '../db/connect';
import { recordAudit, verifyAuditChain } from './audit';
import { inTransaction } from './transaction';

let handle: DatabaseHandle;
beforeEach(async () => {
  handle = await createTestDatabase();
});
afterEach(() => handle.close());

async function writeEntries(n: number) {
  for (let i = 0; i < n; i++) {
    await inTransaction(handle.db, (trx) =>
      recordAudit(trx, { userId: null, roles: ['system'] }, { action: `test.action_${i}`, targetType: 'person', targetIds: [`id-${i}`], details: { n: i } }, `req-${i}`),
    );
  }
}

/** Tampering needs the append-only trigger off: what an attacker with the database owner's rights could do. */
async function tamper(statement: string) {
  await inTransaction(handle.db, async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await sql.raw(statement).execute(trx);
  });
}

describe('audit trail', () => {
  it('verifies an intact chain', async () => {
    await writeEntries(5);
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, checked: 5, firstBroken: null });
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
    await writeEntries(1);
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(handle.db)).rejects.toThrow(/append-only/);
  });

  it('names the first edited entry', async () => {
    await writeEntries(5);
    await tamper(`UPDATE audit_log SET target_ids = ARRAY['someone-else'] WHERE seq = 3`);
    const result = await verifyAuditChain(handle.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ seq: 3, reason: expect.stringMatching(/edited/) });
  });

  it('names the entry after a deleted one', async () => {
    await writeEntries(5);
    await tamper(`DELETE FROM audit_log WHERE seq = 2`);
    const result = await verifyAuditChain(handle.db);
    expect(result.firstBroken).toMatchObject({ seq: 3, reason: expect.stringMatching(/deleted, inserted or moved/) });
  });

  it('catches reordered entries', async () => {
    await writeEntries(5);
    // Swap the contents of entries 2 and 4 (hashes included): each row is self-consistent, the chain is not.
    await tamper(`
      WITH a AS (SELECT * FROM audit_log WHERE seq = 2), b AS (SELECT * FROM audit_log WHERE seq = 4)
      UPDATE audit_log t SET at = s.at, action = s.action, target_ids = s.target_ids, details = s.details,
        request_id = s.request_id, prev_hash = s.prev_hash, hash = s.hash
      FROM (SELECT 2 AS dst, b.* FROM b UNION ALL SELECT 4 AS dst, a.* FROM a) s WHERE t.seq = s.dst`);
    const result = await verifyAuditChain(handle.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.seq).toBe(2);
  });

  it('keeps the chain linear under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeEntries(1).then(() => i)));
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, checked: 20 });
  });
});
