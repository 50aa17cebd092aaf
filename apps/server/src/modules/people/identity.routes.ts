import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  birthInputSchema,
  identityDecisionInputSchema,
  identityHistorySchema,
  nationalityClaimInputSchema,
  photoIdParamsSchema,
  photoUploadSchema,
  nameIdParamsSchema,
  nameInputSchema,
  personIdParamsSchema,
  personRecordSchema,
  personSearchQuerySchema,
  personSearchResponseSchema,
  registerPersonRequestSchema,
  relationshipInputSchema,
} from '@homeward/domain';
import { actorOf } from '../../lib/access';
import type { AppContext } from '../../lib/context';
import { typed } from '../../lib/route-helpers';
import { inTransaction } from '../../lib/transaction';
import {
  addName,
  correctName,
  decideIdentity,
  identityHistory,
  linkPeople,
  personRecord,
  registerPerson,
  searchPeople,
  setBirth,
} from './identity.service';
import { addNationalityClaim, addPhoto, readPhoto } from './photos.service';

const tags = ['registry'];
const created = z.object({ id: z.string() });

/** The registry: register people with many names, record birth, link relatives, decide identity, search. */
export function identityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const db = ctx.database.db;

  api.post(
    '/api/registry/people',
    {
      config: { access: 'person.create' },
      schema: { tags, summary: 'Register a person (names, birth, optionally a case)', body: registerPersonRequestSchema, response: { 201: z.object({ id: z.string(), caseId: z.string().nullable() }) } },
    },
    async (request, reply) => reply.status(201).send(await inTransaction(db, (trx) => registerPerson(trx, actorOf(request), ctx.missionId, request.body, request.id))),
  );

  api.get(
    '/api/registry/people/search',
    { config: { access: 'person.list' }, schema: { tags, summary: 'Likely existing records for a name in any script', querystring: personSearchQuerySchema, response: { 200: personSearchResponseSchema } } },
    async (request) => ({ candidates: await inTransaction(db, (trx) => searchPeople(trx, actorOf(request), request.query.q, request.query.limit, request.id)) }),
  );

  api.get(
    '/api/registry/people/:id',
    { config: { access: 'person.read' }, schema: { tags, summary: 'A person’s names, birth, relationships (audited read)', params: personIdParamsSchema, response: { 200: personRecordSchema } } },
    async (request) => inTransaction(db, (trx) => personRecord(trx, actorOf(request), request.params.id, request.id)),
  );

  api.get(
    '/api/registry/people/:id/history',
    { config: { access: 'person.read' }, schema: { tags, summary: 'Every version of every identity fact, and identity decisions', params: personIdParamsSchema, response: { 200: identityHistorySchema } } },
    async (request) => inTransaction(db, (trx) => identityHistory(trx, actorOf(request), request.params.id, request.id)),
  );

  api.post(
    '/api/registry/people/:id/names',
    { config: { access: 'person.update' }, schema: { tags, summary: 'Record another name', params: personIdParamsSchema, body: nameInputSchema, response: { 201: created } } },
    async (request, reply) => reply.status(201).send({ id: await inTransaction(db, (trx) => addName(trx, actorOf(request), request.params.id, request.body, request.id)) }),
  );

  api.post(
    '/api/registry/people/:id/names/:nameId/corrections',
    { config: { access: 'person.update' }, schema: { tags, summary: 'Correct a name (the old version is kept)', params: nameIdParamsSchema, body: nameInputSchema, response: { 201: created } } },
    async (request, reply) =>
      reply.status(201).send({ id: await inTransaction(db, (trx) => correctName(trx, actorOf(request), request.params.id, request.params.nameId, request.body, request.id)) }),
  );

  api.post(
    '/api/registry/people/:id/birth',
    { config: { access: 'person.update' }, schema: { tags, summary: 'Record what is known of the birth (a new version)', params: personIdParamsSchema, body: birthInputSchema, response: { 201: created } } },
    async (request, reply) => reply.status(201).send({ id: await inTransaction(db, (trx) => setBirth(trx, actorOf(request), request.params.id, request.body, request.id)) }),
  );

  api.post(
    '/api/registry/people/:id/relationships',
    { config: { access: 'person.update' }, schema: { tags, summary: 'Link a relative, with the evidence level', params: personIdParamsSchema, body: relationshipInputSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await inTransaction(db, (trx) => linkPeople(trx, actorOf(request), request.params.id, request.body, request.id));
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/registry/people/:id/identity-decisions',
    {
      config: { access: 'person.decide_identity' },
      schema: { tags, summary: 'Record a supervisor’s identity decision with its evidence', params: personIdParamsSchema, body: identityDecisionInputSchema, response: { 201: created } },
    },
    async (request, reply) => reply.status(201).send({ id: await inTransaction(db, (trx) => decideIdentity(trx, actorOf(request), request.params.id, request.body, request.id)) }),
  );

  api.post(
    '/api/registry/people/:id/photos',
    {
      config: { access: 'person.update' },
      bodyLimit: 3 * 1024 * 1024,
      schema: { tags, summary: 'Add an identification photo (JPEG, PNG or WebP, base64, at most 2 MB)', params: personIdParamsSchema, body: photoUploadSchema, response: { 201: created } },
    },
    async (request, reply) => reply.status(201).send({ id: await inTransaction(db, (trx) => addPhoto(trx, actorOf(request), request.params.id, request.body, request.id)) }),
  );

  api.get(
    '/api/registry/people/:id/photos/:photoId',
    { config: { access: 'person.read' }, schema: { tags, summary: 'The photo image (audited read)', params: photoIdParamsSchema } },
    async (request, reply) => {
      const photo = await inTransaction(db, (trx) => readPhoto(trx, actorOf(request), request.params.id, request.params.photoId, request.id));
      return reply.header('cache-control', 'private, no-store').type(photo.contentType).send(photo.bytes);
    },
  );

  api.post(
    '/api/registry/people/:id/nationality-claims',
    { config: { access: 'person.update' }, schema: { tags, summary: 'Record a nationality claim and its basis', params: personIdParamsSchema, body: nationalityClaimInputSchema, response: { 201: created } } },
    async (request, reply) =>
      reply.status(201).send({ id: await inTransaction(db, (trx) => addNationalityClaim(trx, actorOf(request), request.params.id, request.body, request.id)) }),
  );
}
