import type { Kysely } from 'kysely';
import { runStatements } from './statements';

/**
 * The case list searched by name, newest first. Migration 0009 finds the people with a name word. A common
 * word (a given name such as Huseyn) belongs to thousands of people, and the list wants only the newest
 * twenty of their cases: fetching every one of those people and their cases to sort them costs a few
 * milliseconds per thousand. So each case is also filed under each word of its person, next to the date
 * the list sorts on: one index range per word gives the cases already in list order, read from the index
 * alone. Derived by triggers from person_name_words (itself derived from person_names) and cases, so every
 * writer keeps it right. A case is never deleted; if one were, its rows would find no case to join.
 * Also an index for the list's age-band filter, and cheaper upkeep of the word tables of 0009.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE case_name_words (
      word text NOT NULL,
      created_at timestamptz NOT NULL,
      case_id uuid NOT NULL,
      PRIMARY KEY (word, created_at, case_id)
    );

    -- The triggers join a batch of changed rows to their cases or words by index, never by hashing a whole
    -- table (the planner cannot know a batch of new people has no cases yet).
    CREATE FUNCTION case_name_words_person_added() RETURNS trigger LANGUAGE plpgsql
      SET enable_hashjoin = off SET enable_mergejoin = off AS $$
    BEGIN
      INSERT INTO case_name_words (word, created_at, case_id)
        SELECT a.word, c.created_at, c.id FROM added_words a JOIN cases c ON c.person_id = a.person_id
        ON CONFLICT DO NOTHING;
      RETURN NULL;
    END
    $$;
    CREATE FUNCTION case_name_words_person_removed() RETURNS trigger LANGUAGE plpgsql
      SET enable_hashjoin = off SET enable_mergejoin = off AS $$
    BEGIN
      DELETE FROM case_name_words cw USING removed_words r, cases c
        WHERE c.person_id = r.person_id AND cw.word = r.word AND cw.created_at = c.created_at AND cw.case_id = c.id;
      RETURN NULL;
    END
    $$;
    CREATE FUNCTION case_name_words_case_added() RETURNS trigger LANGUAGE plpgsql
      SET enable_hashjoin = off SET enable_mergejoin = off AS $$
    BEGIN
      INSERT INTO case_name_words (word, created_at, case_id)
        SELECT w.word, a.created_at, a.id FROM added_cases a JOIN person_name_words w ON w.person_id = a.person_id
        ON CONFLICT DO NOTHING;
      RETURN NULL;
    END
    $$;
    CREATE FUNCTION case_name_words_case_moved() RETURNS trigger LANGUAGE plpgsql
      SET enable_hashjoin = off SET enable_mergejoin = off AS $$
    BEGIN
      DELETE FROM case_name_words cw USING person_name_words w
        WHERE w.person_id = OLD.person_id AND cw.word = w.word AND cw.created_at = OLD.created_at AND cw.case_id = OLD.id;
      INSERT INTO case_name_words (word, created_at, case_id)
        SELECT w.word, NEW.created_at, NEW.id FROM person_name_words w WHERE w.person_id = NEW.person_id
        ON CONFLICT DO NOTHING;
      RETURN NULL;
    END
    $$;

    CREATE TRIGGER person_name_words_cases_insert AFTER INSERT ON person_name_words
      REFERENCING NEW TABLE AS added_words FOR EACH STATEMENT EXECUTE FUNCTION case_name_words_person_added();
    CREATE TRIGGER person_name_words_cases_delete AFTER DELETE ON person_name_words
      REFERENCING OLD TABLE AS removed_words FOR EACH STATEMENT EXECUTE FUNCTION case_name_words_person_removed();
    CREATE TRIGGER cases_name_words_insert AFTER INSERT ON cases
      REFERENCING NEW TABLE AS added_cases FOR EACH STATEMENT EXECUTE FUNCTION case_name_words_case_added();
    CREATE TRIGGER cases_name_words_update AFTER UPDATE OF person_id, created_at ON cases
      FOR EACH ROW WHEN (OLD.person_id IS DISTINCT FROM NEW.person_id OR OLD.created_at IS DISTINCT FROM NEW.created_at)
      EXECUTE FUNCTION case_name_words_case_moved();

    INSERT INTO case_name_words (word, created_at, case_id)
      SELECT w.word, c.created_at, c.id FROM person_name_words w JOIN cases c ON c.person_id = w.person_id;

    -- The word tables are derived by triggers from rows that have their own foreign keys. Checking a key for
    -- each derived row cost more than the rest of a name insert, so the derived tables go without.
    ALTER TABLE name_word_keys DROP CONSTRAINT name_word_keys_word_fkey;
    ALTER TABLE person_name_words DROP CONSTRAINT person_name_words_person_id_fkey;

    -- The age-band filter of the same list: young children are few, found by the latest possible birth year.
    CREATE INDEX people_birth_years ON people (birth_year_max, birth_year_min);
    `,
  );
}

export async function down(): Promise<void> {
  throw new Error('Homeward migrations are forward-only; restore a backup to go back.');
}
