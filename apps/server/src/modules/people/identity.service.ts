import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import {
  datePrecision,
  querySearchTerms,
  querySearchText,
  type BirthInput,
  type BirthView,
  type NameInput,
  type NameView,
  type PersonRecord,
  type RegisterPersonRequest,
  type RelationshipKind,
} from '@homeward/domain';
import type { Database } from '../../db/schema';
import { auditActor, requireCategory, requireScope } from '../../lib/access';
import { recordAudit } from '../../lib/audit';
import { recordReadAudit } from '../../lib/read-audit';
import type { Actor } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { openCase } from '../cases/cases.service';
import { personChanged } from '../matching/matching.runner';
import {
  birthsOf,
  insertName,
  nameSimilarity,
  namesOf,
  recordBirth,
  refreshDisplayName,
  peopleNamedLike,
  supersedeName,
} from './identity.repository';
import { personInScope } from './people.policy';
import { findPersonInScope, insertPerson } from './people.repository';

type Trx = Transaction<Database>;

/** Identity facts (names, birth, relationships) are the identity category: reading or changing them needs it. */

type NameRow = Awaited<ReturnType<typeof namesOf>>[number];
type BirthRow = Awaited<ReturnType<typeof birthsOf>>[number];

export function presentName(n: NameRow): NameView {
  return {
    id: n.id,
    given: n.given,
    father: n.father,
    grandfather: n.grandfather,
    family: n.family,
    full: n.full,
    script: n.script as NameView['script'],
    kind: n.kind as NameView['kind'],
    source: n.source,
    confidence: n.confidence,
    recordedAt: n.recorded_at.toISOString(),
    recordedBy: n.recorded_by,
    supersededAt: n.superseded_at?.toISOString() ?? null,
  };
}

export function presentBirth(b: BirthRow): BirthView {
  return {
    id: b.id,
    date: b.date,
    precision: b.date ? datePrecision(b.date) : null,
    estimatedAge: b.estimated_age_years != null && b.estimated_on ? { years: Number(b.estimated_age_years), on: b.estimated_on, method: b.estimate_method ?? 'other' } : null,
    place: b.place,
    country: b.country,
    source: b.source,
    confidence: b.confidence,
    recordedAt: b.recorded_at.toISOString(),
    supersededAt: b.superseded_at?.toISOString() ?? null,
  };
}

/** Register a person with every name they are known by, what is known of their birth, and optionally a case. */
export async function registerPerson(trx: Trx, actor: Actor, missionId: string, input: RegisterPersonRequest, requestId: string) {
  requireScope(actor, 'person.create');
  requireCategory(actor, 'identity', 'write');
  const id = randomUUID();
  await insertPerson(trx, { id, missionId: actor.missionId ?? missionId, teamId: input.teamId ?? actor.teamId, sex: input.sex, createdBy: actor.userId });
  await trx.updateTable('people').set({ vital_status: input.vitalStatus }).where('id', '=', id).execute();
  await trx.insertInto('person_assignments').values({ person_id: id, user_id: actor.userId }).execute();
  for (const name of input.names) await insertName(trx, id, name, actor.userId);
  if (input.birth) await recordBirth(trx, id, input.birth, actor.userId);
  await refreshDisplayName(trx, id);
  await personChanged(trx, [id]);
  await recordAudit(trx, auditActor(actor), { action: 'person.register', targetType: 'person', targetIds: [id], details: { names: input.names.length } }, requestId);
  const caseId = input.case ? (await openCase(trx, actor, { personId: id, ...input.case }, requestId)).id : null;
  return { id, caseId };
}

