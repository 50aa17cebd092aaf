import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

/**
 * A tracing request attached to existing people, written straight into the tables (the filing itself is
 * tested through the API): for route × role samples and for tests that need a request in a given state.
 */
export async function buildTracingRequest(
  t: TestApp,
  overrides: { personIds: string[]; missionId?: string; teamId?: string | null; createdBy?: string | null; consent?: boolean; status?: 'open' | 'found' | 'closed' },
): Promise<string> {
  const id = randomUUID();
  const consent = overrides.consent ?? true;
  await t.database.db
    .insertInto('tracing_requests')
    .values({
      id,
      mission_id: overrides.missionId ?? t.app.homeward.missionId,
      team_id: overrides.teamId ?? null,
      reference: `TR-T-${id.slice(0, 8)}`,
      status: overrides.status ?? 'open',
      requester_name: 'Test Requester',
      requester_relationship: 'grandmother',
      requester_contact: '+994 00 000 00 00',
      requester_district: 'Testrayon',
      consent_tracing: consent,
      consent_recorded_at: new Date(),
      created_by: overrides.createdBy ?? null,
    })
    .execute();
  for (const personId of overrides.personIds) {
    await t.database.db
      .insertInto('tracing_request_people')
      .values({ tracing_request_id: id, person_id: personId, relationship_to_requester: 'granddaughter' })
      .execute();
  }
  await t.database.db.updateTable('people').set({ is_sought: true, matching_consent: consent }).where('id', 'in', overrides.personIds).execute();
  return id;
}
