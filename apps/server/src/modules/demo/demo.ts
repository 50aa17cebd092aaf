import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Role } from '@homeward/domain';
import type { Database } from '../../db/schema';
import { SYSTEM_ACTOR } from '../../lib/audit';
import { inTransaction } from '../../lib/transaction';
import { recordAttributes } from '../people/people.repository';
import { createUser } from '../users/users.service';

/** The demo users, one per role; usernames are stable so the README and tests can name them. */
export const DEMO_USERS: readonly { username: string; displayName: string; role: Role; team?: 'consular' | 'child_protection'; organisation?: string }[] = [
  { username: 'demo.consular', displayName: 'Demo Consular Officer', role: 'consular_officer', team: 'consular' },
  { username: 'demo.caseworker', displayName: 'Demo Caseworker', role: 'caseworker', team: 'child_protection' },
  { username: 'demo.medical', displayName: 'Demo Medical Officer', role: 'medical_officer' },
  { username: 'demo.liaison', displayName: 'Demo Family Liaison', role: 'family_liaison' },
  { username: 'demo.supervisor', displayName: 'Demo Supervisor', role: 'supervisor' },
  { username: 'demo.admin', displayName: 'Demo Administrator', role: 'administrator' },
  { username: 'demo.icrc', displayName: 'Demo ICRC Delegate', role: 'icrc_delegate', organisation: 'ICRC' },
  { username: 'demo.agency', displayName: 'Demo Receiving Agency', role: 'receiving_agency', organisation: 'Receiving agency (home)' },
  { username: 'demo.dpo', displayName: 'Demo Data Protection Officer', role: 'data_protection_officer' },
];

const CREDENTIALS_FILE = 'demo-credentials.txt';

/** The demo password: generated once per data directory (never in the repository), kept beside the data. */
export function demoPassword(dataDir: string): string {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const password = `demo-${randomBytes(9).toString('base64url')}`;
    fs.writeFileSync(file, password + '\n', { mode: 0o600 });
    return password;
  }
}

interface SyntheticPerson {
  sex: 'F' | 'M';
  team: 'consular' | 'child_protection';
  attributes: { category: string; key: string; value: unknown; source: string }[];
  sharedWith?: string;
  assignedToLiaison?: boolean;
}

// Invented people: no name, place of detention or history here belongs to a real person.
const PEOPLE: readonly SyntheticPerson[] = [
  {
    sex: 'F',
    team: 'child_protection',
    attributes: [
      { category: 'identity', key: 'given_name', value: 'Nərmin', source: 'child_statement' },
      { category: 'identity', key: 'estimated_age', value: { years: 4, on: '2026-10-02', method: 'medical' }, source: 'medical' },
      { category: 'location', key: 'current_place', value: 'Demo State Shelter No. 2, Baghdad', source: 'host_record' },
      { category: 'medical', key: 'summary', value: 'Healed fracture of the left arm; vaccinations unknown.', source: 'medical' },
      { category: 'notes', key: 'intake', value: 'Says her mother is called Günay.', source: 'child_statement' },
    ],
    sharedWith: 'ICRC',
    assignedToLiaison: true,
  },
  {
    sex: 'M',
    team: 'child_protection',
    attributes: [
      { category: 'identity', key: 'given_name', value: 'Tural', source: 'host_record' },
      { category: 'identity', key: 'name_arabic', value: 'طورال', source: 'host_record' },
      { category: 'location', key: 'current_place', value: 'Demo Orphanage, Baghdad', source: 'host_record' },
      { category: 'medical', key: 'summary', value: 'Malnourished on arrival; improving.', source: 'medical' },
    ],
  },
  {
    sex: 'F',
    team: 'consular',
    attributes: [
      { category: 'identity', key: 'given_name', value: 'Günay', source: 'relative' },
      { category: 'identity', key: 'family_name', value: 'Demoyeva', source: 'relative' },
      { category: 'legal_detention', key: 'status', value: 'detained', source: 'host_record' },
      { category: 'location', key: 'current_place', value: 'Demo Women’s Prison', source: 'host_record' },
      { category: 'contact', key: 'relative_phone', value: '+994 00 000 00 01', source: 'relative' },
    ],
    sharedWith: 'ICRC',
  },
  {
    sex: 'M',
    team: 'consular',
    attributes: [
      { category: 'identity', key: 'given_name', value: 'Elvin', source: 'document' },
      { category: 'identity', key: 'family_name', value: 'Nümunəli', source: 'document' },
      { category: 'genetic', key: 'reference_sample', value: 'Reference sample collected (synthetic)', source: 'relative' },
      { category: 'contact', key: 'address', value: 'Sumqayıt (demo address)', source: 'relative' },
    ],
    assignedToLiaison: true,
  },
  {
    sex: 'F',
    team: 'child_protection',
    attributes: [
      { category: 'identity', key: 'given_name', value: 'Səbinə', source: 'child_statement' },
      { category: 'identity', key: 'estimated_age', value: { years: 7, on: '2026-09-15', method: 'dental' }, source: 'medical' },
      { category: 'location', key: 'current_place', value: 'Demo Camp, sector C', source: 'ngo_list' },
    ],
    sharedWith: 'Receiving agency (home)',
  },
];

/**
 * First start of the embedded database with no users: create one demo user per role and a handful of
 * synthetic people, and remember that this deployment is a demo. Returns the password to print.
 */
export async function seedDemo(db: Kysely<Database>, dataDir: string, missionId: string): Promise<string> {
  const password = demoPassword(dataDir);
  await inTransaction(db, async (trx) => {
    const teams = { consular: randomUUID(), child_protection: randomUUID() };
    await trx
      .insertInto('teams')
      .values([
        { id: teams.consular, mission_id: missionId, name: 'Consular team' },
        { id: teams.child_protection, mission_id: missionId, name: 'Child protection team' },
      ])
      .execute();
    const ids: Record<string, string> = {};
    for (const u of DEMO_USERS) {
      const view = await createUser(
        trx,
        SYSTEM_ACTOR,
        {
          username: u.username,
          displayName: u.displayName,
          password,
          roles: [u.role],
          teamId: u.team ? teams[u.team] : null,
          organisation: u.organisation ?? null,
          missionId,
          isDemo: true,
        },
        null,
      );
      ids[u.username] = view.id;
    }
    const creator = ids['demo.consular']!;
    for (const p of PEOPLE) {
      const id = randomUUID();
      await trx.insertInto('people').values({ id, mission_id: missionId, team_id: teams[p.team], sex: p.sex, created_by: creator }).execute();
      await trx.insertInto('person_assignments').values({ person_id: id, user_id: creator }).execute();
      if (p.assignedToLiaison) await trx.insertInto('person_assignments').values({ person_id: id, user_id: ids['demo.liaison']! }).execute();
      if (p.sharedWith) {
        const kind = p.sharedWith === 'ICRC' ? 'family_links' : 'handover';
        await trx.insertInto('person_shares').values({ person_id: id, organisation: p.sharedWith, kind, shared_by: ids['demo.supervisor']! }).execute();
      }
      await recordAttributes(trx, id, creator, p.attributes);
    }
    await trx.insertInto('settings').values({ key: 'demo_mode', value: JSON.stringify(true) }).execute();
  });
  return password;
}
