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
  vital_status: Generated<string>;
  source_system: string | null;
  source_id: string | null;
  is_sought: Generated<boolean>;
  /** False for a sought person whose tracing request lacks consent: such records never take part in matching. */
  matching_consent: Generated<boolean>;
  /** Denormalised: the preferred name for lists (identity category), refreshed when names change. */
  display_name: string | null;
  /** Denormalised birth-year window from the current birth fact, for age-band filters. */
  birth_year_min: number | null;
  birth_year_max: number | null;
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

export interface PersonNamesTable {
  id: Generated<string>;
  person_id: string;
  given: string | null;
  father: string | null;
  grandfather: string | null;
  family: string | null;
  full: string | null;
  script: string;
  kind: string;
  source: string;
  confidence: Generated<string>;
  search_text: string;
  recorded_by: string | null;
  recorded_at: Generated<Timestamp>;
  superseded_at: Timestamp | null;
  superseded_by: string | null;
}

export interface PersonBirthsTable {
  id: Generated<string>;
  person_id: string;
  date: string | null;
  /** numeric: arrives as a string */
  estimated_age_years: number | null;
  estimated_on: string | null;
  estimate_method: string | null;
  place: string | null;
  country: string | null;
  source: string;
  confidence: Generated<string>;
  recorded_by: string | null;
  recorded_at: Generated<Timestamp>;
  superseded_at: Timestamp | null;
}

export interface PersonNationalityClaimsTable {
  id: Generated<string>;
  person_id: string;
  country: string;
  basis: string;
  source: string;
  recorded_by: string | null;
  recorded_at: Generated<Timestamp>;
  superseded_at: Timestamp | null;
}

export interface PersonPhotosTable {
  id: string;
  person_id: string;
  content_type: string;
  bytes: Buffer;
  sha256: string;
  source: string;
  taken_on: string | null;
  recorded_by: string | null;
  recorded_at: Generated<Timestamp>;
  superseded_at: Timestamp | null;
}

export interface IdentityDecisionsTable {
  id: string;
  person_id: string;
  confirmed_name_id: string | null;
  confirmed_birth_id: string | null;
  mother_id: string | null;
  father_id: string | null;
  evidence: string[];
  note: string | null;
  decided_by: string;
  decided_at: Generated<Timestamp>;
}