/** The registry view of one person: current names, birth, relationships, families and open case. */
export async function personRecord(trx: Trx, actor: Actor, id: string, requestId: string): Promise<PersonRecord> {
  const row = await findPersonInScope(trx, actor, requireScope(actor, 'person.read'), id);
  if (!row) throw notFound('person');
  requireCategory(actor, 'identity', 'read');
  await recordReadAudit(trx, auditActor(actor), { action: 'person.read', targetType: 'person', targetIds: [id] }, requestId);
  const [names, births, rels, families, openCase, claims, photos] = await Promise.all([
    namesOf(trx, [id]),
    birthsOf(trx, [id]),
    trx
      .selectFrom('relationships')
      .innerJoin('people', 'people.id', 'relationships.related_person_id')
      .select([
        'relationships.id',
        'relationships.related_person_id',
        'relationships.kind',
        'relationships.evidence_level',
        'relationships.source',
        'relationships.recorded_at',
        'people.display_name',
        'people.sex',
        sql<string | null>`(SELECT c.id FROM cases c WHERE c.person_id = people.id AND c.closed_at IS NULL LIMIT 1)`.as('open_case_id'),
      ])
      .where('relationships.person_id', '=', id)
      .where('relationships.superseded_at', 'is', null)
      .orderBy('relationships.id')
      .execute(),
    trx.selectFrom('family_members').select('family_id').where('person_id', '=', id).execute(),
    trx.selectFrom('cases').select('id').where('person_id', '=', id).where('closed_at', 'is', null).executeTakeFirst(),
    trx.selectFrom('person_nationality_claims').selectAll().where('person_id', '=', id).where('superseded_at', 'is', null).orderBy('id').execute(),
    trx
      .selectFrom('person_photos')
      .select((eb) => ['id', 'content_type', 'source', 'taken_on', 'recorded_at', eb.fn('octet_length', ['bytes']).as('size')])
      .where('person_id', '=', id)
      .where('superseded_at', 'is', null)
      .orderBy('recorded_at', 'desc')
      .execute(),
  ]);
  return {
    id,
    displayName: row.display_name,
    sex: row.sex as PersonRecord['sex'],
    vitalStatus: row.vital_status,
    names: names.map(presentName),
    birth: births[0] ? presentBirth(births[0]) : null,
    relationships: rels.map((r) => ({
      id: r.id,
      relatedPersonId: r.related_person_id,
      relatedDisplayName: r.display_name,
      relatedSex: r.sex as 'F' | 'M' | 'U',
      relatedOpenCaseId: r.open_case_id,
      kind: r.kind as RelationshipKind,
      evidenceLevel: r.evidence_level as PersonRecord['relationships'][number]['evidenceLevel'],
      source: r.source,
      recordedAt: r.recorded_at.toISOString(),
    })),
    familyIds: families.map((f) => f.family_id),
    openCaseId: openCase?.id ?? null,
    nationalityClaims: claims.map((c) => ({ id: c.id, country: c.country, basis: c.basis, source: c.source, recordedAt: c.recorded_at.toISOString() })),
    photos: photos.map((p) => ({
      id: p.id,
      contentType: p.content_type,
      bytes: Number(p.size),
      source: p.source,
      takenOn: p.taken_on,
      recordedAt: p.recorded_at.toISOString(),
    })),
  };
}

/** Every version of every identity fact, and the identity decisions: what "editing shows history" displays. */
export async function identityHistory(trx: Trx, actor: Actor, id: string, requestId: string) {
  const row = await findPersonInScope(trx, actor, requireScope(actor, 'person.read'), id);
  if (!row) throw notFound('person');
  requireCategory(actor, 'identity', 'read');
  await recordReadAudit(trx, auditActor(actor), { action: 'person.read_history', targetType: 'person', targetIds: [id] }, requestId);
  const [names, births, decisions] = await Promise.all([
    namesOf(trx, [id], true),
    birthsOf(trx, [id], true),
    trx.selectFrom('identity_decisions').selectAll().where('person_id', '=', id).orderBy('decided_at', 'desc').execute(),
  ]);
  return {
    names: names.map(presentName),
    births: births.map(presentBirth).reverse(),
    decisions: decisions.map((d) => ({
      id: d.id,
      confirmedNameId: d.confirmed_name_id,
      confirmedBirthId: d.confirmed_birth_id,
      motherId: d.mother_id,
      fatherId: d.father_id,
      evidence: d.evidence,
      note: d.note,
      decidedBy: d.decided_by,
      decidedAt: d.decided_at.toISOString(),
    })),
  };
}

async function requireWritablePerson(trx: Trx, actor: Actor, id: string) {
  const row = await findPersonInScope(trx, actor, requireScope(actor, 'person.update'), id);
  if (!row) throw notFound('person');
  requireCategory(actor, 'identity', 'write');
  return row;
}

