import { sql, type Transaction } from 'kysely';
import type { FieldCategory } from '@homeward/domain';
import type { Database } from '../../db/schema';
import type { CaseRow } from './cases.repository';

type Trx = Transaction<Database>;
type Entry = {
  at: string;
  kind: 'case_opened' | 'transition' | 'task' | 'case_change' | 'note' | 'name' | 'birth' | 'relationship' | 'identity_decision' | 'placement';
  summary: string;
  details: Record<string, string | null>;
  byUser: string | null;
  refId: string | null;
};

/**
 * Everything that happened on a case and its person, newest first, limited to the categories the reader may
 * see (a medical note never shows up in a caseworker's timeline). Summaries are short and factual.
 */
export async function caseTimeline(trx: Trx, row: CaseRow, readable: readonly FieldCategory[]): Promise<Entry[]> {
  const personId = row.person_id;
  const entries: Entry[] = [];
  const transitions = await trx.selectFrom('case_transitions').selectAll().where('case_id', '=', row.id).execute();
  for (const t of transitions) {
    entries.push({
      at: t.at.toISOString(),
      kind: t.from_stage === null ? 'case_opened' : 'transition',
      summary: t.from_stage === null ? `opened at ${t.to_stage}` : `${t.from_stage} → ${t.to_stage}: ${t.reason}`,
      details: { fromStage: t.from_stage, toStage: t.to_stage, reason: t.reason },
      byUser: t.by_user,
      refId: t.id,
    });
  }
  const events = await trx
    .selectFrom('case_events')
    .leftJoin('users', (join) => join.on(sql<boolean>`users.id::text = case_events.details->>'to'`))
    .select(['case_events.id', 'case_events.task_id', 'case_events.kind', 'case_events.details', 'case_events.by_user', 'case_events.at'])
    .select('users.display_name as to_user_name')
    .where('case_events.case_id', '=', row.id)
    .execute();
  const statusEventTasks = new Set<string>();
  for (const e of events) entries.push(caseChange(e, statusEventTasks));
  const tasks = await trx.selectFrom('tasks').selectAll().where('case_id', '=', row.id).execute();
  for (const t of tasks) {
    entries.push({ at: t.created_at.toISOString(), kind: 'task', summary: `task: ${t.title}`, details: { event: 'created', title: t.title, dueOn: t.due_on }, byUser: t.created_by, refId: t.id });
    // Tasks closed before case events were recorded still show when they were closed (by an unknown user).
    if (t.completed_at && !statusEventTasks.has(t.id)) {
      entries.push({ at: t.completed_at.toISOString(), kind: 'task', summary: `task ${t.status}: ${t.title}`, details: { event: t.status, title: t.title, dueOn: t.due_on }, byUser: null, refId: t.id });
    }
  }
  if (readable.length) {
    const notes = await trx.selectFrom('notes').selectAll().where('case_id', '=', row.id).where('category', 'in', [...readable]).execute();
    for (const n of notes) {
      entries.push({
        at: n.created_at.toISOString(),
        kind: 'note',
        summary: `${n.category} note: ${n.body.slice(0, 120)}`,
        details: { category: n.category, excerpt: n.body.slice(0, 120) },
        byUser: n.author_id,
        refId: n.id,
      });
    }
  }
  if (readable.includes('identity')) {
    const names = await trx.selectFrom('person_names').selectAll().where('person_id', '=', personId).execute();
    for (const n of names) {
      const written = n.full ?? [n.given, n.father, n.grandfather, n.family].filter(Boolean).join(' ');
      entries.push({
        at: n.recorded_at.toISOString(),
        kind: 'name',
        summary: `name recorded (${n.kind}, ${n.source}): ${written}`,
        details: { nameKind: n.kind, source: n.source, name: written, script: n.script },
        byUser: n.recorded_by,
        refId: n.id,
      });
    }
    const births = await trx.selectFrom('person_births').selectAll().where('person_id', '=', personId).execute();
    for (const b of births) {
      const what = b.date ? `born ${b.date}` : b.estimated_age_years != null ? `age about ${Number(b.estimated_age_years)} on ${b.estimated_on} (${b.estimate_method})` : `born in ${b.place}`;
      entries.push({
        at: b.recorded_at.toISOString(),
        kind: 'birth',
        summary: `birth recorded (${b.source}): ${what}`,
        details: {
          source: b.source,
          date: b.date,
          estimatedAgeYears: b.estimated_age_years != null ? String(Number(b.estimated_age_years)) : null,
          estimatedOn: b.estimated_on,
          method: b.estimate_method,
          place: b.place,
        },
        byUser: b.recorded_by,
        refId: b.id,
      });
    }
    const rels = await trx
      .selectFrom('relationships')
      .innerJoin('people', 'people.id', 'relationships.related_person_id')
      .selectAll('relationships')
      .select('people.display_name as related_name')
      .where('relationships.person_id', '=', personId)
      .execute();
    for (const r of rels) {
      entries.push({
        at: r.recorded_at.toISOString(),
        kind: 'relationship',
        summary: `${r.kind} linked (${r.evidence_level})`,
        details: { relationship: r.kind, evidenceLevel: r.evidence_level, source: r.source, relatedName: r.related_name },
        byUser: r.recorded_by,
        refId: r.related_person_id,
      });
    }
    const decisions = await trx.selectFrom('identity_decisions').selectAll().where('person_id', '=', personId).execute();
    for (const d of decisions) {
      entries.push({
        at: d.decided_at.toISOString(),
        kind: 'identity_decision',
        summary: `identity decided on: ${d.evidence.join('; ')}`,
        details: { evidence: d.evidence.join('; ') },
        byUser: d.decided_by,
        refId: d.id,
      });
    }
  }
  if (readable.includes('location')) {
    const placements = await trx
      .selectFrom('placements')
      .innerJoin('places', 'places.id', 'placements.place_id')
      .select(['placements.id', 'placements.start_on', 'placements.end_on', 'placements.reason', 'placements.end_reason', 'placements.recorded_at', 'placements.recorded_by', 'places.name'])
      .where('placements.person_id', '=', personId)
      .execute();
    for (const p of placements) {
      entries.push({
        at: p.recorded_at.toISOString(),
        kind: 'placement',
        summary: `placed at ${p.name} from ${p.start_on}${p.end_on ? ` to ${p.end_on}` : ''}: ${p.reason}`,
        details: { place: p.name, startOn: p.start_on, endOn: p.end_on, reason: p.reason, endReason: p.end_reason },
        byUser: p.recorded_by,
        refId: p.id,
      });
    }
  }
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

type CaseEventRow = {
  id: string;
  task_id: string | null;
  kind: string;
  details: unknown;
  by_user: string | null;
  at: Date;
  to_user_name: string | null;
};

/** A case_events row as a timeline entry: details hold codes and ids, plus the name of a user it names. */
function caseChange(e: CaseEventRow, statusEventTasks: Set<string>): Entry {
  const d = (e.details ?? {}) as Record<string, string | string[] | null>;
  const text = (v: string | string[] | null | undefined) => (Array.isArray(v) ? v.join(',') : (v ?? null));
  const details: Record<string, string | null> = { event: e.kind };
  for (const [k, v] of Object.entries(d)) details[k] = text(v);
  if (e.kind === 'task_assignee' || e.kind === 'officer_assigned') details.toName = e.to_user_name;
  if (e.kind === 'task_status' && e.task_id) statusEventTasks.add(e.task_id);
  const summaries: Record<string, string> = {
    priority: `priority ${text(d.from)} → ${text(d.to)}`,
    flags: `flags +[${text(d.added) ?? ''}] −[${text(d.removed) ?? ''}]`,
    family: d.to ? 'linked to a family' : 'unlinked from its family',
    task_assignee: `task ${text(d.title)} assigned to ${e.to_user_name ?? 'nobody'}`,
    task_due: `task ${text(d.title)} due ${text(d.to) ?? 'no date'}`,
    task_status: `task ${text(d.title)}: ${text(d.from)} → ${text(d.to)}`,
    officer_assigned: `${e.to_user_name ?? 'an officer'} assigned`,
  };
  return { at: e.at.toISOString(), kind: 'case_change', summary: summaries[e.kind] ?? e.kind, details, byUser: e.by_user, refId: e.task_id };
}
