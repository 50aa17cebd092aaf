import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorCode, ErrorResponse } from '@homeward/domain';

/** The status each error code answers with: the single map from domain error to HTTP. */
export const STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  second_factor_required: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
};

/** The one error type: services throw it, the handler turns it into `{"error":{…}}` with its status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS_OF[this.code];
  }
}

/** Shorthand for the answer to a record that does not exist or lies outside the caller's scope. */
export const notFound = (what = 'record') => new AppError('not_found', `No such ${what}.`);

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: (string | number)[] } };
}

/** Install the error and not-found handlers that give the whole API one error shape. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) void reply.headers(error.headers);
      const body: ErrorResponse = {
        error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) },
      };
      return reply.status(error.status).send(body);
    }
    const fe = error as FastifyError & { validation?: ValidationIssue[] };
    if (fe.validation) {
      const details = fe.validation.map((v) => ({
        path: ((v.params as { issue?: { path?: (string | number)[] } } | undefined)?.issue?.path?.join('.') ?? v.instancePath?.replace(/^\//, '').replaceAll('/', '.')) || '(body)',
        message: v.message ?? 'is not valid',
      }));
      const where = fe.validationContext ? ` in the ${fe.validationContext}` : '';
      const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
      return reply
        .status(400)
        .send({ error: { code: 'validation_failed', message: `Some values${where} are not valid — ${summary}`, details } });
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      const code: ErrorCode = fe.statusCode === 429 ? 'rate_limited' : fe.statusCode === 404 ? 'not_found' : 'bad_request';
      return reply.status(fe.statusCode).send({ error: { code, message: fe.message } });
    }
    // Two requests racing for the same unique value, or a concurrent update the database refused: the
    // checks before the write passed for both, the database kept one. The row's values are not logged.
    const dbCode = (error as { code?: unknown }).code;
    if (dbCode === '23505' || dbCode === '40001' || dbCode === '40P01') {
      request.log.warn({ reference: request.id, dbCode }, 'concurrent change refused by the database');
      return reply.status(409).send({
        error: { code: 'conflict', message: 'Someone else changed the same record at the same moment. Reload the page and try again.' },
      });
    }
    // Above 500 the client gets a reference only; the log gets the detail (never request bodies).
    request.log.error({ err: loggableError(error), reference: request.id }, 'unhandled error');
    return reply.status(500).send({
      error: { code: 'internal', message: 'Something went wrong on the server.', reference: String(request.id) },
    });
  });
}

/**
 * What of an unexpected error may go to the log. Database errors carry the statement's parameters and a
 * `detail` with row values (PGlite and pg both do), and messages may quote a value ("invalid input syntax
 * for type uuid: ..."): names and dates of people must not reach the log. Kept: the kind of error, its
 * codes, the table and constraint, the message with quoted values masked, and the stack.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const e = error as Error & Record<string, unknown>;
  const mask = (text: string) => text.replace(/"[^"]*"|'[^']*'/g, '"…"');
  const out: Record<string, unknown> = { type: e.name, message: mask(e.message), stack: e.stack ? mask(e.stack) : undefined };
  for (const key of ['code', 'severity', 'table', 'column', 'constraint', 'routine', 'statusCode'] as const) {
    if (e[key] !== undefined) out[key] = e[key];
  }
  return out;
}
