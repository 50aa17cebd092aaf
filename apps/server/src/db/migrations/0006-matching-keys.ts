import type { Kysely } from 'kysely';
import { runStatements } from './statements';

/**
 * Candidate search for matching in SQL: each person's blocking keys (the domain's `blockingKeys()`), the names
 * counted for term-frequency weights, a phonetic name text for pg_trgm, and the fingerprint of the identity
 * facts the person was last matched on. A queue of people waiting for background matching survives restarts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- One row per (key, person): candidates are the people sharing a key with the record being matched.
    CREATE TABLE person_match_keys (
      key text NOT NULL,
      person_id uuid NOT NULL REFERENCES people(id),
      PRIMARY KEY (key, person_id)
    );
    CREATE INDEX person_match_keys_person ON person_match_keys (person_id);

    -- The names of each field (given, father, family, mother) as the engine counts them, so that a match on a
    -- rare name weighs more than one on a common name without loading the registry.
    CREATE TABLE person_match_terms (
      field text NOT NULL,
      term text NOT NULL,
      person_id uuid NOT NULL REFERENCES people(id),
      PRIMARY KEY (field, term, person_id)
    );
    CREATE INDEX person_match_terms_person ON person_match_terms (person_id);

    -- What a person was last matched on: fingerprint of the identity facts (names, birth, sex, parents), the
    -- phonetic text of the names for trigram search, and the birth-year window.
    CREATE TABLE person_match_state (
      person_id uuid PRIMARY KEY REFERENCES people(id),
      mission_id uuid NOT NULL REFERENCES missions(id),
      fingerprint text NOT NULL,
      -- The homeward.person/1 record the fingerprint and keys were computed from: candidates load in one query.
      record jsonb NOT NULL,
      name_text text NOT NULL,
      birth_year_from integer,
      birth_year_to integer,
      matched_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX person_match_state_names ON person_match_state USING gin (name_text gin_trgm_ops);

    -- People whose identity facts changed and who wait for background matching.
    CREATE TABLE person_match_queue (
      person_id uuid PRIMARY KEY REFERENCES people(id),
      queued_at timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE INDEX person_match_queue_order ON person_match_queue (queued_at);

    -- Everyone already registered is matched once.
    INSERT INTO person_match_queue (person_id) SELECT id FROM people;
    `,
  );
}

export async function down(): Promise<void> {
  throw new Error('Homeward migrations are forward-only; restore a backup to go back.');
}
