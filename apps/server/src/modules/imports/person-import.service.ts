import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { recordAudit, type AuditActor } from '../../lib/audit';
import { inTransaction } from '../../lib/transaction';
import { queueMatchingWithChildren } from '../matching/matching.repository';
import { refreshDisplayName } from '../people/identity.repository';
import type { ImportedRecord } from './person-import.mapping';
import { groupBy, planBatch, type CurrentState, type PlanTarget } from './person-import.plan';
import {
  applyImportWrites,
  currentBirthsOf,
  currentImportAttributesOf,
  currentNamesOf,
  currentParentLinksOf,
  emptyWrites,
  findPeopleBySource,
  setBirthWindow,
} from './person-import.repository';
import type { ParseMessage } from './person-parse.worker';

/** Who imports, into which mission and team, from which source system; the server and the CLI both build one. */
export interface ImportTarget extends PlanTarget {
  audit: AuditActor;
  requestId: string | null;
}

/** A line that was not loaded, and why. */
export interface LineProblem {
  line: number;
  reason: string;
}

/** The job's result: what happened to the lines of the file. */
export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** The first MAX_LISTED rejected lines; `rejectedTotal` counts them all. */
  rejected: LineProblem[];
  rejectedTotal: number;
  /** Optional fields dropped because malformed (the person still loaded); first MAX_LISTED. */
  warnings: LineProblem[];
}

/** What one record of a written batch became: its line, the person, and the outcome. */
export interface WrittenRecord {
  line: number;
  personId: string;
  outcome: 'created' | 'updated' | 'unchanged';
}

/** Callbacks of a run: the CLI prints bad lines and progress; the job runner persists progress. */
export interface ImportHooks {
  onRejected?: (problem: LineProblem) => void;
  /** Told, inside each batch's transaction, what each record became (a sheet import records it per row). */
  onWritten?: (trx: Transaction<Database>, written: WrittenRecord[]) => Promise<void>;
  onProgress?: (linesDone: number, linesTotal: number | null) => Promise<void> | void;
}

const MAX_LISTED = 1000;

async function loadState(trx: Transaction<Database>, target: PlanTarget, records: readonly ImportedRecord[]): Promise<CurrentState> {
  const keys = records.flatMap((r) => [r.person.sourceId, r.mother?.sourceId, r.father?.sourceId].filter((k): k is string => !!k));
  const found = await findPeopleBySource(trx, target.missionId, target.sourceSystem, keys);
  const bySource = new Map(found.map((f) => [f.source_id ?? '', { id: f.id, sex: f.sex }]));
  const ids = found.map((f) => f.id);
  const names = await currentNamesOf(trx, ids);
  const births = await currentBirthsOf(trx, ids);
  const attributes = await currentImportAttributesOf(trx, ids);
  const links = await currentParentLinksOf(trx, ids);
  return {
    bySource,
    names: groupBy(names),
    births: new Map(births.map((b) => [b.person_id, b])),
    attributes: groupBy(attributes),
    links: new Set(links.map((l) => `${l.person_id}|${l.related_person_id}|${l.kind}`)),
  };
}

/** Write one batch in its own transaction, with one audit entry naming the people created or changed. */
async function writeBatch(db: Kysely<Database>, target: ImportTarget, records: readonly ImportedRecord[], result: ImportResult, hooks: ImportHooks): Promise<void> {
  if (records.length === 0) return;
  await inTransaction(db, async (trx) => {
    const state = await loadState(trx, target, records);
    const writes = emptyWrites();
    const plan = planBatch(records, state, target, writes);
    await applyImportWrites(trx, writes);
    for (const changed of plan.changedExisting) {
      await refreshDisplayName(trx, changed.id);
      if (changed.birthWindow !== undefined) await setBirthWindow(trx, changed.id, changed.birthWindow);
    }
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const o of plan.outcomes) counts[o]++;
    // Created and changed people (and the children of changed parents) wait for background matching.
    if (counts.created + counts.updated > 0) await queueMatchingWithChildren(trx, plan.touchedIds);
    await recordAudit(
      trx,
      target.audit,
      { action: 'person.import', targetType: 'person', targetIds: plan.touchedIds, details: { ...counts, records: records.length, sourceSystem: target.sourceSystem } },
      target.requestId,
    );
    await hooks.onWritten?.(
      trx,
      records.map((r, i) => ({ line: r.line, personId: plan.personIds[i]!, outcome: plan.outcomes[i]! })),
    );
    result.created += counts.created;
    result.updated += counts.updated;
    result.unchanged += counts.unchanged;
  });
}

/**
 * Import parsed `homeward.person/1` lines: bad lines are reported with their number and reason and the rest
 * loads; the same source id finds the same person again (created, updated or unchanged, never duplicated).
 * Database writes happen here, on the calling thread, in batches (one transaction and one audit entry each).
 * Shared by the server's import job, the CLI and the benchmark.
 */
export async function importPeople(db: Kysely<Database>, target: ImportTarget, messages: AsyncIterable<ParseMessage>, hooks: ImportHooks = {}): Promise<ImportResult> {
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, rejected: [], rejectedTotal: 0, warnings: [] };
  const seenIds = new Set<string>();
  let total: number | null = null;
  const reject = (problem: LineProblem) => {
    result.rejectedTotal++;
    if (result.rejected.length < MAX_LISTED) result.rejected.push(problem);
    hooks.onRejected?.(problem);
  };
  for await (const message of messages) {
    if (message.type === 'total') {
      total = message.total;
      await hooks.onProgress?.(0, total);
      continue;
    }
    if (message.type !== 'items') continue;
    // A batch holds each source id once (a line's own id or a parent's "#mother"/"#father" key), so that
    // its plan sees one current state per person; a repeated key starts the next batch.
    let batch: ImportedRecord[] = [];
    let batchKeys = new Set<string>();
    for (const item of message.items) {
      if (!item.ok) {
        reject({ line: item.line, reason: item.reason });
        continue;
      }
      const { record } = item;
      if (seenIds.has(record.person.sourceId)) {
        reject({ line: record.line, reason: `duplicate id "${record.person.sourceId}" (an earlier line has the same id)` });
        continue;
      }
      seenIds.add(record.person.sourceId);
      for (const w of record.warnings) if (result.warnings.length < MAX_LISTED) result.warnings.push({ line: record.line, reason: w });
      const keys = [record.person.sourceId, record.mother?.sourceId, record.father?.sourceId].filter((k): k is string => !!k);
      if (keys.some((k) => batchKeys.has(k))) {
        await writeBatch(db, target, batch, result, hooks);
        batch = [];
        batchKeys = new Set();
      }
      batch.push(record);
      for (const k of keys) batchKeys.add(k);
    }
    await writeBatch(db, target, batch, result, hooks);
    await hooks.onProgress?.(message.lines, total);
  }
  return result;
}
