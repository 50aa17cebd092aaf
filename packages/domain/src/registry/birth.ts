/**
 * Birth as it is known: a date at the precision written (YYYY, YYYY-MM, YYYY-MM-DD), or an age estimated on a
 * date by a method. Never a made-up date. These helpers give the window of possible birth years, which
 * search filters and matching use.
 */
export interface BirthFacts {
  date?: string | null;
  estimatedAgeYears?: number | null;
  estimatedOn?: string | null;
}

/** Precision of a written date. */
export function datePrecision(date: string): 'year' | 'month' | 'day' {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/** The earliest and latest possible birth year, or null when nothing is known. An estimate carries ±1 year. */
export function birthYearWindow(birth: BirthFacts | null | undefined): { min: number; max: number } | null {
  if (!birth) return null;
  if (birth.date) {
    const y = Number(birth.date.slice(0, 4));
    return { min: y, max: y };
  }
  if (birth.estimatedAgeYears != null && birth.estimatedOn) {
    const onYear = Number(birth.estimatedOn.slice(0, 4));
    const centre = onYear - birth.estimatedAgeYears;
    return { min: Math.floor(centre - 1), max: Math.ceil(centre) };
  }
  return null;
}

/** Age bands for filters: children by stage of childhood, then adults. */
export const AGE_BANDS = {
  under_5: [0, 4],
  '5_to_11': [5, 11],
  '12_to_17': [12, 17],
  adult: [18, 150],
} as const;
export type AgeBand = keyof typeof AGE_BANDS;

/** The birth-year range a band covers in a given year (a person matches when the windows overlap). */
export function bandBirthYears(band: AgeBand, thisYear: number): { min: number; max: number } {
  const [lo, hi] = AGE_BANDS[band];
  return { min: thisYear - hi - 1, max: thisYear - lo };
}
