import type { z } from 'zod';
import {
  birthSchema,
  originSchema,
  parentSchema,
  partialDateSchema,
  personNameSchema,
  personRecordSchema,
  sexSchema,
} from './person-record.schema';
import type { PersonName, PersonRecord } from './person-record.schema';

/** A line that loaded, with the optional fields we had to drop because they were malformed. */
export interface PersonLineRecord {
  ok: true;
  lineNo: number;
  record: PersonRecord;
  warnings: string[];
}

/** A line that could not load: reported by number and skipped, the rest of the file still loads. */
export interface PersonLineError {
  ok: false;
  lineNo: number;
  reason: string;
}

export type PersonLineResult = PersonLineRecord | PersonLineError;

const optionalFields: ReadonlyArray<readonly [string, z.ZodType]> = [
  ['sex', sexSchema],
  ['birth', birthSchema],
  ['mother', parentSchema],
  ['father', parentSchema],
  ['origin', originSchema],
  ['departed_home', partialDateSchema.nullable()],
];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${path}${issue.message}`;
}

/**
 * Parses one JSON Lines line of `homeward.person/1`. Pure, so the server import, the CLI and workers share
 * it. Returns `null` for a blank line (nothing to report). Missing `id`/`names` or broken JSON is an error;
 * a malformed optional field is dropped with a warning rather than losing the whole person.
 */
export function parsePersonLine(line: string, lineNo: number): PersonLineResult | null {
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, lineNo, reason: `not valid JSON (${(error as Error).message})` };
  }
  return parsePersonValue(value, lineNo);
}

/** Validates an already-parsed JSON value as a person record (same rules as `parsePersonLine`). */
export function parsePersonValue(value: unknown, lineNo: number): PersonLineResult {
  if (!isPlainObject(value)) return { ok: false, lineNo, reason: 'not a JSON object' };
  const fast = personRecordSchema.safeParse(value);
  if (fast.success) return { ok: true, lineNo, record: fast.data, warnings: [] };

  const rawId = value['id'];
  const id = typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : rawId;
  if (typeof id !== 'string' || id.trim() === '') return { ok: false, lineNo, reason: 'missing id' };
  const rawNames = value['names'];
  if (!Array.isArray(rawNames) || rawNames.length === 0) {
    return { ok: false, lineNo, reason: `missing names (record ${id})` };
  }
  const warnings: string[] = [];
  const names: PersonName[] = [];
  rawNames.forEach((entry, index) => {
    const parsed = personNameSchema.safeParse(entry);
    if (parsed.success) names.push(parsed.data);
    else warnings.push(`names.${index} dropped: ${firstIssue(parsed.error)}`);
  });
  if (names.length === 0) return { ok: false, lineNo, reason: `no usable names (record ${id})` };

  const record: Record<string, unknown> = { ...value, id: id.trim(), names };
  for (const [key, schema] of optionalFields) {
    if (!(key in value) || value[key] === undefined) continue;
    const parsed = schema.safeParse(value[key]);
    if (parsed.success) record[key] = parsed.data;
    else {
      delete record[key];
      warnings.push(`${key} dropped: ${firstIssue(parsed.error)}`);
    }
  }
  const final = personRecordSchema.safeParse(record);
  if (!final.success) return { ok: false, lineNo, reason: firstIssue(final.error) };
  return { ok: true, lineNo, record: final.data, warnings };
}
