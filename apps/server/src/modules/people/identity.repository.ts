import { sql, type Kysely, type Transaction } from 'kysely';
import { birthYearWindow, displayNameOf, nameSearchText, type BirthInput, type NameInput } from '@homeward/domain';
import { detectScript } from '@homeward/domain/names';
import type { Database } from '../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Add a name version; the search text is the Latin reading and phonetic fold of every part. */
export async function insertName(db: Db, personId: string, name: NameInput, recordedBy: string | null): Promise<string> {
  const parts = [name.given, name.father, name.grandfather, name.family, name.full].filter((p): p is string => !!p);
  const detected = detectScript(parts.join(' '));
  const script = name.script ?? (detected === 'Zyyy' ? 'Latn' : detected);
  const row = await db
    .insertInto('person_names')
    .values({
      person_id: personId,
      given: name.given ?? null,
      father: name.father ?? null,
      grandfather: name.grandfather ?? null,
      family: name.family ?? null,
      full: name.full ?? null,
      script,
      kind: name.kind,
      source: name.source,
      confidence: name.confidence,
      search_text: nameSearchText(name),
      recorded_by: recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function supersedeName(db: Db, personId: string, nameId: string, by: string | null): Promise<boolean> {
  const res = await db
    .updateTable('person_names')
    .set({ superseded_at: new Date(), superseded_by: by })
    .where('id', '=', nameId)
    .where('person_id', '=', personId)
    .where('superseded_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Record a birth version, superseding the current one, and refresh the person's birth-year window. */
export async function recordBirth(db: Db, personId: string, birth: BirthInput, recordedBy: string | null): Promise<string> {
  await db.updateTable('person_births').set({ superseded_at: new Date() }).where('person_id', '=', personId).where('superseded_at', 'is', null).execute();
  const row = await db
    .insertInto('person_births')
    .values({
      person_id: personId,
      date: birth.date ?? null,
      estimated_age_years: birth.estimatedAge?.years ?? null,
      estimated_on: birth.estimatedAge?.on ?? null,
      estimate_method: birth.estimatedAge?.method ?? null,
      place: birth.place ?? null,
      country: birth.country ?? null,
      source: birth.source,
      confidence: birth.confidence,
      recorded_by: recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const window = birthYearWindow({ date: birth.date, estimatedAgeYears: birth.estimatedAge?.years, estimatedOn: birth.estimatedAge?.on });
  await db
    .updateTable('people')
    .set({ birth_year_min: window?.min ?? null, birth_year_max: window?.max ?? null, updated_at: new Date() })
    .where('id', '=', personId)
    .execute();
  return row.id;
}

/** Names of people, current only or with history. */
export async function namesOf(db: Db, personIds: readonly string[], withHistory = false) {
  if (personIds.length === 0) return [];
  let q = db.selectFrom('person_names').selectAll().where('person_id', 'in', personIds);
  if (!withHistory) q = q.where('superseded_at', 'is', null);
  return q.orderBy('id').execute();
}

export async function birthsOf(db: Db, personIds: readonly string[], withHistory = false) {
  if (personIds.length === 0) return [];
  let q = db.selectFrom('person_births').selectAll().where('person_id', 'in', personIds);
  if (!withHistory) q = q.where('superseded_at', 'is', null);
  return q.orderBy('id').execute();
}

/**
 * The display name: the first official name if any, else the first reported one, as written. Kept on the
 * person row so lists need no join.
 */
export async function refreshDisplayName(db: Db, personId: string): Promise<void> {
  const names = await namesOf(db, [personId]);
  const preferred = names.find((n) => n.kind === 'official') ?? names.find((n) => n.kind === 'reported') ?? names[0];
  await db
    .updateTable('people')
    .set({ display_name: preferred ? displayNameOf(preferred) : null, updated_at: new Date() })
    .where('id', '=', personId)
    .execute();
}

/** Trigram search over the current names' search text; the caller adds the scope condition. */
export function nameSimilarity(query: string) {
  return sql<number>`word_similarity(${query}, person_names.search_text)`;
}

/**
 * One threshold for every name search (registry search and case list): lower than pg_trgm's default 0.6,
 * since short names and cross-script readings differ in a letter or two. Transaction-local.
 */
export async function setNameSearchThreshold(db: Db): Promise<void> {
  await sql`SET LOCAL pg_trgm.word_similarity_threshold = 0.45`.execute(db);
}
