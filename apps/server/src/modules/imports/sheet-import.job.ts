import type { Kysely } from 'kysely';
import type { SheetImportResult } from '@homeward/domain';
import type { PersonRecord } from '@homeward/domain/person-record';
import { readSheetRow, type SheetMapping, type SheetReason } from '@homeward/domain/sheets';
import type { Database } from '../../db/schema';
import { recordAudit } from '../../lib/audit';
import { inTransaction } from '../../lib/transaction';
import type { JobContext } from '../jobs/job-runner';
import { mapPersonRecord, type ImportItem } from './person-import.mapping';
import { findPeopleBySource } from './person-import.repository';
import { importPeople, type ImportTarget } from './person-import.service';
import type { ParseMessage } from './person-parse.worker';
import { SheetDeduplicator } from './sheet-dedup';
import { type SheetRowStatus, countSheetRows, finishSheetImport, reopenSheetImport, setSheetRowOutcomes, sheetRowsPage, sheetStatusCounts } from './sheet-imports.repository';

/** Rows read, checked and written per batch: one transaction and one audit entry each. */
const PAGE = 200;

/** What the import job needs to know besides the target: the sheet, its mapping and the user's choices. */
export interface SheetImportJob {
  sheetId: string;
  headers: string[];
  mapping: SheetMapping;
  /** `import`: do not set possible duplicates aside ("import anyway"). */
  duplicates: 'skip' | 'import';
  /** Which rows: those not imported yet, or those set aside as possible duplicates. */
  rows: 'pending' | 'duplicates';
  today: string;
}

interface RowOutcome {
  row: number;
  status: 'rejected' | 'duplicate';
  reasons: SheetReason[];
  duplicateOf: string | null;
}

/** The id of a row that carries none: unique to the sheet and row, so that a re-upload is caught as a duplicate. */
export const rowSourceId = (sheetId: string, row: number) => `sheet:${sheetId}#${row}`;

/**
 * Import a sheet's rows as a job: each page of rows is read with the mapping (rejected with reasons when it
 * cannot be), rows whose source id the registry does not know yet are checked for possible duplicates, and
 * the rest go to the people import (`importPeople`: the same plan and repository as JSON Lines, so re-importing
 * the same source ids updates, never duplicates). Every row's outcome is kept: imported rows lose their cells,
 * rejected rows and possible duplicates keep them to be downloaded, fixed and imported again.
 */
export async function runSheetImport(db: Kysely<Database>, target: ImportTarget, spec: SheetImportJob, job: JobContext): Promise<SheetImportResult> {
  try {
    return await importRows(db, target, spec, job);
  } catch (err) {
    await reopenSheetImport(db, spec.sheetId);
    throw err;
  }
}

