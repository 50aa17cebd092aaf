import type { Transaction } from 'kysely';
import {
  EVIDENCE_LEVELS,
  querySearchText,
  type MatchCandidate,
  type MatchCandidatesRequest,
  type MatchDecisionResponse,
  type MatchQueueQuery,
  type MatchQueueResponse,
  type MatchSide,
  type MatchSuggestion,
  type RelationshipKind,
} from '@homeward/domain';
import { nameKey, parsePatronymic, readName } from '@homeward/domain/names';
import type { PersonRecord as EngineRecord } from '@homeward/domain/person-record';
import type { Database } from '../../db/schema';
import { auditActor, requireCategory, requireScope } from '../../lib/access';
import { recordAudit } from '../../lib/audit';
import { recordReadAudit } from '../../lib/read-audit';
import type { Actor } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { addTask, openCase } from '../cases/cases.service';
import { linkPeople, presentBirth } from '../people/identity.service';
import { birthsOf, namesOf } from '../people/identity.repository';
import { personInScope } from '../people/people.policy';
import { explainPair, featuresOf, findCandidateIds, loadIndexedRecords, loadMatchModel, loadMatchRecords, scorerFor, type PairExplanation } from './matching.engine';
import {
  candidatesByNameSearch,
  countQueued,
  findSuggestion,
  fingerprintsOf,
  matchPeopleRows,
  openSuggestionsOf,
  queuePage,
  reviewSuggestion,
  supersedeSuggestions,
} from './matching.repository';
import * as context from './matching-context.repository';
import { markRequestsFound, setFoundPerson } from '../tracing/tracing.repository';

/**
 * The review of match suggestions: the queue, one pair side by side with the reasons, and the decisions.
 * Confirming a tracing pair marks the sought person found, links the found person into the request's family
 * and to the relatives the request names, and gives the family liaison a task; confirming a duplicate only
 * records it (a supervisor merges records later, by hand). Every read of the two records is audited.
 */

type Trx = Transaction<Database>;

function requireMissionScope(actor: Actor, permission: 'matching.review' | 'matching.confirm'): string {
  requireScope(actor, permission);
  requireCategory(actor, 'identity', 'read');
  if (!actor.missionId) throw new AppError('forbidden', 'Your account belongs to no mission.');
  return actor.missionId;
}

const encodeCursor = (probability: number, id: string) => Buffer.from(JSON.stringify([probability, id])).toString('base64url');

function decodeCursor(after: string | undefined): { probability: number; id: string } | null {
  if (!after) return null;
  try {
    const [probability, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof probability === 'number' && typeof id === 'string') return { probability, id };
  } catch {
    // fall through
  }
  throw new AppError('validation_failed', 'The page cursor is not valid; start again from the first page.');
}

/** The queue of suggestions (open ones by default), best first; reading it shows names, so it is audited. */
export async function listSuggestions(trx: Trx, actor: Actor, query: MatchQueueQuery, requestId: string): Promise<MatchQueueResponse> {
  const missionId = requireMissionScope(actor, 'matching.review');
  const statuses = query.status === 'open' ? ['proposed', 'unsure'] : [query.status];
  const rows = await queuePage(trx, { missionId, kind: query.kind, statuses, band: query.band, after: decodeCursor(query.after), limit: query.limit });
  const people = [...new Set(rows.flatMap((r) => [r.person_a, r.person_b]))];
  await recordReadAudit(trx, auditActor(actor), { action: 'match.list', targetType: 'person', targetIds: people }, requestId);
  const last = rows.at(-1);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      band: r.band,
      probability: r.probability,
      a: { id: r.person_a, displayName: r.a_name, isSought: r.a_sought },
      b: { id: r.person_b, displayName: r.b_name, isSought: r.b_sought },
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    })),
    nextAfter: rows.length === query.limit && last ? encodeCursor(last.probability, last.id) : null,
    pendingPeople: await countQueued(trx),
  };
}

