import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, SessionRow, UserRow } from '../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export type SessionStage = 'second_factor_required' | 'enrolment_required' | 'authenticated';

/** Sessions are stored server-side under the SHA-256 of the cookie token, so a database read leaks no cookie. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  input: { userId: string; stage: SessionStage; pendingTotpSecretEnc?: string | null; absoluteMs: number; now?: Date },
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const id = sessionIdOf(token);
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + input.absoluteMs);
  await db
    .insertInto('sessions')
    .values({
      id,
      user_id: input.userId,
      stage: input.stage,
      pending_totp_secret_enc: input.pendingTotpSecretEnc ?? null,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, id, expiresAt };
}

export interface SessionWithUser {
  session: SessionRow;
  user: UserRow;
  roles: string[];
}

export async function findSession(db: Db, id: string): Promise<SessionWithUser | null> {
  const session = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!session) return null;
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  if (!user) return null;
  const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute();
  return { session, user, roles: roles.map((r) => r.role) };
}

export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** End every session of a user on the server (disable, second-factor reset). */
export async function deleteSessionsOfUser(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, now: Date, idleMs: number): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', new Date(now.getTime() - idleMs))]))
    .execute();
}
