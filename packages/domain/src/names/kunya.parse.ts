import { normaliseArabic } from './arabic.normalise';
import { detectScript } from './script.detect';

/** "Abu X" / "Umm X": a parent named after a child (usually the eldest son), plus any nisba. */
export interface Kunya {
  kind: 'abu' | 'umm';
  /** The child's name the kunya points at ("Muhammad" in "Abu Muhammad"). */
  child: string;
  /** The nisba as written without its article ("Azeri" in "al-Azeri"), if any. */
  nisba: string | null;
  /** ISO country the nisba names, when we know it (al-Azeri → AZ). */
  nisbaCountry: string | null;
}

const LATIN_HEAD = /^(abu|abou|abo|ebu|əbu|abū|umm|um|umm-|ummu|ümmü|абу|абу-|умм|ум)[\s-]+(.+)$/iu;
const ARABIC_HEAD = /^(ابو|ابا|ابي|ام)\s+(.+)$/u;
const NISBA_COUNTRIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(azeri|azari|azerbaijani|azerbaycani|azərbaycani|əzəri|азери|азербайджани|اذري|اذربيجاني|اذري)$/iu, 'AZ'],
  [/^(iraqi|iraki|ираки|عراقي)$/iu, 'IQ'],
  [/^(suri|souri|shami|сури|سوري|شامي)$/iu, 'SY'],
  [/^(turki|turkmani|турки|تركي)$/iu, 'TR'],
];

/** Maps a nisba (without article) to the country it names, when it names one. */
export function nisbaCountry(nisba: string): string | null {
  const clean = nisba.replace(/^(al|el|əl|ал|эль)[\s-]+/iu, '').replace(/^ال/u, '');
  for (const [pattern, country] of NISBA_COUNTRIES) if (pattern.test(clean)) return country;
  return null;
}

function isLatinNisba(token: string): boolean {
  return /^(al|el|əl|ал|аль|эль)-\S+/iu.test(token) || /^(al|el|ал|аль)$/iu.test(token);
}

/**
 * Parses a kunya in Latin, Cyrillic or Arabic script: "Abu Muhammad al-Azeri" and «أبو محمد الأذري» both
 * give child "Muhammad"/«محمد» and nisba Azeri (AZ). Compound child names («عبد الله», "Abd al-Rahman")
 * stay whole. Returns null when the text is not a kunya.
 */
export function parseKunya(text: string): Kunya | null {
  const raw = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (detectScript(raw) === 'Arab') {
    const s = normaliseArabic(raw);
    const m = ARABIC_HEAD.exec(s);
    if (!m?.[1] || !m[2]) return null;
    const tokens = m[2].split(' ');
    const childTokens: string[] = [];
    let nisba: string | null = null;
    tokens.forEach((token, i) => {
      if (i > 0 && token.startsWith('ال') && nisba === null) nisba = token.slice(2);
      else if (nisba === null) childTokens.push(token);
    });
    if (childTokens.length === 0) return null;
    return {
      kind: m[1] === 'ام' ? 'umm' : 'abu',
      child: childTokens.join(' '),
      nisba,
      nisbaCountry: nisba === null ? null : nisbaCountry(nisba),
    };
  }
  const m = LATIN_HEAD.exec(raw);
  if (!m?.[1] || !m[2]) return null;
  const tokens = m[2].split(' ');
  const childTokens: string[] = [];
  let nisba: string | null = null;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    const prev = childTokens[childTokens.length - 1] ?? '';
    const inCompound = /^(abd|abdul|abdel|əbd)$/iu.test(prev);
    if (i > 0 && !inCompound && isLatinNisba(token)) {
      const rest = token.includes('-') ? token.replace(/^[^-]+-/, '') : (tokens[i + 1] ?? '');
      nisba = rest === '' ? null : rest;
      break;
    }
    childTokens.push(token);
  }
  if (childTokens.length === 0) return null;
  return {
    kind: /^(umm|um|umm-|ummu|ümmü|умм|ум)$/iu.test(m[1]) ? 'umm' : 'abu',
    child: childTokens.join(' '),
    nisba,
    nisbaCountry: nisba === null ? null : nisbaCountry(nisba),
  };
}
