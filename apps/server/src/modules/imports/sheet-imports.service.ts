import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  SHEET_MAX_BYTES,
  SHEET_MAX_ROWS,
  sheetImportResultSchema,
  type ImportSheetRequest,
  type PreviewSheetResponse,
  type ProposedMapping,
  type SheetRowView,
  type SheetView,
  type UploadSheetRequest,
} from '@homeward/domain';
import {
  foldSexValue,
  type ReasonLanguage,
  normaliseHeader,
  parseSex,
  readSheetRow,
  REPEATABLE_FIELDS,
  sheetFieldSchema,
  sheetMappingSchema,
  sheetSexSchema,
  suggestMapping,
  type DateOrder,
  type SheetField,
  type SheetMapping,
  type SheetReason,
  type SheetReasonCode,
} from '@homeward/domain/sheets';
import type { Database } from '../../db/schema';
import { auditActor, requireCategory, requireScope } from '../../lib/access';
import { recordAudit } from '../../lib/audit';
import type { Actor } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import type { ImportTarget } from './person-import.service';
import { parseSheetFile } from './sheet-parse';
import {
  countSheetRows,
  distinctColumnValues,
  findSheetImport,
  findSheetMapping,
  firstSheetRows,
  insertSheetImport,
  lockSheetImport,
  markSheetImporting,
  saveSheetMapping,
  sheetMappingsOf,
  sheetRowsOffset,
  sheetJobIsActive,
  sheetRowsPage,
  type SheetRowStatus,
} from './sheet-imports.repository';
import type { SheetImportJob } from './sheet-import.job';
import { rejectedRowsCsv, rejectedRowsXlsx, type RejectedRow } from './sheet-rejected.file';

type Trx = Transaction<Database>;
type SheetRow = NonNullable<Awaited<ReturnType<typeof findSheetImport>>>;

/** Rows shown with an upload and in the preview. */
const SAMPLE_ROWS = 10;
const PREVIEW_ROWS = 25;
/** Rows read for the preview's counts; a longer sheet is counted on its first rows (the import checks all). */
const PREVIEW_CHECKED = 5000;

/** Importing a sheet is importing people: `person.import` over the mission, and the right to record identity. */
function missionOf(actor: Actor, fallbackMission: string): string {
  requireScope(actor, 'person.import');
  requireCategory(actor, 'identity', 'write');
  return actor.missionId ?? fallbackMission;
}

const today = () => new Date().toISOString().slice(0, 10);

/** A header as the key a saved mapping stores it under (an empty header by its position). */
const headerKey = (header: string, index: number) => normaliseHeader(header) || `#${index + 1}`;

/** The date order the values of a birth-date column show: a first part above 12 is a day, a second a month. */
function dateOrderOf(rows: readonly (readonly (string | null)[])[], column: number): DateOrder {
  for (const r of rows) {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}$/.exec((r[column] ?? '').trim());
    if (!m) continue;
    if (Number(m[1]) > 12) return 'DMY';
    if (Number(m[2]) > 12) return 'MDY';
  }
  return 'DMY';
}

interface SavedMappingRow {
  columns: unknown;
  sex_values?: unknown;
  date_order?: string;
}

/** A saved mapping applied to this sheet's headers; a header it does not know is suggested from the dictionary. */
function applySaved(headers: readonly string[], saved: SavedMappingRow, sample: readonly (readonly (string | null)[])[]): { columns: SheetField[]; confidence: ProposedMapping['confidence'] } {
  const byHeader = (saved.columns ?? {}) as Record<string, string>;
  const suggested = suggestMapping(headers, sample);
  const columns: SheetField[] = [];
  const confidence: ProposedMapping['confidence'] = [];
  headers.forEach((h, i) => {
    const known = sheetFieldSchema.safeParse(byHeader[headerKey(h, i)]);
    if (known.success) {
      columns.push(known.data);
      confidence.push('exact');
    } else {
      columns.push(suggested[i]!.field);
      confidence.push(suggested[i]!.confidence);
    }
  });
  // A column the saved mapping did not know may not take a field the saved mapping gives another column.
  columns.forEach((f, i) => {
    if (!REPEATABLE_FIELDS.has(f) && columns.findIndex((g) => g === f) !== i) columns[i] = 'notes';
  });
  return { columns, confidence };
}

/**
 * The mapping proposed for a sheet: the one saved for the named source; else, when no source is named, a
 * saved mapping whose headers are exactly this sheet's (a known source's list arriving again); else the
 * suggestion from the header dictionary.
 */
