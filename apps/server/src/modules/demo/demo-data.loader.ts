import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { birthYearWindow, DEFAULT_WORKFLOWS, displayNameOf, nameSearchText } from '@homeward/domain';
import type { Database } from '../../db/schema';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import { DemoScenario, type DemoFamily } from './demo-data.generator';
import { demoLoaded, emptyDemoRows, ensurePlaces, ensureTeam, insertDemoRows, userIdsByUsername, type DemoRows } from './demo-data.repository';

type Trx = Transaction<Database>;
/** How the loader gets a transaction: one per batch (CLI, benchmark) or the caller's single one (first start). */
export type TransactionRunner = <T>(work: (trx: Trx) => Promise<T>) => Promise<T>;

/** What to load and for whom. */
export interface DemoLoadOptions {
  seed: number;
  people: number;
  missionId: string;
  /** YYYY-MM-DD the scenario is dated from (default today). */
  today?: string;
  /** The demo users that tasks, shares and assignments name, when they exist. */
  usernames?: { consular: string; caseworker: string; liaison: string; supervisor: string };
  createdBy?: string | null;
  audit?: AuditActor;
}

/** What was loaded. */
export interface DemoLoadResult {
  sourceSystem: string;
  people: number;
  families: number;
  cases: number;
  openTasks: number;
  places: number;
}

/** People per transaction: big enough to amortise round trips, small enough to keep memory flat. */
const BATCH_PEOPLE = 2000;

const DEMO_USERNAMES = { consular: 'demo.consular', caseworker: 'demo.caseworker', liaison: 'demo.liaison', supervisor: 'demo.supervisor' };

interface BatchContext {
  missionId: string;
  sourceSystem: string;
  teams: { consular: string; child_protection: string };
  places: Map<string, string>;
  users: { consular: string | null; caseworker: string | null; liaison: string | null; supervisor: string | null };
  createdBy: string | null;
}

/** Turn generated families into table rows (search text computed here, once per name). */
function rowsOf(families: readonly DemoFamily[], c: BatchContext, counts: DemoLoadResult): DemoRows {
  const r = emptyDemoRows();
  for (const f of families) {
    r.families.push({ id: f.id, mission_id: c.missionId, label: f.label, created_by: c.createdBy });
    for (const p of f.members) {
      const preferred = p.names.find((n) => n.kind === 'official') ?? p.names.find((n) => n.kind === 'reported') ?? p.names[0];
      const window = p.birth ? birthYearWindow({ date: p.birth.date ?? null, estimatedAgeYears: p.birth.estimatedAge?.years ?? null, estimatedOn: p.birth.estimatedAge?.on ?? null }) : null;
      r.people.push({
        id: p.id, mission_id: c.missionId, team_id: c.teams[p.team], sex: p.sex, vital_status: p.vitalStatus, source_system: c.sourceSystem, source_id: p.sourceId,
        display_name: preferred ? displayNameOf(preferred) : null, birth_year_min: window?.min ?? null, birth_year_max: window?.max ?? null, created_by: c.createdBy,
      });
      r.familyMembers.push({ family_id: f.id, person_id: p.id });
      for (const n of p.names) {
        r.names.push({
          person_id: p.id, given: n.given ?? null, father: n.father ?? null, grandfather: n.grandfather ?? null, family: n.family ?? null, full: n.full ?? null,
          script: n.script, kind: n.kind, source: n.source, confidence: n.source === 'document' ? 'high' : 'medium', search_text: nameSearchText(n), recorded_by: c.createdBy,
        });
      }
      if (p.birth) {
        r.births.push({
          person_id: p.id, date: p.birth.date ?? null, estimated_age_years: p.birth.estimatedAge?.years ?? null, estimated_on: p.birth.estimatedAge?.on ?? null,
          estimate_method: p.birth.estimatedAge?.method ?? null, place: p.birth.place ?? null, country: p.birth.country ?? null, source: p.birth.source, recorded_by: c.createdBy,
        });
      }
      for (const a of p.attributes) r.attributes.push({ person_id: p.id, category: a.category, key: a.key, value: JSON.stringify(a.value), source: a.source, recorded_by: c.createdBy });
      if (p.placement) {
        r.placements.push({ id: randomUUID(), person_id: p.id, place_id: c.places.get(p.placement.placeKey)!, start_on: p.placement.startOn, reason: p.placement.reason, recorded_by: c.createdBy });
      }
      if (p.sharedWith) {
        r.shares.push({ person_id: p.id, organisation: p.sharedWith, kind: p.sharedWith === 'ICRC' ? 'family_links' : 'handover', shared_by: c.users.supervisor });
      }
      if (p.assignedToLiaison && c.users.liaison) r.assignments.push({ person_id: p.id, user_id: c.users.liaison });
      if (p.case) {
        const k = p.case;
        const last = k.path.at(-1)!;
        r.cases.push({
          id: k.id, reference: k.reference, person_id: p.id, family_id: f.id, kind: k.kind, stage: last.stage, stage_entered_at: new Date(`${last.on}T09:00:00Z`),
          priority: k.priority, flags: k.flags, mission_id: c.missionId, team_id: c.teams[p.team], created_by: c.createdBy, created_at: new Date(`${k.path[0]!.on}T09:00:00Z`),
          closed_at: k.closed ? new Date(`${last.on}T09:00:00Z`) : null,
        });
        k.path.forEach((step, i) => {
          r.transitions.push({
            case_id: k.id, from_stage: i === 0 ? null : k.path[i - 1]!.stage, to_stage: step.stage, reason: i === 0 ? 'Case opened' : 'Requirements met',
            workflow_version: DEFAULT_WORKFLOWS[k.kind].version, by_user: c.createdBy, at: new Date(`${step.on}T09:00:00Z`),
          });
        });
        for (const t of k.tasks) {
          r.tasks.push({
            id: t.id, case_id: k.id, title: t.title, assignee_id: t.assigneeRole === 'caseworker' ? c.users.caseworker : c.users.consular, due_on: t.dueOn, status: t.status,
            created_by: c.createdBy, completed_at: t.status === 'done' ? new Date(Math.min(Date.parse(`${t.dueOn}T12:00:00Z`), Date.now())) : null, // never in the future
          });
          if (t.status === 'open') counts.openTasks++;
        }
        counts.cases++;
      }
    }
    for (const rel of f.relationships) {
      r.relationships.push({
        person_id: rel.personId, related_person_id: rel.relatedId, kind: rel.kind, evidence_level: rel.evidence,
        source: rel.evidence === 'documented' ? 'document' : 'relative', note: null, recorded_by: c.createdBy,
      });
    }
    counts.families++;
    counts.people += f.members.length;
  }
  return r;
}

