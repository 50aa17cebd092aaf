import type { AgeBandCode, CaseFlag, Sex, StageCode } from '../registry/labels';
import { AGE_BAND_CODES, CASE_FLAGS, SEXES, STAGE_CODES, isOneOf } from '../registry/labels';

/** The filters of the case list; a saved view is a named copy of one. */
export interface CaseFilter {
  q: string;
  stage: StageCode | null;
  kind: 'child' | 'adult' | null;
  placeId: string | null;
  ageBand: AgeBandCode | null;
  sex: Sex | null;
  flag: CaseFlag | null;
  assignedToMe: boolean;
  includeClosed: boolean;
}

export const EMPTY_FILTER: CaseFilter = {
  q: '',
  stage: null,
  kind: null,
  placeId: null,
  ageBand: null,
  sex: null,
  flag: null,
  assignedToMe: false,
  includeClosed: false,
};

export interface SavedView {
  name: string;
  filter: CaseFilter;
}

const STORAGE_KEY = 'homeward.caseViews';

const pick = <T extends string>(list: readonly T[], value: unknown): T | null =>
  typeof value === 'string' && isOneOf(list, value) ? value : null;

/** A stored filter read defensively: the device may hold one written by an older version. */
function filterFrom(value: unknown): CaseFilter {
  if (typeof value !== 'object' || value === null) return EMPTY_FILTER;
  const v = value as Record<string, unknown>;
  return {
    q: '',
    stage: pick(STAGE_CODES, v.stage),
    kind: pick(['child', 'adult'] as const, v.kind),
    placeId: typeof v.placeId === 'string' ? v.placeId : null,
    ageBand: pick(AGE_BAND_CODES, v.ageBand),
    sex: pick(SEXES, v.sex),
    flag: pick(CASE_FLAGS, v.flag),
    assignedToMe: v.assignedToMe === true,
    includeClosed: v.includeClosed === true,
  };
}

/**
 * Saved views live on this device only (localStorage). They hold filters, never cases, and never the name
 * searched for (see `viewOf`), so nothing about a person stays behind in the browser.
 */
export function loadSavedViews(): SavedView[] {
  try {
    const raw: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((item: unknown) => {
      if (typeof item !== 'object' || item === null) return [];
      const { name, filter } = item as Record<string, unknown>;
      return typeof name === 'string' && name.trim() ? [{ name, filter: filterFrom(filter) }] : [];
    });
  } catch {
    return [];
  }
}

/** A view to save from the current filters: everything but the name search. */
export function viewOf(name: string, filter: CaseFilter): SavedView {
  return { name: name.trim(), filter: { ...filter, q: '' } };
}

export function storeSavedViews(views: readonly SavedView[]): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(views));
  } catch {
    // Not stored: the view still applies for this visit.
  }
}

export function isFiltered(filter: CaseFilter): boolean {
  return JSON.stringify(filter) !== JSON.stringify(EMPTY_FILTER);
}
