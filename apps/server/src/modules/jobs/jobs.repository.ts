import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The life of a job: queued until the runner picks it up, then running, then one of the two outcomes. */
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** Create the row first, so the caller can answer 202 with an id the UI polls. */
export async function insertJob(db: Db, job: { id: string; kind: string; createdBy: string | null; total: number | null }): Promise<void> {
  await db
    .insertInto('jobs')
    .values({ id: job.id, kind: job.kind, status: 'queued', progress_total: job.total, created_by: job.createdBy })
    .execute();
}

export async function markJobRunning(db: Db, id: string): Promise<void> {
  await db.updateTable('jobs').set({ status: 'running', started_at: new Date() }).where('id', '=', id).execute();
}

/** Persisted progress: what the UI's progress bar reads. */
export async function updateJobProgress(db: Db, id: string, done: number, total: number | null | undefined): Promise<void> {
  await db
    .updateTable('jobs')
    .set(total === undefined ? { progress_done: done } : { progress_done: done, progress_total: total })
    .where('id', '=', id)
    .execute();
}

export async function finishJob(db: Db, id: string, outcome: { status: 'succeeded'; result: unknown } | { status: 'failed'; error: string }): Promise<void> {
  await db
    .updateTable('jobs')
    .set(
      outcome.status === 'succeeded'
        ? { status: 'succeeded', result: JSON.stringify(outcome.result ?? null), finished_at: new Date() }
        : { status: 'failed', error: outcome.error, finished_at: new Date() },
    )
    .where('id', '=', id)
    .execute();
}

/** A job as its creator may see it; another user's job is not found (no hint that it exists). */
export async function findJobOfUser(db: Db, id: string, userId: string) {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).where('created_by', '=', userId).executeTakeFirst();
}

/** At start-up nothing can still be running: whatever was queued or running was cut off by the restart. */
export async function failInterruptedJobs(db: Db): Promise<number> {
  const res = await db
    .updateTable('jobs')
    .set({ status: 'failed', error: 'interrupted by a restart', finished_at: new Date() })
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