async function proposeMapping(trx: Trx, missionId: string, sheet: Pick<SheetRow, 'id' | 'headers'>, sourceName: string | null): Promise<ProposedMapping> {
  const headers = sheet.headers as string[];
  const sample = (await firstSheetRows(trx, sheet.id, 200)).map((r) => (r.cells as (string | null)[] | null) ?? []);
  let source = sourceName;
  let saved = source ? await findSheetMapping(trx, missionId, source) : undefined;
  if (!source && headers.length >= 3) {
    // A list from a known source comes back with the same headers (a saved mapping knows every one of them).
    const keys = new Set(headers.map(headerKey));
    const same = (await sheetMappingsOf(trx, missionId)).find((m) => {
      const known = new Set(Object.keys(m.columns as Record<string, string>));
      return [...keys].every((k) => known.has(k));
    });
    if (same) {
      source = same.source_name;
      saved = await findSheetMapping(trx, missionId, same.source_name);
    }
  }
  const ageOn = today();
  if (saved) {
    const { columns, confidence } = applySaved(headers, saved, sample);
    const sexValues = Object.fromEntries(Object.entries((saved.sex_values ?? {}) as Record<string, string>).filter(([, v]) => sheetSexSchema.safeParse(v).success));
    const mapping = sheetMappingSchema.safeParse({ columns, sexValues, dateOrder: saved.date_order, ageOn });
    if (mapping.success) return { sourceName: source, origin: 'saved', mapping: mapping.data, confidence };
  }
  const suggested = suggestMapping(headers, sample);
  const columns = suggested.map((s) => s.field);
  const birthColumn = columns.indexOf('birth_date');
  const mapping: SheetMapping = { columns, sexValues: {}, dateOrder: birthColumn >= 0 ? dateOrderOf(sample, birthColumn) : 'DMY', ageOn };
  return { sourceName: source, origin: 'suggested', mapping, confidence: suggested.map((s) => s.confidence) };
}

async function presentSheet(trx: Trx, missionId: string, sheet: SheetRow): Promise<SheetView> {
  const sample = await firstSheetRows(trx, sheet.id, SAMPLE_ROWS);
  const result = sheetImportResultSchema.safeParse(sheet.result);
  return {
    id: sheet.id,
    fileName: sheet.file_name,
    format: sheet.format,
    sheetName: sheet.sheet_name,
    headers: sheet.headers as string[],
    headerRow: sheet.header_row,
    rowCount: sheet.row_count,
    sample: sample.map((r) => ({ row: r.row_number, cells: (r.cells as (string | null)[] | null) ?? [] })),
    proposed: await proposeMapping(trx, missionId, sheet, sheet.source_name),
    status: sheet.status,
    sourceName: sheet.source_name,
    mapping: sheet.mapping ? sheetMappingSchema.parse(sheet.mapping) : null,
    jobId: sheet.job_id,
    result: result.success ? result.data : null,
    createdAt: sheet.created_at.toISOString(),
  };
}

/** The bytes of an upload: base64 decoded, within the size limit. */
export function uploadBytes(request: Pick<UploadSheetRequest, 'dataBase64'>): Uint8Array {
  const bytes = Buffer.from(request.dataBase64, 'base64');
  if (bytes.length === 0) throw new AppError('validation_failed', 'The file is empty.');
  if (bytes.length > SHEET_MAX_BYTES) throw new AppError('validation_failed', `The file is larger than ${SHEET_MAX_BYTES / 1024 / 1024} MB. Split it into smaller sheets.`);
  return bytes;
}

/**
 * Read an uploaded sheet (in a worker) and keep it: the table's rows stored until imported, the answer carrying
 * its headers, first rows and the proposed mapping. The parse runs before the transaction opens.
 */
export async function readUpload(actor: Actor, fallbackMission: string, fileName: string, bytes: Uint8Array) {
  missionOf(actor, fallbackMission);
  return parseSheetFile(bytes, fileName, SHEET_MAX_ROWS);
}

export async function storeUpload(
  trx: Trx,
  actor: Actor,
  fallbackMission: string,
  upload: { fileName: string; sourceName: string | null; table: Awaited<ReturnType<typeof parseSheetFile>> },
  requestId: string,
): Promise<SheetView> {
  const missionId = missionOf(actor, fallbackMission);
  const id = randomUUID();
  const { table } = upload;
  await insertSheetImport(
    trx,
    { id, missionId, teamId: actor.teamId, uploadedBy: actor.userId, fileName: upload.fileName, format: table.format, sheetName: table.sheetName, headers: table.headers, headerRow: table.headerRow, sourceName: upload.sourceName },
    table.rows,
  );
  await recordAudit(trx, auditActor(actor), { action: 'sheet.upload', targetType: 'sheet_import', targetIds: [id], details: { rows: table.rows.length, columns: table.headers.length, format: table.format } }, requestId);
  const sheet = await findSheetImport(trx, id, missionId);
  return presentSheet(trx, missionId, sheet!);
}

