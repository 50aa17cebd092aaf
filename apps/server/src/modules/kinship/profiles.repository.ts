import type { Kysely, Transaction } from 'kysely';
import type { Scope } from '@homeward/domain';
import type { Database } from '../../db/schema';
import type { Actor } from '../../lib/context';
import { personInScope } from '../people/people.policy';

/** SQL of STR profiles and their chain of custody. Profiles are versioned: a change supersedes, never updates markers. */

type Db = Kysely<Database> | Transaction<Database>;

/** A stored profile's markers: `{ marker: [allele, allele] }`. */
export type StoredMarkers = Record<string, string[]>;

/** The people among `ids` the actor reaches at `scope`, with their sex (for pedigrees). */
export async function peopleInScope(db: Db, actor: Actor, scope: Scope, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('people').select(['id', 'sex']).where('id', 'in', [...new Set(ids)]).where(personInScope(actor, scope)).execute();
}

/** Current profiles of the given people. */
export async function currentProfiles(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('str_profiles')
    .selectAll()
    .where('person_id', 'in', [...new Set(personIds)])
    .where('superseded_at', 'is', null)
    .execute();
}

/** Current profiles of a kind (`child` candidates) of the people the actor reaches at `scope`. */
export async function currentProfilesOfKind(db: Db, actor: Actor, scope: Scope, kind: 'child' | 'reference') {
  return db
    .selectFrom('str_profiles')
    .innerJoin('people', 'people.id', 'str_profiles.person_id')
    .selectAll('str_profiles')
    .where('str_profiles.kind', '=', kind)
    .where('str_profiles.superseded_at', 'is', null)
    .where(personInScope(actor, scope))
    .orderBy('str_profiles.person_id')
    .execute();
}

/** Current profiles (facts, no markers) of people the actor reaches, by ids and/or kind, with their names. */
export async function profileSummaries(db: Db, actor: Actor, scope: Scope, filter: { people?: readonly string[] | undefined; kind?: 'child' | 'reference' | undefined; limit: number }) {
  let q = db
    .selectFrom('str_profiles')
    .innerJoin('people', 'people.id', 'str_profiles.person_id')
    .select(['str_profiles.id', 'str_profiles.person_id', 'str_profiles.kind', 'str_profiles.version', 'str_profiles.kit', 'str_profiles.lab', 'str_profiles.marker_count', 'people.display_name', 'people.sex'])
    .where('str_profiles.superseded_at', 'is', null)
    .where(personInScope(actor, scope));
  if (filter.people !== undefined) {
    if (filter.people.length === 0) return [];
    q = q.where('str_profiles.person_id', 'in', [...filter.people]);
  }
  if (filter.kind !== undefined) q = q.where('str_profiles.kind', '=', filter.kind);
  return q.orderBy('people.display_name').orderBy('str_profiles.person_id').limit(filter.limit).execute();
}

/** One profile version by id. */
export async function findProfile(db: Db, id: string) {
  return db.selectFrom('str_profiles').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every version of a person's profile, oldest first. */
export async function profileVersions(db: Db, personId: string) {
  return db.selectFrom('str_profiles').select(['id', 'version', 'created_at', 'superseded_at']).where('person_id', '=', personId).orderBy('version').execute();
}

/** Custody events of the given profile versions, in the order they were recorded. */
export async function profileEvents(db: Db, profileIds: readonly string[]) {
  if (profileIds.length === 0) return [];
  return db.selectFrom('str_profile_events').selectAll().where('profile_id', 'in', [...profileIds]).orderBy('id').execute();
}

/** The next version number of a person's profile (1 for the first). */
export async function nextProfileVersion(db: Db, personId: string): Promise<number> {
  const row = await db
    .selectFrom('str_profiles')
    .select((eb) => eb.fn.max('version').as('latest'))
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(row?.latest ?? 0) + 1;
}

/** A new profile version to store. */
export interface NewProfile {
  id: string;
  personId: string;
  version: number;
  kind: 'child' | 'reference';
  kit: string;
  lab: string;
  sampleId: string;
  collectedOn: string;
  collector: string;
  consentReference: string;
  consentRecordedAt: Date;
  consentRecordedBy: string | null;
  markers: StoredMarkers;
  createdBy: string | null;
}

/** Supersede the person's current profile (if any) by `newId`, then insert the new version. */
export async function insertProfileVersion(db: Db, profile: NewProfile): Promise<void> {
  const current = await db
    .selectFrom('str_profiles')
    .select('id')
    .where('person_id', '=', profile.personId)
    .where('superseded_at', 'is', null)
    .executeTakeFirst();
  if (current) {
    await db.updateTable('str_profiles').set({ superseded_at: new Date() }).where('id', '=', current.id).execute();
  }
  await db
    .insertInto('str_profiles')
    .values({
      id: profile.id,
      person_id: profile.personId,
      version: profile.version,
      kind: profile.kind,
      kit: profile.kit,
      lab: profile.lab,
      sample_id: profile.sampleId,
      collected_on: profile.collectedOn,
      collector: profile.collector,
      consent_reference: profile.consentReference,
      consent_recorded_at: profile.consentRecordedAt,
      consent_recorded_by: profile.consentRecordedBy,
      markers: JSON.stringify(profile.markers),
      marker_count: Object.keys(profile.markers).length,
      created_by: profile.createdBy,
    })
    .execute();
  if (current) await db.updateTable('str_profiles').set({ superseded_by: profile.id }).where('id', '=', current.id).execute();
}

/** A custody event to record. */
export interface NewProfileEvent {
  profileId: string;
  kind: 'collected' | 'shipped' | 'received' | 'typed' | 'corrected';
  on: string;
  by: string | null;
  reason: string | null;
  recordedBy: string | null;
}

/** Appends custody events (never updated or deleted). */
export async function insertProfileEvents(db: Db, events: readonly NewProfileEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('str_profile_events')
    .values(events.map((e) => ({ profile_id: e.profileId, kind: e.kind, happened_on: e.on, actor: e.by, reason: e.reason, recorded_by: e.recordedBy })))
    .execute();
}
