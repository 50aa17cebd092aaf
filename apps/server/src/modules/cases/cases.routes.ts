import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  caseDetailSchema,
  caseIdParamsSchema,
  caseListQuerySchema,
  caseListResponseSchema,
  createCaseRequestSchema,
  myTasksResponseSchema,
  noteInputSchema,
  taskIdParamsSchema,
  taskInputSchema,
  taskUpdateSchema,
  transitionRequestSchema,
  updateCaseRequestSchema,
  workflowsResponseSchema,
} from '@homeward/domain';
import { actorOf } from '../../lib/access';
import type { AppContext } from '../../lib/context';
import { typed } from '../../lib/route-helpers';
import { inTransaction } from '../../lib/transaction';
import { addNote, addTask, caseDetail, listCases, myTasks, openCase, transitionCase, updateCase, updateTask } from './cases.service';
import { listWorkflows } from './workflows.repository';

const tags = ['cases'];
const created = z.object({ id: z.string() });

/** Cases through their stages, with tasks and notes. */
export function casesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const db = ctx.database.db;

  api.get(
    '/api/cases',
    { config: { access: 'case.list' }, schema: { tags, summary: 'Cases in scope, with filters and keyset paging', querystring: caseListQuerySchema, response: { 200: caseListResponseSchema } } },
    async (request) => listCases(db, actorOf(request), request.query, request.id),
  );

  api.post(
    '/api/cases',
    { config: { access: 'case.create' }, schema: { tags, summary: 'Open a case for a person', body: createCaseRequestSchema, response: { 201: created } } },
    async (request, reply) => reply.status(201).send(await inTransaction(db, (trx) => openCase(trx, actorOf(request), request.body, request.id))),
  );

  api.get(
    '/api/cases/:id',
    { config: { access: 'case.read' }, schema: { tags, summary: 'The case page (audited read)', params: caseIdParamsSchema, response: { 200: caseDetailSchema } } },
    async (request) => inTransaction(db, (trx) => caseDetail(trx, actorOf(request), request.params.id, request.id)),
  );

  api.patch(
    '/api/cases/:id',
    { config: { access: 'case.update' }, schema: { tags, summary: 'Change priority, flags or family', params: caseIdParamsSchema, body: updateCaseRequestSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await inTransaction(db, (trx) => updateCase(trx, actorOf(request), request.params.id, request.body, request.id));
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/cases/:id/transitions',
    { config: { access: 'case.transition' }, schema: { tags, summary: 'Move the case to another stage, with a reason', params: caseIdParamsSchema, body: transitionRequestSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await inTransaction(db, (trx) => transitionCase(trx, actorOf(request), request.params.id, request.body.to, request.body.reason, request.id));
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/cases/:id/tasks',
    { config: { access: 'case.update' }, schema: { tags, summary: 'Add a task', params: caseIdParamsSchema, body: taskInputSchema, response: { 201: created } } },
    async (request, reply) => reply.status(201).send({ id: await inTransaction(db, (trx) => addTask(trx, actorOf(request), request.params.id, request.body, request.id)) }),
  );

  api.patch(
    '/api/tasks/:id',
    { config: { access: 'case.update' }, schema: { tags, summary: 'Complete, reassign or reschedule a task', params: taskIdParamsSchema, body: taskUpdateSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await inTransaction(db, (trx) => updateTask(trx, actorOf(request), request.params.id, request.body, request.id));
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/tasks/mine',
    { config: { access: 'case.read' }, schema: { tags, summary: 'My open tasks, overdue first', response: { 200: myTasksResponseSchema } } },
    async (request) => ({ tasks: await inTransaction(db, (trx) => myTasks(trx, actorOf(request), request.id)) }),
  );

  api.post(
    '/api/cases/:id/notes',
    { config: { access: 'case.update' }, schema: { tags, summary: 'Add a note in a field category', params: caseIdParamsSchema, body: noteInputSchema, response: { 201: created } } },
    async (request, reply) => reply.status(201).send({ id: await inTransaction(db, (trx) => addNote(trx, actorOf(request), request.params.id, request.body, request.id)) }),
  );

  api.get(
    '/api/workflows',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'The case workflows (stages, transitions, requirements)', response: { 200: workflowsResponseSchema } } },
    async () => ({ workflows: (await listWorkflows(db)).map((w) => ({ kind: w.kind as 'child' | 'adult', version: w.version, definition: w.definition })) }),
  );
}
