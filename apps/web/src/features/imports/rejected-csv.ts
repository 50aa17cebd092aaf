import type { LineProblem } from './imports.queries';

/** A CSV field, quoted, with a leading formula character neutralised so a spreadsheet shows it as text. */
function field(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The rejected lines of an import as CSV (line, reason), made in the browser from the job's result so the
 * officer can fix the source file. Starts with a BOM so that spreadsheet programs read it as UTF-8.
 */
export function rejectedLinesCsv(problems: readonly LineProblem[]): string {
  const rows = [['line', 'reason'].map(field).join(','), ...problems.map((p) => [field(p.line), field(p.reason)].join(','))];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
