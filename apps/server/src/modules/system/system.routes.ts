import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { healthResponseSchema } from '@homeward/domain';
import type { AppContext } from '../../lib/context';
import { typed } from '../../lib/route-helpers';
import { VERSION } from '../../version';

/** Health: answers only when the database answers. */
export function systemRoutes(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: healthResponseSchema } } },
    async () => {
      await sql`SELECT 1`.execute(ctx.database.db);
      return { status: 'ok' as const, db: ctx.database.kind, version: VERSION, demoMode: ctx.demoMode };
    },
  );
}