const PART_ROLES = ['given', 'father', 'grandfather', 'family', 'full'] as const;

/** Each name as written, with the Latin reading and the phonetic key the engine compares. */
function presentNames(rows: Awaited<ReturnType<typeof namesOf>>): MatchSide['names'] {
  return rows.map((n) => ({
    id: n.id,
    text: (n.full ?? [n.given, n.father, n.grandfather, n.family].filter(Boolean).join(' ')).trim(),
    script: n.script as 'Latn' | 'Cyrl' | 'Arab',
    kind: n.kind,
    source: n.source,
    parts: PART_ROLES.flatMap((role) => {
      const text = n[role];
      if (!text) return [];
      const script = n.script as 'Latn' | 'Cyrl' | 'Arab';
      const reading = readName(text, script, role === 'family').reading;
      // As the engine reads it: a patronymic ("Rauf qızı") compares as the father's own name.
      const compared = role === 'father' ? (parsePatronymic(text)?.father ?? text) : text;
      const key = role === 'full' ? null : nameKey(compared, { script, role: role === 'family' ? 'family' : 'given' });
      return [{ role, text, reading, key: key ? (key.canon ?? key.fold) : reading }];
    }),
  }));
}

async function presentSide(trx: Trx, personId: string): Promise<MatchSide> {
  const [person] = await matchPeopleRows(trx, [personId]);
  if (!person) throw notFound('person');
  const [names, births, relatives, families, origin, request] = await Promise.all([
    namesOf(trx, [personId]),
    birthsOf(trx, [personId]),
    context.relativesOf(trx, personId),
    context.familiesOf(trx, personId),
    context.originOf(trx, personId),
    context.tracingRequestOf(trx, personId),
  ]);
  const originValue = origin?.value as { country?: string | null; district?: string | null } | null | undefined;
  return {
    id: person.id,
    isSought: person.is_sought,
    sex: person.sex as MatchSide['sex'],
    displayName: person.display_name,
    names: presentNames(names),
    birth: births[0] ? presentBirth(births[0]) : null,
    origin: originValue ? { country: originValue.country ?? null, district: originValue.district ?? null } : null,
    relatives: relatives.map((r) => ({
      personId: r.related_person_id,
      kind: r.kind as RelationshipKind,
      displayName: r.display_name,
      evidenceLevel: r.evidence_level as MatchSide['relatives'][number]['evidenceLevel'],
    })),
    families: families.map((f) => ({ id: f.id, label: f.label })),
    openCaseId: person.open_case_id,
    tracingRequest: request
      ? {
          id: request.id,
          reference: request.reference,
          status: request.status,
          requesterRelationship: request.requester_relationship,
          relationshipToRequester: request.relationship_to_requester,
          familyLeftOn: request.family_left_on,
          foundPersonId: request.found_person_id,
        }
      : null,
  };
}

async function suggestionInMission(trx: Trx, missionId: string, id: string, forUpdate = false) {
  const s = await findSuggestion(trx, id, forUpdate);
  if (!s || s.mission_id !== missionId) throw notFound('suggestion');
  return s;
}

/** One suggestion with both people side by side and the reasons, field by field (an audited read of both). */
export async function readSuggestion(trx: Trx, actor: Actor, id: string, requestId: string): Promise<MatchSuggestion> {
  const missionId = requireMissionScope(actor, 'matching.review');
  const s = await suggestionInMission(trx, missionId, id);
  const [a, b] = [await presentSide(trx, s.person_a), await presentSide(trx, s.person_b)];
  await recordReadAudit(trx, auditActor(actor), { action: 'match.read', targetType: 'person', targetIds: [s.person_a, s.person_b, s.id] }, requestId);
  const explanation = s.explanation as Partial<PairExplanation> | null;
  return {
    id: s.id,
    kind: s.kind,
    status: s.status,
    band: s.band,
    probability: s.probability,
    score: s.score,
    fields: explanation?.fields ?? [],
    modelVersion: explanation?.version ?? null,
    a,
    b,
    reviewedBy: s.reviewed_by,
    reviewedAt: s.reviewed_at?.toISOString() ?? null,
    reason: s.reason,
    createdAt: s.created_at.toISOString(),
    updatedAt: s.updated_at.toISOString(),
  };
}

