import { SEX_VALUES } from './header-dictionary.data';
import { foldDigits, foldValue } from './header-suggest';
import type { DateOrder, SheetSex } from './sheet-mapping';

/**
 * Reading the values of a sheet's cells as the registry's facts. Pure functions: the preview, the import job
 * and the tests all read a cell the same way.
 */

let sexWords: Map<string, SheetSex> | null = null;

/** The built-in reading of a sex value, or null when the word is not known. */
export function defaultSexOf(value: string): SheetSex | null {
  if (!sexWords) {
    sexWords = new Map();
    for (const sex of ['F', 'M', 'U'] as const) for (const w of SEX_VALUES[sex]) sexWords.set(foldValue(w), sex);
  }
  return sexWords.get(foldSexValue(value)) ?? null;
}

/** A sex value as the key of a mapping's `sexValues` ("Qadın." and "qadın" are one value). */
export function foldSexValue(value: string): string {
  return foldValue(value).replace(/[.:;,]+$/, '');
}

/**
 * Read a sex value: the mapping's own words first (a list may write "1"/"2"), then the built-in words in
 * Arabic, English, Azerbaijani and Russian. `undefined` for an empty cell, null for an unknown word.
 */
export function parseSex(value: string, overrides: Readonly<Record<string, SheetSex>> = {}): SheetSex | null | undefined {
  if (value.trim() === '') return undefined;
  const key = foldSexValue(value);
  return overrides[key] ?? defaultSexOf(value);
}

const pad = (n: number) => String(n).padStart(2, '0');

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A two-digit year of a birth: in this century unless that would be in the future. */
function fullYear(y: string, today: string): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  const thisYear = Number(today.slice(0, 4));
  return 2000 + n <= thisYear ? 2000 + n : 1900 + n;
}

/** Days from 1899-12-30 (spreadsheet serial dates, when a date cell arrives as its number). */
function fromSerial(serial: number): string {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/**
 * Read a date cell as a partial date at the precision written: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Accepts
 * ISO dates (and the timestamps an XLSX date cell becomes), day/month/year with `/ . -` or spaces in the
 * given order, month/year, a year alone, and spreadsheet serial numbers. Null when it is not a real date.
 */
export function parseSheetDate(value: string, order: DateOrder, today: string): string | null {
  const text = foldDigits(value).trim();
  if (text === '') return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (m) return isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  m = /^(\d{4})$/.exec(text);
  if (m) return text;
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(text) ?? null;
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${pad(Number(m[2]))}` : null;
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? `${m[2]}-${pad(Number(m[1]))}` : null;
  m = /^(\d{5})(?:\.\d+)?$/.exec(text);
  if (m) {
    const serial = Number(m[1]);
    return serial >= 1 && serial < 80_000 ? fromSerial(serial) : null;
  }
  const parts = text.split(/[-/.\s]+/).filter(Boolean);
  if (parts.length !== 3 || parts.some((p) => !/^\d{1,4}$/.test(p))) return null;
  let [y, mo, d] = ['', '', ''];
  if (parts[0]!.length === 4) [y, mo, d] = [parts[0]!, parts[1]!, parts[2]!];
  else if (order === 'MDY') [mo, d, y] = [parts[0]!, parts[1]!, parts[2]!];
  else if (order === 'YMD') [y, mo, d] = [parts[0]!, parts[1]!, parts[2]!];
  else [d, mo, y] = [parts[0]!, parts[1]!, parts[2]!];
  if (y.length !== 4 && y.length !== 2) return null;
  const year = fullYear(y, today);
  const [month, day] = [Number(mo), Number(d)];
  return isRealDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** A year of birth between 1900 and this year, or null. */
export function parseBirthYear(value: string, today: string): number | null {
  const text = foldDigits(value).trim().replace(/\.0+$/, '');
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= 1900 && year <= Number(today.slice(0, 4)) ? year : null;
}

const APPROX = /^(?:about|approx\.?|approximately|around|ca\.?|circa|~|≈|حوالي|حوالى|تقريبا|تقريبًا|نحو|təxminən|texminen|təqribən|около|примерно|приблизительно)\s*/i;
const MONTHS = /^(?:months?|mos?|mo|m|mths?|أشهر|اشهر|شهر|شهور|ay|aylıq|ayliq|мес\.?|месяц|месяца|месяцев)$/i;
const YEARS = /^(?:years?|yrs?|y|yo|سنة|سنوات|سنه|عام|أعوام|اعوام|yaş|yas|il|год|года|лет|г\.?)$/i;

/**
 * Read an estimated age in years: a number ("4", "4.5", «٤»), with "about"/«حوالي»/"təxminən", a unit
 * ("2 years", «٣ سنوات», "3 yaş", "18 months" = 1.5), a trailing "?" or "+", or a range ("2-3" = 2.5).
 * Null when it is not an age of 0 to 120 years.
 */
export function parseAge(value: string): number | null {
  let text = foldDigits(value).trim().replace(/,/g, '.').replace(/[?+]+$/, '').trim();
  text = text.replace(APPROX, '').trim();
  let m = /^(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)\s*(.*)$/.exec(text);
  let years: number | null = null;
  let unit = '';
  if (m) {
    years = (Number(m[1]) + Number(m[2])) / 2;
    unit = m[3] ?? '';
  } else {
    m = /^(\d+(?:\.\d+)?)\s*(.*)$/.exec(text);
    if (!m) return null;
    years = Number(m[1]);
    unit = m[2] ?? '';
  }
  unit = unit.trim();
  if (unit !== '') {
    if (MONTHS.test(unit)) years = years / 12;
    else if (!YEARS.test(unit)) return null;
  }
  if (!Number.isFinite(years) || years < 0 || years > 120) return null;
  return Math.round(years * 100) / 100;
}
