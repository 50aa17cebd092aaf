import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { SheetTableRow } from './sheet-table';

type Db = Kysely<Database> | Transaction<Database>;

/** What became of a row. */
export type SheetRowStatus = 'pending' | 'created' | 'updated' | 'unchanged' | 'rejected' | 'duplicate';

/** Rows per multi-row INSERT (4 parameters a row, far under PostgreSQL's limit). */
const ROWS_PER_INSERT = 1000;

export async function insertSheetImport(
  db: Db,
  sheet: {
    id: string;
    missionId: string;
    teamId: string | null;
    uploadedBy: string;
    fileName: string;
    format: 'csv' | 'xlsx';
    sheetName: string | null;
    headers: string[];
    headerRow: number;
    sourceName: string | null;
  },
  rows: readonly SheetTableRow[],
): Promise<void> {
  await db
    .insertInto('sheet_imports')
    .values({
      id: sheet.id,
      mission_id: sheet.missionId,
      team_id: sheet.teamId,
      uploaded_by: sheet.uploadedBy,
      file_name: sheet.fileName,
      format: sheet.format,
      sheet_name: sheet.sheetName,
      headers: JSON.stringify(sheet.headers),
      header_row: sheet.headerRow,
      row_count: rows.length,
      source_name: sheet.sourceName,
    })
    .execute();
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    await db
      .insertInto('sheet_import_rows')
      .values(chunk.map((r) => ({ sheet_import_id: sheet.id, row_number: r.row, cells: JSON.stringify(r.cells) })))
      .execute();
  }
}

/** A sheet of the mission (a sheet of another mission is not found, like one that does not exist). */
export async function findSheetImport(db: Db, id: string, missionId: string) {
  return db.selectFrom('sheet_imports').selectAll().where('id', '=', id).where('mission_id', '=', missionId).executeTakeFirst();
}

/** Lock the sheet row while an import is being started, so two clicks do not start two jobs. */
export async function lockSheetImport(db: Db, id: string, missionId: string) {
  return db.selectFrom('sheet_imports').selectAll().where('id', '=', id).where('mission_id', '=', missionId).forUpdate().executeTakeFirst();
}

