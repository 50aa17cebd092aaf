import type { Kysely } from 'kysely';
import { runStatements } from './statements';

/**
 * Name search across Arabic and Latin or Cyrillic script. Arabic leaves short vowels unwritten: حسين reads
 * as "ksin", Hüseyn as "kusain", two letters apart, too far for the one-edit keys of migration 0009. Each
 * current name is now also filed under the consonant skeletons of its folded words ("ksn"), marked by the
 * script it was written in: "^ksn" for Arabic script, "~ksn" for the others. A query in one script looks
 * for the skeletons marked with the other (see querySearchTerms), so a vowel-less spelling meets a voweled
 * one while names in the same script keep to their own, closer comparison. Skeleton words take no deletion
 * keys: they match exactly. And a word keeps its first letter in its deletion keys: a typo tolerance that
 * let محمد meet أحمد and حامد found other people, not spellings.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE FUNCTION name_skeleton(w text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT regexp_replace(w, '[aeiouyəıöü]', '', 'g')
    $$;

    -- The words a current name is found by: its search words and the marked skeletons of its folded words.
    CREATE FUNCTION name_words_of(search_text text, script text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT w FROM unnest(string_to_array(search_text, ' ')) AS w WHERE w <> ''
      UNION
      SELECT (CASE WHEN script = 'Arab' THEN '^' ELSE '~' END) || name_skeleton(w)
      FROM unnest(string_to_array(search_text, ' ')) AS w
      WHERE w ~ '^[a-z]+$' AND length(name_skeleton(w)) >= 2
    $$;

    -- A word keeps its first letter: the deletion keys never drop it.
    CREATE OR REPLACE FUNCTION name_word_keys_of(w text) RETURNS SETOF text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT w
      UNION
      SELECT overlay(w PLACING '' FROM i FOR 1) FROM generate_series(2, length(w)) AS i
      WHERE length(w) >= 4 AND left(w, 1) NOT IN ('~', '^')
    $$;
    DELETE FROM name_word_keys WHERE key <> word AND key = substr(word, 2) AND NOT EXISTS (
      SELECT 1 FROM generate_series(2, length(word)) AS i WHERE overlay(word PLACING '' FROM i FOR 1) = key
    );

    CREATE OR REPLACE FUNCTION person_name_words_add() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM name_words_add(ARRAY(SELECT DISTINCT w FROM changed_names c, name_words_of(c.search_text, c.script) AS w));
      INSERT INTO person_name_words (word, person_id)
        SELECT DISTINCT w, c.person_id FROM changed_names c, name_words_of(c.search_text, c.script) AS w
        WHERE c.superseded_at IS NULL
        ON CONFLICT DO NOTHING;
      RETURN NULL;
    END
    $$;
    CREATE OR REPLACE FUNCTION person_name_words_redo() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM name_words_add(ARRAY(SELECT DISTINCT w FROM changed_names c, name_words_of(c.search_text, c.script) AS w));
      DELETE FROM person_name_words WHERE person_id IN (SELECT DISTINCT person_id FROM changed_names);
      INSERT INTO person_name_words (word, person_id)
        SELECT DISTINCT w, n.person_id
        FROM person_names n, name_words_of(n.search_text, n.script) AS w
        WHERE n.person_id IN (SELECT DISTINCT person_id FROM changed_names) AND n.superseded_at IS NULL
        ON CONFLICT DO NOTHING;
      RETURN NULL;
    END
    $$;

    SELECT name_words_add(ARRAY(
      SELECT DISTINCT w FROM person_names n, name_words_of(n.search_text, n.script) AS w
      WHERE n.superseded_at IS NULL AND left(w, 1) IN ('~', '^')
    ));
    INSERT INTO person_name_words (word, person_id)
      SELECT DISTINCT w, n.person_id FROM person_names n, name_words_of(n.search_text, n.script) AS w
      WHERE n.superseded_at IS NULL AND left(w, 1) IN ('~', '^')
      ON CONFLICT DO NOTHING;
    `,
  );
}

export async function down(): Promise<void> {
  throw new Error('Homeward migrations are forward-only; restore a backup to go back.');
}