export interface FamiliesTable {
  id: string;
  mission_id: string;
  label: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface FamilyMembersTable {
  family_id: string;
  person_id: string;
  added_at: Generated<Timestamp>;
}

export interface RelationshipsTable {
  id: Generated<string>;
  person_id: string;
  related_person_id: string;
  kind: string;
  evidence_level: string;
  source: string;
  note: string | null;
  recorded_by: string | null;
  recorded_at: Generated<Timestamp>;
  superseded_at: Timestamp | null;
}

export interface WorkflowsTable {
  kind: string;
  version: number;
  definition: Json;
  updated_by: string | null;
  updated_at: Generated<Timestamp>;
}

export interface CasesTable {
  id: string;
  reference: string;
  person_id: string;
  family_id: string | null;
  kind: string;
  stage: string;
  stage_entered_at: Generated<Timestamp>;
  priority: Generated<string>;
  flags: Generated<string[]>;
  mission_id: string;
  team_id: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  closed_at: Timestamp | null;
}

export interface CaseTransitionsTable {
  id: Generated<string>;
  case_id: string;
  from_stage: string | null;
  to_stage: string;
  reason: string;
  workflow_version: number;
  by_user: string | null;
  at: Generated<Timestamp>;
}

export interface TasksTable {
  id: string;
  case_id: string;
  title: string;
  assignee_id: string | null;
  /** date: a YYYY-MM-DD string */
  due_on: string | null;
  status: Generated<string>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  completed_at: Timestamp | null;
}

export interface NotesTable {
  id: string;
  case_id: string;
  category: string;
  body: string;
  author_id: string | null;
  created_at: Generated<Timestamp>;
}

export interface PlacesTable {
  id: string;
  mission_id: string;
  kind: string;
  name: string;
  city: string | null;
  country: string | null;
  capacity: number | null;
  contact: string | null;
  visit_rules: string | null;
  created_at: Generated<Timestamp>;
}

export interface PlacementsTable {
  id: string;
  person_id: string;
  place_id: string;
  /** date: a YYYY-MM-DD string */
  start_on: string;
  end_on: string | null;
  reason: string;
  /** Why the stay ended; null while open and for a transfer (the next placement says why). */
  end_reason: Generated<string | null>;
  recorded_by: string | null;
  recorded_at: Generated<Timestamp>;
}

export interface JobsTable {
  id: string;
  kind: string;
  status: string;
  progress_done: Generated<number>;
  progress_total: number | null;
  result: Json | null;
  error: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

/** A tracing request filed by a relative at home; consent for tracing is required for its people to be matched. */
export interface TracingRequestsTable {
  id: string;
  mission_id: string;
  team_id: string | null;
  reference: string;
  status: Generated<'open' | 'found' | 'closed'>;
  requester_name: string;
  requester_relationship: string;
  requester_contact: string | null;
  requester_district: string | null;
  family_left_on: string | null;
  consent_tracing: boolean;
  consent_recorded_by: string | null;
  consent_recorded_at: Timestamp | null;
  consent_withdrawn_at: Timestamp | null;
  notes: string | null;
  family_id: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  /** 0008: ISO 3166-1 alpha-2 of the family's home. */
  home_country: string | null;
  /** 0008: documents the relative brought, noted as `[{ description }]`. */
  documents: ColumnType<unknown, string | undefined, string>;
  closed_at: Timestamp | null;
  closed_by: string | null;
  closed_reason: string | null;
  consent_withdrawal_reason: string | null;
}

/** A sought person (a person record) attached to a tracing request, and the registry record found for them. */
export interface TracingRequestPeopleTable {
  tracing_request_id: string;
  person_id: string;
  relationship_to_requester: string;
  found_person_id: string | null;
  found_at: Timestamp | null;
  /** 0008: a sought person, or the mother/father (as the relative described them) of `described_for`. */
  described_as: Generated<'sought' | 'mother' | 'father'>;
  described_for: string | null;
}

/** A proposed pair of person records (person_a < person_b) with the engine's score and the review decision. */
export interface MatchSuggestionsTable {
  id: string;
  mission_id: string;
  kind: 'tracing' | 'duplicate';
  person_a: string;
  person_b: string;
  probability: number;
  score: number;
  band: 'match' | 'review';
  explanation: Json;
  status: Generated<'proposed' | 'unsure' | 'confirmed' | 'rejected' | 'superseded'>;
  /** Fingerprints of each side's identity facts when the pair was scored or decided. */
  evidence_a: string;
  evidence_b: string;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  reason: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** Every distinct word of the current names' search texts: the small dictionary that name search matches fuzzily. */
export interface NameWordsTable {
  word: string;
}

/** The lookup keys of each dictionary word: itself and its one-letter deletions (typo tolerance). */
export interface NameWordKeysTable {
  key: string;
  word: string;
}

/** Which people have a word among their current names (kept by a trigger on person_names). */
export interface PersonNameWordsTable {
  word: string;
  person_id: string;
}

/** Each case under each current name word of its person, in list order (migration 0011, trigger-maintained). */
export interface CaseNameWordsTable {
  word: string;
  created_at: Date;
  case_id: string;
}

/** A change to a case that leaves no row of its own (priority, flags, family, task reassigned or rescheduled). */
export interface CaseEventsTable {
  id: Generated<string>;
  case_id: string;
  task_id: string | null;
  kind: 'priority' | 'flags' | 'family' | 'task_assignee' | 'task_due' | 'task_status' | 'officer_assigned';
  /** Codes, ids and task titles: `{ from, to }` (a user id for assignments), `{ added, removed }` for flags. */
  details: Json;
  by_user: string | null;
  at: Generated<Timestamp>;
}

/** A source's saved column mapping: by normalised header, with its sex words and date order. */
export interface SheetMappingsTable {
  mission_id: string;
  source_name: string;
  columns: Json;
  sex_values: Json;
  date_order: Generated<string>;
  updated_by: string | null;
  updated_at: Generated<Timestamp>;
}

/** An uploaded spreadsheet (CSV or XLSX) on its way into the registry. */
export interface SheetImportsTable {
  id: string;
  mission_id: string;
  team_id: string | null;
  uploaded_by: string | null;
  file_name: string;
  format: 'csv' | 'xlsx';
  sheet_name: string | null;
  headers: Json;
  header_row: number;
  row_count: number;
  source_name: string | null;
  mapping: Json | null;
  status: Generated<'uploaded' | 'importing' | 'imported'>;
  job_id: string | null;
  result: Json | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** One data row of an uploaded sheet and what became of it. */
export interface SheetImportRowsTable {
  sheet_import_id: string;
  row_number: number;
  cells: Json | null;
  status: Generated<'pending' | 'created' | 'updated' | 'unchanged' | 'rejected' | 'duplicate'>;
  reasons: ColumnType<unknown, string | undefined, string>;
  person_id: string | null;
  duplicate_of: string | null;
}

/** A blocking key of a person (see the domain's `blockingKeys`): people sharing a key are candidates. */
export interface PersonMatchKeysTable {
  key: string;
  person_id: string;
}

/** A name of one field as the matching engine counts it for term-frequency weights. */
export interface PersonMatchTermsTable {
  field: string;
  term: string;
  person_id: string;
}

/** What a person was last matched on: the fingerprint of their identity facts and the indexed texts. */
export interface PersonMatchStateTable {
  person_id: string;
  mission_id: string;
  fingerprint: string;
  /** The engine record (homeward.person/1) the fingerprint and keys were computed from. */
  record: Json;
  name_text: string;
  birth_year_from: number | null;
  birth_year_to: number | null;
  matched_at: Generated<Timestamp>;
}

/** People waiting for background matching. */
export interface PersonMatchQueueTable {
  person_id: string;
  queued_at: Generated<Timestamp>;
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
  person_names: PersonNamesTable;
  person_births: PersonBirthsTable;
  identity_decisions: IdentityDecisionsTable;
  person_nationality_claims: PersonNationalityClaimsTable;
  person_photos: PersonPhotosTable;
  families: FamiliesTable;
  family_members: FamilyMembersTable;
  relationships: RelationshipsTable;
  workflows: WorkflowsTable;
  cases: CasesTable;
  case_transitions: CaseTransitionsTable;
  tasks: TasksTable;
  notes: NotesTable;
  places: PlacesTable;
  placements: PlacementsTable;
  jobs: JobsTable;
  str_profiles: StrProfilesTable;
  str_profile_events: StrProfileEventsTable;
  frequency_databases: FrequencyDatabasesTable;
  kinship_analyses: KinshipAnalysesTable;
  kinship_screens: KinshipScreensTable;
  kinship_matches: KinshipMatchesTable;
  tracing_requests: TracingRequestsTable;
  tracing_request_people: TracingRequestPeopleTable;
  match_suggestions: MatchSuggestionsTable;
  name_words: NameWordsTable;
  name_word_keys: NameWordKeysTable;
  person_name_words: PersonNameWordsTable;
  case_name_words: CaseNameWordsTable;
  case_events: CaseEventsTable;
  sheet_mappings: SheetMappingsTable;
  sheet_imports: SheetImportsTable;
  sheet_import_rows: SheetImportRowsTable;
  person_match_keys: PersonMatchKeysTable;
  person_match_terms: PersonMatchTermsTable;
  person_match_state: PersonMatchStateTable;
  person_match_queue: PersonMatchQueueTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;

/** An STR profile version (genetic category); `markers` is `{ marker: [allele, allele] }`. */
export interface StrProfilesTable {
  id: string;
  person_id: string;
  version: number;
  kind: string;
  kit: string;
  lab: string;
  sample_id: string;
  /** date: a YYYY-MM-DD string */
  collected_on: string;
  collector: string;
  consent_reference: string;
  consent_recorded_at: Timestamp;
  consent_recorded_by: string | null;
  markers: Json;
  marker_count: number;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  superseded_at: Timestamp | null;
  superseded_by: string | null;
}

/** A chain-of-custody event of a profile's sample, or a correction with its reason. */
export interface StrProfileEventsTable {
  id: Generated<string>;
  profile_id: string;
  kind: string;
  /** date: a YYYY-MM-DD string */
  happened_on: string;
  actor: string | null;
  reason: string | null;
  recorded_by: string | null;
  recorded_at: Generated<Timestamp>;
}

/** An allele frequency database; `alleles` is `{ marker: { allele: frequency } }`. */
export interface FrequencyDatabasesTable {
  id: string;
  name: string;
  population: string;
  source_note: string;
  synthetic: boolean;
  is_default: Generated<boolean>;
  floor: number;
  sample_size: number | null;
  alleles: Json;
  marker_count: number;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** A stored kinship question and answer; the question holds person ids, not markers. */
export interface KinshipAnalysesTable {
  id: string;
  mission_id: string;
  question: Json;
  answer: Json;
  person_ids: string[];
  profile_ids: string[];
  frequency_database_id: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

/** A screening run, its job and (when finished) its summary. */
export interface KinshipScreensTable {
  id: string;
  mission_id: string;
  job_id: string | null;
  parameters: Json;
  frequency_database_id: string;
  summary: Json | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  finished_at: Timestamp | null;
}

/** A child × reference family match suggested by a screen, for a supervisor's review. */
export interface KinshipMatchesTable {
  id: string;
  screen_id: string;
  child_person_id: string;
  family_ref: string;
  family_id: string | null;
  position: string;
  relatives: Json;
  log10_lr: number;
  undisputed: boolean;
  status: Generated<string>;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  review_note: string | null;
  created_at: Generated<Timestamp>;
}
