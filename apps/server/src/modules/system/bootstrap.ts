import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { Database } from '../../db/schema';

/** Make sure this deployment's mission exists; returns its id. */
export async function ensureMission(db: Kysely<Database>, config: Pick<Config, 'missionCode' | 'missionName'>): Promise<string> {
  const existing = await db.selectFrom('missions').select('id').where('code', '=', config.missionCode).executeTakeFirst();
  if (existing) return existing.id;
  const id = randomUUID();
  await db
    .insertInto('missions')
    .values({ id, code: config.missionCode, name: config.missionName, country: 'IQ' })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const row = await db.selectFrom('missions').select('id').where('code', '=', config.missionCode).executeTakeFirstOrThrow();
  return row.id;
}

export async function readSetting<T>(db: Kysely<Database>, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value as T | undefined;
}
