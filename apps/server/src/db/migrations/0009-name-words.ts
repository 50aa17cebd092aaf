import type { Kysely } from 'kysely';
import { runStatements } from './statements';

/**
 * Name search by words, typo-tolerant through deletion keys. Names repeat: a registry of 20,000 people has
 * about 7,500 distinct name words (Latin readings and phonetic folds, whatever the script a name was written
 * in). Each word of the dictionary is stored under itself and, from four letters on, under every form with
 * one letter deleted; a query word looks up its own keys the same way, which finds the words one edit away
 * (a letter missing, added, changed, or two letters swapped) by exact index lookups. The people are then
 * found by exact lookups of the matching words. All three tables are derived from the current names by
 * triggers on person_names, so every writer (registry, import, demo data) keeps them right.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE name_words (word text PRIMARY KEY);
    CREATE INDEX name_words_prefix ON name_words (word text_pattern_ops);

    CREATE TABLE name_word_keys (
      key text NOT NULL,
      word text NOT NULL REFERENCES name_words(word),
      PRIMARY KEY (key, word)
    );

    CREATE TABLE person_name_words (
      word text NOT NULL,
      person_id uuid NOT NULL REFERENCES people(id),
      PRIMARY KEY (word, person_id)
    );
    CREATE INDEX person_name_words_person ON person_name_words (person_id);

    -- The lookup keys of a word: itself and, from four letters on, each form with one letter deleted.
    CREATE FUNCTION name_word_keys_of(w text) RETURNS SETOF text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT w
      UNION
      SELECT overlay(w PLACING '' FROM i FOR 1) FROM generate_series(1, length(w)) AS i WHERE length(w) >= 4
    $$;

    -- New words go into the dictionary with their keys.
    CREATE FUNCTION name_words_add(words text[]) RETURNS void LANGUAGE sql AS $$
      WITH fresh AS (
        INSERT INTO name_words (word) SELECT DISTINCT w FROM unnest(words) AS w WHERE w <> ''
        ON CONFLICT DO NOTHING RETURNING word
      )
      INSERT INTO name_word_keys (key, word) SELECT k, fresh.word FROM fresh, name_word_keys_of(fresh.word) AS k
      ON CONFLICT DO NOTHING
    $$;

    -- A new name only adds words. A changed (superseded) name may remove some, so its people are redone.
    CREATE FUNCTION person_name_words_add() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM name_words_add(ARRAY(SELECT w FROM changed_names c, unnest(string_to_array(c.search_text, ' ')) AS w));
      INSERT INTO person_name_words (word, person_id)
        SELECT DISTINCT w, c.person_id FROM changed_names c, unnest(string_to_array(c.search_text, ' ')) AS w
        WHERE c.superseded_at IS NULL AND w <> ''
        ON CONFLICT DO NOTHING;
      RETURN NULL;
    END
    $$;
    CREATE FUNCTION person_name_words_redo() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM name_words_add(ARRAY(SELECT w FROM changed_names c, unnest(string_to_array(c.search_text, ' ')) AS w));
      DELETE FROM person_name_words WHERE person_id IN (SELECT DISTINCT person_id FROM changed_names);
      INSERT INTO person_name_words (word, person_id)
        SELECT DISTINCT w, n.person_id
        FROM person_names n, unnest(string_to_array(n.search_text, ' ')) AS w
        WHERE n.person_id IN (SELECT DISTINCT person_id FROM changed_names) AND n.superseded_at IS NULL AND w <> ''
        ON CONFLICT DO NOTHING;
      RETURN NULL;
    END
    $$;
    CREATE TRIGGER person_names_words_insert AFTER INSERT ON person_names
      REFERENCING NEW TABLE AS changed_names FOR EACH STATEMENT EXECUTE FUNCTION person_name_words_add();
    CREATE TRIGGER person_names_words_update AFTER UPDATE ON person_names
      REFERENCING NEW TABLE AS changed_names FOR EACH STATEMENT EXECUTE FUNCTION person_name_words_redo();

    SELECT name_words_add(ARRAY(
      SELECT DISTINCT w FROM person_names n, unnest(string_to_array(n.search_text, ' ')) AS w WHERE n.superseded_at IS NULL
    ));
    INSERT INTO person_name_words (word, person_id)
      SELECT DISTINCT w, n.person_id FROM person_names n, unnest(string_to_array(n.search_text, ' ')) AS w
      WHERE n.superseded_at IS NULL AND w <> '';
    `,
  );
}

export async function down(): Promise<void> {
  throw new Error('Homeward migrations are forward-only; restore a backup to go back.');
}
