import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  querySearchTerms,
  readableCategoriesForRoles,
  scopeForRoles,
  type ConsentState,
  type CreateTracingRequest,
  type SoughtPersonView,
  type TracingListQuery,
  type TracingParentInput,
  type TracingRequestSummary,
  type TracingRequestView,
  type UpdateTracingRequest,
} from '@homeward/domain';
import type { Database } from '../../db/schema';
import { auditActor, requireCategory, requireScope } from '../../lib/access';
import { recordAudit } from '../../lib/audit';
import { recordReadAudit } from '../../lib/read-audit';
import type { Actor } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { nextCursor } from '../../lib/keyset';
import { createFamily } from '../families/families.service';
import { personChanged } from '../matching/matching.runner';
import { linkPeople, registerPerson } from '../people/identity.service';
import { recordAttributes } from '../people/people.repository';
import { addPhoto } from '../people/photos.service';
import {
  attachedPeopleOf,
  attachedPersonIds,
  attachPerson,
  findRequestInScope,
  insertTracingRequest,
  listRequestsInScope,
  markSought,
  nextReference,
  setMatchingConsent,
  supersedeOpenSuggestions,
  updateRequest,
  type AttachedPersonRow,
  type TracingRequestRow,
} from './tracing.repository';

type Trx = Transaction<Database>;

/** Consent as it stands: a withdrawal wins over an earlier consent; a request filed without one has none. */
export function consentStateOf(row: Pick<TracingRequestRow, 'consent_tracing' | 'consent_withdrawn_at'>): ConsentState {
  if (row.consent_withdrawn_at) return 'withdrawn';
  return row.consent_tracing ? 'given' : 'not_given';
}

/**
 * The identity facts a sought person's record carries for matching besides names and birth: where the family
 * comes from and when it left home, the `origin` and `departed_home` of `homeward.person/1`.
 */
function originAttributes(request: { district: string | null; homeCountry: string | null; familyLeftOn: string | null }) {
  const origin = Object.fromEntries(Object.entries({ country: request.homeCountry, district: request.district }).filter(([, v]) => v));
  return [
    ...(Object.keys(origin).length > 0 ? [{ category: 'identity', key: 'origin', value: origin, source: 'relative' }] : []),
    ...(request.familyLeftOn ? [{ category: 'identity', key: 'departed_home', value: request.familyLeftOn, source: 'relative' }] : []),
  ];
}

async function registerParent(trx: Trx, actor: Actor, missionId: string, childId: string, kind: 'mother' | 'father', parent: TracingParentInput, requestId: string) {
  const { id } = await registerPerson(
    trx,
    actor,
    missionId,
    {
      sex: kind === 'mother' ? 'F' : 'M',
      names: parent.names,
      birth: parent.birthYear ? { date: String(parent.birthYear), place: null, source: 'relative', confidence: 'medium' } : null,
      vitalStatus: 'unknown',
    },
    requestId,
  );
  await linkPeople(trx, actor, childId, { relatedPersonId: id, kind, evidenceLevel: 'claimed', source: 'relative', note: null }, requestId);
  return id;
}

/**
 * File a tracing request in one transaction: each sought person becomes a person record (names with their
 * parts and script, birth as known, photos the relative brought), the parents as the relative knows them
 * become person records linked as mother and father, all of them marked as sought, grouped into a family,
 * and kept out of matching unless the relative consented to tracing.
 */
