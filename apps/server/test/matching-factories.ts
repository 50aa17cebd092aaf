import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

/** A tracing request (with consent) seeking the given people; returns its id. */
export async function buildTracingRequest(
  t: TestApp,
  overrides: { soughtIds: string[]; createdBy?: string | null; familyId?: string | null; consent?: boolean; relationship?: string },
): Promise<string> {
  const id = randomUUID();
  await t.database.db
    .insertInto('tracing_requests')
    .values({
      id,
      mission_id: t.app.homeward.missionId,
      reference: `TR-T-${id.slice(0, 8)}`,
      requester_name: 'Synthetic Requester',
      requester_relationship: 'grandmother',
      consent_tracing: overrides.consent ?? true,
      family_id: overrides.familyId ?? null,
      created_by: overrides.createdBy ?? null,
    })
    .execute();
  for (const personId of overrides.soughtIds) {
    await t.database.db.insertInto('tracing_request_people').values({ tracing_request_id: id, person_id: personId, relationship_to_requester: overrides.relationship ?? 'grandchild' }).execute();
    await t.database.db.updateTable('people').set({ is_sought: true, matching_consent: overrides.consent ?? true }).where('id', '=', personId).execute();
  }
  return id;
}

/** A stored suggestion between two people (a < b is arranged here), proposed unless told otherwise. */
export async function buildSuggestion(
  t: TestApp,
  x: string,
  y: string,
  overrides: { kind?: 'tracing' | 'duplicate'; probability?: number; status?: 'proposed' | 'unsure' | 'confirmed' | 'rejected' | 'superseded' } = {},
): Promise<string> {
  const [a, b] = x < y ? [x, y] : [y, x];
  const id = randomUUID();
  await t.database.db
    .insertInto('match_suggestions')
    .values({
      id,
      mission_id: t.app.homeward.missionId,
      kind: overrides.kind ?? 'duplicate',
      person_a: a,
      person_b: b,
      probability: overrides.probability ?? 0.9,
      score: 12.5,
      band: 'match',
      explanation: JSON.stringify({ version: 'test', weight: 12.5, vector: [0, 0, -1, 0, -1, -1, 1, 0, -1, -1], fields: [{ field: 'given', level: 'exact', weight: 5.4 }] }),
      status: overrides.status ?? 'proposed',
      evidence_a: 'test-a',
      evidence_b: 'test-b',
    })
    .execute();
  return id;
}
