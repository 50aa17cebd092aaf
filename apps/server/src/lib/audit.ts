import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { canonicalJson } from './canonical-json';

/** Who did it: a user with their roles, or the system itself (CLI, start-up) with `userId: null`. */
export interface AuditActor {
  userId: string | null;
  roles: readonly string[];
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, roles: ['system'] };

/**
 * What happened. Ids and hashes only: never a name, a date of birth or any other personal data, so the
 * trail itself is safe to show to a data protection officer and to keep longer than the records.
 */
export interface AuditEvent {
  action: string;
  targetType?: string;
  targetIds?: readonly string[];
  details?: Record<string, string | number | boolean | null>;
}

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_LOCK_KEY = 720_190_001;

type Db = Kysely<Database> | Transaction<Database>;

interface HashInput {
  at: string;
  actorUserId: string | null;
  actorRoles: readonly string[];
  action: string;
  targetType: string | null;
  targetIds: readonly string[];
  requestId: string | null;
  details: unknown;
}

/** SHA-256 of the previous hash and the entry's canonical form: the link that makes the chain tamper-evident. */
export function auditHash(prevHash: string, entry: HashInput): string {
  const body = canonicalJson([
    entry.at,
    entry.actorUserId,
    [...entry.actorRoles],
    entry.action,
    entry.targetType,
    [...entry.targetIds],
    entry.requestId,
    entry.details ?? {},
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** One entry to append: who, what, for which request, and when it happened. */
export interface PendingAudit {
  actor: AuditActor;
  event: AuditEvent;
  requestId: string | null;
  at: Date;
}

/**
 * Append one entry. Call it inside the transaction of the change it records (the entry commits or rolls
 * back with the change). A transaction-scoped advisory lock keeps the chain linear under concurrency.
 */
export async function recordAudit(
  trx: Transaction<Database>,
  actor: AuditActor,
  event: AuditEvent,
  requestId: string | null,
): Promise<void> {
  await appendAudits(trx, [{ actor, event, requestId, at: new Date() }]);
}

/** Append entries in their order as one stretch of the chain: one lock and one insert for all of them. */
export async function appendAudits(trx: Transaction<Database>, entries: readonly PendingAudit[]): Promise<void> {
  if (entries.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = entries.map(({ actor, event, requestId, at }) => {
    const entry: HashInput = {
      at: at.toISOString(),
      actorUserId: actor.userId,
      actorRoles: actor.roles,
      action: event.action,
      targetType: event.targetType ?? null,
      targetIds: event.targetIds ?? [],
      requestId,
      details: event.details ?? {},
    };
    const hash = auditHash(prevHash, entry);
    const row = {
      at: new Date(entry.at),
      actor_user_id: entry.actorUserId,
      actor_roles: [...entry.actorRoles],
      action: entry.action,
      target_type: entry.targetType,
      target_ids: [...entry.targetIds],
      request_id: requestId,
      details: JSON.stringify(entry.details),
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  // The rows take their sequence numbers in the order given, which is the order of the chain.
  await trx.insertInto('audit_log').values(rows).execute();
}

/** The outcome of recomputing the chain: the first entry that does not fit, if any. */
export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
}

/** Recompute the whole chain in order and name the first broken entry (edited, deleted or reordered). */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let after = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', String(after))
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return { ok: true, checked, firstBroken: null };
    for (const row of rows) {
      const seq = Number(row.seq);
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          checked,
          firstBroken: { seq, reason: 'its link to the previous entry is broken: an entry before it was deleted, inserted or moved' },
        };
      }
      const expected = auditHash(prevHash, {
        at: row.at.toISOString(),
        actorUserId: row.actor_user_id,
        actorRoles: row.actor_roles,
        action: row.action,
        targetType: row.target_type,
        targetIds: row.target_ids,
        requestId: row.request_id,
        details: row.details,
      });
      if (row.hash !== expected) {
        return { ok: false, checked, firstBroken: { seq, reason: 'its content does not match its hash: the entry was edited' } };
      }
      prevHash = row.hash;
      checked++;
      after = seq;
    }
  }
}
