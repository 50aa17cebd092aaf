import { HEADER_DICTIONARY } from './header-dictionary.data';
import { REPEATABLE_FIELDS, SHEET_FIELDS, type SheetField } from './sheet-mapping';

/** Arabic-Indic and Persian digits as ASCII, so «١٢» and "12" read the same. */
export function foldDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, '');
}

const AZ_FOLD: Record<string, string> = { ə: 'e', ı: 'i', ğ: 'g', ş: 's', ç: 'c', ö: 'o', ü: 'u' };

/**
 * A value of a sheet as comparable text: Unicode-normalised, lower case, Arabic vowel marks and tatweel
 * removed, hamza and ta marbuta forms folded, Azerbaijani letters folded to plain Latin, spaces collapsed.
 */
export function foldValue(text: string): string {
  return foldDigits(text.normalize('NFKC'))
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/[əığşçöü]/g, (c) => AZ_FOLD[c] ?? c)
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A column header as a dictionary key: `foldValue`, then punctuation to spaces ("№" and "#" kept as "no"),
 * and the Arabic article dropped from each word («الاسم» = «اسم»), so the dictionary needs one spelling.
 */
export function normaliseHeader(header: string): string {
  return foldValue(header.replace(/[№#]/g, ' no ').replace(/n°/gi, ' no '))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter(Boolean)
    .map((w) => (w.length > 3 && w.startsWith('ال') ? w.slice(2) : w))
    .join(' ');
}

interface DictionaryEntry {
  key: string;
  field: SheetField;
}

let entries: DictionaryEntry[] | null = null;
function dictionary(): DictionaryEntry[] {
  if (entries) return entries;
  const list: DictionaryEntry[] = [];
  for (const field of SHEET_FIELDS) {
    for (const header of HEADER_DICTIONARY[field] ?? []) {
      const key = normaliseHeader(header);
      if (key && !list.some((e) => e.key === key)) list.push({ key, field });
    }
  }
  // Longest first: "father's full name" before "father", "اسم الأم" before "اسم".
  entries = list.sort((a, b) => b.key.length - a.key.length);
  return entries;
}

/** How sure a suggestion is: the whole header is a known one, or a known phrase is part of it. */
export type SuggestionConfidence = 'exact' | 'partial' | 'none';

export interface ColumnSuggestion {
  field: SheetField;
  confidence: SuggestionConfidence;
}

/** The field a header names, by the dictionary: exact match first, else the longest known phrase within it. */
export function suggestField(header: string): ColumnSuggestion {
  const key = normaliseHeader(header);
  if (!key) return { field: 'notes', confidence: 'none' };
  const exact = dictionary().find((e) => e.key === key);
  if (exact) return { field: exact.field, confidence: 'exact' };
  const padded = ` ${key} `;
  // A one-letter or two-letter key ("n", "م", "no") only ever matches a whole header.
  const partial = dictionary().find((e) => e.key.length > 2 && padded.includes(` ${e.key} `));
  if (partial) return { field: partial.field, confidence: 'partial' };
  return { field: 'notes', confidence: 'none' };
}

const words = (value: string) => value.trim().split(/\s+/).filter(Boolean).length;

/**
 * Suggest a field for every column from its header, then settle what the headers alone cannot: a lone name
 * column whose values are mostly two or three words is a full name (Iraqi lists write «خديجة رؤوف قلي» under
 * «الاسم»), and a field wanted by two columns goes to the surer one (the other is kept as notes). Columns the
 * dictionary does not know are kept as notes: nothing on the list is dropped unless someone says so.
 */
export function suggestMapping(headers: readonly string[], sampleRows: readonly (readonly (string | null)[])[] = []): ColumnSuggestion[] {
  const suggestions = headers.map((h) => suggestField(h));
  const rank = (c: SuggestionConfidence) => (c === 'exact' ? 2 : c === 'partial' ? 1 : 0);
  for (let i = 0; i < suggestions.length; i++) {
    const s = suggestions[i]!;
    if (REPEATABLE_FIELDS.has(s.field)) continue;
    for (let j = 0; j < i; j++) {
      const earlier = suggestions[j]!;
      if (earlier.field !== s.field) continue;
      if (rank(s.confidence) > rank(earlier.confidence)) suggestions[j] = { field: 'notes', confidence: 'none' };
      else suggestions[i] = { field: 'notes', confidence: 'none' };
      break;
    }
  }
  const has = (field: SheetField) => suggestions.some((s) => s.field === field);
  const givenAt = suggestions.findIndex((s) => s.field === 'given');
  if (givenAt >= 0 && !has('father') && !has('family') && !has('full_name')) {
    const values = sampleRows.map((r) => r[givenAt] ?? '').filter((v) => v.trim() !== '');
    const long = values.filter((v) => words(v) >= 3).length;
    const two = values.filter((v) => words(v) >= 2).length;
    if (values.length > 0 && (long >= values.length / 2 || two >= values.length * 0.8)) {
      suggestions[givenAt] = { field: 'full_name', confidence: suggestions[givenAt]!.confidence };
    }
  }
  return suggestions;
}