export async function markSheetImporting(db: Db, id: string, values: { sourceName: string; mapping: unknown }): Promise<void> {
  await db
    .updateTable('sheet_imports')
    .set({ status: 'importing', source_name: values.sourceName, mapping: JSON.stringify(values.mapping), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** The job that imports the sheet, once started. */
export async function attachSheetJob(db: Db, id: string, jobId: string): Promise<void> {
  await db.updateTable('sheet_imports').set({ job_id: jobId }).where('id', '=', id).execute();
}

export async function finishSheetImport(db: Db, id: string, result: unknown): Promise<void> {
  await db.updateTable('sheet_imports').set({ status: 'imported', result: JSON.stringify(result), updated_at: new Date() }).where('id', '=', id).execute();
}

/** Back to "uploaded" when the job failed, so the import can be started again. */
export async function reopenSheetImport(db: Db, id: string): Promise<void> {
  await db.updateTable('sheet_imports').set({ status: 'uploaded', updated_at: new Date() }).where('id', '=', id).where('status', '=', 'importing').execute();
}

/** The first data rows, for the upload's answer and the preview. */
export async function firstSheetRows(db: Db, sheetId: string, limit: number) {
  return db.selectFrom('sheet_import_rows').select(['row_number', 'cells']).where('sheet_import_id', '=', sheetId).orderBy('row_number').limit(limit).execute();
}

/** Rows of the given statuses in row order, a page at a time (keyset on the row number). */
export async function sheetRowsPage(db: Db, sheetId: string, statuses: readonly SheetRowStatus[], after: number, limit: number) {
  return db
    .selectFrom('sheet_import_rows')
    .select(['row_number', 'cells', 'status', 'reasons', 'duplicate_of'])
    .where('sheet_import_id', '=', sheetId)
    .where('status', 'in', statuses)
    .where('row_number', '>', after)
    .orderBy('row_number')
    .limit(limit)
    .execute();
}

export async function countSheetRows(db: Db, sheetId: string, statuses: readonly SheetRowStatus[]): Promise<number> {
  const row = await db
    .selectFrom('sheet_import_rows')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('sheet_import_id', '=', sheetId)
    .where('status', 'in', statuses)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Rows of a status with offset paging (the summary's table). */
export async function sheetRowsOffset(db: Db, sheetId: string, statuses: readonly SheetRowStatus[], offset: number, limit: number) {
  return db
    .selectFrom('sheet_import_rows')
    .select(['row_number', 'cells', 'status', 'reasons', 'duplicate_of'])
    .where('sheet_import_id', '=', sheetId)
    .where('status', 'in', statuses)
    .orderBy('row_number')
    .offset(offset)
    .limit(limit)
    .execute();
}

/** The outcome of rows: status, reasons, the person made or updated, the person it may duplicate. */
export async function setSheetRowOutcomes(
  db: Db,
  sheetId: string,
  outcomes: readonly { row: number; status: SheetRowStatus; reasons: unknown[]; personId: string | null; duplicateOf: string | null; keepCells: boolean }[],
): Promise<void> {
  for (const o of outcomes) {
    await db
      .updateTable('sheet_import_rows')
      .set({
        status: o.status,
        reasons: JSON.stringify(o.reasons),
        person_id: o.personId,
        duplicate_of: o.duplicateOf,
        ...(o.keepCells ? {} : { cells: null }),
      })
      .where('sheet_import_id', '=', sheetId)
      .where('row_number', '=', o.row)
      .execute();
  }
}

/** Count of rows per status (the import's summary). */
export async function sheetStatusCounts(db: Db, sheetId: string) {
  return db
    .selectFrom('sheet_import_rows')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('sheet_import_id', '=', sheetId)
    .groupBy('status')
    .execute();
}

/** The distinct values of one column with how often each occurs (the sex value mapping), most frequent first. */
export async function distinctColumnValues(db: Db, sheetId: string, column: number, limit: number) {
  const value = sql<string | null>`cells ->> ${sql.lit(column)}`;
  return db
    .selectFrom('sheet_import_rows')
    .select([value.as('value'), (eb) => eb.fn.countAll<string>().as('n')])
    .where('sheet_import_id', '=', sheetId)
    .where('cells', 'is not', null)
    .groupBy(value)
    .orderBy('n', 'desc')
    .limit(limit)
    .execute();
}

export async function findSheetMapping(db: Db, missionId: string, sourceName: string) {
  return db.selectFrom('sheet_mappings').selectAll().where('mission_id', '=', missionId).where('source_name', '=', sourceName).executeTakeFirst();
}

/** The saved mapping whose headers are exactly these (a known source's sheet arriving without its name). */
export async function sheetMappingsOf(db: Db, missionId: string) {
  return db.selectFrom('sheet_mappings').select(['source_name', 'columns', 'updated_at']).where('mission_id', '=', missionId).orderBy('updated_at', 'desc').execute();
}

export async function saveSheetMapping(
  db: Db,
  m: { missionId: string; sourceName: string; columns: Record<string, string>; sexValues: Record<string, string>; dateOrder: string; updatedBy: string },
): Promise<void> {
  const values = { columns: JSON.stringify(m.columns), sex_values: JSON.stringify(m.sexValues), date_order: m.dateOrder, updated_by: m.updatedBy, updated_at: new Date() };
  await db
    .insertInto('sheet_mappings')
    .values({ mission_id: m.missionId, source_name: m.sourceName, ...values })
    .onConflict((oc) => oc.columns(['mission_id', 'source_name']).doUpdateSet(values))
    .execute();
}

/** Whether the sheet's import job is still queued or running (a restart fails it, leaving the sheet "importing"). */
export async function sheetJobIsActive(db: Db, jobId: string | null): Promise<boolean> {
  if (!jobId) return false;
  const job = await db.selectFrom('jobs').select('status').where('id', '=', jobId).executeTakeFirst();
  return job?.status === 'queued' || job?.status === 'running';
}
