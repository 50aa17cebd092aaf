import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuditActor } from './audit';
import { actorOf, auditActor } from './access';

/** The app with zod schemas as its type provider: request types come from the shared schemas. */
export type Api = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/** The signed-in actor as the audit trail records it (id and roles only). */
export function auditActorOf(request: FastifyRequest): AuditActor {
  return auditActor(actorOf(request));
}

/** The client's address for throttling (behind a proxy only when HOMEWARD_TRUST_PROXY is set). */
export const clientAddress = (request: FastifyRequest): string => request.ip;
