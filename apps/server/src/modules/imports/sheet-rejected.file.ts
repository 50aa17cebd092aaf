import { sheetReasonText, type ReasonLanguage, type SheetReason } from '@homeward/domain/sheets';
import writeExcelFile from 'write-excel-file/node';

/**
 * The rows of a sheet that were not imported, as a file to fix and import again: the sheet's own columns, as
 * uploaded, and one column more with the reasons in the reader's language. The reason column's header is in
 * the header dictionary as "left out", so the fixed file maps itself as before.
 */

/** The header of the reason column, per language (each is known to the header dictionary). */
export const REASON_HEADER: Readonly<Record<ReasonLanguage, string>> = {
  en: 'Rejection reason',
  az: 'İmtina səbəbi',
  ru: 'Причина отказа',
  ar: 'سبب الرفض',
};

export interface RejectedRow {
  cells: readonly (string | null)[];
  reasons: readonly SheetReason[];
}

const reasonsText = (reasons: readonly SheetReason[], lang: ReasonLanguage) => reasons.map((r) => sheetReasonText(r, lang)).join(' ');

/**
 * A CSV field, quoted. A cell a spreadsheet program would run as a formula (=, +, @, or - before a letter) is
 * neutralised with a leading apostrophe; names, dates and "-" for "unknown" are left as written.
 */
function csvField(value: string | null): string {
  const text = value ?? '';
  const safe = /^[=+@\t\r]/.test(text) || /^-[^\d\s]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** CSV with a BOM, so that spreadsheet programs read it as UTF-8 (Arabic and Azerbaijani letters intact). */
export function rejectedRowsCsv(headers: readonly string[], rows: readonly RejectedRow[], lang: ReasonLanguage): string {
  const lines = [[...headers, REASON_HEADER[lang]].map(csvField).join(',')];
  for (const r of rows) lines.push([...headers.map((_, i) => r.cells[i] ?? null), reasonsText(r.reasons, lang)].map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** XLSX, every cell written as text (so an id such as "007" or a date stays as the list wrote it). */
export async function rejectedRowsXlsx(headers: readonly string[], rows: readonly RejectedRow[], lang: ReasonLanguage): Promise<Buffer> {
  const text = (value: string | null) => ({ value: value ?? undefined, type: String, format: '@' });
  const data = [
    [...headers, REASON_HEADER[lang]].map((h) => ({ ...text(h), fontWeight: 'bold' as const })),
    ...rows.map((r) => [...headers.map((_, i) => text(r.cells[i] ?? null)), text(reasonsText(r.reasons, lang))]),
  ];
  return writeExcelFile(data, { sheet: 'Rejected rows', rightToLeft: lang === 'ar' }).toBuffer();
}
