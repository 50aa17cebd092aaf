import { birthYearWindow, nameSearchText } from '@homeward/domain';
import { detectScript } from '@homeward/domain/names';
import type { Parent, PersonLineResult, PersonName, PersonRecord } from '@homeward/domain/person-record';

/**
 * `homeward.person/1` records turned into the registry's facts, without I/O: this runs in the parsing worker
 * (script detection and search text are the CPU-heavy part of an import), in the CLI and in tests.
 */

/** One name as the registry stores it; `searchText` computed here so the database thread does not. */
export interface ImportedName {
  given: string | null;
  father: string | null;
  grandfather: string | null;
  family: string | null;
  full: string | null;
  script: 'Latn' | 'Cyrl' | 'Arab';
  kind: 'official' | 'reported' | 'alias' | 'kunya';
  searchText: string;
}

/** What is known of a birth, in the columns of `person_births`. */
export interface ImportedBirth {
  date: string | null;
  estimatedAgeYears: number | null;
  estimatedOn: string | null;
  estimateMethod: 'stated' | 'medical' | 'dental' | 'other' | null;
  place: string | null;
  country: string | null;
}

/** An attribute version: origin and departure (identity), and keys we do not know (kept, never dropped). */
export interface ImportedAttribute {
  category: 'identity' | 'notes';
  key: string;
  value: unknown;
}

/** One person to create or update, found again by its source id. */
export interface ImportedPerson {
  sourceId: string;
  /** null: the record does not say (keep what is recorded). */
  sex: 'F' | 'M' | 'U' | null;
  names: ImportedName[];
  birth: ImportedBirth | null;
  attributes: ImportedAttribute[];
}

/** A line that loaded: the person and what it says of the parents (linked person records). */
export interface ImportedRecord {
  line: number;
  person: ImportedPerson;
  mother: ImportedPerson | null;
  father: ImportedPerson | null;
  warnings: string[];
}

/** One parsed line: a record to write, or a rejection with its line number and reason. */
export type ImportItem = { ok: true; record: ImportedRecord } | { ok: false; line: number; reason: string };

/** Keys of the format; every other top-level key is kept as an extra attribute under this prefix. */
export const KNOWN_KEYS = new Set(['id', 'sex', 'names', 'birth', 'mother', 'father', 'origin', 'departed_home']);
export const EXTRA_PREFIX = 'imported.';
/** Parents have no id in the format: they are found again as "<child id>#mother" / "#father" of the same source. */
export const parentSourceId = (childId: string, role: 'mother' | 'father') => `${childId}#${role}`;

const clean = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null);

function mapName(n: PersonName, kind?: ImportedName['kind']): ImportedName | null {
  const parts = { given: clean(n.given), father: clean(n.father), grandfather: clean(n.grandfather), family: clean(n.family), full: clean(n.full) };
  if (!parts.given && !parts.father && !parts.grandfather && !parts.family && !parts.full) return null;
  const detected = detectScript(Object.values(parts).filter(Boolean).join(' '));
  const script = n.script ?? (detected === 'Zyyy' ? 'Latn' : detected);
  return { ...parts, script, kind: kind ?? n.kind ?? 'reported', searchText: nameSearchText(parts) };
}

/** A partial date (YYYY, YYYY-MM) as the first day it covers: `estimated_on` is a calendar date column. */
export const fullDate = (partial: string) => (partial.length === 4 ? `${partial}-01-01` : partial.length === 7 ? `${partial}-01` : partial);

const METHODS = new Set(['stated', 'medical', 'dental', 'other']);

function mapBirth(birth: PersonRecord['birth']): ImportedBirth | null {
  if (!birth) return null;
  const est = birth.estimated_age ?? null;
  const rawMethod = est ? est['method'] : undefined;
  const mapped: ImportedBirth = {
    date: birth.date ?? null,
    estimatedAgeYears: est ? est.years : null,
    estimatedOn: est ? fullDate(est.on) : null,
    estimateMethod: est ? (typeof rawMethod === 'string' && METHODS.has(rawMethod) ? (rawMethod as ImportedBirth['estimateMethod']) : 'other') : null,
    place: clean(birth.place),
    country: birth.country ? birth.country.toUpperCase() : null,
  };
  // The registry stores a birth only when something pins it down (a date, an estimate or a place).
  return mapped.date || mapped.estimatedOn || mapped.place ? mapped : null;
}

function mapParent(childId: string, role: 'mother' | 'father', parent: Parent | undefined): ImportedPerson | null {
  if (!parent) return null;
  const names = (parent.names ?? []).map((n) => mapName(n)).filter((n): n is ImportedName => n !== null);
  const kunya = clean(parent.kunya);
  if (kunya) {
    const k = mapName({ full: kunya }, 'kunya');
    if (k) names.push(k);
  }
  const birthYear = parent.birth_year ?? null;
  if (names.length === 0 && birthYear === null) return null;
  return {
    sourceId: parentSourceId(childId, role),
    sex: role === 'mother' ? 'F' : 'M',
    names,
    birth: birthYear === null ? null : { date: String(birthYear), estimatedAgeYears: null, estimatedOn: null, estimateMethod: null, place: null, country: null },
    attributes: [],
  };
}

/** Map a validated record to the person and parent facts the registry stores. */
export function mapPersonRecord(record: PersonRecord, line: number, warnings: string[] = []): ImportedRecord {
  const attributes: ImportedAttribute[] = [];
  if (record.origin) attributes.push({ category: 'identity', key: 'origin', value: record.origin });
  if (record.departed_home) attributes.push({ category: 'identity', key: 'departed_home', value: record.departed_home });
  for (const [key, value] of Object.entries(record)) {
    if (!KNOWN_KEYS.has(key) && value !== undefined) attributes.push({ category: 'notes', key: `${EXTRA_PREFIX}${key}`, value });
  }
  return {
    line,
    person: {
      sourceId: record.id,
      sex: record.sex ?? null,
      names: record.names.map((n) => mapName(n)).filter((n): n is ImportedName => n !== null),
      birth: mapBirth(record.birth),
      attributes,
    },
    mother: mapParent(record.id, 'mother', record.mother),
    father: mapParent(record.id, 'father', record.father),
    warnings,
  };
}

/** A parsed line (or null for a blank one) as an import item. */
export function importItemOf(parsed: PersonLineResult | null): ImportItem | null {
  if (!parsed) return null;
  if (!parsed.ok) return { ok: false, line: parsed.lineNo, reason: parsed.reason };
  const mapped = mapPersonRecord(parsed.record, parsed.lineNo, parsed.warnings);
  if (mapped.person.names.length === 0) return { ok: false, line: parsed.lineNo, reason: `no usable names (record ${parsed.record.id})` };
  return { ok: true, record: mapped };
}

/** Identity of a name version for "did it change?": every stored part, its script and its kind. */
export const nameKey = (n: Omit<ImportedName, 'searchText'>) => JSON.stringify([n.given, n.father, n.grandfather, n.family, n.full, n.script, n.kind]);

/** Identity of a birth version for "did it change?". */
export const birthKey = (b: ImportedBirth) =>
  JSON.stringify([b.date, b.estimatedAgeYears === null ? null : Number(b.estimatedAgeYears), b.estimatedOn, b.estimateMethod, b.place, b.country]);

/** The birth-year window kept on the person row for age filters. */
export const birthWindowOf = (b: ImportedBirth | null) =>
  b ? birthYearWindow({ date: b.date, estimatedAgeYears: b.estimatedAgeYears, estimatedOn: b.estimatedOn }) : null;
