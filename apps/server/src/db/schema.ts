import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = Date;
type Json = ColumnType<unknown, string, string>;

export interface SettingsTable {
  key: string;
  value: Json;
}

export interface MissionsTable {
  id: string;
  code: string;
  name: string;
  country: string | null;
  created_at: Generated<Timestamp>;
}

export interface TeamsTable {
  id: string;
  mission_id: string;
  name: string;
  created_at: Generated<Timestamp>;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  mission_id: string | null;
  team_id: string | null;
  organisation: string | null;
  disabled_at: Timestamp | null;
  totp_secret_enc: string | null;
  totp_enrolled_at: Timestamp | null;
  totp_last_step: string | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface RecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
  created_at: Generated<Timestamp>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  stage: string;
  pending_totp_secret_enc: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface LoginAttemptsTable {
  id: Generated<string>;
  username: string;
  ip: string;
  kind: string;
  success: boolean;
  at: Generated<Timestamp>;
}

export interface AuditLogTable {
  seq: Generated<string>;
  at: Timestamp;
  actor_user_id: string | null;
  actor_roles: string[];
  action: string;
  target_type: string | null;
  target_ids: string[];
  request_id: string | null;
  details: Json;
  prev_hash: string;
  hash: string;
}

export interface PeopleTable {
  id: string;
  mission_id: string;
  team_id: string | null;
  sex: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface PersonAttributesTable {
  id: Generated<string>;
  person_id: string;
  category: string;
  key: string;
  value: Json;
  source: string | null;
  recorded_by: string | null;
  recorded_at: Generated<Timestamp>;
  superseded_at: Timestamp | null;
}

export interface PersonAssignmentsTable {
  person_id: string;
  user_id: string;
  assigned_at: Generated<Timestamp>;
}

export interface PersonSharesTable {
  person_id: string;
  organisation: string;
  kind: string;
  shared_by: string | null;
  shared_at: Generated<Timestamp>;
}

/** The database as Kysely sees it; one interface per table, named as in SQL. */
export interface Database {
  settings: SettingsTable;
  missions: MissionsTable;
  teams: TeamsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  people: PeopleTable;
  person_attributes: PersonAttributesTable;
  person_assignments: PersonAssignmentsTable;
  person_shares: PersonSharesTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
