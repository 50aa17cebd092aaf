import type { Transaction } from 'kysely';
import {
  permissionsForRoles,
  readableCategoriesForRoles,
  writableCategoriesForRoles,
  type SessionResponse,
  type SignInStage,
} from '@homeward/domain';
import type { Database, UserRow } from '../../db/schema';
import { recordAudit } from '../../lib/audit';
import type { Actor, AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { findUserByUsername, rolesOfUser } from '../users/users.repository';
import { verifyAgainstDecoy, verifyPassword } from './passwords';
import { createSession, deleteSession, type SessionStage } from './sessions.repository';
import { hashRecoveryCode, matchTotpStep, newRecoveryCodes, newTotpSecret } from './totp';

type Trx = Transaction<Database>;

/** A new session (always a new id: sessions rotate at every step of sign-in). */
export interface IssuedSession {
  ok: true;
  stage: SignInStage;
  token: string;
  expiresAt: Date;
}

/**
 * A refused step. Returned, not thrown, so that the route commits the audit entry and the failed attempt
 * before answering 401 (a thrown error would roll them back with the transaction).
 */
export interface RefusedStep {
  ok: false;
  message: string;
}

const WRONG_CREDENTIALS = 'The username or password is not right.';

/** Is a second factor required of this user? Always, except in demo mode. */
export function secondFactorRequired(ctx: AppContext): boolean {
  return !ctx.demoMode;
}

/** Step one: password. Returns the session for the next stage, or throws 401 without saying which part was wrong. */
export async function signIn(
  ctx: AppContext,
  trx: Trx,
  input: { username: string; password: string; previousSessionId: string | null; requestId: string },
): Promise<IssuedSession | RefusedStep> {
  const user = await findUserByUsername(trx, input.username.toLowerCase());
  if (!user) {
    await verifyAgainstDecoy(input.password);
    return { ok: false, message: WRONG_CREDENTIALS };
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok || user.disabled_at) {
    const roles = await rolesOfUser(trx, user.id);
    await recordAudit(trx, { userId: user.id, roles }, { action: 'auth.sign_in_failed', targetType: 'user', targetIds: [user.id] }, input.requestId);
    return { ok: false, message: WRONG_CREDENTIALS };
  }
  if (input.previousSessionId) await deleteSession(trx, input.previousSessionId);
  let stage: SessionStage;
  let pending: string | null = null;
  if (user.totp_enrolled_at) stage = 'second_factor_required';
  else if (secondFactorRequired(ctx)) {
    stage = 'enrolment_required';
    pending = ctx.secrets.seal(newTotpSecret());
  } else stage = 'authenticated';
  const session = await createSession(trx, {
    userId: user.id,
    stage,
    pendingTotpSecretEnc: pending,
    absoluteMs: ctx.config.sessionAbsoluteMs,
  });
  const roles = await rolesOfUser(trx, user.id);
  await recordAudit(trx, { userId: user.id, roles }, { action: 'auth.password_accepted', targetType: 'user', targetIds: [user.id], details: { stage } }, input.requestId);
  return { ok: true, stage, token: session.token, expiresAt: session.expiresAt };
}

async function promote(ctx: AppContext, trx: Trx, user: UserRow, oldSessionId: string, action: string, requestId: string) {
  await deleteSession(trx, oldSessionId);
  const session = await createSession(trx, { userId: user.id, stage: 'authenticated', absoluteMs: ctx.config.sessionAbsoluteMs });
  const roles = await rolesOfUser(trx, user.id);
  await recordAudit(trx, { userId: user.id, roles }, { action, targetType: 'user', targetIds: [user.id] }, requestId);
  return { ok: true as const, stage: 'authenticated' as const, token: session.token, expiresAt: session.expiresAt };
}

async function loadUser(trx: Trx, userId: string): Promise<UserRow> {
  const user = await trx.selectFrom('users').selectAll().where('id', '=', userId).forUpdate().executeTakeFirst();
  if (!user || user.disabled_at) throw new AppError('unauthenticated', 'Please sign in.');
  return user;
}

/** Step two: a TOTP code. Each code is single-use: a step at or below the last used one is refused. */
export async function verifySecondFactor(
  ctx: AppContext,
  trx: Trx,
  input: { userId: string; sessionId: string; stage: SessionStage; code: string; requestId: string; now?: number },
): Promise<IssuedSession | RefusedStep> {
  if (input.stage !== 'second_factor_required') throw new AppError('conflict', 'No second factor is awaited for this session.');
  const user = await loadUser(trx, input.userId);
  if (!user.totp_secret_enc) throw new AppError('conflict', 'No second factor is set up for this account.');
  const step = matchTotpStep(ctx.secrets.open(user.totp_secret_enc), input.code, input.now);
  const lastStep = user.totp_last_step === null ? -1 : Number(user.totp_last_step);
  if (step === null || step <= lastStep) {
    const roles = await rolesOfUser(trx, user.id);
    await recordAudit(trx, { userId: user.id, roles }, { action: 'auth.second_factor_failed', targetType: 'user', targetIds: [user.id], details: { replay: step !== null } }, input.requestId);
    return { ok: false, message: 'That code is not right, or it was already used. Wait for the next code.' };
  }
  await trx.updateTable('users').set({ totp_last_step: String(step) }).where('id', '=', user.id).execute();
  return promote(ctx, trx, user, input.sessionId, 'auth.second_factor_accepted', input.requestId);
}

/** Step two, without the authenticator: one of the recovery codes, each usable once. */
export async function useRecoveryCode(
  ctx: AppContext,
  trx: Trx,
  input: { userId: string; sessionId: string; stage: SessionStage; code: string; requestId: string },
): Promise<IssuedSession | RefusedStep> {
  if (input.stage !== 'second_factor_required') throw new AppError('conflict', 'No second factor is awaited for this session.');
  const user = await loadUser(trx, input.userId);
  const used = await trx
    .updateTable('recovery_codes')
    .set({ used_at: new Date() })
    .where('user_id', '=', user.id)
    .where('code_hash', '=', hashRecoveryCode(input.code))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) {
    const roles = await rolesOfUser(trx, user.id);
    await recordAudit(trx, { userId: user.id, roles }, { action: 'auth.recovery_code_failed', targetType: 'user', targetIds: [user.id] }, input.requestId);
    return { ok: false, message: 'That recovery code is not right, or it was already used.' };
  }
  return promote(ctx, trx, user, input.sessionId, 'auth.recovery_code_used', input.requestId);
}

