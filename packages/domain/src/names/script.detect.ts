import type { NameScript } from '../person-record/person-record.schema';

/** What a name was written in: the three scripts we read, or none when it holds no letters at all. */
export type DetectedScript = NameScript | 'Zyyy';

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const CYRILLIC = /[\u0400-\u04FF\u0500-\u052F]/g;
const LATIN = /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/g;

/**
 * Detects the script of a name by majority of letters, because records often omit `script` and mixed
 * strings (a Latin name with a stray Cyrillic letter from a keyboard layout) still have one main script.
 */
export function detectScript(text: string): DetectedScript {
  const arabic = text.match(ARABIC)?.length ?? 0;
  const cyrillic = text.match(CYRILLIC)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (arabic === 0 && cyrillic === 0 && latin === 0) return 'Zyyy';
  if (arabic >= cyrillic && arabic >= latin) return 'Arab';
  if (cyrillic >= latin) return 'Cyrl';
  return 'Latn';
}
