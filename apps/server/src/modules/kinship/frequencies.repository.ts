import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

/** SQL of allele frequency databases (reference data, not personal data). */

type Db = Kysely<Database> | Transaction<Database>;

/** A database's alleles as stored: `{ marker: { allele: frequency } }`. */
export type StoredAlleles = Record<string, Record<string, number>>;

const META = ['id', 'name', 'population', 'source_note', 'synthetic', 'is_default', 'floor', 'sample_size', 'marker_count', 'updated_at'] as const;

/** Every database without its alleles, the default first. */
export async function listFrequencyDatabases(db: Db) {
  return db.selectFrom('frequency_databases').select(META).orderBy('is_default', 'desc').orderBy('name').execute();
}

/** One database with its alleles, by name, or the default one when `name` is null. */
export async function findFrequencyDatabase(db: Db, name: string | null) {
  const q = db.selectFrom('frequency_databases').select([...META, 'alleles']);
  return (name === null ? q.where('is_default', '=', true) : q.where('name', '=', name)).executeTakeFirst();
}

/** Whether any database exists (the first start creates the synthetic one). */
export async function countFrequencyDatabases(db: Db): Promise<number> {
  const row = await db.selectFrom('frequency_databases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A database to store. */
export interface NewFrequencyDatabase {
  id: string;
  name: string;
  population: string;
  sourceNote: string;
  synthetic: boolean;
  floor: number;
  sampleSize: number | null;
  alleles: StoredAlleles;
  createdBy: string | null;
}

/**
 * Insert a database, or replace the alleles and description of the one with the same name (an
 * administrator loading a newer release). Returns the stored id.
 */
export async function upsertFrequencyDatabase(db: Db, row: NewFrequencyDatabase): Promise<string> {
  const values = {
    population: row.population,
    source_note: row.sourceNote,
    synthetic: row.synthetic,
    floor: row.floor,
    sample_size: row.sampleSize,
    alleles: JSON.stringify(row.alleles),
    marker_count: Object.keys(row.alleles).length,
  };
  const stored = await db
    .insertInto('frequency_databases')
    .values({ id: row.id, name: row.name, created_by: row.createdBy, ...values })
    .onConflict((oc) => oc.column('name').doUpdateSet({ ...values, updated_at: new Date() }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return stored.id;
}

/** Make `id` the one default database. */
export async function setDefaultFrequencyDatabase(db: Db, id: string): Promise<void> {
  await db.updateTable('frequency_databases').set({ is_default: false }).where('is_default', '=', true).where('id', '<>', id).execute();
  await db.updateTable('frequency_databases').set({ is_default: true }).where('id', '=', id).execute();
}
