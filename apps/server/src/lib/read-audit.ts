import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { loggableError } from './errors';
import { appendAudits, recordAudit, type AuditActor, type AuditEvent, type PendingAudit } from './audit';

/**
 * Reads are audited like changes, but a read changes nothing the entry must commit or roll back with. So a
 * read inside an API request is held until the answer is about to leave, then written together with the
 * reads of every other request answering at the same moment: one chain lock and one commit for all of them
 * (group commit), instead of each request queueing on the chain lock. The answer waits until its entries
 * are on disk; if they cannot be written, the caller gets an error instead of the data.
 */
const heldReads = new Map<string, PendingAudit[]>();

/**
 * Audit a read. Inside an API request it is written just before the answer is sent; anywhere else (CLI,
 * jobs, tests calling a service) it is written at once: in the transaction given, or in one of its own.
 */
export async function recordReadAudit(
  db: Kysely<Database> | Transaction<Database>,
  actor: AuditActor,
  event: AuditEvent,
  requestId: string | null,
): Promise<void> {
  const held = requestId ? heldReads.get(requestId) : undefined;
  if (held) held.push({ actor, event, requestId, at: new Date() });
  else if (db.isTransaction) await recordAudit(db as Transaction<Database>, actor, event, requestId);
  else await db.transaction().execute((trx) => recordAudit(trx, actor, event, requestId));
}

/** Writes batches of held reads, one transaction at a time; whoever arrives meanwhile joins the next batch. */
class ReadAuditWriter {
  private waiting: { entries: PendingAudit[]; done: (err?: unknown) => void }[] = [];
  private running: Promise<void> | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  write(entries: PendingAudit[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ entries, done: (err) => (err === undefined ? resolve() : reject(err)) });
      this.running ??= this.drain();
    });
  }

  /** Resolves once nothing is waiting (on close: every held read is written before the database closes). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0);
        try {
          await this.db.transaction().execute((trx) => appendAudits(trx, batch.flatMap((b) => b.entries)));
          for (const b of batch) b.done();
        } catch (err) {
          for (const b of batch) b.done(err ?? new Error('audit write failed'));
        }
      }
    } finally {
      this.running = null;
    }
  }
}

/** Hold each API request's reads and write them, batched with other requests', before its answer is sent. */
export function installReadAudits(app: FastifyInstance, db: Kysely<Database>): void {
  const writer = new ReadAuditWriter(db);
  const flush = async (requestId: string) => {
    const held = heldReads.get(requestId);
    heldReads.delete(requestId);
    if (held && held.length > 0) await writer.write(held);
  };
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/')) heldReads.set(request.id, []);
  });
  // The first onSend hook: an error here replaces the answer with an error, so no audited data leaves.
  app.addHook('onSend', async (request, _reply, payload) => {
    await flush(request.id);
    return payload;
  });
  // A request that ended without an answer (the client went away) still leaves its reads in the trail.
  const settle = async (request: { id: string }) => {
    await flush(request.id).catch((err: unknown) => app.log.error({ err: loggableError(err) }, 'read audit failed'));
  };
  app.addHook('onResponse', settle);
  app.addHook('onRequestAbort', settle);
  app.addHook('onClose', async () => writer.idle());
}
