import { databaseFor, loadConfig, migrateToLatest, type Config, type DatabaseHandle } from '@homeward/server';

/** A failure the user can act on: printed as one line on stderr, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Open the configured database (same rules as the server) and bring its schema up to date. */
export async function withDatabase<T>(work: (database: DatabaseHandle, config: Readonly<Config>) => Promise<T>): Promise<T> {
  let config: Readonly<Config>;
  try {
    config = loadConfig();
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err), 2);
  }
  let database: DatabaseHandle;
  try {
    database = await databaseFor(config);
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err), 2);
  }
  try {
    await migrateToLatest(database.db);
    return await work(database, config);
  } finally {
    await database.checkpoint().catch(() => {});
    await database.close();
  }
}