/** The secret being enrolled, from the pending session. */
export function pendingSecret(ctx: AppContext, stage: SessionStage, sealed: string | null): string {
  if (stage !== 'enrolment_required' || !sealed) throw new AppError('conflict', 'This session is not setting up a second factor.');
  return ctx.secrets.open(sealed);
}

/** Finish enrolment: the first code proves the authenticator works; recovery codes are issued once. */
export async function confirmEnrolment(
  ctx: AppContext,
  trx: Trx,
  input: { userId: string; sessionId: string; stage: SessionStage; sealedSecret: string | null; code: string; requestId: string; now?: number },
): Promise<IssuedSession & { recoveryCodes: string[] }> {
  const secret = pendingSecret(ctx, input.stage, input.sealedSecret);
  const user = await loadUser(trx, input.userId);
  const step = matchTotpStep(secret, input.code, input.now);
  if (step === null) throw new AppError('unauthenticated', 'That code is not right. Check the time on your device and try the next code.');
  await trx
    .updateTable('users')
    .set({ totp_secret_enc: ctx.secrets.seal(secret), totp_enrolled_at: new Date(), totp_last_step: String(step), updated_at: new Date() })
    .where('id', '=', user.id)
    .execute();
  const codes = newRecoveryCodes();
  await trx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
  await trx.insertInto('recovery_codes').values(codes.map((c) => ({ user_id: user.id, code_hash: hashRecoveryCode(c) }))).execute();
  const issued = await promote(ctx, trx, user, input.sessionId, 'auth.second_factor_enrolled', input.requestId);
  return { ...issued, recoveryCodes: codes };
}

/** What the signed-in user may do, for the web app to show and hide. */
export function presentSession(ctx: AppContext, actor: Actor): SessionResponse {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      roles: actor.roles,
      missionId: actor.missionId,
      teamId: actor.teamId,
      organisation: actor.organisation,
    },
    permissions: permissionsForRoles(actor.roles),
    readableCategories: readableCategoriesForRoles(actor.roles),
    writableCategories: writableCategoriesForRoles(actor.roles),
    demoMode: ctx.demoMode,
    expiresAt: actor.sessionExpiresAt.toISOString(),
  };
}
