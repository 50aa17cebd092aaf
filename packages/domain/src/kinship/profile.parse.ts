import { splitCsv } from './csv.split';
import type { CsvRecord } from './csv.split';
import { strProfileSchema } from './kinship.schemas';
import type { StrProfile } from './kinship.schemas';
import { MarkerNames } from './marker-names.normalise';

/**
 * Parsers for lab files of STR profiles: CSV long (`person,marker,allele1,allele2`), CSV wide (one row per
 * person) and JSON. A parse returns every profile or every error, never half an import: a kinship result
 * built on a silently dropped marker would look stronger or weaker than the evidence is.
 */

/** What went wrong, where: `row` is the 1-based line of the file (null for JSON-level problems). */
export interface ProfileParseError {
  row: number | null;
  person: string | null;
  marker: string | null;
  message: string;
}

/** All profiles, normalised, or the complete list of errors. */
export type ProfileParseResult = { ok: true; profiles: StrProfile[] } | { ok: false; errors: ProfileParseError[] };

/** Extra marker names to accept (for example those of a loaded frequency database). */
export interface ProfileParseOptions {
  extraMarkers?: Iterable<string>;
}

const ALLELE = /^\d+(\.\d+)?$/;

/** Normalises one allele as written by a lab; returns an error message for anything else. */
export function normaliseAllele(raw: string): { allele: string } | { error: string } {
  const value = raw.trim();
  if (value === '') return { error: 'empty allele' };
  if (/^\d+,\d+$/.test(value))
    return { error: `allele "${value}" uses a decimal comma; write ${value.replace(',', '.')}` };
  if (!ALLELE.test(value)) return { error: `allele "${value}" is not a repeat number such as 12 or 9.3` };
  const [whole = '', fraction] = value.split('.');
  const integer = String(Number.parseInt(whole, 10));
  return { allele: fraction === undefined ? integer : `${integer}.${fraction}` };
}

class Collector {
  readonly errors: ProfileParseError[] = [];
  private readonly byPerson = new Map<string, StrProfile>();
  readonly names: MarkerNames;

  constructor(options: ProfileParseOptions) {
    this.names = new MarkerNames(options.extraMarkers);
  }

  fail(row: number | null, person: string | null, marker: string | null, message: string): void {
    this.errors.push({ row, person, marker, message });
  }

  /** Adds one typed marker after checking every allele; `alleles` may hold empties (ignored). */
  add(row: number | null, person: string, markerRaw: string, allelesRaw: string[]): void {
    const marker = this.names.canonical(markerRaw);
    if (marker === null) return this.fail(row, person, markerRaw, `unknown marker "${markerRaw}"`);
    const given = allelesRaw.map((a) => a.trim()).filter((a) => a !== '');
    if (given.length === 0) return this.fail(row, person, marker, 'no alleles');
    if (given.length > 2) return this.fail(row, person, marker, `${given.length} alleles; a marker has at most two`);
    const alleles: string[] = [];
    for (const raw of given) {
      const parsed = normaliseAllele(raw);
      if ('error' in parsed) return this.fail(row, person, marker, parsed.error);
      alleles.push(parsed.allele);
    }
    let profile = this.byPerson.get(person);
    if (profile === undefined) {
      profile = { person, markers: {} };
      this.byPerson.set(person, profile);
    }
    if (profile.markers[marker] !== undefined) return this.fail(row, person, marker, 'marker given twice');
    const first = alleles[0] as string;
    profile.markers[marker] = [first, alleles[1] ?? first];
  }

  /** Registers a person with no marker yet (JSON profiles keep their extra attributes). */
  seed(profile: StrProfile): void {
    this.byPerson.set(profile.person, { ...profile, markers: {} });
  }

  result(): ProfileParseResult {
    if (this.errors.length > 0) return { ok: false, errors: this.errors };
    if (this.byPerson.size === 0)
      return { ok: false, errors: [{ row: null, person: null, marker: null, message: 'no profiles' }] };
    return { ok: true, profiles: [...this.byPerson.values()] };
  }
}

function csvRecords(text: string, collector: Collector): CsvRecord[] | null {
  const { records, error } = splitCsv(text);
  if (error !== null) {
    collector.fail(null, null, null, error);
    return null;
  }
  if (records.length < 2) {
    collector.fail(records[0]?.line ?? null, null, null, 'empty file: a header and at least one row are needed');
    return null;
  }
  return records;
}

