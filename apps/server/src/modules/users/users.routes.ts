import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createUserRequestSchema,
  updateUserRequestSchema,
  userIdParamsSchema,
  userListResponseSchema,
  userViewSchema,
} from '@homeward/domain';
import { actorOf } from '../../lib/access';
import { recordReadAudit } from '../../lib/read-audit';
import type { AppContext } from '../../lib/context';
import { auditActorOf, typed } from '../../lib/route-helpers';
import { inTransaction } from '../../lib/transaction';
import { createUser, getUser, listAllUsers, resetSecondFactor, setUserDisabled, updateUser } from './users.service';

const tags = ['users'];

/** User administration: create, change roles, disable, reset a second factor. */
export function usersRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const db = ctx.database.db;

  api.get(
    '/api/users',
    { config: { access: 'user.list' }, schema: { tags, summary: 'All users', response: { 200: userListResponseSchema } } },
    async (request) =>
      inTransaction(db, async (trx) => {
        const users = await listAllUsers(trx);
        await recordReadAudit(trx, auditActorOf(request), { action: 'user.list', targetType: 'user', targetIds: users.map((u) => u.id) }, request.id);
        return { users };
      }),
  );

  api.get(
    '/api/users/directory',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: 'Colleagues of your mission by name, to show who did what on a case',
        response: { 200: z.object({ users: z.array(z.object({ id: z.string(), displayName: z.string(), disabled: z.boolean() })) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await db
        .selectFrom('users')
        .select(['id', 'display_name', 'disabled_at'])
        .where('mission_id', '=', actor.missionId ?? ctx.missionId)
        .orderBy('display_name')
        .execute();
      return { users: rows.map((u) => ({ id: u.id, displayName: u.display_name, disabled: u.disabled_at !== null })) };
    },
  );

  api.post(
    '/api/users',
    { config: { access: 'user.create' }, schema: { tags, summary: 'Create a user', body: createUserRequestSchema, response: { 201: userViewSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const user = await inTransaction(db, (trx) =>
        createUser(trx, auditActorOf(request), { ...request.body, missionId: actor.missionId ?? ctx.missionId }, request.id),
      );
      return reply.status(201).send(user);
    },
  );

  api.get(
    '/api/users/:id',
    { config: { access: 'user.read' }, schema: { tags, summary: 'One user', params: userIdParamsSchema, response: { 200: userViewSchema } } },
    async (request) =>
      inTransaction(db, async (trx) => {
        const user = await getUser(trx, request.params.id);
        await recordReadAudit(trx, auditActorOf(request), { action: 'user.read', targetType: 'user', targetIds: [user.id] }, request.id);
        return user;
      }),
  );

  api.patch(
    '/api/users/:id',
    { config: { access: 'user.update' }, schema: { tags, summary: 'Change a user', params: userIdParamsSchema, body: updateUserRequestSchema, response: { 200: userViewSchema } } },
    async (request) => inTransaction(db, (trx) => updateUser(trx, auditActorOf(request), request.params.id, request.body, request.id)),
  );

  api.post(
    '/api/users/:id/disable',
    { config: { access: 'user.disable' }, schema: { tags, summary: 'Disable a user (ends their sessions)', params: userIdParamsSchema, response: { 200: userViewSchema } } },
    async (request) => inTransaction(db, (trx) => setUserDisabled(trx, auditActorOf(request), request.params.id, true, request.id)),
  );

  api.post(
    '/api/users/:id/enable',
    { config: { access: 'user.disable' }, schema: { tags, summary: 'Enable a disabled user', params: userIdParamsSchema, response: { 200: userViewSchema } } },
    async (request) => inTransaction(db, (trx) => setUserDisabled(trx, auditActorOf(request), request.params.id, false, request.id)),
  );

  api.post(
    '/api/users/:id/reset-second-factor',
    {
      config: { access: 'user.reset_second_factor' },
      schema: { tags, summary: 'Remove a user’s second factor; they enrol again at next sign-in', params: userIdParamsSchema, response: { 200: userViewSchema } },
    },
    async (request) => inTransaction(db, (trx) => resetSecondFactor(trx, auditActorOf(request), request.params.id, request.id)),
  );
}
