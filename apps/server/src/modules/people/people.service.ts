import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  readableCategoriesForRoles,
  writableCategoriesForRoles,
  type AttributeInput,
  type CreatePersonRequest,
  type FieldCategory,
  type PersonView,
} from '@homeward/domain';
import type { Database } from '../../db/schema';
import { auditActor, requireScope } from '../../lib/access';
import { recordAudit } from '../../lib/audit';
import { recordReadAudit } from '../../lib/read-audit';
import type { Actor } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { insertOfficerAssigned } from '../cases/cases.repository';
import { queueMatching } from '../matching/matching.repository';
import { findUserById } from '../users/users.repository';
import {
  currentAttributes,
  findPersonInScope,
  insertPerson,
  listPeopleInScope,
  recordAttributes,
} from './people.repository';

type Trx = Transaction<Database>;
type PersonRow = { id: string; team_id: string | null; sex: string; created_at: Date };


/** Present people with only the field categories the actor may read (others absent, not blanked). */
async function present(trx: Trx, actor: Actor, rows: readonly PersonRow[]): Promise<PersonView[]> {
  const readable = readableCategoriesForRoles(actor.roles);
  const attrs = await currentAttributes(trx, rows.map((r) => r.id), readable);
  return rows.map((row) => {
    const fields: PersonView['fields'] = {};
    for (const category of readable) fields[category] = {};
    for (const a of attrs) {
      if (a.person_id !== row.id) continue;
      const bucket = fields[a.category as FieldCategory];
      if (bucket) bucket[a.key] = { value: a.value, source: a.source, recordedAt: a.recorded_at.toISOString() };
    }
    return {
      id: row.id,
      teamId: row.team_id,
      createdAt: row.created_at.toISOString(),
      ...(readable.includes('identity') ? { sex: row.sex as 'F' | 'M' | 'U' } : {}),
      fields,
    };
  });
}

function requireWritable(actor: Actor, attributes: readonly AttributeInput[]) {
  const writable = writableCategoriesForRoles(actor.roles);
  const refused = [...new Set(attributes.map((a) => a.category).filter((c) => !writable.includes(c)))];
  if (refused.length > 0) {
    throw new AppError('forbidden', `Your role may not record ${refused.join(', ')} details.`, { categories: refused });
  }
}

export async function listPeople(trx: Trx, actor: Actor, page: { after?: string; limit: number }, requestId: string) {
  const scope = requireScope(actor, 'person.list');
  const rows = await listPeopleInScope(trx, actor, scope, page);
  const people = await present(trx, actor, rows);
  await recordReadAudit(trx, auditActor(actor), { action: 'person.list', targetType: 'person', targetIds: rows.map((r) => r.id) }, requestId);
  return { people, nextAfter: rows.length === page.limit ? (rows.at(-1)?.id ?? null) : null };
}

/** Read one person; outside the actor's scope it answers 404 exactly as a record that does not exist. */
export async function readPerson(trx: Trx, actor: Actor, id: string, requestId: string): Promise<PersonView> {
  const row = await findPersonInScope(trx, actor, requireScope(actor, 'person.read'), id);
  if (!row) throw notFound('person');
  await recordReadAudit(trx, auditActor(actor), { action: 'person.read', targetType: 'person', targetIds: [id] }, requestId);
  const [view] = await present(trx, actor, [row]);
  return view!;
}

export async function createPerson(trx: Trx, actor: Actor, missionId: string, input: CreatePersonRequest, requestId: string) {
  requireScope(actor, 'person.create');
  requireWritable(actor, input.attributes);
  const id = randomUUID();
  await insertPerson(trx, { id, missionId: actor.missionId ?? missionId, teamId: input.teamId ?? actor.teamId, sex: input.sex, createdBy: actor.userId });
  await trx.insertInto('person_assignments').values({ person_id: id, user_id: actor.userId }).execute();
  await recordAttributes(trx, id, actor.userId, input.attributes);
  await queueMatching(trx, [id]);
  await recordAudit(
    trx,
    auditActor(actor),
    { action: 'person.create', targetType: 'person', targetIds: [id], details: { categories: [...new Set(input.attributes.map((a) => a.category))].join(',') } },
    requestId,
  );
  const row = await trx.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const [view] = await present(trx, actor, [row]);
  return view!;
}

export async function updatePerson(trx: Trx, actor: Actor, id: string, attributes: readonly AttributeInput[], requestId: string) {
  const row = await findPersonInScope(trx, actor, requireScope(actor, 'person.update'), id);
  if (!row) throw notFound('person');
  requireWritable(actor, attributes);
  await recordAttributes(trx, id, actor.userId, attributes);
  // Origin and departure (identity attributes) are compared by the matching engine.
  if (attributes.some((a) => a.category === 'identity')) await queueMatching(trx, [id]);
  await recordAudit(
    trx,
    auditActor(actor),
    { action: 'person.update', targetType: 'person', targetIds: [id], details: { categories: [...new Set(attributes.map((a) => a.category))].join(',') } },
    requestId,
  );
  const [view] = await present(trx, actor, [row]);
  return view!;
}

export async function assignPerson(trx: Trx, actor: Actor, id: string, userId: string, requestId: string) {
  const row = await findPersonInScope(trx, actor, requireScope(actor, 'person.update'), id);
  if (!row) throw notFound('person');
  if (!(await findUserById(trx, userId))) throw new AppError('validation_failed', 'No such user.', [{ path: 'userId', message: 'No such user.' }]);
  const added = await trx.insertInto('person_assignments').values({ person_id: id, user_id: userId }).onConflict((oc) => oc.doNothing()).returning('user_id').executeTakeFirst();
  if (added) await insertOfficerAssigned(trx, actor.userId, id, userId);
  await recordAudit(trx, auditActor(actor), { action: 'person.assign', targetType: 'person', targetIds: [id, userId] }, requestId);
}

/** Share a person's record with a partner organisation (ICRC family links, or handover to an agency at home). */
export async function sharePerson(trx: Trx, actor: Actor, id: string, share: { organisation: string; kind: 'family_links' | 'handover' }, requestId: string) {
  const row = await findPersonInScope(trx, actor, requireScope(actor, 'person.share'), id);
  if (!row) throw notFound('person');
  await trx
    .insertInto('person_shares')
    .values({ person_id: id, organisation: share.organisation, kind: share.kind, shared_by: actor.userId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await recordAudit(trx, auditActor(actor), { action: 'person.share', targetType: 'person', targetIds: [id], details: { kind: share.kind } }, requestId);
}
