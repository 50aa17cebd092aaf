import { z } from 'zod';

/**
 * What a column of a host-country or NGO spreadsheet may hold, as a field of a person record. The same words
 * in the database (saved mappings), the API, the code and the mapping screen.
 */
export const SHEET_FIELDS = [
  'given',
  'father',
  'grandfather',
  'family',
  'full_name',
  'sex',
  'birth_date',
  'birth_year',
  'estimated_age',
  'birth_place',
  'shelter',
  'source_id',
  'mother_name',
  'father_name',
  'notes',
  'ignore',
] as const;
export const sheetFieldSchema = z.enum(SHEET_FIELDS);
export type SheetField = z.infer<typeof sheetFieldSchema>;

/**
 * Fields several columns may carry: a list may give a name in Arabic and in Latin letters (two full names),
 * and any number of columns may be kept as notes or left out. Every other field comes from one column.
 */
export const REPEATABLE_FIELDS: ReadonlySet<SheetField> = new Set(['full_name', 'notes', 'ignore']);

/** How the day, month and year of a date written with separators are ordered (Iraq and Azerbaijan: DMY). */
export const DATE_ORDERS = ['DMY', 'MDY', 'YMD'] as const;
export const dateOrderSchema = z.enum(DATE_ORDERS);
export type DateOrder = z.infer<typeof dateOrderSchema>;

export const sheetSexSchema = z.enum(['F', 'M', 'U']);
export type SheetSex = z.infer<typeof sheetSexSchema>;

/**
 * A column mapping: one field per column (in the sheet's column order), how the values of the sex column
 * read (folded value → F/M/U, beyond the built-in words), the date order, and the day on which the ages of
 * the list were estimated (usually the day the list was compiled).
 */
export const sheetMappingSchema = z
  .object({
    columns: z.array(sheetFieldSchema).min(1).max(500),
    sexValues: z.record(z.string().max(100), sheetSexSchema).default({}),
    dateOrder: dateOrderSchema.default('DMY'),
    ageOn: z.iso.date('Write the day the ages were estimated as YYYY-MM-DD.'),
  })
  .superRefine((mapping, ctx) => {
    const seen = new Set<SheetField>();
    mapping.columns.forEach((field, index) => {
      if (REPEATABLE_FIELDS.has(field)) return;
      if (seen.has(field)) ctx.addIssue({ code: 'custom', path: ['columns', index], message: `Only one column may be mapped to ${field}.` });
      seen.add(field);
    });
    const names = mapping.columns.some((f) => f === 'given' || f === 'full_name');
    if (!names) ctx.addIssue({ code: 'custom', path: ['columns'], message: 'Map at least one column to the person’s own name or full name.' });
  });
export type SheetMapping = z.infer<typeof sheetMappingSchema>;

/**
 * Why a row cannot be imported (an error) or what looks wrong in it (a warning). Codes, not sentences: the
 * web app and the rejected-rows file word them in the reader's language (`sheet-reasons.ts`).
 */
export const SHEET_REASON_CODES = [
  'name_missing',
  'sex_unrecognised',
  'birth_date_invalid',
  'birth_date_in_future',
  'birth_year_invalid',
  'age_invalid',
  'value_too_long',
  'source_id_repeated',
  'possible_duplicate',
  'duplicate_in_sheet',
  'age_disagrees_with_birth',
] as const;
export const sheetReasonCodeSchema = z.enum(SHEET_REASON_CODES);
export type SheetReasonCode = z.infer<typeof sheetReasonCodeSchema>;

/** One reason with what it is about: the column (its header), the value read, an earlier row, a person. */
export const sheetReasonSchema = z.object({
  code: sheetReasonCodeSchema,
  column: z.string().optional(),
  value: z.string().optional(),
  row: z.number().int().optional(),
  personId: z.string().optional(),
  personName: z.string().optional(),
  probability: z.number().optional(),
});
export type SheetReason = z.infer<typeof sheetReasonSchema>;

/** Longest cell a row may carry into a person's record (longer cells are almost always pasted by mistake). */
export const MAX_CELL_LENGTH = 500;
