import { sql } from 'kysely';
import { AppError } from './errors';

/**
 * Keyset pages of lists ordered newest first by (created_at, id). The cursor carries the creation time to
 * the microsecond, as the database keeps it: a JavaScript Date keeps milliseconds only, and a cursor cut to
 * the millisecond would skip the rows created in the same millisecond as the last row of a page.
 */
export interface Keyset {
  at: string;
  id: string;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Select it as `created_key` next to the rows: the time part of the next page's cursor. */
export function createdKey(column: string) {
  return sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The cursor after the last row of a full page, or null when the page was not full. */
export function nextCursor(rows: ReadonlyArray<{ created_key: string; id: string }>, limit: number): string | null {
  const last = rows.at(-1);
  return rows.length === limit && last ? `${last.created_key}|${last.id}` : null;
}

/** A cursor this list gave out (else a 400 that says to start again). */
export function parseCursor(after: string | undefined): Keyset | null {
  if (after === undefined) return null;
  const m = CURSOR.exec(after);
  if (!m) throw new AppError('validation_failed', 'The page cursor "after" is not one this list gave out; start again from the first page.');
  return { at: m[1]!, id: m[2]! };
}

/** Rows older than the cursor in (created_at, id) order. */
export function olderThan(keyset: Keyset, createdColumn: string, idColumn: string) {
  return sql<boolean>`(${sql.ref(createdColumn)}, ${sql.ref(idColumn)}) < (${keyset.at}::timestamptz, ${keyset.id}::uuid)`;
}
