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

/** The session with its user and roles, in one round trip (it runs on every request). */
export async function findSession(db: Db, id: string): Promise<SessionWithUser | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select((eb) => [
      'sessions.id as session_id',
      'sessions.user_id as session_user_id',
      'sessions.stage',
      'sessions.pending_totp_secret_enc',
      'sessions.created_at as session_created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id',
      'users.username',
      'users.display_name',
      'users.password_hash',
      'users.mission_id',
      'users.team_id',
      'users.organisation',
      'users.disabled_at',
      'users.totp_secret_enc',
      'users.totp_enrolled_at',
      'users.totp_last_step',
      'users.is_demo',
      'users.created_at',
      'users.updated_at',
      eb
        .fn<string[]>('array', [eb.selectFrom('user_roles').select('role').whereRef('user_roles.user_id', '=', 'users.id').orderBy('role')])
        .as('roles'),
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const { session_id, session_user_id, stage, pending_totp_secret_enc, session_created_at, last_seen_at, expires_at, roles, ...user } = row;
  return {
    session: { id: session_id, user_id: session_user_id, stage, pending_totp_secret_enc, created_at: session_created_at, last_seen_at, expires_at },
    user,
    roles: roles ?? [],
  };
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
