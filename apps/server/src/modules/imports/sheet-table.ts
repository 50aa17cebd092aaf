import { parse as parseCsv } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
import { AppError } from '../../lib/errors';

/**
 * A spreadsheet's bytes as a table of text cells: CSV (any delimiter, UTF-8 or the Windows code pages that
 * Excel writes Arabic, Cyrillic and Azerbaijani lists in) or XLSX (the first sheet with data). Pure CPU work,
 * run in a worker thread by `sheet-parse.ts`.
 */

/** One data row: its spreadsheet row number (as the list's reader sees it) and its cells (null = empty). */
export interface SheetTableRow {
  row: number;
  cells: (string | null)[];
}

export interface SheetTable {
  format: 'csv' | 'xlsx';
  sheetName: string | null;
  headerRow: number;
  headers: string[];
  rows: SheetTableRow[];
}

const MAX_COLUMNS = 200;

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** The text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else the likeliest Windows code page. */
export function decodeCsv(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Excel's "CSV" is written in the machine's code page: Arabic (1256), Cyrillic (1251) or Turkish and
    // Azerbaijani Latin (1254). The right one turns the high bytes into letters of one script; an Arabic or
    // Cyrillic letter inside a Latin word ("Şirin" read as 1256 gives «ق» + "irin") counts against it.
    const candidates = [
      { encoding: 'windows-1256', letter: /[\u0600-\u06ff]/, mixes: true },
      { encoding: 'windows-1251', letter: /[\u0400-\u04ff]/, mixes: true },
      { encoding: 'windows-1254', letter: /[\u00c0-\u024f]/, mixes: false },
    ];
    let best = { text: '', score: -Infinity };
    for (const c of candidates) {
      const text = new TextDecoder(c.encoding).decode(bytes);
      let score = 0;
      for (let i = 0; i < text.length; i++) {
        if (!c.letter.test(text[i]!)) continue;
        const inLatinWord = /[A-Za-z]/.test(text[i - 1] ?? '') || /[A-Za-z]/.test(text[i + 1] ?? '');
        score += c.mixes && inLatinWord ? -1 : 1;
      }
      if (score > best.score) best = { text, score };
    }
    return best.text;
  }
}

/** The delimiter of a CSV file: the one of `, ; tab |` that splits its first lines most evenly. */
function delimiterOf(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 10);
  let best = { delimiter: ',', score: 0 };
  for (const delimiter of [',', ';', '\t', '|']) {
    const counts = lines.map((l) => l.split(delimiter).length - 1);
    const min = Math.min(...counts);
    const score = min > 0 ? min * 10 + counts.filter((c) => c === counts[0]).length : 0;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = String(value).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/**
 * Turn raw rows into the table: the header row is the first of the first ten rows that fills at least half
 * of the widest row (a title such as «قائمة الأطفال في دار …» above the headers is skipped), empty rows are
 * dropped, and columns past the last header that hold data get an empty header of their own.
 */
export function tableOf(raw: readonly (readonly unknown[])[], format: 'csv' | 'xlsx', sheetName: string | null, maxRows: number): SheetTable {
  const rows = raw.map((r, i) => ({ row: i + 1, cells: r.map(cellText) }));
  const filled = (cells: (string | null)[]) => cells.filter((c) => c !== null).length;
  const nonEmpty = rows.filter((r) => filled(r.cells) > 0);
  if (nonEmpty.length === 0) throw new AppError('validation_failed', 'The sheet is empty.');
  const widest = Math.max(...nonEmpty.slice(0, 10).map((r) => filled(r.cells)));
  const header = nonEmpty.slice(0, 10).find((r) => filled(r.cells) >= Math.max(1, Math.ceil(widest / 2)))!;
  const data = nonEmpty.filter((r) => r.row > header.row);
  if (data.length > maxRows) {
    throw new AppError('validation_failed', `The sheet has ${data.length} rows; at most ${maxRows} can be imported at once. Split it into smaller sheets.`);
  }
  let width = header.cells.length;
  for (const r of data) width = Math.max(width, r.cells.length);
  while (width > 0 && header.cells[width - 1] == null && data.every((r) => r.cells[width - 1] == null)) width--;
  if (width > MAX_COLUMNS) throw new AppError('validation_failed', `The sheet has ${width} columns; at most ${MAX_COLUMNS} are read.`);
  const pad = (cells: (string | null)[]) => Array.from({ length: width }, (_, i) => cells[i] ?? null);
  return {
    format,
    sheetName,
    headerRow: header.row,
    headers: pad(header.cells).map((h) => h ?? ''),
    rows: data.map((r) => ({ row: r.row, cells: pad(r.cells) })),
  };
}

/** Read a CSV or XLSX file (told apart by its first bytes, not its name) into a table. */
export async function readSheetTable(bytes: Uint8Array, fileName: string, maxRows: number): Promise<SheetTable> {
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new AppError('validation_failed', 'This is an old Excel file (.xls). Save it as .xlsx or .csv and upload it again.');
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (/\.ods$/i.test(fileName)) throw new AppError('validation_failed', 'OpenDocument sheets (.ods) are not read. Save it as .xlsx or .csv.');
    let sheets: { sheet: string; data: unknown[][] }[];
    try {
      sheets = (await readExcelFile(Buffer.from(bytes))) as { sheet: string; data: unknown[][] }[];
    } catch {
      throw new AppError('validation_failed', 'The file could not be read as an Excel workbook (.xlsx).');
    }
    const first = sheets.find((s) => s.data.some((r) => r.some((c) => cellText(c) !== null)));
    if (!first) throw new AppError('validation_failed', 'The workbook has no sheet with data.');
    return tableOf(first.data, 'xlsx', first.sheet, maxRows);
  }
  const text = decodeCsv(bytes).replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new AppError('validation_failed', 'The file is neither a CSV text file nor an Excel workbook (.xlsx).');
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    const where = err instanceof Error && 'lines' in err ? ` (near line ${String((err as { lines: number }).lines)})` : '';
    throw new AppError('validation_failed', `The CSV file could not be read${where}: check its quotes.`);
  }
  return tableOf(records, 'csv', null, maxRows);
}