async function sheetOf(trx: Trx, actor: Actor, fallbackMission: string, id: string): Promise<{ missionId: string; sheet: SheetRow }> {
  const missionId = missionOf(actor, fallbackMission);
  const sheet = await findSheetImport(trx, id, missionId);
  if (!sheet) throw notFound('sheet');
  return { missionId, sheet };
}

export async function viewSheet(trx: Trx, actor: Actor, fallbackMission: string, id: string): Promise<SheetView> {
  const { missionId, sheet } = await sheetOf(trx, actor, fallbackMission, id);
  return presentSheet(trx, missionId, sheet);
}

/** The mapping a named source would give this sheet (the mapping screen asks when the source name changes). */
export async function proposedMappingFor(trx: Trx, actor: Actor, fallbackMission: string, id: string, sourceName: string): Promise<ProposedMapping> {
  const { missionId, sheet } = await sheetOf(trx, actor, fallbackMission, id);
  return proposeMapping(trx, missionId, sheet, sourceName);
}

function checkMappingFits(sheet: SheetRow, mapping: SheetMapping): void {
  const width = (sheet.headers as string[]).length;
  if (mapping.columns.length !== width) {
    throw new AppError('validation_failed', `The mapping has ${mapping.columns.length} columns; the sheet has ${width}.`);
  }
}

/**
 * The rows read with a mapping before anything is written: the first rows in detail (the record each would
 * become, or its reasons), counts of valid and invalid rows with the reasons, and the values of the sex column.
 */
export async function previewSheet(trx: Trx, actor: Actor, fallbackMission: string, id: string, mapping: SheetMapping): Promise<PreviewSheetResponse> {
  const { sheet } = await sheetOf(trx, actor, fallbackMission, id);
  checkMappingFits(sheet, mapping);
  const headers = sheet.headers as string[];
  const rows = await firstSheetRows(trx, sheet.id, PREVIEW_CHECKED);
  const day = today();
  const firstOfId = new Map<string, number>();
  const reasonCounts: Partial<Record<SheetReasonCode, number>> = {};
  let valid = 0;
  const shown: PreviewSheetResponse['rows'] = [];
  for (const r of rows) {
    const cells = (r.cells as (string | null)[] | null) ?? [];
    const read = readSheetRow(cells, mapping, { headers, today: day, fallbackId: `row ${r.row_number}` });
    const errors: SheetReason[] = [...read.errors];
    if (read.sourceId !== null) {
      const first = firstOfId.get(read.sourceId);
      if (first !== undefined) errors.push({ code: 'source_id_repeated', value: read.sourceId, row: first });
      else firstOfId.set(read.sourceId, r.row_number);
    }
    if (errors.length === 0) valid++;
    for (const e of errors) reasonCounts[e.code] = (reasonCounts[e.code] ?? 0) + 1;
    if (shown.length < PREVIEW_ROWS) {
      shown.push({ row: r.row_number, cells, record: errors.length === 0 ? read.record : null, script: read.script, errors, warnings: read.warnings });
    }
  }
  const sexColumn = mapping.columns.indexOf('sex');
  const sexValues =
    sexColumn < 0
      ? []
      : (await distinctColumnValues(trx, sheet.id, sexColumn, 50))
          .filter((v): v is { value: string; n: string } => v.value !== null && v.value.trim() !== '')
          .map((v) => ({ value: v.value, key: foldSexValue(v.value), count: Number(v.n), sex: parseSex(v.value, mapping.sexValues) ?? null }));
  return { rows: shown, checked: rows.length, valid, invalid: rows.length - valid, reasonCounts, sexValues };
}

/**
 * Prepare importing a sheet: check the mapping, save it for the source (by header, with its sex words and date
 * order) when asked, and mark the sheet as importing (one job at a time per sheet). Returns what the job needs;
 * the route starts the job once this transaction has committed.
 */