async function openForDecision(trx: Trx, actor: Actor, id: string, permission: 'matching.review' | 'matching.confirm') {
  const missionId = requireMissionScope(actor, permission);
  const s = await suggestionInMission(trx, missionId, id, true);
  if (s.status !== 'proposed' && s.status !== 'unsure') throw new AppError('conflict', `This suggestion has already been ${s.status}.`);
  const prints = await fingerprintsOf(trx, [s.person_a, s.person_b]);
  return { s, evidenceA: prints.get(s.person_a) ?? s.evidence_a, evidenceB: prints.get(s.person_b) ?? s.evidence_b };
}

const NO_EFFECTS: MatchDecisionResponse['effects'] = {
  foundPersonId: null,
  soughtPersonId: null,
  tracingRequestId: null,
  tracingRequestStatus: null,
  familyId: null,
  caseId: null,
  taskId: null,
  relationships: 0,
  supersededSuggestions: 0,
};

/** "Not sure", with what the reviewer weighed: the pair stays in the queue for someone who knows more. */
export async function markUnsure(trx: Trx, actor: Actor, id: string, reason: string, requestId: string): Promise<MatchDecisionResponse> {
  const { s, evidenceA, evidenceB } = await openForDecision(trx, actor, id, 'matching.review');
  await reviewSuggestion(trx, id, { status: 'unsure', by: actor.userId, reason, evidenceA, evidenceB });
  await recordAudit(trx, auditActor(actor), { action: 'match.unsure', targetType: 'person', targetIds: [s.person_a, s.person_b, id] }, requestId);
  return { id, status: 'unsure', effects: NO_EFFECTS };
}

/** Not the same person: the pair is not proposed again unless one side's identity facts change. */
export async function rejectSuggestion(trx: Trx, actor: Actor, id: string, reason: string, requestId: string): Promise<MatchDecisionResponse> {
  const { s, evidenceA, evidenceB } = await openForDecision(trx, actor, id, 'matching.confirm');
  await reviewSuggestion(trx, id, { status: 'rejected', by: actor.userId, reason, evidenceA, evidenceB });
  await recordAudit(trx, auditActor(actor), { action: 'match.reject', targetType: 'person', targetIds: [s.person_a, s.person_b, id] }, requestId);
  return { id, status: 'rejected', effects: NO_EFFECTS };
}

const levelRank = (level: string) => EVIDENCE_LEVELS.indexOf(level as (typeof EVIDENCE_LEVELS)[number]);

/**
 * The same person. For a tracing pair: the sought person is found (and the request when all its people are),
 * the found person joins the request's family (created if there is none), is linked to the relatives the
 * sought record names at no lower evidence level than they had, and the family liaison gets a task on the
 * found person's case; other open suggestions for the sought person are superseded. A duplicate pair is only
 * recorded as confirmed: records are never merged automatically.
 */
export async function confirmSuggestion(trx: Trx, actor: Actor, id: string, reason: string | null, requestId: string): Promise<MatchDecisionResponse> {
  const { s, evidenceA, evidenceB } = await openForDecision(trx, actor, id, 'matching.confirm');
  await reviewSuggestion(trx, id, { status: 'confirmed', by: actor.userId, reason, evidenceA, evidenceB });
  let effects = NO_EFFECTS;
  if (s.kind === 'tracing') effects = await applyTracingMatch(trx, actor, s, reason, requestId);
  await recordAudit(
    trx,
    auditActor(actor),
    { action: 'match.confirm', targetType: 'person', targetIds: [s.person_a, s.person_b, id], details: { kind: s.kind } },
    requestId,
  );
  return { id, status: 'confirmed', effects };
}

