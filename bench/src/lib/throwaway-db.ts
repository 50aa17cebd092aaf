import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '@homeward/server';

/** A throwaway database: PostgreSQL when DATABASE_URL is set (the production engine), else in-memory PGlite. */
export async function throwawayDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void>; url: string | null }> {
  const base = process.env.DATABASE_URL;
  if (!base) return { handle: await openDatabase({ kind: 'pglite-memory' }), drop: async () => {}, url: null };
  const name = `homeward_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: 20 });
  return {
    handle,
    url: u.toString(),
    drop: async () => {
      if (process.env.HOMEWARD_BENCH_KEEP) return console.log(`kept database ${name}`);
      const dropper = new pg.Client({ connectionString: base });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

