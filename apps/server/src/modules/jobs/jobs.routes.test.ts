import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, sessionCookie } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { AppError } from '../../lib/errors';
import { JobRunner } from './job-runner';
import { failInterruptedJobs } from './jobs.repository';

/** The job runner: persisted progress, outcomes, failures with a readable error, restarts, who may see a job. */
let t: TestApp;
let user: { id: string; cookie: string };
const quiet = { error: () => {}, info: () => {} };

beforeAll(async () => {
  t = await createTestApp();
  const u = await buildUser(t, { roles: ['caseworker'] });
  user = { id: u.id, cookie: await sessionCookie(t, u) };
});
afterAll(() => t.close());

const getJob = (id: string, cookie = user.cookie) => t.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: { cookie } });

describe('jobs', () => {
  it('runs queued work after answering, persisting progress every N items and the result', async () => {
    const runner = new JobRunner(t.database.db, quiet, 10);
    const seen: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const id = await runner.start('test.count', user.id, async (job) => {
      await gate;
      for (let done = 1; done <= 25; done++) {
        await job.progress(done, 25);
        const row = await t.database.db.selectFrom('jobs').select('progress_done').where('id', '=', id).executeTakeFirstOrThrow();
        seen.push(row.progress_done);
      }
      return { counted: 25 };
    });
    try {
      // Answered before any work is done: queued, or just marked running while the work waits.
      const early = (await getJob(id)).json();
      expect(['queued', 'running']).toContain(early.status);
      expect(early).toMatchObject({ progress: { done: 0, total: null }, result: null });
    } finally {
      release();
    }
    await runner.idle();
    expect(seen.filter((n, i) => n !== seen[i - 1])).toEqual([1, 11, 21, 25]);
    const done = (await getJob(id)).json();
    expect(done).toMatchObject({ kind: 'test.count', status: 'succeeded', progress: { done: 25, total: 25 }, result: { counted: 25 }, error: null });
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
  });

  it('records a failure: a user-facing message as written, anything else as a reference only', async () => {
    const runner = new JobRunner(t.database.db, quiet);
    const readable = await runner.start('test.fail', user.id, async () => {
      throw new AppError('validation_failed', 'The file has no lines.');
    });
    const internal = await runner.start('test.fail', user.id, async () => {
      throw new Error('duplicate key value violates unique constraint');
    });
    await runner.close();
    expect((await getJob(readable)).json()).toMatchObject({ status: 'failed', error: 'The file has no lines.', result: null });
    expect((await getJob(internal)).json().error).toBe(`The job failed unexpectedly (reference ${internal}).`);
    await expect(runner.start('test.late', user.id, async () => null)).rejects.toThrow(/shutting down/);
  });

  it('marks jobs a restart interrupted as failed', async () => {
    const running = randomUUID();
    await t.database.db.insertInto('jobs').values({ id: running, kind: 'test.x', status: 'running', created_by: user.id }).execute();
    expect(await failInterruptedJobs(t.database.db)).toBe(1);
    expect((await getJob(running)).json()).toMatchObject({ status: 'failed', error: 'interrupted by a restart' });
  });

  it('shows a job only to the user who started it', async () => {
    const runner = new JobRunner(t.database.db, quiet);
    const id = await runner.start('test.mine', user.id, async () => 'ok');
    await runner.idle();
    expect((await getJob(id)).statusCode).toBe(200);
    const other = await buildUser(t, { roles: ['administrator'] });
    const res = await getJob(id, await sessionCookie(t, other));
    expect(res.statusCode).toBe(404);
    expect((await getJob(randomUUID(), await sessionCookie(t, other))).json()).toEqual(res.json());
    expect((await t.app.inject({ method: 'GET', url: `/api/jobs/${id}` })).statusCode).toBe(401);
  });
});
