/**
 * A small RFC 4180 splitter: lab exports quote fields that contain commas or quotes, and an importer that
 * splits on every comma would silently shift columns.
 */

/** One CSV record with the 1-based line it starts on, so errors can name the row. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Splits CSV text into records; a quote left open is reported rather than swallowing the rest. */
export function splitCsv(textIn: string): { records: CsvRecord[]; error: string | null } {
  const text = textIn.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]?.trim() === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
    i++;
  }
  if (quoted) return { records, error: `line ${recordLine}: a quoted field is never closed` };
  if (field !== '' || fields.length > 0) endRecord();
  return { records, error: null };
}
