import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** Open the transaction at the route (or job) and pass `trx` down: the boundary stays visible. */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