async function applyTracingMatch(
  trx: Trx,
  actor: Actor,
  s: { id: string; person_a: string; person_b: string; probability: number },
  reason: string | null,
  requestId: string,
): Promise<MatchDecisionResponse['effects']> {
  const sides = await matchPeopleRows(trx, [s.person_a, s.person_b]);
  const sought = sides.find((p) => p.is_sought);
  const found = sides.find((p) => !p.is_sought);
  if (!sought || !found) throw new AppError('conflict', 'This tracing suggestion no longer pairs a sought person with a registry record.');
  const now = new Date();
  const requests = await context.requestsOfSought(trx, sought.id);
  let request: (typeof requests)[number] | null = requests[0] ?? null;
  // The same recording as the tracing module's: the found person on every request naming the sought one,
  // and a request whose every sought person (not the parents it describes) is found becomes found.
  await markRequestsFound(trx, await setFoundPerson(trx, sought.id, found.id, now));
  const requestStatus = request ? await context.requestStatus(trx, request.id) : null;

  // The family of the request: the found person joins it, with the relatives the sought record names.
  const relatives = (await context.relativesOf(trx, sought.id)).filter((r) => r.related_person_id !== found.id);
  let familyId = request?.family_id ?? null;
  if (request && !familyId) {
    familyId = await context.createFamily(trx, actor.missionId ?? '', `Tracing request ${request.reference}`, actor.userId);
    await context.setRequestFamily(trx, request.id, familyId);
    request = { ...request, family_id: familyId };
  }
  if (familyId) await context.addFamilyMembers(trx, familyId, [found.id, ...relatives.map((r) => r.related_person_id)]);

  // Relationships: what the sought record was to each relative, now for the found person, never lowered.
  const evidence = `Tracing match confirmed (suggestion ${s.id}${request ? `, request ${request.reference}` : ''})`;
  let linked = 0;
  const existing = new Map((await context.relativesOf(trx, found.id)).map((r) => [r.related_person_id, r]));
  for (const r of relatives) {
    const current = existing.get(r.related_person_id);
    const level = current && levelRank(current.evidence_level) > levelRank(r.evidence_level) ? current.evidence_level : r.evidence_level;
    if (current && current.kind === r.kind && current.evidence_level === level) continue;
    await linkPeople(
      trx,
      actor,
      found.id,
      {
        relatedPersonId: r.related_person_id,
        kind: r.kind as RelationshipKind,
        evidenceLevel: level,
        source: 'relative',
        note: reason ? `${evidence}; ${reason}` : evidence,
      },
      requestId,
    );
    linked += 1;
  }

  // The family liaison's task, on the found person's case (opened if there is none).
  let caseId = found.open_case_id;
  if (!caseId) {
    const adult = found.birth_year_max !== null && found.birth_year_max <= now.getUTCFullYear() - 18;
    caseId = (await openCase(trx, actor, { personId: found.id, kind: adult ? 'adult' : 'child', priority: 'high', flags: [], familyId }, requestId)).id;
  }
  const liaison = await context.liaisonFor(trx, actor.missionId ?? '', request?.created_by ?? null, sought.id);
  const taskId = await addTask(
    trx,
    actor,
    caseId,
    {
      title: request ? `Tracing request ${request.reference}: the sought person was found — tell the family and plan the next steps` : 'Tracing match confirmed — tell the family and plan the next steps',
      assigneeId: liaison,
      dueOn: new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10),
    },
    requestId,
  );

  // The sought person is found: other proposals for them are moot.
  const others = (await openSuggestionsOf(trx, sought.id, 'tracing')).filter((o) => o.id !== s.id).map((o) => o.id);
  const superseded = await supersedeSuggestions(trx, others);
  return {
    foundPersonId: found.id,
    soughtPersonId: sought.id,
    tracingRequestId: request?.id ?? null,
    tracingRequestStatus: requestStatus,
    familyId,
    caseId,
    taskId,
    relationships: linked,
    supersededSuggestions: superseded,
  };
}

