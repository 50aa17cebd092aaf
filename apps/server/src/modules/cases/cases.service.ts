import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  querySearchTerms,
  readableCategoriesForRoles,
  transitionOptions,
  transitionProblem,
  writableCategoriesForRoles,
  type CaseDetail,
  type CaseKind,
  type CaseListQuery,
  type CaseSummary,
  type FieldCategory,
} from '@homeward/domain';
import type { Database } from '../../db/schema';
import { auditActor, requireScope } from '../../lib/access';
import { recordAudit } from '../../lib/audit';
import { recordReadAudit } from '../../lib/read-audit';
import type { Actor } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { nextCursor } from '../../lib/keyset';

import { personInScope } from '../people/people.policy';
import { findPersonInScope } from '../people/people.repository';
import { findCaseInScope, insertCaseEvents, listCasesInScope, requirementFacts, type CaseEvent, type CaseRow } from './cases.repository';
import { caseTimeline } from './case-timeline';
import { loadWorkflow } from './workflows.repository';

type Trx = Transaction<Database>;
const DAY = 86_400_000;

/** A case as lists show it; identity and location details only for roles that may read them. */
export function presentCase(actor: Actor, row: CaseRow): CaseSummary {
  const readable = readableCategoriesForRoles(actor.roles);
  const identity = readable.includes('identity');
  return {
    id: row.id,
    reference: row.reference,
    personId: row.person_id,
    displayName: identity ? row.display_name : null,
    ...(identity
      ? {
          sex: row.sex as 'F' | 'M' | 'U',
          birthYears: row.birth_year_min != null && row.birth_year_max != null ? { min: row.birth_year_min, max: row.birth_year_max } : null,
        }
      : {}),
    kind: row.kind as CaseKind,
    stage: row.stage,
    stageEnteredAt: row.stage_entered_at.toISOString(),
    daysInStage: Math.floor((Date.now() - row.stage_entered_at.getTime()) / DAY),
    priority: row.priority as CaseSummary['priority'],
    flags: row.flags as CaseSummary['flags'],
    ...(readable.includes('location') ? { currentPlace: row.place_id && row.place_name ? { id: row.place_id, name: row.place_name } : null } : {}),
    openTasks: Number(row.open_tasks ?? 0),
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}

const newReference = () => `C-${new Date().getUTCFullYear()}-${randomBytes(4).toString('hex').toUpperCase().slice(0, 6)}`;

/** Open a case for a person: one open case per person, starting at the workflow's initial stage. */
export async function openCase(
  trx: Trx,
  actor: Actor,
  input: { personId: string; kind: CaseKind; priority: string; flags: string[]; familyId?: string | null },
  requestId: string,
) {
  requireScope(actor, 'case.create');
  const person = await findPersonInScope(trx, actor, requireScope(actor, 'person.read'), input.personId);
  if (!person) throw notFound('person');
  const existing = await trx.selectFrom('cases').select('reference').where('person_id', '=', input.personId).where('closed_at', 'is', null).executeTakeFirst();
  if (existing) throw new AppError('conflict', `This person already has an open case (${existing.reference}).`);
  const workflow = await loadWorkflow(trx, input.kind);
  const id = randomUUID();
  await trx
    .insertInto('cases')
    .values({
      id,
      reference: newReference(),
      person_id: input.personId,
      family_id: input.familyId ?? null,
      kind: input.kind,
      stage: workflow.initial,
      priority: input.priority,
      flags: input.flags,
      mission_id: person.mission_id,
      team_id: person.team_id,
      created_by: actor.userId,
    })
    .execute();
  await trx
    .insertInto('case_transitions')
    .values({ case_id: id, from_stage: null, to_stage: workflow.initial, reason: 'Case opened', workflow_version: workflow.version, by_user: actor.userId })
    .execute();
  await recordAudit(trx, auditActor(actor), { action: 'case.open', targetType: 'case', targetIds: [id, input.personId] }, requestId);
  return { id };
}

/** The case list: one statement, so it needs no transaction of its own (`db` may be the pool). */
export async function listCases(db: Kysely<Database> | Trx, actor: Actor, query: CaseListQuery, requestId: string) {
  const scope = requireScope(actor, 'case.list');
  const searchText = query.q ? querySearchTerms(query.q) : undefined;
  if (query.q && !readableCategoriesForRoles(actor.roles).includes('identity')) {
    throw new AppError('forbidden', 'Your role may not search by name.');
  }
  const rows = await listCasesInScope(db, actor, scope, { ...query, ...(searchText ? { searchText } : {}) });
  await recordReadAudit(db, auditActor(actor), { action: 'case.list', targetType: 'case', targetIds: rows.map((r) => r.id) }, requestId);
  return {
    cases: rows.map((r) => presentCase(actor, r)),
    nextAfter: nextCursor(rows, query.limit),
  };
}

async function requireCase(trx: Trx, actor: Actor, id: string, permission: 'case.read' | 'case.update' | 'case.transition') {
  const row = await findCaseInScope(trx, actor, requireScope(actor, permission), id);
  if (!row) throw notFound('case');
  return row;
}

/** The case page: the case, its transitions with what the next ones need, tasks, notes the role may see, timeline. */
export async function caseDetail(trx: Trx, actor: Actor, id: string, requestId: string): Promise<CaseDetail> {
  const row = await requireCase(trx, actor, id, 'case.read');
  const readable = readableCategoriesForRoles(actor.roles);
  const workflow = await loadWorkflow(trx, row.kind as CaseKind);
  const [transitions, tasks, notes, facts, assignees, timeline] = await Promise.all([
    trx.selectFrom('case_transitions').selectAll().where('case_id', '=', id).orderBy('at', 'desc').orderBy('id', 'desc').execute(),
    trx.selectFrom('tasks').selectAll().where('case_id', '=', id).orderBy('created_at').execute(),
    trx.selectFrom('notes').selectAll().where('case_id', '=', id).where('category', 'in', readable.length ? readable : ['none']).orderBy('created_at', 'desc').execute(),
    requirementFacts(trx, id, row.person_id),
    trx
      .selectFrom('person_assignments')
      .innerJoin('users', 'users.id', 'person_assignments.user_id')
      .select(['users.id', 'users.display_name'])
      .where('person_assignments.person_id', '=', row.person_id)
      .execute(),
    caseTimeline(trx, row, readable),
  ]);
  await recordReadAudit(trx, auditActor(actor), { action: 'case.read', targetType: 'case', targetIds: [id, row.person_id] }, requestId);
  const today = new Date().toISOString().slice(0, 10);
  return {
    case: presentCase(actor, row),
    transitions: transitions.map((t) => ({ id: t.id, fromStage: t.from_stage, toStage: t.to_stage, reason: t.reason, byUser: t.by_user, at: t.at.toISOString() })),
    options: row.closed_at ? [] : transitionOptions(workflow, row.stage, facts),
    tasks: tasks.map((t) => presentTask(t, today)),
    notes: notes.map((n) => ({ id: n.id, category: n.category as FieldCategory, body: n.body, authorId: n.author_id, createdAt: n.created_at.toISOString() })),
    timeline,
    assignees: assignees.map((a) => ({ id: a.id, displayName: a.display_name })),
  };
}

/** Move a case to another stage, if the workflow allows it and its requirements are met. */
export async function transitionCase(trx: Trx, actor: Actor, id: string, to: string, reason: string, requestId: string) {
  const row = await requireCase(trx, actor, id, 'case.transition');
  if (row.closed_at) throw new AppError('conflict', 'This case is closed.');
  const workflow = await loadWorkflow(trx, row.kind as CaseKind);
  const problem = transitionProblem(workflow, row.stage, to, await requirementFacts(trx, id, row.person_id));
  if (problem) throw new AppError('conflict', problem);
  const now = new Date();
  const terminal = workflow.stages.find((s) => s.code === to)?.terminal ?? false;
  await trx
    .updateTable('cases')
    .set({ stage: to, stage_entered_at: now, ...(terminal ? { closed_at: now } : {}) })
    .where('id', '=', id)
    .execute();
  await trx
    .insertInto('case_transitions')
    .values({ case_id: id, from_stage: row.stage, to_stage: to, reason, workflow_version: workflow.version, by_user: actor.userId, at: now })
    .execute();
  await recordAudit(trx, auditActor(actor), { action: 'case.transition', targetType: 'case', targetIds: [id], details: { from: row.stage, to } }, requestId);
}

export async function updateCase(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { priority?: string | undefined; flags?: string[] | undefined; familyId?: string | null | undefined },
  requestId: string,
) {
  const before = await requireCase(trx, actor, id, 'case.update');
  const events: CaseEvent[] = [];
  if (input.priority && input.priority !== before.priority) events.push({ caseId: id, kind: 'priority', details: { from: before.priority, to: input.priority } });
  if (input.flags) {
    const added = input.flags.filter((f) => !before.flags.includes(f));
    const removed = before.flags.filter((f) => !input.flags?.includes(f));
    if (added.length || removed.length) events.push({ caseId: id, kind: 'flags', details: { added, removed } });
  }
  if (input.familyId !== undefined && input.familyId !== before.family_id) events.push({ caseId: id, kind: 'family', details: { from: before.family_id, to: input.familyId } });
  await trx
    .updateTable('cases')
    .set({
      ...(input.priority ? { priority: input.priority } : {}),
      ...(input.flags ? { flags: input.flags } : {}),
      ...(input.familyId !== undefined ? { family_id: input.familyId } : {}),
    })
    .where('id', '=', id)
    .execute();
  await insertCaseEvents(trx, actor.userId, events);
  await recordAudit(trx, auditActor(actor), { action: 'case.update', targetType: 'case', targetIds: [id], details: { fields: Object.keys(input).sort().join(',') } }, requestId);
}

type TaskRow = { id: string; case_id: string; title: string; assignee_id: string | null; due_on: string | null; status: string; created_at: Date };

export function presentTask(t: TaskRow & { reference?: string }, today: string) {
  return {
    id: t.id,
    caseId: t.case_id,
    ...(t.reference ? { caseReference: t.reference } : {}),
    title: t.title,
    assigneeId: t.assignee_id,
    dueOn: t.due_on,
    status: t.status as 'open' | 'done' | 'cancelled',
    overdue: t.status === 'open' && t.due_on !== null && t.due_on < today,
    createdAt: t.created_at.toISOString(),
  };
}

/** A task goes only to an active colleague of the same mission. */
async function requireAssignable(trx: Trx, actor: Actor, userId: string) {
  const user = await trx
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .where('mission_id', '=', actor.missionId)
    .executeTakeFirst();
  if (!user) throw new AppError('validation_failed', 'Assign the task to an active colleague of your mission.', [{ path: 'assigneeId', message: 'Not an active colleague.' }]);
}

export async function addTask(trx: Trx, actor: Actor, caseId: string, input: { title: string; assigneeId?: string | null | undefined; dueOn?: string | null | undefined }, requestId: string) {
  await requireCase(trx, actor, caseId, 'case.update');
  if (input.assigneeId) await requireAssignable(trx, actor, input.assigneeId);
  const id = randomUUID();
  await trx
    .insertInto('tasks')
    .values({ id, case_id: caseId, title: input.title, assignee_id: input.assigneeId ?? actor.userId, due_on: input.dueOn ?? null, created_by: actor.userId })
    .execute();
  await recordAudit(trx, auditActor(actor), { action: 'task.create', targetType: 'case', targetIds: [caseId, id] }, requestId);
  return id;
}

export async function updateTask(
  trx: Trx,
  actor: Actor,
  taskId: string,
  input: { status?: string | undefined; assigneeId?: string | null | undefined; dueOn?: string | null | undefined },
  requestId: string,
) {
  const task = await trx.selectFrom('tasks').select(['id', 'case_id', 'title', 'assignee_id', 'due_on', 'status']).where('id', '=', taskId).executeTakeFirst();
  if (!task) throw notFound('task');
  await requireCase(trx, actor, task.case_id, 'case.update').catch(() => {
    throw notFound('task');
  });
  if (input.assigneeId) await requireAssignable(trx, actor, input.assigneeId);
  await trx
    .updateTable('tasks')
    .set({
      ...(input.status ? { status: input.status, completed_at: input.status === 'open' ? null : new Date() } : {}),
      ...(input.assigneeId !== undefined ? { assignee_id: input.assigneeId } : {}),
      ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
    })
    .where('id', '=', taskId)
    .execute();
  const events: CaseEvent[] = [];
  const about = { caseId: task.case_id, taskId };
  if (input.assigneeId !== undefined && input.assigneeId !== task.assignee_id) events.push({ ...about, kind: 'task_assignee', details: { title: task.title, from: task.assignee_id, to: input.assigneeId } });
  if (input.dueOn !== undefined && input.dueOn !== task.due_on) events.push({ ...about, kind: 'task_due', details: { title: task.title, from: task.due_on, to: input.dueOn } });
  if (input.status && input.status !== task.status) events.push({ ...about, kind: 'task_status', details: { title: task.title, from: task.status, to: input.status } });
  await insertCaseEvents(trx, actor.userId, events);
  await recordAudit(trx, auditActor(actor), { action: 'task.update', targetType: 'case', targetIds: [task.case_id, taskId], details: { status: input.status ?? null } }, requestId);
}

/** "My tasks": open tasks assigned to me on cases I may still see, overdue first. */
export async function myTasks(trx: Trx, actor: Actor, requestId: string) {
  const scope = requireScope(actor, 'case.read');
  const rows = await trx
    .selectFrom('tasks')
    .innerJoin('cases', 'cases.id', 'tasks.case_id')
    .innerJoin('people', 'people.id', 'cases.person_id')
    .select(['tasks.id', 'tasks.case_id', 'tasks.title', 'tasks.assignee_id', 'tasks.due_on', 'tasks.status', 'tasks.created_at', 'cases.reference'])
    .where('tasks.assignee_id', '=', actor.userId)
    .where('tasks.status', '=', 'open')
    .where(personInScope(actor, scope))
    .orderBy('tasks.due_on', (ob) => ob.asc().nullsLast())
    .limit(500)
    .execute();
  await recordReadAudit(trx, auditActor(actor), { action: 'task.list_mine', targetType: 'case', targetIds: rows.map((r) => r.case_id) }, requestId);
  const today = new Date().toISOString().slice(0, 10);
  return rows.map((r) => presentTask(r, today));
}

export async function addNote(trx: Trx, actor: Actor, caseId: string, input: { category: FieldCategory; body: string }, requestId: string) {
  await requireCase(trx, actor, caseId, 'case.update');
  if (!writableCategoriesForRoles(actor.roles).includes(input.category)) {
    throw new AppError('forbidden', `Your role may not write ${input.category} notes.`);
  }
  const id = randomUUID();
  await trx.insertInto('notes').values({ id, case_id: caseId, category: input.category, body: input.body, author_id: actor.userId }).execute();
  await recordAudit(trx, auditActor(actor), { action: 'note.create', targetType: 'case', targetIds: [caseId, id], details: { category: input.category } }, requestId);
  return id;
}
