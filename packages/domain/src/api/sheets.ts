import { z } from 'zod';
import { personRecordSchema } from '../person-record/person-record.schema';
import { sheetMappingSchema, sheetReasonCodeSchema, sheetReasonSchema, sheetSexSchema } from '../sheets/sheet-mapping';

/**
 * Spreadsheet imports: upload a CSV or XLSX list, map its columns to person fields (suggested from the
 * headers, or the mapping saved for its source), preview the rows read with the mapping, import as a job,
 * then read and download the rows that were not imported, with their reasons.
 */

/** The largest sheet the web app may upload (the body carries it in base64, a third larger). */
export const SHEET_MAX_BYTES = 10 * 1024 * 1024;
/** The most data rows one sheet may have; a longer list is split, or goes through the command line as JSON Lines. */
export const SHEET_MAX_ROWS = 50_000;

export const sourceNameSchema = z.string().trim().min(1, 'Name the source of the list.').max(100);

export const uploadSheetRequestSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  /** The file's bytes in base64. */
  dataBase64: z.string().min(1).max(Math.ceil((SHEET_MAX_BYTES * 4) / 3) + 4),
  /** The source the list comes from, when the uploader already knows it: its saved mapping is applied. */
  sourceName: sourceNameSchema.optional(),
});
export type UploadSheetRequest = z.infer<typeof uploadSheetRequestSchema>;

export const sheetFormatSchema = z.enum(['csv', 'xlsx']);
export const mappingOriginSchema = z.enum(['saved', 'suggested']);
export const suggestionConfidenceSchema = z.enum(['exact', 'partial', 'none']);
export const sheetRowStatusSchema = z.enum(['pending', 'created', 'updated', 'unchanged', 'rejected', 'duplicate']);
export type SheetRowStatus = z.infer<typeof sheetRowStatusSchema>;

/** What an import job did with the rows of a sheet. */
export const sheetImportResultSchema = z.object({
  sheetId: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
});
export type SheetImportResult = z.infer<typeof sheetImportResultSchema>;

/** The mapping proposed for a sheet: saved for its source, or suggested from its headers (with how sure). */
export const proposedMappingSchema = z.object({
  sourceName: z.string().nullable(),
  origin: mappingOriginSchema,
  mapping: sheetMappingSchema,
  confidence: z.array(suggestionConfidenceSchema),
});
export type ProposedMapping = z.infer<typeof proposedMappingSchema>;

/** An uploaded sheet: its headers and first rows, the proposed mapping, and where its import stands. */
export const sheetViewSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  format: sheetFormatSchema,
  sheetName: z.string().nullable(),
  headers: z.array(z.string()),
  /** The spreadsheet row number of the header row (1 = the first row). */
  headerRow: z.number().int(),
  rowCount: z.number().int(),
  sample: z.array(z.object({ row: z.number().int(), cells: z.array(z.string().nullable()) })),
  proposed: proposedMappingSchema,
  status: z.enum(['uploaded', 'importing', 'imported']),
  /** The source and mapping the import used (null until an import starts). */
  sourceName: z.string().nullable(),
  mapping: sheetMappingSchema.nullable(),
  jobId: z.string().nullable(),
  result: sheetImportResultSchema.nullable(),
  createdAt: z.string(),
});
export type SheetView = z.infer<typeof sheetViewSchema>;

export const sheetIdParamsSchema = z.object({ id: z.string().uuid() });
export const proposedMappingQuerySchema = z.object({ source: sourceNameSchema });

export const previewSheetRequestSchema = z.object({ mapping: sheetMappingSchema });

/** One row read with a mapping: the record it would become, or its errors; warnings either way. */
export const previewRowSchema = z.object({
  row: z.number().int(),
  cells: z.array(z.string().nullable()),
  record: personRecordSchema.nullable(),
  script: z.enum(['Latn', 'Cyrl', 'Arab']).nullable(),
  errors: z.array(sheetReasonSchema),
  warnings: z.array(sheetReasonSchema),
});
export type PreviewRow = z.infer<typeof previewRowSchema>;

export const previewSheetResponseSchema = z.object({
  rows: z.array(previewRowSchema),
  /** Rows checked for the counts (all of them, up to a limit on very long sheets). */
  checked: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  reasonCounts: z.partialRecord(sheetReasonCodeSchema, z.number().int()),
  /** The values of the sex column, how often each occurs and how the mapping reads it (null: not known). */
  sexValues: z.array(z.object({ value: z.string(), key: z.string(), count: z.number().int(), sex: sheetSexSchema.nullable() })),
});
export type PreviewSheetResponse = z.infer<typeof previewSheetResponseSchema>;

export const importSheetRequestSchema = z.object({
  sourceName: sourceNameSchema,
  mapping: sheetMappingSchema,
  /** Save the mapping for the source, so the next list from it maps itself. */
  saveMapping: z.boolean().default(true),
  /** `import`: create rows that look like people already in the registry anyway ("import anyway"). */
  duplicates: z.enum(['skip', 'import']).default('skip'),
  /** `pending`: the rows not yet imported; `duplicates`: the rows set aside as possible duplicates. */
  rows: z.enum(['pending', 'duplicates']).default('pending'),
});
export type ImportSheetRequest = z.infer<typeof importSheetRequestSchema>;
export const importSheetResponseSchema = z.object({ jobId: z.string() });

export const sheetRowsQuerySchema = z.object({
  status: z.enum(['rejected', 'duplicate', 'problems']).default('problems'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const sheetRowViewSchema = z.object({
  row: z.number().int(),
  cells: z.array(z.string().nullable()),
  status: sheetRowStatusSchema,
  reasons: z.array(sheetReasonSchema),
  duplicateOf: z.string().nullable(),
});
export type SheetRowView = z.infer<typeof sheetRowViewSchema>;
export const sheetRowsResponseSchema = z.object({ total: z.number().int(), rows: z.array(sheetRowViewSchema) });

export const rejectedRowsQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  lang: z.enum(['en', 'az', 'ru', 'ar']).default('en'),
});

export const sheetSourcesResponseSchema = z.array(z.object({ sourceName: z.string(), updatedAt: z.string() }));
