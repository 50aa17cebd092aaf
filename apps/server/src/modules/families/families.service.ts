import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { RelationshipKind } from '@homeward/domain';
import type { Database } from '../../db/schema';
import { auditActor, requireCategory, requireScope } from '../../lib/access';
import { recordAudit } from '../../lib/audit';
import { recordReadAudit } from '../../lib/read-audit';
import type { Actor } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { personInScope } from '../people/people.policy';
import { findPersonInScope } from '../people/people.repository';

type Trx = Transaction<Database>;

async function requireMembers(trx: Trx, actor: Actor, ids: readonly string[]) {
  const scope = requireScope(actor, 'person.update');
  for (const id of ids) if (!(await findPersonInScope(trx, actor, scope, id))) throw notFound('person');
}

/** Group people into a family (a household): the unit cases are linked to and the family chart draws. */
export async function createFamily(trx: Trx, actor: Actor, missionId: string, input: { label: string; memberIds: string[] }, requestId: string) {
  await requireMembers(trx, actor, input.memberIds);
  const id = randomUUID();
  await trx.insertInto('families').values({ id, mission_id: actor.missionId ?? missionId, label: input.label, created_by: actor.userId }).execute();
  if (input.memberIds.length) {
    await trx.insertInto('family_members').values([...new Set(input.memberIds)].map((person_id) => ({ family_id: id, person_id }))).execute();
  }
  await recordAudit(trx, auditActor(actor), { action: 'family.create', targetType: 'family', targetIds: [id, ...input.memberIds] }, requestId);
  return id;
}

async function requireFamily(trx: Trx, actor: Actor, id: string) {
  const family = await trx.selectFrom('families').selectAll().where('id', '=', id).executeTakeFirst();
  if (!family) throw notFound('family');
  // A family is visible when at least one of its members is within the actor's scope.
  const scope = requireScope(actor, 'person.read');
  const visible = await trx
    .selectFrom('family_members')
    .innerJoin('people', 'people.id', 'family_members.person_id')
    .select('people.id')
    .where('family_members.family_id', '=', id)
    .where(personInScope(actor, scope))
    .execute();
  if (visible.length === 0 && family.created_by !== actor.userId) throw notFound('family');
  return { family, visibleIds: visible.map((v) => v.id) };
}

export async function addFamilyMember(trx: Trx, actor: Actor, id: string, personId: string, requestId: string) {
  await requireFamily(trx, actor, id);
  await requireMembers(trx, actor, [personId]);
  await trx.insertInto('family_members').values({ family_id: id, person_id: personId }).onConflict((oc) => oc.doNothing()).execute();
  await recordAudit(trx, auditActor(actor), { action: 'family.add_member', targetType: 'family', targetIds: [id, personId] }, requestId);
}

/** The family as its chart needs it: the members the actor may see and the relationships among them. */
export async function familyView(trx: Trx, actor: Actor, id: string, requestId: string) {
  const { family, visibleIds } = await requireFamily(trx, actor, id);
  requireCategory(actor, 'identity', 'read');
  const members = visibleIds.length
    ? await trx.selectFrom('people').select(['id', 'display_name', 'sex', 'birth_year_min', 'birth_year_max']).where('id', 'in', visibleIds).orderBy('birth_year_min').execute()
    : [];
  const links = visibleIds.length
    ? await trx
        .selectFrom('relationships')
        .select(['person_id', 'related_person_id', 'kind', 'evidence_level'])
        .where('person_id', 'in', visibleIds)
        .where('related_person_id', 'in', visibleIds)
        .where('superseded_at', 'is', null)
        .execute()
    : [];
  await recordReadAudit(trx, auditActor(actor), { action: 'family.read', targetType: 'family', targetIds: [id, ...visibleIds] }, requestId);
  return {
    id,
    label: family.label,
    members: members.map((m) => ({
      id: m.id,
      displayName: m.display_name,
      sex: m.sex as 'F' | 'M' | 'U',
      birthYears: m.birth_year_min != null && m.birth_year_max != null ? { min: m.birth_year_min, max: m.birth_year_max } : null,
    })),
    links: links.map((l) => ({
      from: l.person_id,
      to: l.related_person_id,
      kind: l.kind as RelationshipKind,
      evidenceLevel: l.evidence_level as 'claimed' | 'documented' | 'dna_supported' | 'confirmed',
    })),
  };
}
