import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../lib/errors';

type Db = Kysely<Database> | Transaction<Database>;

/** Failed attempts within this window count against an account and an address. */
export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Failures after the last success that lock an account out for the rest of the window. */
export const ACCOUNT_FAILURE_LIMIT = 10;
/** Failures from one address (any account) that block it for the rest of the window. */
export const ADDRESS_FAILURE_LIMIT = 50;

export type AttemptKind = 'password' | 'second_factor';

async function failuresSince(db: Db, column: 'username' | 'ip', value: string, kind: AttemptKind, since: Date) {
  const lastSuccess =
    column === 'username'
      ? await db
          .selectFrom('login_attempts')
          .select((eb) => eb.fn.max('at').as('at'))
          .where('username', '=', value)
          .where('kind', '=', kind)
          .where('success', '=', true)
          .executeTakeFirst()
      : undefined;
  const from = lastSuccess?.at && lastSuccess.at > since ? lastSuccess.at : since;
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('at').as('oldest')])
    .where(column, '=', value)
    .where('kind', '=', kind)
    .where('success', '=', false)
    .where('at', '>', from)
    .executeTakeFirst();
  return { count: Number(row?.n ?? 0), oldest: row?.oldest ?? null };
}

/**
 * Refuse (429 with Retry-After) when an account or an address has failed too often, and otherwise say how
 * long to slow this attempt down: the delay grows with the account's recent failures.
 */
export async function checkThrottle(
  db: Db,
  input: { username: string; ip: string; kind: AttemptKind; slowdownMs: number; now?: Date },
): Promise<number> {
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const account = await failuresSince(db, 'username', input.username, input.kind, since);
  const address = await failuresSince(db, 'ip', input.ip, input.kind, since);
  const blocked =
    account.count >= ACCOUNT_FAILURE_LIMIT ? account : address.count >= ADDRESS_FAILURE_LIMIT ? address : null;
  if (blocked) {
    const oldest = blocked.oldest ? new Date(blocked.oldest).getTime() : now.getTime();
    const retryAfter = Math.max(1, Math.ceil((oldest + THROTTLE_WINDOW_MS - now.getTime()) / 1000));
    throw new AppError(
      'rate_limited',
      `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
      { retryAfterSeconds: retryAfter },
      { 'retry-after': String(retryAfter) },
    );
  }
  return Math.min(account.count, 10) * input.slowdownMs;
}

export async function recordAttempt(
  db: Db,
  input: { username: string; ip: string; kind: AttemptKind; success: boolean },
): Promise<void> {
  await db.insertInto('login_attempts').values(input).execute();
}