export async function prepareSheetImport(
  trx: Trx,
  actor: Actor,
  fallbackMission: string,
  id: string,
  request: ImportSheetRequest,
  requestId: string,
): Promise<{ spec: SheetImportJob; target: ImportTarget }> {
  const missionId = missionOf(actor, fallbackMission);
  const sheet = await lockSheetImport(trx, id, missionId);
  if (!sheet) throw notFound('sheet');
  checkMappingFits(sheet, request.mapping);
  if (sheet.status === 'importing' && (await sheetJobIsActive(trx, sheet.job_id))) throw new AppError('conflict', 'This sheet is being imported already.');
  // A job cut off by a restart leaves the sheet "importing": its rows not yet done are still pending.
  if (request.rows === 'pending' && sheet.status === 'imported') throw new AppError('conflict', 'This sheet has been imported already.');
  if (request.rows === 'duplicates' && (await countSheetRows(trx, id, ['duplicate'])) === 0) throw new AppError('conflict', 'This sheet has no rows set aside as possible duplicates.');
  const headers = sheet.headers as string[];
  if (request.saveMapping) {
    // Merged with what the source's earlier lists taught: a header this sheet lacks keeps its field.
    const earlier = await findSheetMapping(trx, missionId, request.sourceName);
    const columns = { ...((earlier?.columns ?? {}) as Record<string, string>), ...Object.fromEntries(headers.map((h, i) => [headerKey(h, i), request.mapping.columns[i]!])) };
    await saveSheetMapping(trx, { missionId, sourceName: request.sourceName, columns, sexValues: request.mapping.sexValues, dateOrder: request.mapping.dateOrder, updatedBy: actor.userId });
  }
  await markSheetImporting(trx, id, { sourceName: request.sourceName, mapping: request.mapping });
  await recordAudit(
    trx,
    auditActor(actor),
    { action: 'sheet.import_start', targetType: 'sheet_import', targetIds: [id], details: { rows: request.rows, duplicates: request.duplicates, mappingSaved: request.saveMapping } },
    requestId,
  );
  const target: ImportTarget = {
    missionId,
    teamId: actor.teamId,
    sourceSystem: request.sourceName,
    recordedBy: actor.userId,
    audit: auditActor(actor),
    requestId,
  };
  return { spec: { sheetId: id, headers, mapping: request.mapping, duplicates: request.duplicates, rows: request.rows, today: today() }, target };
}

/** Rejected rows and possible duplicates of a sheet, with their reasons (the summary's table). */
export async function sheetProblemRows(
  trx: Trx,
  actor: Actor,
  fallbackMission: string,
  id: string,
  query: { status: 'rejected' | 'duplicate' | 'problems'; offset: number; limit: number },
  requestId: string,
): Promise<{ total: number; rows: SheetRowView[] }> {
  const { sheet } = await sheetOf(trx, actor, fallbackMission, id);
  const statuses: SheetRowStatus[] = query.status === 'problems' ? ['rejected', 'duplicate'] : [query.status];
  const total = await countSheetRows(trx, sheet.id, statuses);
  const rows = await sheetRowsOffset(trx, sheet.id, statuses, query.offset, query.limit);
  const duplicates = [...new Set(rows.map((r) => r.duplicate_of).filter((d): d is string => d !== null))];
  if (duplicates.length > 0) {
    await recordAudit(trx, auditActor(actor), { action: 'person.match', targetType: 'person', targetIds: duplicates, details: { sheetImportId: sheet.id } }, requestId);
  }
  return {
    total,
    rows: rows.map((r) => ({
      row: r.row_number,
      cells: (r.cells as (string | null)[] | null) ?? [],
      status: r.status,
      reasons: r.reasons as SheetReason[],
      duplicateOf: r.duplicate_of,
    })),
  };
}

/** The sources with a saved mapping, most recently used first (the upload form offers them). */
export async function sheetSources(trx: Trx, actor: Actor, fallbackMission: string) {
  const missionId = missionOf(actor, fallbackMission);
  return (await sheetMappingsOf(trx, missionId)).map((m) => ({ sourceName: m.source_name, updatedAt: m.updated_at.toISOString() }));
}


/**
 * The rows not imported (rejected, and possible duplicates not imported anyway) as a CSV or XLSX file: the
 * sheet's columns as uploaded plus a reason column in the reader's language. Audited: the file carries the
 * people's details as the list gave them.
 */
export async function rejectedRowsFile(
  trx: Trx,
  actor: Actor,
  fallbackMission: string,
  id: string,
  query: { format: 'csv' | 'xlsx'; lang: ReasonLanguage },
  requestId: string,
): Promise<{ fileName: string; contentType: string; body: string | Buffer }> {
  const { sheet } = await sheetOf(trx, actor, fallbackMission, id);
  const headers = sheet.headers as string[];
  const rows: RejectedRow[] = [];
  for (let after = 0; ; ) {
    const page = await sheetRowsPage(trx, sheet.id, ['rejected', 'duplicate'], after, 1000);
    if (page.length === 0) break;
    after = page.at(-1)!.row_number;
    for (const r of page) rows.push({ cells: (r.cells as (string | null)[] | null) ?? [], reasons: r.reasons as SheetReason[] });
  }
  await recordAudit(trx, auditActor(actor), { action: 'sheet.rejected_download', targetType: 'sheet_import', targetIds: [sheet.id], details: { rows: rows.length, format: query.format } }, requestId);
  const base = sheet.file_name.replace(/\.(csv|xlsx|txt)$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'sheet';
  if (query.format === 'xlsx') {
    return {
      fileName: `${base}-rejected.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await rejectedRowsXlsx(headers, rows, query.lang),
    };
  }
  return { fileName: `${base}-rejected.csv`, contentType: 'text/csv; charset=utf-8', body: rejectedRowsCsv(headers, rows, query.lang) };
}