/**
 * Load a generated scenario: places (reused by name), then families in batches of multi-row inserts, one
 * transaction each through `run`, and one audit entry with the counts (no names, no ids: a demo load of a
 * million people would otherwise flood the trail). Refuses a seed that is already loaded.
 */
export async function loadDemoData(run: TransactionRunner, options: DemoLoadOptions, onProgress?: (people: number) => void): Promise<DemoLoadResult> {
  const scenario = new DemoScenario({ seed: options.seed, people: options.people, today: options.today ?? new Date().toISOString().slice(0, 10) });
  const counts: DemoLoadResult = { sourceSystem: scenario.sourceSystem, people: 0, families: 0, cases: 0, openTasks: 0, places: scenario.places.length };
  const context = await run(async (trx): Promise<BatchContext> => {
    if (await demoLoaded(trx, options.missionId, scenario.sourceSystem)) {
      throw new AppError('conflict', `The demo data of seed ${options.seed} is already loaded; choose another seed.`);
    }
    const names = options.usernames ?? DEMO_USERNAMES;
    const users = await userIdsByUsername(trx, Object.values(names));
    return {
      missionId: options.missionId,
      sourceSystem: scenario.sourceSystem,
      teams: { consular: await ensureTeam(trx, options.missionId, 'Consular team'), child_protection: await ensureTeam(trx, options.missionId, 'Child protection team') },
      places: await ensurePlaces(trx, options.missionId, scenario.places),
      users: { consular: users.get(names.consular) ?? null, caseworker: users.get(names.caseworker) ?? null, liaison: users.get(names.liaison) ?? null, supervisor: users.get(names.supervisor) ?? null },
      createdBy: options.createdBy ?? null,
    };
  });
  let batch: DemoFamily[] = [];
  let inBatch = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = rowsOf(batch, context, counts);
    await run((trx) => insertDemoRows(trx, rows));
    batch = [];
    inBatch = 0;
    onProgress?.(counts.people);
  };
  for (const family of scenario.families()) {
    batch.push(family);
    inBatch += family.members.length;
    if (inBatch >= BATCH_PEOPLE) await flush();
  }
  await flush();
  await run((trx) =>
    recordAudit(trx, options.audit ?? SYSTEM_ACTOR, { action: 'demo.load', targetType: 'person', details: { seed: options.seed, people: counts.people, families: counts.families, cases: counts.cases } }, null),
  );
  return counts;
}

/** Run each batch in its own transaction on `db`. */
export const batchTransactions =
  (db: Kysely<Database>): TransactionRunner =>
  (work) =>
    db.transaction().execute(work);
