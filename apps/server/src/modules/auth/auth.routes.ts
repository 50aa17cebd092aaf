import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import {
  enrolConfirmResponseSchema,
  enrolmentResponseSchema,
  loginRequestSchema,
  loginResponseSchema,
  recoveryRequestSchema,
  sessionResponseSchema,
  totpVerifyRequestSchema,
} from '@homeward/domain';
import { actorOf, clearSessionCookie, sessionTokenOf, setSessionCookie } from '../../lib/access';
import { recordAudit } from '../../lib/audit';
import type { AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { clientAddress, typed } from '../../lib/route-helpers';
import { inTransaction } from '../../lib/transaction';
import { rolesOfUser } from '../users/users.repository';
import {
  confirmEnrolment,
  pendingSecret,
  presentSession,
  signIn,
  useRecoveryCode,
  verifySecondFactor,
  type IssuedSession,
  type RefusedStep,
} from './auth.service';
import { checkThrottle, recordAttempt, type AttemptKind } from './login-throttle';
import { deleteSession, sessionIdOf } from './sessions.repository';
import { enrolmentOf } from './totp';

const tags = ['auth'];

/** Sign-in (password, then second factor or enrolment), the session, sign-out. */
export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const db = ctx.database.db;

  /** Throttle, run one sign-in step, record the attempt, and answer 401 with the step's message when refused. */
  async function throttledStep<T extends IssuedSession>(
    request: FastifyRequest,
    reply: FastifyReply,
    key: { username: string; kind: AttemptKind },
    step: () => Promise<T | RefusedStep>,
  ): Promise<T> {
    const ip = clientAddress(request);
    const delay = await checkThrottle(db, { ...key, ip, slowdownMs: ctx.config.loginSlowdownMs });
    if (delay > 0) await sleep(delay);
    const result = await step();
    await recordAttempt(db, { ...key, ip, success: result.ok });
    if (!result.ok) throw new AppError('unauthenticated', result.message);
    setSessionCookie(ctx, request, reply, result.token, result.expiresAt);
    return result;
  }

  const pendingOf = (request: FastifyRequest) => {
    if (!request.pendingSession) throw new AppError('unauthenticated', 'Please sign in.');
    return request.pendingSession;
  };

  api.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Sign in with username and password', body: loginRequestSchema, response: { 200: loginResponseSchema } },
    },
    async (request, reply) => {
      const username = request.body.username.toLowerCase();
      const previous = sessionTokenOf(request);
      const result = await throttledStep(request, reply, { username, kind: 'password' }, () =>
        inTransaction(db, (trx) =>
          signIn(ctx, trx, {
            username,
            password: request.body.password,
            previousSessionId: previous ? sessionIdOf(previous) : null,
            requestId: request.id,
          }),
        ),
      );
      return { stage: result.stage };
    },
  );

  api.post(
    '/api/auth/second-factor',
    {
      config: { access: 'pending' },
      schema: { tags, summary: 'Give the code from the authenticator app', body: totpVerifyRequestSchema, response: { 200: loginResponseSchema } },
    },
    async (request, reply) => {
      const pending = pendingOf(request);
      const result = await throttledStep(request, reply, { username: `user:${pending.userId}`, kind: 'second_factor' }, () =>
        inTransaction(db, (trx) =>
          verifySecondFactor(ctx, trx, { userId: pending.userId, sessionId: pending.id, stage: pending.stage, code: request.body.code, requestId: request.id }),
        ),
      );
      return { stage: result.stage };
    },
  );

  api.post(
    '/api/auth/recovery',
    {
      config: { access: 'pending' },
      schema: { tags, summary: 'Use a one-time recovery code instead of the authenticator', body: recoveryRequestSchema, response: { 200: loginResponseSchema } },
    },
    async (request, reply) => {
      const pending = pendingOf(request);
      const result = await throttledStep(request, reply, { username: `user:${pending.userId}`, kind: 'second_factor' }, () =>
        inTransaction(db, (trx) =>
          useRecoveryCode(ctx, trx, { userId: pending.userId, sessionId: pending.id, stage: pending.stage, code: request.body.code, requestId: request.id }),
        ),
      );
      return { stage: result.stage };
    },
  );

  api.get(
    '/api/auth/enrolment',
    {
      config: { access: 'pending' },
      schema: { tags, summary: 'The authenticator secret to enrol (QR code)', response: { 200: enrolmentResponseSchema } },
    },
    async (request, reply) => {
      const pending = pendingOf(request);
      const secret = pendingSecret(ctx, pending.stage, pending.pendingTotpSecretEnc);
      const user = await db.selectFrom('users').select('username').where('id', '=', pending.userId).executeTakeFirstOrThrow();
      void reply.header('cache-control', 'no-store');
      return { secret, ...(await enrolmentOf(secret, user.username)) };
    },
  );

  api.post(
    '/api/auth/enrolment',
    {
      config: { access: 'pending' },
      schema: { tags, summary: 'Confirm enrolment with a first code; returns recovery codes once', body: totpVerifyRequestSchema, response: { 200: enrolConfirmResponseSchema } },
    },
    async (request, reply) => {
      const pending = pendingOf(request);
      const result = await throttledStep(request, reply, { username: `user:${pending.userId}`, kind: 'second_factor' }, async () => {
        try {
          return await inTransaction(db, (trx) =>
            confirmEnrolment(ctx, trx, {
              userId: pending.userId,
              sessionId: pending.id,
              stage: pending.stage,
              sealedSecret: pending.pendingTotpSecretEnc,
              code: request.body.code,
              requestId: request.id,
            }),
          );
        } catch (err) {
          if (err instanceof AppError && err.code === 'unauthenticated') return { ok: false as const, message: err.message };
          throw err;
        }
      });
      void reply.header('cache-control', 'no-store');
      return { stage: 'authenticated' as const, recoveryCodes: result.recoveryCodes };
    },
  );

  api.get(
    '/api/auth/session',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'The signed-in user and what they may do', response: { 200: sessionResponseSchema } } },
    async (request) => presentSession(ctx, actorOf(request)),
  );

  api.post(
    '/api/auth/logout',
    { config: { access: 'pending' }, schema: { tags, summary: 'Sign out (ends the session on the server)', response: { 204: z.null() } } },
    async (request, reply) => {
      const pending = pendingOf(request);
      await inTransaction(db, async (trx) => {
        await deleteSession(trx, pending.id);
        const roles = await rolesOfUser(trx, pending.userId);
        await recordAudit(trx, { userId: pending.userId, roles }, { action: 'auth.sign_out', targetType: 'user', targetIds: [pending.userId] }, request.id);
      });
      clearSessionCookie(ctx, request, reply);
      return reply.status(204).send(null);
    },
  );
}