/** Parses the long CSV layout `person,marker,allele1,allele2` (header required; allele2 may be empty). */
export function parseProfilesCsvLong(text: string, options: ProfileParseOptions = {}): ProfileParseResult {
  const collector = new Collector(options);
  const records = csvRecords(text, collector);
  if (records === null) return collector.result();
  const [header, ...rows] = records;
  const columns = (header?.fields ?? []).map((f) => f.trim().toLowerCase());
  if (columns[0] !== 'person' || columns[1] !== 'marker') {
    collector.fail(header?.line ?? 1, null, null, 'header must start with person,marker');
    return collector.result();
  }
  for (const { line, fields } of rows) {
    const person = fields[0]?.trim() ?? '';
    const marker = fields[1]?.trim() ?? '';
    if (person === '') collector.fail(line, null, marker || null, 'missing person');
    else if (marker === '') collector.fail(line, person, null, 'missing marker');
    else collector.add(line, person, marker, fields.slice(2));
  }
  return collector.result();
}

const SLOT_SUFFIX = /^(.*?)[\s_.-]?(1|2|a|b)$/i;

/**
 * Parses the wide CSV layout: `person` then, per marker, two columns (`D3S1358_1`, `D3S1358_2`, or the
 * same name twice) or one column holding both alleles (`15/16`, `15 16`).
 */
export function parseProfilesCsvWide(text: string, options: ProfileParseOptions = {}): ProfileParseResult {
  const collector = new Collector(options);
  const records = csvRecords(text, collector);
  if (records === null) return collector.result();
  const [header, ...rows] = records;
  const headerFields = header?.fields ?? [];
  if (headerFields[0]?.trim().toLowerCase() !== 'person') {
    collector.fail(header?.line ?? 1, null, null, 'the first column must be person');
    return collector.result();
  }
  const columnMarker: string[] = [];
  for (const raw of headerFields.slice(1)) {
    const name = raw.trim();
    let marker = collector.names.canonical(name);
    if (marker === null) {
      const match = SLOT_SUFFIX.exec(name);
      if (match?.[1]) marker = collector.names.canonical(match[1]);
    }
    if (marker === null) collector.fail(header?.line ?? 1, null, name, `unknown marker "${name}"`);
    columnMarker.push(marker ?? name);
  }
  if (collector.errors.length > 0) return collector.result();
  const markers = [...new Set(columnMarker)];
  for (const { line, fields } of rows) {
    const person = fields[0]?.trim() ?? '';
    if (person === '') {
      collector.fail(line, null, null, 'missing person');
      continue;
    }
    if (fields.length > headerFields.length && fields.slice(headerFields.length).some((f) => f.trim() !== '')) {
      collector.fail(
        line,
        person,
        null,
        `${fields.length} fields but the header has ${headerFields.length} (a decimal comma?)`,
      );
      continue;
    }
    for (const marker of markers) {
      const cells: string[] = [];
      columnMarker.forEach((m, index) => {
        if (m === marker) cells.push(fields[index + 1] ?? '');
      });
      const alleles = cells.length === 1 ? (cells[0] ?? '').split(/[/;\s]+/) : cells;
      if (alleles.every((a) => a.trim() === '')) continue;
      collector.add(line, person, marker, alleles);
    }
  }
  return collector.result();
}

/** Parses JSON: one profile, an array of profiles, or `{ "profiles": [...] }`, as in formats/kinship.md. */
export function parseProfilesJson(json: unknown, options: ProfileParseOptions = {}): ProfileParseResult {
  const collector = new Collector(options);
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch (error) {
      collector.fail(null, null, null, `not JSON: ${(error as Error).message}`);
      return collector.result();
    }
  }
  const list = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null && 'profiles' in value
      ? (value as { profiles: unknown }).profiles
      : [value];
  if (!Array.isArray(list) || list.length === 0) {
    collector.fail(null, null, null, 'no profiles');
    return collector.result();
  }
  list.forEach((item, index) => {
    const parsed = strProfileSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path ?? [];
      const marker = path[0] === 'markers' && typeof path[1] === 'string' ? path[1] : null;
      const person = typeof item === 'object' && item !== null && 'person' in item ? String(item.person) : null;
      const message =
        marker !== null && path.length === 2 && issue?.code === 'too_big'
          ? 'more than two alleles'
          : (issue?.message ?? 'invalid');
      collector.fail(index + 1, person, marker, `profile ${index + 1}: ${message}`);
      return;
    }
    collector.seed(parsed.data);
    for (const [marker, alleles] of Object.entries(parsed.data.markers))
      collector.add(index + 1, parsed.data.person, marker, alleles);
  });
  return collector.result();
}
