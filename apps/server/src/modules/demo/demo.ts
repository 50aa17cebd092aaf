import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Role } from '@homeward/domain';
import type { Database } from '../../db/schema';
import { SYSTEM_ACTOR } from '../../lib/audit';
import { queueMission } from '../matching/matching.repository';
import { inTransaction } from '../../lib/transaction';
import { createUser } from '../users/users.service';
import { DEMO_SIZES } from './demo-data.generator';
import { loadDemoData } from './demo-data.loader';

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

/** The first start's scenario: small enough to seed in a second or two, varied enough to show every screen. */
export const FIRST_START_DEMO = { seed: 1, people: DEMO_SIZES.small } as const;

/**
 * First start of the embedded database with no users: create one demo user per role and a small synthetic
 * scenario (about 150 people, see demo-data.generator.ts), and remember that this deployment is a demo. Returns the password to print.
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
    // Synthetic people from the same generator as `homeward demo-data`, in this same transaction.
    await loadDemoData((work) => work(trx), { ...FIRST_START_DEMO, missionId, createdBy: ids['demo.consular'] ?? null });
    // The demo's people are matched in the background once the server runs (duplicates, tracing).
    await queueMission(trx, missionId);
    await trx.insertInto('settings').values({ key: 'demo_mode', value: JSON.stringify(true) }).execute();
  });
  return password;
}
