import type { NameScript } from '../person-record/person-record.schema';
import { arabicReading, normaliseArabic, stripArabicArticle } from './arabic.normalise';
import { cyrillicReading } from './cyrillic.translit';
import { latinReading } from './latin.fold';
import { detectScript } from './script.detect';
import type { DetectedScript } from './script.detect';

/** A name read into Azerbaijani Latin, with the script it came from (vowel-less if it was Arabic). */
export interface NameReading {
  script: DetectedScript;
  reading: string;
  /** Arabic script only: the readings with every inner و a consonant (v) and every inner و a vowel (u). */
  variants?: [string, string];
  /**
   * Arabic script only: the name starts with a vowel (an alef or ع, which the consonantal reading drops):
   * عمر is Ömər, not a name beginning with m.
   */
  vowelInitial?: boolean;
}

/**
 * Reads a name in any script as lower-case Azerbaijani Latin: the one representation every other key is
 * derived from. `stripArticle` drops a leading al-/ال (surnames, nisbas), never wanted for given names.
 */
export function readName(text: string, script?: NameScript, stripArticle = false): NameReading {
  const detected: DetectedScript = script ?? detectScript(text);
  // Trust the declared script only when the text agrees; a mislabelled field is common in imports.
  const actual = script !== undefined && detectScript(text) !== script ? detectScript(text) : detected;
  if (actual === 'Arab') {
    const normal = normaliseArabic(text);
    const base = stripArticle ? stripArabicArticle(normal) : normal;
    return {
      script: actual,
      reading: arabicReading(base),
      vowelInitial: /^[اع]/.test(base),
      ...(base.includes('و') ? { variants: [arabicReading(base, 'v'), arabicReading(base, 'u')] as [string, string] } : {}),
    };
  }
  const latin = actual === 'Cyrl' ? latinReading(cyrillicReading(text)) : latinReading(text);
  const reading = stripArticle ? latin.replace(/^(?:a|e|ə|u)l[\s-]+(?=\S)/, '') : latin;
  return { script: actual, reading };
}