async function importRows(db: Kysely<Database>, target: ImportTarget, spec: SheetImportJob, job: JobContext): Promise<SheetImportResult> {
  const statuses: SheetRowStatus[] = spec.rows === 'pending' ? ['pending'] : ['duplicate'];
  const total = await countSheetRows(db, spec.sheetId, statuses);
  await job.progress(0, total);
  const dedup = new SheetDeduplicator(db, target.missionId, total);
  const firstRowOfId = new Map<string, number>();
  const tally = { created: 0, updated: 0, unchanged: 0, duplicates: 0, rejected: 0 };

  async function* pages(): AsyncGenerator<ParseMessage> {
    yield { type: 'total', total };
    let after = 0;
    let done = 0;
    for (;;) {
      const rows = await sheetRowsPage(db, spec.sheetId, statuses, after, PAGE);
      if (rows.length === 0) break;
      after = rows.at(-1)!.row_number;
      dedup.startBatch();
      const items: ImportItem[] = [];
      const setAside: RowOutcome[] = [];
      const withIds = rows.map((r) => ({ r, read: readSheetRow((r.cells as (string | null)[] | null) ?? [], spec.mapping, { headers: spec.headers, today: spec.today, fallbackId: rowSourceId(spec.sheetId, r.row_number) }) }));
      const explicitIds = withIds.map((w) => w.read.sourceId).filter((id): id is string => id !== null);
      const known = new Set((await findPeopleBySource(db, target.missionId, target.sourceSystem, explicitIds)).map((p) => p.source_id));
      const duplicateIds: string[] = [];
      const toCheck: { record: PersonRecord; label: string; row: number }[] = [];
      for (const { r, read } of withIds) {
        const row = r.row_number;
        if (!read.record) {
          setAside.push({ row, status: 'rejected', reasons: read.errors, duplicateOf: null });
          continue;
        }
        if (read.sourceId !== null) {
          const first = firstRowOfId.get(read.sourceId);
          if (first !== undefined) {
            setAside.push({ row, status: 'rejected', reasons: [{ code: 'source_id_repeated', value: read.sourceId, row: first }], duplicateOf: null });
            continue;
          }
          firstRowOfId.set(read.sourceId, row);
        }
        const knownId = read.sourceId !== null && known.has(read.sourceId);
        if (!knownId && spec.duplicates === 'skip') {
          const first = read.record.names[0];
          toCheck.push({ record: read.record, row, label: first?.full ?? [first?.given, first?.father, first?.grandfather, first?.family].filter(Boolean).join(' ') });
          continue;
        }
        items.push({ ok: true, record: mapPersonRecord(read.record, row, []) });
      }
      const hits = await dedup.checkBatch(toCheck);
      toCheck.forEach(({ record, row }, i) => {
        const hit = hits[i];
        if (!hit) {
          items.push({ ok: true, record: mapPersonRecord(record, row, []) });
          return;
        }
        const reason: SheetReason = hit.personId
          ? { code: 'possible_duplicate', personId: hit.personId, personName: hit.displayName, probability: hit.probability }
          : { code: 'duplicate_in_sheet', row: hit.row ?? undefined, personName: hit.displayName, probability: hit.probability };
        setAside.push({ row, status: 'duplicate', reasons: [reason], duplicateOf: hit.personId });
        if (hit.personId) duplicateIds.push(hit.personId);
      });
      // importPeople writes a batch in the order given; keep the sheet's row order.
      items.sort((x, y) => (x.ok ? x.record.line : x.line) - (y.ok ? y.record.line : y.line));
      if (setAside.length > 0) {
        await inTransaction(db, async (trx) => {
          await setSheetRowOutcomes(trx, spec.sheetId, setAside.map((o) => ({ ...o, personId: null, keepCells: true })));
          if (duplicateIds.length > 0) {
            // The importer is shown who the rows may duplicate: a read of those people's records.
            await recordAudit(trx, target.audit, { action: 'person.match', targetType: 'person', targetIds: [...new Set(duplicateIds)], details: { sheetImportId: spec.sheetId } }, target.requestId);
          }
        });
        for (const o of setAside) tally[o.status === 'rejected' ? 'rejected' : 'duplicates']++;
      }
      done += rows.length;
      yield { type: 'items', items, lines: done };
    }
    yield { type: 'done', lines: done };
  }

  await importPeople(db, target, pages(), {
    onProgress: (done) => job.progress(done, total),
    onWritten: async (trx, written) => {
      await setSheetRowOutcomes(
        trx,
        spec.sheetId,
        written.map((w) => ({ row: w.line, status: w.outcome, reasons: [], personId: w.personId, duplicateOf: null, keepCells: false })),
      );
      for (const w of written) tally[w.outcome]++;
    },
    onRejected: (problem) => {
      // Not reached: repeated ids are caught above; kept so that no row could be lost silently.
      throw new Error(`row ${problem.line} was refused by the people import: ${problem.reason}`);
    },
  });

  const counts = Object.fromEntries((await sheetStatusCounts(db, spec.sheetId)).map((c) => [c.status, Number(c.n)]));
  const result: SheetImportResult = { sheetId: spec.sheetId, rows: total, ...tally };
  await inTransaction(db, async (trx) => {
    await finishSheetImport(trx, spec.sheetId, { ...result, byStatus: counts });
    await recordAudit(trx, target.audit, { action: 'sheet.import', targetType: 'sheet_import', targetIds: [spec.sheetId], details: { ...tally, rows: total, sourceSystem: target.sourceSystem } }, target.requestId);
  });
  return result;
}
