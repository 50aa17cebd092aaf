import type { Kysely } from 'kysely';
import { runStatements } from './statements';

/**
 * Registry and cases: many names per person in three scripts, births known or estimated, identity decisions,
 * relationships with evidence levels, families, cases moving through stages defined as data, tasks, notes,
 * places and placements, background jobs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE people ADD COLUMN vital_status text NOT NULL DEFAULT 'unknown'
      CHECK (vital_status IN ('alive', 'deceased', 'unknown'));
    ALTER TABLE people ADD COLUMN source_system text;
    ALTER TABLE people ADD COLUMN source_id text;
    ALTER TABLE people ADD COLUMN is_sought boolean NOT NULL DEFAULT false;
    ALTER TABLE people ADD COLUMN display_name text;
    ALTER TABLE people ADD COLUMN birth_year_min integer;
    ALTER TABLE people ADD COLUMN birth_year_max integer;
    CREATE UNIQUE INDEX people_source ON people (mission_id, source_system, source_id) WHERE source_id IS NOT NULL;

    CREATE TABLE person_names (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people(id),
      given text,
      father text,
      grandfather text,
      family text,
      "full" text,
      script text NOT NULL CHECK (script IN ('Latn', 'Cyrl', 'Arab')),
      kind text NOT NULL CHECK (kind IN ('official', 'reported', 'alias', 'kunya')),
      source text NOT NULL,
      confidence text NOT NULL DEFAULT 'medium' CHECK (confidence IN ('low', 'medium', 'high')),
      search_text text NOT NULL,
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      superseded_at timestamptz,
      superseded_by bigint REFERENCES person_names(id)
    );
    CREATE INDEX person_names_person ON person_names (person_id) WHERE superseded_at IS NULL;
    CREATE INDEX person_names_search ON person_names USING gin (search_text gin_trgm_ops);

    CREATE TABLE person_births (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people(id),
      date text CHECK (date ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
      estimated_age_years numeric(5,2),
      estimated_on date,
      estimate_method text CHECK (estimate_method IN ('stated', 'medical', 'dental', 'other')),
      place text,
      country text,
      source text NOT NULL,
      confidence text NOT NULL DEFAULT 'medium' CHECK (confidence IN ('low', 'medium', 'high')),
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      superseded_at timestamptz,
      CHECK (date IS NOT NULL OR (estimated_age_years IS NOT NULL AND estimated_on IS NOT NULL) OR place IS NOT NULL)
    );
    CREATE INDEX person_births_person ON person_births (person_id) WHERE superseded_at IS NULL;

    CREATE TABLE person_nationality_claims (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people(id),
      country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
      basis text NOT NULL,
      source text NOT NULL,
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      superseded_at timestamptz
    );
    CREATE INDEX person_nationality_claims_person ON person_nationality_claims (person_id);

    CREATE TABLE person_photos (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people(id),
      content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
      bytes bytea NOT NULL,
      sha256 text NOT NULL,
      source text NOT NULL,
      taken_on date,
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      superseded_at timestamptz
    );
    CREATE INDEX person_photos_person ON person_photos (person_id);

    CREATE TABLE identity_decisions (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people(id),
      confirmed_name_id bigint REFERENCES person_names(id),
      confirmed_birth_id bigint REFERENCES person_births(id),
      mother_id uuid REFERENCES people(id),
      father_id uuid REFERENCES people(id),
      evidence text[] NOT NULL,
      note text,
      decided_by uuid NOT NULL REFERENCES users(id),
      decided_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX identity_decisions_person ON identity_decisions (person_id, decided_at);

    CREATE TABLE families (
      id uuid PRIMARY KEY,
      mission_id uuid NOT NULL REFERENCES missions(id),
      label text NOT NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE family_members (
      family_id uuid NOT NULL REFERENCES families(id),
      person_id uuid NOT NULL REFERENCES people(id),
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (family_id, person_id)
    );
    CREATE INDEX family_members_person ON family_members (person_id);

    CREATE TABLE relationships (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people(id),
      related_person_id uuid NOT NULL REFERENCES people(id),
      kind text NOT NULL CHECK (kind IN ('mother', 'father', 'child', 'sibling', 'half_sibling', 'grandparent',
        'grandchild', 'aunt_uncle', 'niece_nephew', 'cousin', 'spouse', 'guardian', 'ward')),
      evidence_level text NOT NULL CHECK (evidence_level IN ('claimed', 'documented', 'dna_supported', 'confirmed')),
      source text NOT NULL,
      note text,
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      superseded_at timestamptz,
      CHECK (person_id <> related_person_id)
    );
    CREATE INDEX relationships_person ON relationships (person_id) WHERE superseded_at IS NULL;
    CREATE INDEX relationships_related ON relationships (related_person_id) WHERE superseded_at IS NULL;

    CREATE TABLE workflows (
      kind text PRIMARY KEY CHECK (kind IN ('child', 'adult')),
      version integer NOT NULL,
      definition jsonb NOT NULL,
      updated_by uuid REFERENCES users(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE cases (
      id uuid PRIMARY KEY,
      reference text NOT NULL UNIQUE,
      person_id uuid NOT NULL REFERENCES people(id),
      family_id uuid REFERENCES families(id),
      kind text NOT NULL CHECK (kind IN ('child', 'adult')),
      stage text NOT NULL,
      stage_entered_at timestamptz NOT NULL DEFAULT now(),
      priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
      flags text[] NOT NULL DEFAULT '{}',
      mission_id uuid NOT NULL REFERENCES missions(id),
      team_id uuid REFERENCES teams(id),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz
    );
    CREATE UNIQUE INDEX cases_open_per_person ON cases (person_id) WHERE closed_at IS NULL;
    CREATE INDEX cases_stage ON cases (mission_id, stage, created_at DESC, id DESC);
    CREATE INDEX cases_flags ON cases USING gin (flags);
    CREATE INDEX cases_recent ON cases (created_at DESC, id DESC);
    CREATE INDEX cases_person ON cases (person_id);

    CREATE TABLE case_transitions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id),
      from_stage text,
      to_stage text NOT NULL,
      reason text NOT NULL,
      workflow_version integer NOT NULL,
      by_user uuid REFERENCES users(id),
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_transitions_case ON case_transitions (case_id, at);

    CREATE TABLE tasks (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id),
      title text NOT NULL,
      assignee_id uuid REFERENCES users(id),
      due_on date,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz
    );
    CREATE INDEX tasks_assignee ON tasks (assignee_id, status, due_on);
    CREATE INDEX tasks_case ON tasks (case_id);

    CREATE TABLE notes (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id),
      category text NOT NULL CHECK (category IN
        ('identity', 'location', 'contact', 'medical', 'genetic', 'legal_detention', 'notes')),
      body text NOT NULL,
      author_id uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX notes_case ON notes (case_id, created_at);

    CREATE TABLE places (
      id uuid PRIMARY KEY,
      mission_id uuid NOT NULL REFERENCES missions(id),
      kind text NOT NULL CHECK (kind IN ('shelter', 'orphanage', 'camp', 'prison', 'hospital', 'embassy_residence', 'other')),
      name text NOT NULL,
      city text,
      country text,
      capacity integer CHECK (capacity IS NULL OR capacity >= 0),
      contact text,
      visit_rules text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (mission_id, name)
    );

    CREATE TABLE placements (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people(id),
      place_id uuid NOT NULL REFERENCES places(id),
      start_on date NOT NULL,
      end_on date,
      reason text NOT NULL,
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CHECK (end_on IS NULL OR end_on >= start_on)
    );
    CREATE UNIQUE INDEX placements_current ON placements (person_id) WHERE end_on IS NULL;
    CREATE INDEX placements_place ON placements (place_id) WHERE end_on IS NULL;

    CREATE TABLE jobs (
      id uuid PRIMARY KEY,
      kind text NOT NULL,
      status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
      progress_done integer NOT NULL DEFAULT 0,
      progress_total integer,
      result jsonb,
      error text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz
    );
    `,
  );
}

export async function down(): Promise<void> {
  throw new Error('Homeward migrations are forward-only; restore a backup to go back.');
}
