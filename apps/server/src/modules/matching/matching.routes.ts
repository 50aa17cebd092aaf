import type { FastifyInstance } from 'fastify';
import {
  matchCandidatesRequestSchema,
  matchCandidatesResponseSchema,
  matchConfirmRequestSchema,
  matchDecisionResponseSchema,
  matchIdParamsSchema,
  matchQueueQuerySchema,
  matchQueueResponseSchema,
  matchReasonRequestSchema,
  matchSuggestionSchema,
} from '@homeward/domain';
import { actorOf } from '../../lib/access';
import type { AppContext } from '../../lib/context';
import { typed } from '../../lib/route-helpers';
import { inTransaction } from '../../lib/transaction';
import { confirmSuggestion, listSuggestions, markUnsure, readSuggestion, rejectSuggestion, searchCandidates } from './matching.service';

const tags = ['matching'];

/** The review queue of match suggestions, the decisions on them, and search-before-create with the engine. */
export function matchingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const db = ctx.database.db;

  api.get(
    '/api/matching/suggestions',
    {
      config: { access: 'matching.review' },
      schema: { tags, summary: 'The review queue: suggestions best first (keyset pages)', querystring: matchQueueQuerySchema, response: { 200: matchQueueResponseSchema } },
    },
    async (request) => inTransaction(db, (trx) => listSuggestions(trx, actorOf(request), request.query, request.id)),
  );

  api.get(
    '/api/matching/suggestions/:id',
    {
      config: { access: 'matching.review' },
      schema: { tags, summary: 'One suggestion, both people side by side with the reasons (audited read)', params: matchIdParamsSchema, response: { 200: matchSuggestionSchema } },
    },
    async (request) => inTransaction(db, (trx) => readSuggestion(trx, actorOf(request), request.params.id, request.id)),
  );

  api.post(
    '/api/matching/suggestions/:id/confirm',
    {
      config: { access: 'matching.confirm' },
      schema: { tags, summary: 'The same person: confirm (tracing: found, family, relationships, task)', params: matchIdParamsSchema, body: matchConfirmRequestSchema, response: { 200: matchDecisionResponseSchema } },
    },
    async (request) => inTransaction(db, (trx) => confirmSuggestion(trx, actorOf(request), request.params.id, request.body.reason, request.id)),
  );

  api.post(
    '/api/matching/suggestions/:id/reject',
    {
      config: { access: 'matching.confirm' },
      schema: { tags, summary: 'Not the same person (with the reason); not proposed again without new evidence', params: matchIdParamsSchema, body: matchReasonRequestSchema, response: { 200: matchDecisionResponseSchema } },
    },
    async (request) => inTransaction(db, (trx) => rejectSuggestion(trx, actorOf(request), request.params.id, request.body.reason, request.id)),
  );

  api.post(
    '/api/matching/suggestions/:id/unsure',
    {
      config: { access: 'matching.review' },
      schema: { tags, summary: '"Not sure", with a note for the next reviewer', params: matchIdParamsSchema, body: matchReasonRequestSchema, response: { 200: matchDecisionResponseSchema } },
    },
    async (request) => inTransaction(db, (trx) => markUnsure(trx, actorOf(request), request.params.id, request.body.reason, request.id)),
  );

  api.post(
    '/api/matching/candidates',
    {
      config: { access: 'person.list' },
      schema: { tags, summary: 'Search before create: registry people who may be this unsaved person, with probability', body: matchCandidatesRequestSchema, response: { 200: matchCandidatesResponseSchema } },
    },
    async (request) => ({ candidates: await inTransaction(db, (trx) => searchCandidates(trx, actorOf(request), request.body, request.id)) }),
  );
}
