import { loggableError } from '../../lib/errors';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { finishJob, insertJob, markJobRunning, updateJobProgress } from './jobs.repository';

/** What a job's work sees: its id and a progress reporter that persists every `progressEvery` items. */
export interface JobContext {
  id: string;
  /** Report items done (and the total once known); persisted when enough has changed, always at the end. */
  progress(done: number, total?: number | null): Promise<void>;
}

/** The work of one job; its return value becomes the job's `result`. Throw `AppError` for a message the user may read. */
export type JobWork<R> = (job: JobContext) => Promise<R>;

interface Queued {
  id: string;
  work: JobWork<unknown>;
}

/**
 * A small in-process job queue. The row is created at once (status `queued`, the caller answers 202 with its
 * id); the work runs after the request has been answered, one job at a time (PGlite is single-process, and
 * heavy jobs should not compete with each other), CPU-heavy parts in worker threads inside the work itself.
 * Progress and the outcome are persisted so that the UI polls the `jobs` row, and a restart leaves no job
 * "running" forever (see `failInterruptedJobs`).
 */
export class JobRunner {
  private readonly queue: Queued[] = [];
  private active: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly logger: Pick<Logger, 'error' | 'info'>,
    private readonly progressEvery = 500,
  ) {}

  /** Create a job row and schedule its work; returns the job id without waiting for the work. */
  async start<R>(kind: string, createdBy: string | null, work: JobWork<R>, total: number | null = null): Promise<string> {
    if (this.closed) throw new AppError('conflict', 'The server is shutting down; try again in a moment.');
    const id = randomUUID();
    await insertJob(this.db, { id, kind, createdBy, total });
    this.queue.push({ id, work });
    this.active ??= this.drainQueue();
    return id;
  }

  /** Wait for every queued and running job (server shutdown, tests); new jobs are refused from now on. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.active) await this.active;
  }

  /** Wait until the queue is empty (tests and the CLI use it to observe a finished job). */
  async idle(): Promise<void> {
    while (this.active) await this.active;
  }

  private async drainQueue(): Promise<void> {
    // Let the request that queued the job answer first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) await this.runOne(next);
    } finally {
      this.active = null;
    }
  }

  private async runOne({ id, work }: Queued): Promise<void> {
    let persisted = 0;
    let lastTotal: number | null | undefined;
    const job: JobContext = {
      id,
      progress: async (done, total) => {
        const totalChanged = total !== undefined && total !== lastTotal;
        if (!totalChanged && done - persisted < this.progressEvery && done !== total) return;
        persisted = done;
        lastTotal = total ?? lastTotal;
        await updateJobProgress(this.db, id, done, totalChanged ? total : undefined);
      },
    };
    try {
      await markJobRunning(this.db, id);
      const result = await work(job);
      await finishJob(this.db, id, { status: 'succeeded', result });
    } catch (err) {
      // The message of an AppError is written for users; anything else stays in the log (message only: a
      // database error's detail may quote values from the file).
      const message = err instanceof AppError ? err.message : `The job failed unexpectedly (reference ${id}).`;
      this.logger.error({ jobId: id, err: loggableError(err) }, 'job failed');
      await finishJob(this.db, id, { status: 'failed', error: message }).catch((e: unknown) =>
        this.logger.error({ jobId: id, err: loggableError(e) }, 'could not record job failure'),
      );
    }
  }
}