export async function createTracingRequest(trx: Trx, actor: Actor, missionId: string, input: CreateTracingRequest, requestId: string) {
  requireScope(actor, 'tracing_request.create');
  requireCategory(actor, 'identity', 'write');
  if (input.requester.contact) requireCategory(actor, 'contact', 'write');
  if (input.notes) requireCategory(actor, 'notes', 'write');
  const mission = actor.missionId ?? missionId;
  const id = randomUUID();
  const reference = await nextReference(trx, mission, new Date().getUTCFullYear());
  const now = new Date();
  await insertTracingRequest(trx, {
    id,
    mission_id: mission,
    team_id: actor.teamId,
    reference,
    requester_name: input.requester.name,
    requester_relationship: input.requester.relationship,
    requester_contact: input.requester.contact,
    requester_district: input.district,
    home_country: input.homeCountry,
    family_left_on: input.familyLeftOn ?? null,
    consent_tracing: input.consentTracing,
    consent_recorded_by: actor.userId,
    consent_recorded_at: now,
    documents: JSON.stringify(input.documents),
    notes: input.notes,
    created_by: actor.userId,
  });
  const attributes = originAttributes({ district: input.district, homeCountry: input.homeCountry, familyLeftOn: input.familyLeftOn ?? null });
  const soughtIds: string[] = [];
  const allIds: string[] = [];
  for (const sought of input.soughtPeople) {
    const { id: personId } = await registerPerson(
      trx,
      actor,
      missionId,
      { sex: sought.sex, names: sought.names, birth: sought.birth ?? null, vitalStatus: 'unknown' },
      requestId,
    );
    soughtIds.push(personId);
    allIds.push(personId);
    await attachPerson(trx, { requestId: id, personId, relationship: sought.relationshipToRequester, describedAs: 'sought', describedFor: null });
    for (const kind of ['mother', 'father'] as const) {
      const parent = sought[kind];
      if (!parent) continue;
      const parentId = await registerParent(trx, actor, missionId, personId, kind, parent, requestId);
      allIds.push(parentId);
      await attachPerson(trx, { requestId: id, personId: parentId, relationship: 'other_relative', describedAs: kind, describedFor: personId });
    }
    for (const photo of sought.photos) await addPhoto(trx, actor, personId, photo, requestId);
  }
  for (const personId of allIds) await recordAttributes(trx, personId, actor.userId, attributes);
  await markSought(trx, allIds, input.consentTracing);
  // Indexed and queued for matching now that sought and consent are set (out of the index without consent).
  await personChanged(trx, allIds);
  const familyId = await createFamily(trx, actor, missionId, { label: reference, memberIds: allIds }, requestId);
  await updateRequest(trx, id, { family_id: familyId });
  await recordAudit(
    trx,
    auditActor(actor),
    {
      action: 'tracing_request.create',
      targetType: 'tracing_request',
      targetIds: [id, ...allIds],
      details: { sought: soughtIds.length, people: allIds.length, consent: input.consentTracing, documents: input.documents.length },
    },
    requestId,
  );
  return { id, reference, soughtPersonIds: soughtIds };
}

const personRef = (id: string, p: { display_name: string | null; sex: string; birth_year_min: number | null; birth_year_max: number | null }) => ({
  id,
  displayName: p.display_name,
  sex: p.sex as 'F' | 'M' | 'U',
  birthYears: p.birth_year_min != null && p.birth_year_max != null ? { min: p.birth_year_min, max: p.birth_year_max } : null,
});

function presentSought(rows: readonly AttachedPersonRow[]): SoughtPersonView[] {
  const parentOf = (personId: string, kind: 'mother' | 'father') => {
    const parent = rows.find((r) => r.described_as === kind && r.described_for === personId);
    return parent ? personRef(parent.person_id, parent) : null;
  };
  return rows
    .filter((r) => r.described_as === 'sought')
    .map((r) => ({
      ...personRef(r.person_id, r),
      relationshipToRequester: r.relationship_to_requester,
      matchingConsent: r.matching_consent,
      mother: parentOf(r.person_id, 'mother'),
      father: parentOf(r.person_id, 'father'),
      found: r.found_person_id
        ? {
            at: r.found_at?.toISOString() ?? null,
            person: r.found_visible_id
              ? personRef(r.found_visible_id, { display_name: r.found_display_name, sex: r.found_sex ?? 'U', birth_year_min: r.found_birth_year_min, birth_year_max: r.found_birth_year_max })
              : null,
          }
        : null,
    }));
}

/** The person scope under which the actor sees the people of a request (none: the request shows no people). */
const personReadScope = (actor: Actor) => scopeForRoles(actor.roles, 'person.read');

async function peopleOf(trx: Trx, actor: Actor, requestIds: readonly string[]) {
  const scope = personReadScope(actor);
  return scope ? attachedPeopleOf(trx, actor, scope, requestIds) : [];
}

const touchedIds = (rows: readonly AttachedPersonRow[]) => [...new Set(rows.flatMap((r) => [r.person_id, ...(r.found_visible_id ? [r.found_visible_id] : [])]))];

