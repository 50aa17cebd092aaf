import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createFamilyRequestSchema, familyIdParamsSchema, familyMemberInputSchema, familyViewSchema } from '@homeward/domain';
import { actorOf } from '../../lib/access';
import type { AppContext } from '../../lib/context';
import { typed } from '../../lib/route-helpers';
import { inTransaction } from '../../lib/transaction';
import { addFamilyMember, createFamily, familyView } from './families.service';

const tags = ['families'];

/** Families: households that group people; the family chart reads them. */
export function familiesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const db = ctx.database.db;

  api.post(
    '/api/families',
    { config: { access: 'person.update' }, schema: { tags, summary: 'Create a family from people', body: createFamilyRequestSchema, response: { 201: z.object({ id: z.string() }) } } },
    async (request, reply) => reply.status(201).send({ id: await inTransaction(db, (trx) => createFamily(trx, actorOf(request), ctx.missionId, request.body, request.id)) }),
  );

  api.get(
    '/api/families/:id',
    { config: { access: 'person.read' }, schema: { tags, summary: 'A family with the relationships among its members', params: familyIdParamsSchema, response: { 200: familyViewSchema } } },
    async (request) => inTransaction(db, (trx) => familyView(trx, actorOf(request), request.params.id, request.id)),
  );

  api.post(
    '/api/families/:id/members',
    { config: { access: 'person.update' }, schema: { tags, summary: 'Add a person to a family', params: familyIdParamsSchema, body: familyMemberInputSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await inTransaction(db, (trx) => addFamilyMember(trx, actorOf(request), request.params.id, request.body.personId, request.id));
      return reply.status(204).send(null);
    },
  );
}
