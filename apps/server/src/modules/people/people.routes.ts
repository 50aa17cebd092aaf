import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  assignPersonRequestSchema,
  createPersonRequestSchema,
  personIdParamsSchema,
  personListQuerySchema,
  personListResponseSchema,
  personViewSchema,
  sharePersonRequestSchema,
  updatePersonRequestSchema,
} from '@homeward/domain';
import { actorOf } from '../../lib/access';
import type { AppContext } from '../../lib/context';
import { typed } from '../../lib/route-helpers';
import { inTransaction } from '../../lib/transaction';
import { assignPerson, createPerson, listPeople, readPerson, sharePerson, updatePerson } from './people.service';

const tags = ['people'];

/** The person record: list, read, create, record facts, assign, share. Every read and change is audited. */
export function peopleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const db = ctx.database.db;

  api.get(
    '/api/people',
    { config: { access: 'person.list' }, schema: { tags, summary: 'People within your scope', querystring: personListQuerySchema, response: { 200: personListResponseSchema } } },
    async (request) => inTransaction(db, (trx) => listPeople(trx, actorOf(request), request.query, request.id)),
  );

  api.post(
    '/api/people',
    { config: { access: 'person.create' }, schema: { tags, summary: 'Register a person', body: createPersonRequestSchema, response: { 201: personViewSchema } } },
    async (request, reply) => {
      const view = await inTransaction(db, (trx) => createPerson(trx, actorOf(request), ctx.missionId, request.body, request.id));
      return reply.status(201).send(view);
    },
  );

  api.get(
    '/api/people/:id',
    { config: { access: 'person.read' }, schema: { tags, summary: 'One person (audited read)', params: personIdParamsSchema, response: { 200: personViewSchema } } },
    async (request) => inTransaction(db, (trx) => readPerson(trx, actorOf(request), request.params.id, request.id)),
  );

  api.patch(
    '/api/people/:id',
    {
      config: { access: 'person.update' },
      schema: { tags, summary: 'Record new versions of facts about a person', params: personIdParamsSchema, body: updatePersonRequestSchema, response: { 200: personViewSchema } },
    },
    async (request) => inTransaction(db, (trx) => updatePerson(trx, actorOf(request), request.params.id, request.body.attributes, request.id)),
  );

  api.post(
    '/api/people/:id/assignments',
    { config: { access: 'person.update' }, schema: { tags, summary: 'Assign a user to a person', params: personIdParamsSchema, body: assignPersonRequestSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await inTransaction(db, (trx) => assignPerson(trx, actorOf(request), request.params.id, request.body.userId, request.id));
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/people/:id/shares',
    { config: { access: 'person.share' }, schema: { tags, summary: 'Share a person with a partner organisation', params: personIdParamsSchema, body: sharePersonRequestSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await inTransaction(db, (trx) => sharePerson(trx, actorOf(request), request.params.id, request.body, request.id));
      return reply.status(204).send(null);
    },
  );
}
