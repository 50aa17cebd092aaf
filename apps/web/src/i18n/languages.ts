/** The languages Homeward speaks; each named in itself, so a person can find theirs whatever is shown. */
export const LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'az', name: 'Azərbaycanca', dir: 'ltr' },
  { code: 'ru', name: 'Русский', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];
export type TextDirection = 'ltr' | 'rtl';

export const DEFAULT_LANGUAGE: LanguageCode = 'en';
const STORAGE_KEY = 'homeward.language';

export function isLanguageCode(value: unknown): value is LanguageCode {
  return LANGUAGES.some((l) => l.code === value);
}

export function directionOf(code: LanguageCode): TextDirection {
  return code === 'ar' ? 'rtl' : 'ltr';
}

/** The language remembered on this device, else the browser's first supported one, else English. */
export function initialLanguage(): LanguageCode {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguageCode(stored)) return stored;
  } catch {
    // Storage may be disabled; fall through to the browser's preference.
  }
  for (const tag of navigator.languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguageCode(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

export function rememberLanguage(code: LanguageCode): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Not remembered: the choice still holds for this visit.
  }
}

/** `<html lang dir>` follow the language, so screen readers pronounce it and the browser lays it out right. */
export function applyToDocument(code: LanguageCode): void {
  document.documentElement.lang = code;
  document.documentElement.dir = directionOf(code);
}