export async function addName(trx: Trx, actor: Actor, id: string, name: NameInput, requestId: string) {
  await requireWritablePerson(trx, actor, id);
  const nameId = await insertName(trx, id, name, actor.userId);
  await refreshDisplayName(trx, id);
  await personChanged(trx, [id]);
  await recordAudit(trx, auditActor(actor), { action: 'person.add_name', targetType: 'person', targetIds: [id, nameId] }, requestId);
  return nameId;
}

/** Correct a name: the old version is kept, marked superseded by the new one. */
export async function correctName(trx: Trx, actor: Actor, id: string, nameId: string, name: NameInput, requestId: string) {
  await requireWritablePerson(trx, actor, id);
  const newId = await insertName(trx, id, name, actor.userId);
  if (!(await supersedeName(trx, id, nameId, newId))) throw notFound('current name');
  await refreshDisplayName(trx, id);
  await personChanged(trx, [id]);
  await recordAudit(trx, auditActor(actor), { action: 'person.correct_name', targetType: 'person', targetIds: [id, nameId, newId] }, requestId);
  return newId;
}

export async function setBirth(trx: Trx, actor: Actor, id: string, birth: BirthInput, requestId: string) {
  await requireWritablePerson(trx, actor, id);
  const birthId = await recordBirth(trx, id, birth, actor.userId);
  await personChanged(trx, [id]);
  await recordAudit(trx, auditActor(actor), { action: 'person.record_birth', targetType: 'person', targetIds: [id, birthId] }, requestId);
  return birthId;
}

const RECIPROCAL: Record<RelationshipKind, RelationshipKind | 'parent'> = {
  mother: 'child',
  father: 'child',
  child: 'parent',
  sibling: 'sibling',
  half_sibling: 'half_sibling',
  grandparent: 'grandchild',
  grandchild: 'grandparent',
  aunt_uncle: 'niece_nephew',
  niece_nephew: 'aunt_uncle',
  cousin: 'cousin',
  spouse: 'spouse',
  guardian: 'ward',
  ward: 'guardian',
};

async function upsertRelationship(
  trx: Trx,
  row: { person_id: string; related_person_id: string; kind: RelationshipKind; evidence_level: string; source: string; note: string | null; recorded_by: string },
) {
  await trx
    .updateTable('relationships')
    .set({ superseded_at: new Date() })
    .where('person_id', '=', row.person_id)
    .where('related_person_id', '=', row.related_person_id)
    .where('superseded_at', 'is', null)
    .execute();
  await trx.insertInto('relationships').values(row).execute();
}

/**
 * Link two people: "related person is this person's `kind`", with its evidence level. The reciprocal link
 * is recorded too (mother ↔ child). A new level for the same pair supersedes the previous one (history kept).
 */
export async function linkPeople(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { relatedPersonId: string; kind: RelationshipKind; evidenceLevel: string; source: string; note: string | null },
  requestId: string,
) {
  const person = await requireWritablePerson(trx, actor, id);
  if (input.relatedPersonId === id) throw new AppError('validation_failed', 'A person cannot be related to themselves.');
  const related = await findPersonInScope(trx, actor, requireScope(actor, 'person.read'), input.relatedPersonId);
  if (!related) throw notFound('related person');
  if ((input.kind === 'mother' && related.sex === 'M') || (input.kind === 'father' && related.sex === 'F')) {
    throw new AppError('validation_failed', `The related person's recorded sex does not fit "${input.kind}".`);
  }
  const base = { evidence_level: input.evidenceLevel, source: input.source, note: input.note, recorded_by: actor.userId };
  await upsertRelationship(trx, { ...base, person_id: id, related_person_id: input.relatedPersonId, kind: input.kind });
  const back = RECIPROCAL[input.kind];
  const backKind: RelationshipKind | null = back === 'parent' ? (person.sex === 'F' ? 'mother' : person.sex === 'M' ? 'father' : null) : back;
  if (backKind) await upsertRelationship(trx, { ...base, person_id: input.relatedPersonId, related_person_id: id, kind: backKind });
  // A mother or father is part of the child's record for matching.
  await personChanged(trx, [id, input.relatedPersonId]);
  await recordAudit(
    trx,
    auditActor(actor),
    { action: 'person.link', targetType: 'person', targetIds: [id, input.relatedPersonId], details: { kind: input.kind, evidence: input.evidenceLevel } },
    requestId,
  );
}

