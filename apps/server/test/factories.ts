import { randomBytes, randomUUID } from 'node:crypto';
import type { NameInput, Role } from '@homeward/domain';
import { hashPassword } from '../src/modules/auth/passwords';
import { createSession } from '../src/modules/auth/sessions.repository';
import { newTotpSecret } from '../src/modules/auth/totp';
import { recordAttributes } from '../src/modules/people/people.repository';
import { insertUser } from '../src/modules/users/users.repository';
import type { TestApp } from './test-app';

export interface BuiltUser {
  id: string;
  username: string;
  password: string;
  roles: Role[];
  totpSecret: string | null;
}

let passwordHashCache: Promise<string> | null = null;
const FACTORY_PASSWORD = 'factory-password-not-common-1';

/** A user with the given roles in this deployment's mission; optionally enrolled with a second factor. */
export async function buildUser(
  t: TestApp,
  overrides: { roles?: Role[]; teamId?: string | null; organisation?: string | null; missionId?: string | null; enrolled?: boolean; username?: string } = {},
): Promise<BuiltUser> {
  passwordHashCache ??= hashPassword(FACTORY_PASSWORD);
  const id = randomUUID();
  const username = overrides.username ?? `user.${randomBytes(4).toString('hex')}`;
  const roles = overrides.roles ?? ['consular_officer'];
  await insertUser(
    t.database.db,
    {
      id,
      username,
      displayName: `Test ${username}`,
      passwordHash: await passwordHashCache,
      missionId: overrides.missionId === undefined ? t.app.homeward.missionId : overrides.missionId,
      teamId: overrides.teamId ?? null,
      organisation: overrides.organisation ?? null,
    },
    roles,
  );
  let totpSecret: string | null = null;
  if (overrides.enrolled) {
    totpSecret = newTotpSecret();
    await t.database.db
      .updateTable('users')
      .set({ totp_secret_enc: t.app.homeward.secrets.seal(totpSecret), totp_enrolled_at: new Date() })
      .where('id', '=', id)
      .execute();
  }
  return { id, username, password: FACTORY_PASSWORD, roles, totpSecret };
}

/** A signed-in session cookie for a user, made directly (the sign-in flow itself is tested in auth tests). */
export async function sessionCookie(t: TestApp, user: { id: string }): Promise<string> {
  const { token } = await createSession(t.database.db, { userId: user.id, stage: 'authenticated', absoluteMs: t.config.sessionAbsoluteMs });
  return `homeward_session=${token}`;
}

export async function buildTeam(t: TestApp, missionId = t.app.homeward.missionId): Promise<string> {
  const id = randomUUID();
  await t.database.db.insertInto('teams').values({ id, mission_id: missionId, name: `Team ${id.slice(0, 8)}` }).execute();
  return id;
}

export async function buildMission(t: TestApp): Promise<string> {
  const id = randomUUID();
  await t.database.db.insertInto('missions').values({ id, code: `M-${id.slice(0, 8)}`, name: 'Other mission', country: 'SY' }).execute();
  return id;
}

/** A synthetic person with a fact in every field category, so that stripping can be observed. */
export async function buildPerson(
  t: TestApp,
  overrides: { missionId?: string; teamId?: string | null; assignedTo?: string[]; sharedWith?: string; createdBy?: string } = {},
): Promise<string> {
  const id = randomUUID();
  await t.database.db
    .insertInto('people')
    .values({ id, mission_id: overrides.missionId ?? t.app.homeward.missionId, team_id: overrides.teamId ?? null, sex: 'F', created_by: null })
    .execute();
  for (const userId of overrides.assignedTo ?? []) {
    await t.database.db.insertInto('person_assignments').values({ person_id: id, user_id: userId }).execute();
  }
  if (overrides.sharedWith) {
    await t.database.db.insertInto('person_shares').values({ person_id: id, organisation: overrides.sharedWith, kind: 'family_links' }).execute();
  }
  const creator = overrides.createdBy ?? (await buildUser(t, { roles: ['consular_officer'] })).id;
  await recordAttributes(t.database.db, id, creator, [
    { category: 'identity', key: 'given_name', value: 'Testa', source: 'child_statement' },
    { category: 'location', key: 'current_place', value: 'Test shelter', source: 'host_record' },
    { category: 'contact', key: 'relative_phone', value: '+994 00 000 00 00', source: 'relative' },
    { category: 'medical', key: 'summary', value: 'Test medical note', source: 'medical' },
    { category: 'genetic', key: 'sample', value: 'Test sample', source: 'lab' },
    { category: 'legal_detention', key: 'status', value: 'released', source: 'host_record' },
    { category: 'notes', key: 'intake', value: 'Test note', source: 'officer' },
  ]);
  await buildName(t, id);
  return id;
}

/** A current name for a person (so that name-dependent rules and searches have something to work on). */
export async function buildName(t: TestApp, personId: string, name: Partial<NameInput> = {}): Promise<string> {
  const { insertName, refreshDisplayName } = await import('../src/modules/people/identity.repository');
  const id = await insertName(t.database.db, personId, { given: 'Testa', kind: 'reported', source: 'child_statement', confidence: 'medium', ...name } as NameInput, null);
  await refreshDisplayName(t.database.db, personId);
  return id;
}

/** An open child case for a person, at the workflow's first stage. */
export async function buildCase(t: TestApp, personId: string, overrides: { stage?: string; kind?: 'child' | 'adult' } = {}): Promise<string> {
  const id = randomUUID();
  const person = await t.database.db.selectFrom('people').select(['mission_id', 'team_id']).where('id', '=', personId).executeTakeFirstOrThrow();
  await t.database.db
    .insertInto('cases')
    .values({ id, reference: `C-T-${id.slice(0, 8)}`, person_id: personId, kind: overrides.kind ?? 'child', stage: overrides.stage ?? 'reported', mission_id: person.mission_id, team_id: person.team_id })
    .execute();
  await t.database.db.insertInto('case_transitions').values({ case_id: id, from_stage: null, to_stage: overrides.stage ?? 'reported', reason: 'Case opened', workflow_version: 1 }).execute();
  return id;
}

/** A place of this deployment's mission (or another), with a unique synthetic name. */
export async function buildPlace(
  t: TestApp,
  overrides: { missionId?: string; kind?: string; name?: string; capacity?: number | null; city?: string | null } = {},
): Promise<string> {
  const id = randomUUID();
  await t.database.db
    .insertInto('places')
    .values({
      id,
      mission_id: overrides.missionId ?? t.app.homeward.missionId,
      kind: overrides.kind ?? 'shelter',
      name: overrides.name ?? `Test place ${id.slice(0, 8)}`,
      city: overrides.city === undefined ? 'Testville' : overrides.city,
      country: 'IQ',
      capacity: overrides.capacity === undefined ? 20 : overrides.capacity,
    })
    .execute();
  return id;
}

/** A placement of a person at a place, open unless `endOn` is given; starts today by default. */
export async function buildPlacement(
  t: TestApp,
  overrides: { personId: string; placeId: string; startOn?: string; endOn?: string | null; reason?: string },
): Promise<string> {
  const id = randomUUID();
  await t.database.db
    .insertInto('placements')
    .values({
      id,
      person_id: overrides.personId,
      place_id: overrides.placeId,
      start_on: overrides.startOn ?? new Date().toISOString().slice(0, 10),
      end_on: overrides.endOn ?? null,
      reason: overrides.reason ?? 'Test placement',
    })
    .execute();
  return id;
}
