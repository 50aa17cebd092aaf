import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

/**
 * Migrate once, copy per test file: on PGlite a dumped data directory, on PostgreSQL a template database.
 * Each test file then gets its own fresh, migrated database in a fraction of the time a migration takes.
 */
export default async function setup(project: TestProject) {
  const kind = project.name.endsWith('postgres') ? 'postgres' : 'pglite';
  if (kind === 'pglite') {
    const handle = await openDatabase({ kind: 'pglite-memory' });
    await migrateToLatest(handle.db);
    const dump = await handle.dumpDataDir?.();
    if (!dump) throw new Error('PGlite handle cannot dump its data directory');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-tpl-')), 'template.tar.gz');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await handle.close();
    project.provide('pgliteTemplate', file);
    return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('HOMEWARD_TEST_DB=postgres needs DATABASE_URL');
  const template = `homeward_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const handle = await openDatabase({ kind: 'postgres', url: withDatabase(url, template), poolSize: 2 });
  await migrateToLatest(handle.db);
  await handle.close();
  project.provide('postgresTemplate', template);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}

/** The same server URL, naming another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
