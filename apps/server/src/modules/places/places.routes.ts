import type { FastifyInstance } from 'fastify';
import {
  createPlaceRequestSchema,
  endPlacementRequestSchema,
  personIdParamsSchema,
  placeDetailSchema,
  placeIdParamsSchema,
  placeListResponseSchema,
  placementHistorySchema,
  placementIdParamsSchema,
  placementViewSchema,
  placesBoardQuerySchema,
  placesBoardResponseSchema,
  placeViewSchema,
  recordPlacementRequestSchema,
  recordPlacementResponseSchema,
  updatePlaceRequestSchema,
} from '@homeward/domain';
import { actorOf } from '../../lib/access';
import type { AppContext } from '../../lib/context';
import { typed } from '../../lib/route-helpers';
import { inTransaction } from '../../lib/transaction';
import {
  changePlace,
  createPlace,
  endPlacementOf,
  listPlacesOf,
  missionOf,
  placesBoard,
  readPlace,
  readPlacements,
  recordPlacement,
} from './places.service';

const tags = ['places'];

/** Places of the mission, the placements of people in them, and the board for gathering children. */
export function placesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const db = ctx.database.db;

  api.get(
    '/api/places',
    { config: { access: 'place.list' }, schema: { tags, summary: 'Places of the mission with occupancy', response: { 200: placeListResponseSchema } } },
    async (request) => {
      const actor = actorOf(request);
      return inTransaction(db, (trx) => listPlacesOf(trx, actor, missionOf(actor, ctx.missionId)));
    },
  );

  api.post(
    '/api/places',
    { config: { access: 'place.create' }, schema: { tags, summary: 'Register a place', body: createPlaceRequestSchema, response: { 201: placeViewSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const view = await inTransaction(db, (trx) => createPlace(trx, actor, missionOf(actor, ctx.missionId), request.body, request.id));
      return reply.status(201).send(view);
    },
  );

  api.get(
    '/api/places/board',
    {
      config: { access: 'place.list' },
      schema: { tags, summary: 'Places board and plan for gathering children (audited)', querystring: placesBoardQuerySchema, response: { 200: placesBoardResponseSchema } },
    },
    async (request) => {
      const actor = actorOf(request);
      return inTransaction(db, (trx) => placesBoard(trx, actor, missionOf(actor, ctx.missionId), request.query.target, request.id));
    },
  );

  api.get(
    '/api/places/:id',
    { config: { access: 'place.read' }, schema: { tags, summary: 'One place with the people there (audited)', params: placeIdParamsSchema, response: { 200: placeDetailSchema } } },
    async (request) => {
      const actor = actorOf(request);
      return inTransaction(db, (trx) => readPlace(trx, actor, missionOf(actor, ctx.missionId), request.params.id, request.id));
    },
  );

  api.patch(
    '/api/places/:id',
    {
      config: { access: 'place.update' },
      schema: { tags, summary: 'Change facts about a place', params: placeIdParamsSchema, body: updatePlaceRequestSchema, response: { 200: placeViewSchema } },
    },
    async (request) => {
      const actor = actorOf(request);
      return inTransaction(db, (trx) => changePlace(trx, actor, missionOf(actor, ctx.missionId), request.params.id, request.body, request.id));
    },
  );

  api.get(
    '/api/people/:id/placements',
    {
      config: { access: 'person.read' },
      schema: { tags, summary: "A person's placements and current place (audited)", params: personIdParamsSchema, response: { 200: placementHistorySchema } },
    },
    async (request) => inTransaction(db, (trx) => readPlacements(trx, actorOf(request), request.params.id, request.id)),
  );

  api.post(
    '/api/people/:id/placements',
    {
      config: { access: 'person.update' },
      schema: { tags, summary: 'Place or transfer a person', params: personIdParamsSchema, body: recordPlacementRequestSchema, response: { 201: recordPlacementResponseSchema } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await inTransaction(db, (trx) => recordPlacement(trx, actor, missionOf(actor, ctx.missionId), request.params.id, request.body, request.id));
      return reply.status(201).send(result);
    },
  );

  api.post(
    '/api/people/:id/placements/:placementId/end',
    {
      config: { access: 'person.update' },
      schema: { tags, summary: "End a person's current placement", params: placementIdParamsSchema, body: endPlacementRequestSchema, response: { 200: placementViewSchema } },
    },
    async (request) =>
      inTransaction(db, (trx) => endPlacementOf(trx, actorOf(request), request.params.id, request.params.placementId, request.body?.endOn, request.body?.reason, request.id)),
  );
}
