import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/db/connect';
import { withDatabase } from './global-setup';

/** Which engine this test run uses: the same suite runs on PGlite and (in CI) on PostgreSQL. */
export const TEST_DB: 'pglite' | 'postgres' = process.env.HOMEWARD_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** A fresh, migrated database of its own for one test file; `close` drops it. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (TEST_DB === 'pglite') {
    const blob = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    return openDatabase({ kind: 'pglite-memory', loadDataDir: blob });
  }
  const url = process.env.DATABASE_URL!;
  const name = `homeward_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), poolSize: 5 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
