import type { PersonRecord } from '@homeward/domain/person-record';
import { REPEATABLE_FIELDS, SHEET_FIELDS, type SheetField, type SheetMapping } from '@homeward/domain/sheets';

/** A column's header as shown: its text, or "Column N" when the sheet left it empty. */
export function columnLabel(headers: readonly string[], index: number, unnamed: (n: number) => string): string {
  const header = headers[index]?.trim();
  return header ? header : unnamed(index + 1);
}

/** What stops a mapping: a field taken by two columns, or no name column. Checked before the preview. */
export function mappingProblems(mapping: SheetMapping): { twice: SheetField[]; noName: boolean } {
  const counts = new Map<SheetField, number>();
  for (const f of mapping.columns) counts.set(f, (counts.get(f) ?? 0) + 1);
  const twice = SHEET_FIELDS.filter((f) => !REPEATABLE_FIELDS.has(f) && (counts.get(f) ?? 0) > 1);
  const noName = !mapping.columns.some((f) => f === 'given' || f === 'full_name');
  return { twice, noName };
}

/** The names of a record as one line each ("given father grandfather family", or the full name). */
export function recordNames(record: PersonRecord): string[] {
  return record.names.map((n) => n.full ?? [n.given, n.father, n.grandfather, n.family].filter(Boolean).join(' '));
}

/** A parent's name as the record has it. */
export const parentName = (record: PersonRecord, role: 'mother' | 'father') => {
  const n = record[role]?.names?.[0];
  return n ? (n.full ?? [n.given, n.family].filter(Boolean).join(' ')) : null;
};

/** Text of another direction (a file name, a source name) isolated inside a sentence, so RTL text stays in order. */
export const isolate = (text: string) => `\u2068${text}\u2069`;
