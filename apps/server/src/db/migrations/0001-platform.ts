import { sql, type Kysely } from 'kysely';
import { runStatements } from './statements';

/** Platform: extensions, missions and teams, users and sessions, the audit trail, the core person record. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS fuzzystrmatch`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);

  await runStatements(
    db,
    `
    CREATE TABLE settings (key text PRIMARY KEY, value jsonb NOT NULL);

    CREATE TABLE missions (
      id uuid PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      country text,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE teams (
      id uuid PRIMARY KEY,
      mission_id uuid NOT NULL REFERENCES missions(id),
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (mission_id, name)
    );

    CREATE TABLE users (
      id uuid PRIMARY KEY,
      username text NOT NULL UNIQUE,
      display_name text NOT NULL,
      password_hash text NOT NULL,
      mission_id uuid REFERENCES missions(id),
      team_id uuid REFERENCES teams(id),
      organisation text,
      disabled_at timestamptz,
      totp_secret_enc text,
      totp_enrolled_at timestamptz,
      totp_last_step bigint,
      is_demo boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE user_roles (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role text NOT NULL,
      PRIMARY KEY (user_id, role)
    );

    CREATE TABLE recovery_codes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

    CREATE TABLE sessions (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      stage text NOT NULL CHECK (stage IN ('second_factor_required', 'enrolment_required', 'authenticated')),
      pending_totp_secret_enc text,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX sessions_user ON sessions (user_id);

    CREATE TABLE login_attempts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      username text NOT NULL,
      ip text NOT NULL,
      kind text NOT NULL,
      success boolean NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX login_attempts_username ON login_attempts (username, at);
    CREATE INDEX login_attempts_ip ON login_attempts (ip, at);

    CREATE TABLE audit_log (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_user_id uuid,
      actor_roles text[] NOT NULL,
      action text NOT NULL,
      target_type text,
      target_ids text[] NOT NULL,
      request_id text,
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      prev_hash text NOT NULL,
      hash text NOT NULL
    );
    CREATE INDEX audit_log_action ON audit_log (action, seq);
    CREATE INDEX audit_log_targets ON audit_log USING gin (target_ids);

    CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
    END;
    $$;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

    CREATE TABLE people (
      id uuid PRIMARY KEY,
      mission_id uuid NOT NULL REFERENCES missions(id),
      team_id uuid REFERENCES teams(id),
      sex text NOT NULL DEFAULT 'U' CHECK (sex IN ('F', 'M', 'U')),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX people_mission ON people (mission_id, id);
    CREATE INDEX people_team ON people (team_id, id);

    CREATE TABLE person_attributes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people(id),
      category text NOT NULL CHECK (category IN
        ('identity', 'location', 'contact', 'medical', 'genetic', 'legal_detention', 'notes')),
      key text NOT NULL,
      value jsonb NOT NULL,
      source text,
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      superseded_at timestamptz
    );
    CREATE INDEX person_attributes_current ON person_attributes (person_id, category, key) WHERE superseded_at IS NULL;

    CREATE TABLE person_assignments (
      person_id uuid NOT NULL REFERENCES people(id),
      user_id uuid NOT NULL REFERENCES users(id),
      assigned_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (person_id, user_id)
    );
    CREATE INDEX person_assignments_user ON person_assignments (user_id);

    CREATE TABLE person_shares (
      person_id uuid NOT NULL REFERENCES people(id),
      organisation text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('family_links', 'handover')),
      shared_by uuid REFERENCES users(id),
      shared_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (person_id, organisation, kind)
    );
    CREATE INDEX person_shares_org ON person_shares (organisation);
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error('Homeward migrations are forward-only; restore a backup to go back.');
}
