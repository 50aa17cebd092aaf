import { detectScript } from '../names/script.detect';
import { personRecordSchema, type PersonName, type PersonRecord } from '../person-record/person-record.schema';
import { MAX_CELL_LENGTH, type SheetMapping, type SheetReason } from './sheet-mapping';
import { parseAge, parseBirthYear, parseSex, parseSheetDate } from './value-parse';

/** One row of a sheet read with a mapping: the person record to import, or why not, and what looks odd. */
export interface SheetRowResult {
  /** The record, when the row has no errors. */
  record: PersonRecord | null;
  /** The source id written on the row (null: none; the import gives the row an id of its own). */
  sourceId: string | null;
  /** The script of the first name read, as detected (the mapping never asks for it). */
  script: 'Latn' | 'Cyrl' | 'Arab' | null;
  errors: SheetReason[];
  warnings: SheetReason[];
}

/** What a row is read against: its headers, the day ages are relative to, and "today" for dates in the future. */
export interface SheetRowContext {
  headers: readonly string[];
  today: string;
  /** The id a row gets when it carries none (unique within the sheet). */
  fallbackId: string;
}

const YEAR_MS = 365.25 * 86_400_000;

/**
 * Read one row of a sheet into a `homeward.person/1` record with the column mapping: the name parts and full
 * names (script detected), sex through the value mapping, a birth date, a year or an estimated age on the
 * mapping's day, the birth place, the parents' names as linked parent records, and the shelter and notes as
 * extra keys (kept as the record's extra attributes, never dropped). Errors make the row rejected with codes
 * the reader's language words; warnings are shown but do not stop the import.
 */
export function readSheetRow(cells: readonly (string | null)[], mapping: SheetMapping, ctx: SheetRowContext): SheetRowResult {
  const errors: SheetReason[] = [];
  const warnings: SheetReason[] = [];
  const header = (i: number) => ctx.headers[i] ?? `#${i + 1}`;
  const parts: Partial<Record<'given' | 'father' | 'grandfather' | 'family', string>> = {};
  const fullNames: string[] = [];
  const notes: Record<string, string> = {};
  let sourceId = null as string | null;
  let sex = undefined as PersonRecord['sex'];
  let birthDate = null as string | null;
  let birthYear = null as number | null;
  let age = null as number | null;
  let birthPlace = null as string | null;
  let shelter = null as string | null;
  let motherName = null as string | null;
  let fatherName = null as string | null;

  mapping.columns.forEach((field, i) => {
    if (field === 'ignore') return;
    const value = (cells[i] ?? '').replace(/\s+/g, ' ').trim();
    if (value === '') return;
    if (value.length > MAX_CELL_LENGTH) {
      errors.push({ code: 'value_too_long', column: header(i), value: `${value.slice(0, 40)}…` });
      return;
    }
    switch (field) {
      case 'given':
      case 'father':
      case 'grandfather':
      case 'family':
        parts[field] = value;
        return;
      case 'full_name':
        fullNames.push(value);
        return;
      case 'sex': {
        const read = parseSex(value, mapping.sexValues);
        if (read === null) errors.push({ code: 'sex_unrecognised', column: header(i), value });
        else sex = read;
        return;
      }
      case 'birth_date': {
        const date = parseSheetDate(value, mapping.dateOrder, ctx.today);
        if (!date) errors.push({ code: 'birth_date_invalid', column: header(i), value });
        else if (date > ctx.today.slice(0, date.length)) errors.push({ code: 'birth_date_in_future', column: header(i), value });
        else birthDate = date;
        return;
      }
      case 'birth_year': {
        const year = parseBirthYear(value, ctx.today);
        if (year === null) errors.push({ code: 'birth_year_invalid', column: header(i), value });
        else birthYear = year;
        return;
      }
      case 'estimated_age': {
        const years = parseAge(value);
        if (years === null) errors.push({ code: 'age_invalid', column: header(i), value });
        else age = years;
        return;
      }
      case 'birth_place':
        birthPlace = value;
        return;
      case 'shelter':
        shelter = value;
        return;
      case 'source_id':
        sourceId = value;
        return;
      case 'mother_name':
        motherName = value;
        return;
      case 'father_name':
        fatherName = value;
        return;
      case 'notes':
        notes[header(i)] = value;
        return;
    }
  });

  const names: PersonName[] = [];
  if (parts.given || parts.father || parts.grandfather || parts.family) names.push({ ...parts, kind: 'reported' });
  for (const full of fullNames) names.push({ full, kind: 'reported' });
  if (!parts.given && fullNames.length === 0) errors.push({ code: 'name_missing' });
  const firstName = names[0];
  const detected = firstName ? detectScript(Object.values(firstName).join(' ')) : 'Zyyy';
  const script = detected === 'Zyyy' ? null : detected;

  const date = birthDate ?? (birthYear !== null ? String(birthYear) : null);
  if (birthDate && birthYear !== null && Number(birthDate.slice(0, 4)) !== birthYear) {
    warnings.push({ code: 'age_disagrees_with_birth', value: `${birthDate} / ${birthYear}` });
  }
  if (date && age !== null) {
    const born = Date.parse(date.length === 4 ? `${date}-07-01` : date.length === 7 ? `${date}-15` : date);
    const implied = (Date.parse(mapping.ageOn) - born) / YEAR_MS;
    if (Math.abs(implied - age) > 2) warnings.push({ code: 'age_disagrees_with_birth', value: `${date} / ${age}` });
  }

  if (errors.length > 0) return { record: null, sourceId, script, errors, warnings };
  const record: PersonRecord = { id: sourceId ?? ctx.fallbackId, names };
  if (sex) record.sex = sex;
  if (date || age !== null || birthPlace) {
    record.birth = {
      ...(date ? { date } : {}),
      ...(age !== null ? { estimated_age: { years: age, on: mapping.ageOn } } : {}),
      ...(birthPlace ? { place: birthPlace } : {}),
    };
  }
  if (motherName) record.mother = { names: [{ full: motherName, kind: 'reported' }] };
  if (fatherName) record.father = { names: [{ full: fatherName, kind: 'reported' }] };
  if (shelter) record['shelter'] = shelter;
  if (Object.keys(notes).length > 0) record['notes'] = notes;
  // The record is what `homeward.person/1` accepts: the same validation as a line of a JSON Lines import.
  const checked = personRecordSchema.safeParse(record);
  if (!checked.success) return { record: null, sourceId, script, errors: [{ code: 'name_missing' }], warnings };
  return { record: checked.data, sourceId, script, errors, warnings };
}
