import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../lib/access';
import type { AppContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { typed } from '../../lib/route-helpers';
import { JobRunner } from './job-runner';
import { failInterruptedJobs, findJobOfUser } from './jobs.repository';

/** A background job as the UI polls it: status, progress for the bar, and the result or a readable error. */
export const jobViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof jobViewSchema>;

/**
 * Start the job runner of this server: jobs a previous run left queued or running are marked failed first
 * (nothing survives a restart), and shutdown waits for the job in hand.
 */
export async function startJobRunner(app: FastifyInstance, ctx: AppContext): Promise<JobRunner> {
  const interrupted = await failInterruptedJobs(ctx.database.db);
  if (interrupted > 0) ctx.logger.info({ interrupted }, 'jobs interrupted by a restart marked failed');
  const runner = new JobRunner(ctx.database.db, ctx.logger);
  app.addHook('onClose', () => runner.close());
  return runner;
}

/** `GET /api/jobs/:id`: any signed-in user may poll the jobs they started; anyone else's answers 404. */
export function jobsRoutes(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/api/jobs/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['jobs'], summary: 'A background job you started: status, progress, result', params: z.object({ id: z.string().uuid() }), response: { 200: jobViewSchema } },
    },
    async (request): Promise<JobView> => {
      const row = await findJobOfUser(ctx.database.db, request.params.id, actorOf(request).userId);
      if (!row) throw notFound('job');
      return {
        id: row.id,
        kind: row.kind,
        status: row.status as JobView['status'],
        progress: { done: row.progress_done, total: row.progress_total },
        result: row.result ?? null,
        error: row.error,
        createdAt: row.created_at.toISOString(),
        startedAt: row.started_at?.toISOString() ?? null,
        finishedAt: row.finished_at?.toISOString() ?? null,
      };
    },
  );
}
