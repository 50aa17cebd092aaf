import type { FastifyInstance } from 'fastify';
import {
  closeTracingRequestSchema,
  createTracingRequestSchema,
  recordConsentSchema,
  tracingListQuerySchema,
  tracingListResponseSchema,
  tracingRequestCreatedSchema,
  tracingRequestIdParamsSchema,
  tracingRequestViewSchema,
  updateTracingRequestSchema,
  withdrawConsentSchema,
} from '@homeward/domain';
import { actorOf } from '../../lib/access';
import type { AppContext } from '../../lib/context';
import { typed } from '../../lib/route-helpers';
import { inTransaction } from '../../lib/transaction';
import {
  closeTracingRequest,
  createTracingRequest,
  listTracingRequests,
  readTracingRequest,
  recordConsent,
  updateTracingRequest,
  withdrawConsent,
} from './tracing.service';

const tags = ['tracing'];

/** Tracing requests from relatives at home: file, list, read, change, consent and its withdrawal, close. */
export function tracingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const db = ctx.database.db;

  api.get(
    '/api/tracing-requests',
    { config: { access: 'tracing_request.list' }, schema: { tags, summary: 'Tracing requests within your scope', querystring: tracingListQuerySchema, response: { 200: tracingListResponseSchema } } },
    async (request) => inTransaction(db, (trx) => listTracingRequests(trx, actorOf(request), request.query, request.id)),
  );

  api.post(
    '/api/tracing-requests',
    {
      config: { access: 'tracing_request.create' },
      // Photos the relative brought travel base64-encoded in the request (five per sought person at most).
      bodyLimit: 24 * 1024 * 1024,
      schema: { tags, summary: 'File a tracing request with its sought people (one transaction)', body: createTracingRequestSchema, response: { 201: tracingRequestCreatedSchema } },
    },
    async (request, reply) => reply.status(201).send(await inTransaction(db, (trx) => createTracingRequest(trx, actorOf(request), ctx.missionId, request.body, request.id))),
  );

  api.get(
    '/api/tracing-requests/:id',
    { config: { access: 'tracing_request.read' }, schema: { tags, summary: 'One tracing request with its sought people (audited read)', params: tracingRequestIdParamsSchema, response: { 200: tracingRequestViewSchema } } },
    async (request) => inTransaction(db, (trx) => readTracingRequest(trx, actorOf(request), request.params.id, request.id)),
  );

  api.patch(
    '/api/tracing-requests/:id',
    {
      config: { access: 'tracing_request.update' },
      schema: { tags, summary: 'Change the requester’s details, district, departure date, documents or notes', params: tracingRequestIdParamsSchema, body: updateTracingRequestSchema, response: { 200: tracingRequestViewSchema } },
    },
    async (request) => inTransaction(db, (trx) => updateTracingRequest(trx, actorOf(request), request.params.id, request.body, request.id)),
  );

  api.post(
    '/api/tracing-requests/:id/consent',
    {
      config: { access: 'tracing_request.update' },
      schema: { tags, summary: 'Record the relative’s consent to tracing', params: tracingRequestIdParamsSchema, body: recordConsentSchema, response: { 200: tracingRequestViewSchema } },
    },
    async (request) => inTransaction(db, (trx) => recordConsent(trx, actorOf(request), request.params.id, request.id)),
  );

  api.post(
    '/api/tracing-requests/:id/consent-withdrawal',
    {
      config: { access: 'tracing_request.update' },
      schema: {
        tags,
        summary: 'Withdraw consent: the request’s people leave matching at once',
        params: tracingRequestIdParamsSchema,
        body: withdrawConsentSchema,
        response: { 200: tracingRequestViewSchema },
      },
    },
    async (request) => inTransaction(db, (trx) => withdrawConsent(trx, actorOf(request), request.params.id, request.body.reason, request.id)),
  );

  api.post(
    '/api/tracing-requests/:id/close',
    {
      config: { access: 'tracing_request.close' },
      schema: { tags, summary: 'Close a tracing request, with the reason', params: tracingRequestIdParamsSchema, body: closeTracingRequestSchema, response: { 200: tracingRequestViewSchema } },
    },
    async (request) => inTransaction(db, (trx) => closeTracingRequest(trx, actorOf(request), request.params.id, request.body.reason, request.id)),
  );
}
