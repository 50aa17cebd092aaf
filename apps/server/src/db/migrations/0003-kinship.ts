import type { Kysely } from 'kysely';
import { runStatements } from './statements';

/**
 * DNA kinship: STR profiles with consent and chain of custody (versions kept, never overwritten), allele
 * frequency databases, stored kinship analyses, screening runs and the matches they suggest for review.
 * Profiles are the genetic field category: only the roles that read it reach these tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE str_profiles (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people(id),
      version integer NOT NULL CHECK (version >= 1),
      kind text NOT NULL CHECK (kind IN ('child', 'reference')),
      kit text NOT NULL,
      lab text NOT NULL,
      sample_id text NOT NULL,
      collected_on date NOT NULL,
      collector text NOT NULL,
      consent_reference text NOT NULL CHECK (length(consent_reference) > 0),
      consent_recorded_at timestamptz NOT NULL,
      consent_recorded_by uuid REFERENCES users(id),
      markers jsonb NOT NULL,
      marker_count integer NOT NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      superseded_at timestamptz,
      superseded_by uuid REFERENCES str_profiles(id),
      UNIQUE (person_id, version)
    );
    CREATE UNIQUE INDEX str_profiles_current ON str_profiles (person_id) WHERE superseded_at IS NULL;
    CREATE INDEX str_profiles_kind ON str_profiles (kind) WHERE superseded_at IS NULL;

    CREATE TABLE str_profile_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      profile_id uuid NOT NULL REFERENCES str_profiles(id),
      kind text NOT NULL CHECK (kind IN ('collected', 'shipped', 'received', 'typed', 'corrected')),
      happened_on date NOT NULL,
      actor text,
      reason text,
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CHECK (kind <> 'corrected' OR reason IS NOT NULL)
    );
    CREATE INDEX str_profile_events_profile ON str_profile_events (profile_id, id);

    CREATE TABLE frequency_databases (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE,
      population text NOT NULL,
      source_note text NOT NULL,
      synthetic boolean NOT NULL,
      is_default boolean NOT NULL DEFAULT false,
      floor double precision NOT NULL CHECK (floor > 0 AND floor < 1),
      sample_size integer,
      alleles jsonb NOT NULL,
      marker_count integer NOT NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX frequency_databases_one_default ON frequency_databases (is_default) WHERE is_default;

    CREATE TABLE kinship_analyses (
      id uuid PRIMARY KEY,
      mission_id uuid NOT NULL REFERENCES missions(id),
      question jsonb NOT NULL,
      answer jsonb NOT NULL,
      person_ids uuid[] NOT NULL,
      profile_ids uuid[] NOT NULL,
      frequency_database_id uuid NOT NULL REFERENCES frequency_databases(id),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX kinship_analyses_people ON kinship_analyses USING gin (person_ids);

    CREATE TABLE kinship_screens (
      id uuid PRIMARY KEY,
      mission_id uuid NOT NULL REFERENCES missions(id),
      job_id uuid REFERENCES jobs(id),
      parameters jsonb NOT NULL,
      frequency_database_id uuid NOT NULL REFERENCES frequency_databases(id),
      summary jsonb,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    );

    CREATE TABLE kinship_matches (
      id uuid PRIMARY KEY,
      screen_id uuid NOT NULL REFERENCES kinship_screens(id),
      child_person_id uuid NOT NULL REFERENCES people(id),
      family_ref text NOT NULL,
      family_id uuid REFERENCES families(id),
      position text NOT NULL,
      relatives jsonb NOT NULL,
      log10_lr double precision NOT NULL,
      undisputed boolean NOT NULL,
      status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected')),
      reviewed_by uuid REFERENCES users(id),
      reviewed_at timestamptz,
      review_note text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX kinship_matches_screen ON kinship_matches (screen_id);
    CREATE INDEX kinship_matches_child ON kinship_matches (child_person_id, status);
    `,
  );
}

export async function down(): Promise<void> {
  throw new Error('Homeward migrations are forward-only; restore a backup to go back.');
}