function presentRequest(actor: Actor, row: TracingRequestRow, people: readonly AttachedPersonRow[]): TracingRequestView {
  const readable = readableCategoriesForRoles(actor.roles);
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    requester: {
      name: row.requester_name,
      relationship: row.requester_relationship,
      ...(readable.includes('contact') ? { contact: row.requester_contact } : {}),
    },
    district: row.requester_district,
    homeCountry: row.home_country,
    familyLeftOn: row.family_left_on,
    consent: {
      state: consentStateOf(row),
      recordedAt: row.consent_recorded_at?.toISOString() ?? null,
      recordedBy: row.consent_recorded_by,
      withdrawnAt: row.consent_withdrawn_at?.toISOString() ?? null,
      ...(readable.includes('notes') ? { withdrawalReason: row.consent_withdrawal_reason } : {}),
    },
    documents: Array.isArray(row.documents) ? (row.documents as { description: string }[]) : [],
    ...(readable.includes('notes') ? { notes: row.notes } : {}),
    familyId: row.family_id,
    soughtPeople: presentSought(people),
    closed: row.closed_at ? { at: row.closed_at.toISOString(), by: row.closed_by, reason: row.closed_reason ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
  };
}

async function requireRequest(trx: Trx, actor: Actor, permission: 'tracing_request.read' | 'tracing_request.update' | 'tracing_request.close', id: string) {
  const row = await findRequestInScope(trx, actor, requireScope(actor, permission), id);
  if (!row) throw notFound('tracing request');
  return row;
}

/** One request with its sought people, their parents and the person found for each (an audited read). */
export async function readTracingRequest(trx: Trx, actor: Actor, id: string, requestId: string): Promise<TracingRequestView> {
  const row = await requireRequest(trx, actor, 'tracing_request.read', id);
  requireCategory(actor, 'identity', 'read');
  const people = await peopleOf(trx, actor, [id]);
  await recordReadAudit(trx, auditActor(actor), { action: 'tracing_request.read', targetType: 'tracing_request', targetIds: [id, ...touchedIds(people)] }, requestId);
  return presentRequest(actor, row, people);
}

/** Requests in scope, filtered by status, consent and text; the people shown are audited with the requests. */
export async function listTracingRequests(trx: Trx, actor: Actor, query: TracingListQuery, requestId: string) {
  const scope = requireScope(actor, 'tracing_request.list');
  requireCategory(actor, 'identity', 'read');
  const searchText = query.q ? querySearchTerms(query.q) : '';
  const rows = await listRequestsInScope(trx, actor, scope, { ...query, searchText });
  const people = await peopleOf(trx, actor, rows.map((r) => r.id));
  const requests: TracingRequestSummary[] = rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    status: row.status,
    requesterName: row.requester_name,
    requesterRelationship: row.requester_relationship,
    district: row.requester_district,
    consent: consentStateOf(row),
    soughtPeople: people
      .filter((p) => p.tracing_request_id === row.id && p.described_as === 'sought')
      .map((p) => ({ id: p.person_id, displayName: p.display_name, found: p.found_person_id !== null })),
    createdAt: row.created_at.toISOString(),
  }));
  await recordAudit(
    trx,
    auditActor(actor),
    { action: 'tracing_request.list', targetType: 'tracing_request', targetIds: [...rows.map((r) => r.id), ...people.map((p) => p.person_id)] },
    requestId,
  );
  return { requests, nextAfter: nextCursor(rows, query.limit) };
}

/**
 * Change the requester's details, the family's district, departure date, documents or notes. A new district
 * or departure date is recorded on every person of the request too (a new version of origin/departed_home),
 * so what the matching engine reads stays what the relative said.
 */