/** A supervisor's recorded decision on who a person is, citing the evidence. */
export async function decideIdentity(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { confirmedNameId?: string | null; confirmedBirthId?: string | null; motherId?: string | null; fatherId?: string | null; evidence: string[]; note: string | null },
  requestId: string,
) {
  const row = await findPersonInScope(trx, actor, requireScope(actor, 'person.decide_identity'), id);
  if (!row) throw notFound('person');
  if (input.confirmedNameId) {
    const n = await trx.selectFrom('person_names').select('id').where('id', '=', input.confirmedNameId).where('person_id', '=', id).executeTakeFirst();
    if (!n) throw new AppError('validation_failed', 'The confirmed name is not one of this person’s names.');
  }
  if (input.confirmedBirthId) {
    const b = await trx.selectFrom('person_births').select('id').where('id', '=', input.confirmedBirthId).where('person_id', '=', id).executeTakeFirst();
    if (!b) throw new AppError('validation_failed', 'The confirmed birth is not one of this person’s birth records.');
  }
  for (const parent of [input.motherId, input.fatherId]) {
    if (parent && !(await findPersonInScope(trx, actor, requireScope(actor, 'person.read'), parent))) throw notFound('parent');
  }
  const decisionId = randomUUID();
  await trx
    .insertInto('identity_decisions')
    .values({
      id: decisionId,
      person_id: id,
      confirmed_name_id: input.confirmedNameId ?? null,
      confirmed_birth_id: input.confirmedBirthId ?? null,
      mother_id: input.motherId ?? null,
      father_id: input.fatherId ?? null,
      evidence: input.evidence,
      note: input.note,
      decided_by: actor.userId,
    })
    .execute();
  if (input.confirmedNameId) {
    await trx.updateTable('person_names').set({ confidence: 'high' }).where('id', '=', input.confirmedNameId).execute();
  }
  await recordAudit(trx, auditActor(actor), { action: 'person.decide_identity', targetType: 'person', targetIds: [id, decisionId] }, requestId);
  return decisionId;
}

/**
 * Search before create, and the name search of the registry: trigram similarity on every current name read
 * into Latin (any script, any diacritics, typos), limited to the people the actor may list.
 */
export async function searchPeople(trx: Trx, actor: Actor, q: string, limit: number, requestId: string) {
  const scope = requireScope(actor, 'person.list');
  requireCategory(actor, 'identity', 'read');
  const query = querySearchText(q);
  if (!query) return [];
  const terms = querySearchTerms(q);
  const rows = await trx
    .selectFrom('person_names')
    .innerJoin('people', 'people.id', 'person_names.person_id')
    .leftJoin('cases', (join) => join.onRef('cases.person_id', '=', 'people.id').on('cases.closed_at', 'is', null))
    .select((eb) => [
      'people.id',
      'people.display_name',
      'people.sex',
      'people.birth_year_min',
      'people.birth_year_max',
      'cases.id as case_id',
      'person_names.search_text',
      nameSimilarity(query).as('similarity'),
      eb.ref('person_names.given').as('given'),
      eb.ref('person_names.family').as('family'),
      eb.ref('person_names.full').as('full'),
      eb.ref('person_names.father').as('father'),
    ])
    .where('person_names.superseded_at', 'is', null)
    .where(peopleNamedLike(terms))
    .where(personInScope(actor, scope))
    .orderBy('similarity', 'desc')
    .limit(limit * 4)
    .execute();
  const seen = new Set<string>();
  const candidates = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    candidates.push({
      id: r.id,
      displayName: r.display_name,
      sex: r.sex as 'F' | 'M' | 'U',
      matchedName: r.full ?? [r.given, r.father, r.family].filter(Boolean).join(' '),
      similarity: Math.round(Number(r.similarity) * 1000) / 1000,
      birthYears: r.birth_year_min != null && r.birth_year_max != null ? { min: r.birth_year_min, max: r.birth_year_max } : null,
      openCaseId: r.case_id,
    });
    if (candidates.length >= limit) break;
  }
  await recordReadAudit(trx, auditActor(actor), { action: 'person.search', targetType: 'person', targetIds: candidates.map((c) => c.id) }, requestId);
  return candidates;
}