/** The request's names and birth as an engine record (nothing is saved). */
function unsavedRecord(input: MatchCandidatesRequest): EngineRecord {
  const names = input.names.map((n) => Object.fromEntries(Object.entries(n).filter(([, v]) => v !== null && v !== undefined && v !== '')));
  const birth = input.birth
    ? Object.fromEntries(
        Object.entries({
          date: input.birth.date ?? null,
          estimated_age: input.birth.estimatedAge ? { years: input.birth.estimatedAge.years, on: input.birth.estimatedAge.on } : null,
          country: input.birth.country ?? null,
        }).filter(([, v]) => v !== null),
      )
    : undefined;
  return {
    id: 'unsaved',
    ...(input.sex && input.sex !== 'U' ? { sex: input.sex } : {}),
    names,
    ...(birth && Object.keys(birth).length > 0 ? { birth } : {}),
  } as EngineRecord;
}

/**
 * Search before create with the matching engine: candidates from the same SQL blocking (within the actor's
 * scope, people who consent to matching), scored pair by pair, best first. Weak candidates (some agreement,
 * below the review band) are shown too, so that a name being typed already finds its other spellings.
 */
export async function searchCandidates(trx: Trx, actor: Actor, input: MatchCandidatesRequest, requestId: string): Promise<MatchCandidate[]> {
  const scope = requireScope(actor, 'person.list');
  requireCategory(actor, 'identity', 'read');
  if (!actor.missionId) return [];
  const f = featuresOf(unsavedRecord(input));
  if (f.given.length + f.family.length + f.father.length === 0) return [];
  const model = await loadMatchModel(trx);
  const { scorer, total } = await scorerFor(trx, model, f);
  const filter = { missionId: actor.missionId, exclude: null, sought: null, scope: personInScope(actor, scope) };
  const typed = querySearchText(input.names.flatMap((n) => [n.given, n.father, n.family, n.full]).filter((p): p is string => !!p).join(' '));
  const ids = [...new Set([...(await findCandidateIds(trx, f, filter, total, 200)), ...(await candidatesByNameSearch(trx, typed, filter, 30))])];
  const records = await loadIndexedRecords(trx, ids);
  const fresh = ids.filter((id) => !records.has(id));
  for (const [id, r] of await loadMatchRecords(trx, fresh)) records.set(id, r);
  const rows = new Map((await matchPeopleRows(trx, ids)).map((r) => [r.id, r]));
  const scored: MatchCandidate[] = [];
  for (const [id, record] of records) {
    const row = rows.get(id);
    if (!row) continue;
    const { probability, weight, explanation } = explainPair(scorer, featuresOf(record), f);
    if (weight <= 0) continue;
    const written = [...new Set(record.names.map((n) => (n.full ?? [n.given, n.father, n.grandfather, n.family].filter(Boolean).join(' ')).trim()))];
    scored.push({
      id,
      displayName: row.display_name,
      otherNames: written.filter((n) => n && n !== row.display_name).slice(0, 3),
      sex: row.sex as MatchCandidate['sex'],
      isSought: row.is_sought,
      probability: Math.round(probability * 1000) / 1000,
      band: scorer.band(probability),
      why: explanation.fields.map((x) => ({ field: x.field, weight: x.weight })),
      birthYears: row.birth_year_min !== null && row.birth_year_max !== null ? { min: row.birth_year_min, max: row.birth_year_max } : null,
      openCaseId: row.open_case_id,
    });
  }
  scored.sort((x, y) => y.probability - x.probability || (x.id < y.id ? -1 : 1));
  const top = scored.slice(0, input.limit ?? 8);
  await recordReadAudit(trx, auditActor(actor), { action: 'person.search', targetType: 'person', targetIds: top.map((c) => c.id), details: { engine: 'matching' } }, requestId);
  return top;
}
