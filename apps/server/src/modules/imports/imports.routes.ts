import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { readableCategoriesForRoles, writableCategoriesForRoles } from '@homeward/domain';
import { actorOf, requireScope } from '../../lib/access';
import type { Actor, AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { auditActorOf, typed } from '../../lib/route-helpers';
import type { JobRunner } from '../jobs/job-runner';
import { personInScope } from '../people/people.policy';
import { exportPeople } from './person-export.service';
import { importPeople, type ImportTarget } from './person-import.service';
import { parsePeople } from './person-parse';

const sourceSystemSchema = z.string().trim().min(1).max(100);

/** The JSON form of an import: the source system's name and the JSON Lines text. */
export const importPeopleRequestSchema = z.object({ sourceSystem: sourceSystemSchema, content: z.string().min(1) });
export const importPeopleQuerySchema = z.object({ sourceSystem: sourceSystemSchema.optional() });
export const importPeopleResponseSchema = z.object({ jobId: z.string() });
export const exportPeopleQuerySchema = z.object({ sourceSystem: sourceSystemSchema.optional() });

/** The job kind of a people import, as `GET /api/jobs/:id` shows it. */
export const PEOPLE_IMPORT_JOB = 'people.import';

function importTarget(ctx: AppContext, actor: Actor, sourceSystem: string, requestId: string): ImportTarget {
  if (!writableCategoriesForRoles(actor.roles).includes('identity')) throw new AppError('forbidden', 'Your role may not record identity details.');
  return {
    missionId: actor.missionId ?? ctx.missionId,
    teamId: actor.teamId,
    sourceSystem,
    recordedBy: actor.userId,
    audit: { userId: actor.userId, roles: actor.roles },
    requestId,
  };
}

/**
 * Bulk import and export of people in `homeward.person/1`. The import answers 202 with a job id at once; the
 * lines are parsed in a worker thread and written in batches by the job (poll `GET /api/jobs/:id`). Bodies
 * are limited to the server's 5 MB: larger files go through `homeward import people FILE`.
 */
export function importsRoutes(app: FastifyInstance, ctx: AppContext, jobs: JobRunner): void {
  const api = typed(app);
  const db = ctx.database.db;
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  api.post(
    '/api/imports/people',
    {
      config: { access: 'person.import' },
      schema: {
        tags: ['imports'],
        summary: 'Import people (homeward.person/1) as a background job',
        description: 'JSON `{sourceSystem, content}`, or the JSON Lines as an `application/x-ndjson` body with `?sourceSystem=`.',
        querystring: importPeopleQuerySchema,
        body: z.union([importPeopleRequestSchema, z.string().min(1)]),
        response: { 202: importPeopleResponseSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requireScope(actor, 'person.import');
      const body = request.body;
      const sourceSystem = typeof body === 'string' ? request.query.sourceSystem : body.sourceSystem;
      if (!sourceSystem) throw new AppError('validation_failed', 'Name the source system (?sourceSystem=) the records come from.');
      const content = typeof body === 'string' ? body : body.content;
      const target = importTarget(ctx, actor, sourceSystem, request.id);
      const jobId = await jobs.start(PEOPLE_IMPORT_JOB, actor.userId, (job) =>
        importPeople(db, target, parsePeople({ content }), { onProgress: (done, total) => job.progress(done, total) }),
      );
      return reply.status(202).send({ jobId });
    },
  );

  api.get(
    '/api/exports/people',
    {
      config: { access: 'person.export' },
      schema: { tags: ['imports'], summary: 'Export the people in your scope as homeward.person/1 JSON Lines (audited)', querystring: exportPeopleQuerySchema },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const scope = requireScope(actor, 'person.export');
      const lines = exportPeople(db, {
        filter: personInScope(actor, scope),
        readable: readableCategoriesForRoles(actor.roles),
        sourceSystem: request.query.sourceSystem ?? null,
        audit: auditActorOf(request),
        requestId: request.id,
      });
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('content-disposition', 'attachment; filename="people.jsonl"')
        .send(Readable.from(lines));
    },
  );
}
