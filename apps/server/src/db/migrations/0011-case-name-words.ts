import type { Kysely } from 'kysely';
import { runStatements } from './statements';

/**
 * The case list searched by name, newest first. Migration 0009 finds the people with a name word. A common
 * word (a given name such as Huseyn) belongs to thousands of people, and the list wants only the newest
 * twenty of their cases: fetching every one of those people and their cases to sort them costs a few
 * milliseconds per thousand. So each case is also filed under each word of its person, next to the date
 * the list sorts on: one index range per word gives the cases already in list order, read from the index
 * alone. Derived by triggers from person_name_words (itself derived from person_names) and cases, so every
 * writer keeps it right. Also an index for the list's age-band filter.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE case_name_words (
      word text NOT NULL,
      created_at timestamptz NOT NULL,
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      PRIMARY KEY (word, created_at, case_id)
    );
    CREATE INDEX case_name_words_case ON case_name_words (case_id);

    CREATE FUNCTION case_name_words_person_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO case_name_words (word, created_at, case_id)
        SELECT a.word, c.created_at, c.id FROM added_words a JOIN cases c ON c.person_id = a.person_id
        ON CONFLICT DO NOTHING;
      RETURN NULL;
    END
    $$;
    CREATE FUNCTION case_name_words_person_removed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM case_name_words cw USING removed_words r, cases c
        WHERE c.person_id = r.person_id AND cw.case_id = c.id AND cw.word = r.word;
      RETURN NULL;
    END
    $$;
    CREATE FUNCTION case_name_words_case_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO case_name_words (word, created_at, case_id)
        SELECT w.word, a.created_at, a.id FROM added_cases a JOIN person_name_words w ON w.person_id = a.person_id
        ON CONFLICT DO NOTHING;
      RETURN NULL;
    END
    $$;
    CREATE FUNCTION case_name_words_case_moved() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM case_name_words WHERE case_id = NEW.id;
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

    -- The age-band filter of the same list: young children are few, found by the latest possible birth year.
    CREATE INDEX people_birth_years ON people (birth_year_max, birth_year_min);
    `,
  );
}

export async function down(): Promise<void> {
  throw new Error('Homeward migrations are forward-only; restore a backup to go back.');
}