export async function updateTracingRequest(trx: Trx, actor: Actor, id: string, input: UpdateTracingRequest, requestId: string) {
  const row = await requireRequest(trx, actor, 'tracing_request.update', id);
  requireCategory(actor, 'identity', 'write');
  if (input.requester?.contact !== undefined) requireCategory(actor, 'contact', 'write');
  if (input.notes !== undefined) requireCategory(actor, 'notes', 'write');
  if (row.status === 'closed') throw new AppError('conflict', `Tracing request ${row.reference} is closed; it can no longer be changed.`);
  const patch: Parameters<typeof updateRequest>[2] = {};
  if (input.requester?.name !== undefined) patch.requester_name = input.requester.name;
  if (input.requester?.relationship !== undefined) patch.requester_relationship = input.requester.relationship;
  if (input.requester?.contact !== undefined) patch.requester_contact = input.requester.contact;
  if (input.district !== undefined) patch.requester_district = input.district;
  if (input.familyLeftOn !== undefined) patch.family_left_on = input.familyLeftOn;
  if (input.documents !== undefined) patch.documents = JSON.stringify(input.documents);
  if (input.notes !== undefined) patch.notes = input.notes;
  await updateRequest(trx, id, patch);
  const originChanged = input.district !== undefined || input.familyLeftOn !== undefined;
  const personIds = originChanged ? await attachedPersonIds(trx, id) : [];
  if (originChanged) {
    const district = input.district !== undefined ? input.district : row.requester_district;
    const familyLeftOn = input.familyLeftOn !== undefined ? (input.familyLeftOn ?? null) : row.family_left_on;
    const attributes = originAttributes({ district, homeCountry: row.home_country, familyLeftOn });
    for (const personId of personIds) await recordAttributes(trx, personId, actor.userId, attributes);
  }
  await recordAudit(
    trx,
    auditActor(actor),
    { action: 'tracing_request.update', targetType: 'tracing_request', targetIds: [id, ...personIds], details: { fields: Object.keys(patch).sort().join(',') } },
    requestId,
  );
  return readTracingRequest(trx, actor, id, requestId);
}

/** The relative consents to tracing (again): the request's people take part in matching from now on. */
export async function recordConsent(trx: Trx, actor: Actor, id: string, requestId: string) {
  const row = await requireRequest(trx, actor, 'tracing_request.update', id);
  if (row.status === 'closed') throw new AppError('conflict', `Tracing request ${row.reference} is closed; open a new request to trace again.`);
  if (consentStateOf(row) === 'given') throw new AppError('conflict', 'Consent for tracing is already recorded for this request.');
  await updateRequest(trx, id, { consent_tracing: true, consent_recorded_by: actor.userId, consent_recorded_at: new Date(), consent_withdrawn_at: null, consent_withdrawal_reason: null });
  await setMatchingConsent(trx, id, true);
  await personChanged(trx, await attachedPersonIds(trx, id));
  const personIds = await attachedPersonIds(trx, id);
  await recordAudit(trx, auditActor(actor), { action: 'tracing_request.record_consent', targetType: 'tracing_request', targetIds: [id, ...personIds] }, requestId);
  return readTracingRequest(trx, actor, id, requestId);
}

/**
 * The relative withdraws consent: from this transaction on, none of the request's people takes part in
 * matching, and the suggestions still open for them are withdrawn. Possible at any time, even when closed.
 */
export async function withdrawConsent(trx: Trx, actor: Actor, id: string, reason: string | null, requestId: string) {
  const row = await requireRequest(trx, actor, 'tracing_request.update', id);
  if (consentStateOf(row) !== 'given') throw new AppError('conflict', 'There is no consent to withdraw: the relative has not consented to tracing.');
  await updateRequest(trx, id, { consent_withdrawn_at: new Date(), consent_withdrawal_reason: reason });
  await setMatchingConsent(trx, id, false);
  await personChanged(trx, await attachedPersonIds(trx, id));
  const personIds = await attachedPersonIds(trx, id);
  const withdrawn = await supersedeOpenSuggestions(trx, personIds, actor.userId);
  await recordAudit(
    trx,
    auditActor(actor),
    { action: 'tracing_request.withdraw_consent', targetType: 'tracing_request', targetIds: [id, ...personIds], details: { suggestionsWithdrawn: withdrawn } },
    requestId,
  );
  return readTracingRequest(trx, actor, id, requestId);
}

/** Close a request (found and reunited, or the family stops looking), with the reason. */
export async function closeTracingRequest(trx: Trx, actor: Actor, id: string, reason: string, requestId: string) {
  const row = await requireRequest(trx, actor, 'tracing_request.close', id);
  if (row.status === 'closed') throw new AppError('conflict', `Tracing request ${row.reference} is already closed.`);
  await updateRequest(trx, id, { status: 'closed', closed_at: new Date(), closed_by: actor.userId, closed_reason: reason });
  const personIds = await attachedPersonIds(trx, id);
  await recordAudit(trx, auditActor(actor), { action: 'tracing_request.close', targetType: 'tracing_request', targetIds: [id, ...personIds] }, requestId);
  return readTracingRequest(trx, actor, id, requestId);
}
