import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema';

export type DbKind = 'pglite' | 'postgres';

/** An open database: the Kysely instance plus what differs between the two engines. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DbKind;
  /** Flush PGlite's state to disk (it runs with fsync off); a no-op on PostgreSQL. */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (tests copy one migrated template per file). */
  dumpDataDir?: () => Promise<Blob>;
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string }
  /** In memory, optionally from a dumped data directory (tests copy one migrated template per file). */
  | { kind: 'pglite-memory'; loadDataDir?: Blob };

const extensions = { pg_trgm, fuzzystrmatch, unaccent };

/**
 * One reading of column types on both engines: int8 as a string (ids never lose precision), numeric as a
 * number (ages in years), date as its 'YYYY-MM-DD' text (a calendar date has no time zone), timestamptz as Date.
 */
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const asText = (v: string) => v;
const asNumber = (v: string) => Number(v);
pg.types.setTypeParser(INT8, asText);
pg.types.setTypeParser(NUMERIC, asNumber);
pg.types.setTypeParser(DATE, asText);
const pgliteParsers = { [INT8]: asText, [NUMERIC]: asNumber, [DATE]: asText };

/** Open PostgreSQL (DATABASE_URL) or the embedded PGlite, the one place that knows both. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, admin command) must not bring the process down;
    // the pool replaces it on the next query.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', checkpoint: async () => {}, close: () => db.destroy() };
  }
  let unlock = () => {};
  let client: PGlite;
  if (options.kind === 'pglite') {
    unlock = lockDataDir(options.dataDir);
    try {
      client = await PGlite.create({ dataDir: path.join(options.dataDir, 'pglite'), extensions, parsers: pgliteParsers });
    } catch (err) {
      unlock();
      throw err;
    }
  } else {
    client = await PGlite.create({ extensions, parsers: pgliteParsers, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: 'pglite',
    checkpoint: async () => {
      await sql`CHECKPOINT`.execute(db);
    },
    dumpDataDir: async () => client.dumpDataDir('gzip'),
    close: async () => {
      try {
        await db.destroy();
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}
