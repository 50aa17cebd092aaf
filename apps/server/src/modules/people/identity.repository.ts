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

/** Trigram similarity of a query to one name's search text: ranks the names that peopleNamedLike found. */
export function nameSimilarity(query: string) {
  return sql<number>`word_similarity(${query}, person_names.search_text)`;
}

/** At most this many words of a query take part: a name has few words, and each adds a lookup. */
const MAX_QUERY_WORDS = 6;

/** Shortest query word that also matches as the beginning of longer words (a name being typed). */
const MIN_PREFIX = 3;

/** The terms of a query (querySearchTerms: folded words, each with its skeleton) that take part, each once. */
export function queryWordsOf(query: string): string[] {
  return [...new Set(query.split(' ').filter(Boolean))].slice(0, MAX_QUERY_WORDS);
}

/**
 * The lookup keys of a word, exactly as name_word_keys_of files the dictionary (migrations 0009 and 0012):
 * the word itself and, from four letters on, each form with one letter deleted, never the first: a word
 * keeps its first sound, so that محمد (mkmt) does not meet أحمد (akmt) or حامد (kamt) as a typo. Made here,
 * the keys reach the index as plain values.
 */
export function nameWordKeys(word: string): string[] {
  const letters = Array.from(word);
  const keys = new Set([word]);
  if (letters.length >= 4) for (let i = 1; i < letters.length; i++) keys.add([...letters.slice(0, i), ...letters.slice(i + 1)].join(''));
  return [...keys];
}

/**
 * The dictionary words like one query term (see querySearchTerms): one edit away from its word by their
 * keys, or, from three letters, beginning with it; and any skeleton word after a "|", exactly.
 */
export function dictionaryWordsLike(term: string) {
  const [w = '', ...exact] = term.split('|');
  const similar = sql<{ word: string }>`SELECT word FROM name_word_keys WHERE key = ANY(${nameWordKeys(w)}::text[])`;
  const like = w.length >= MIN_PREFIX ? sql<{ word: string }>`${similar} UNION SELECT word FROM name_words WHERE word LIKE ${w.replace(/[\\%_]/g, '\\$&') + '%'}` : similar;
  return exact.length > 0 ? sql<{ word: string }>`${like} UNION SELECT word FROM name_words WHERE word = ANY(${exact}::text[])` : like;
}

function namedPeopleQuery(query: string) {
  const words = queryWordsOf(query);
  if (words.length === 0) return null;
  const sets = words.map((w) => sql`SELECT person_id FROM person_name_words WHERE word IN (${dictionaryWordsLike(w)})`);
  return sql.join(sets, sql` INTERSECT `);
}

/**
 * Condition on `people.id` (or another person-id column): the person's current names have, for every word of the (folded) query, a word
 * like it: the same, one edit away (a letter missing, added, changed, or two swapped: the deletion keys of
 * migration 0009) or, from three letters, beginning with it. Cross-script spellings meet because names and
 * queries are both read into folded Latin. Every step is an exact index lookup; the caller adds the scope
 * condition.
 */
export function peopleNamedLike(query: string, personId: string = 'people.id') {
  const people = namedPeopleQuery(query);
  return people ? sql<boolean>`${sql.ref(personId)} IN (${people})` : sql<boolean>`false`;
}


