import type { Sex } from '../person-record/person-record.schema';
import { normaliseArabic } from './arabic.normalise';
import { parseKunya } from './kunya.parse';
import type { Kunya } from './kunya.parse';
import { readName } from './name.reading';
import { parsePatronymic } from './patronymic.parse';
import { detectScript } from './script.detect';
import { looksLikeSurname } from './surname.stem';

/** A full name split into the parts the `homeward.person/1` format knows. */
export interface NameParts {
  given?: string;
  father?: string;
  grandfather?: string;
  family?: string;
  /** Set when the whole "name" is a kunya (Abu X / Umm X) rather than a personal name. */
  kunya?: Kunya;
  /** Sex implied by a patronymic marker (oğlu/qızı, -ович/-овна, بن/بنت). */
  sex?: Extract<Sex, 'F' | 'M'>;
}

const AZ_MARKER = /^(oğlu|oglu|ogly|oghlu|ogli|qızı|qizi|gizi|kizi|kyzy|gyzy|оглы|оглу|кызы|гызы)$/iu;
const FEMALE_MARKER = /^(qızı|qizi|gizi|kizi|kyzy|gyzy|кызы|гызы)$/iu;
const ABD_LATIN = /^(abd|abdul|abdel|abdal|abdu|əbd|əbdül|абд|абдул)$/iu;
const ARTICLE_LATIN = /^(al|el|ul|ur|ar|as|ad|an|at|ash|ad-din|əl|аль|ал)$/iu;

function joinLatinCompounds(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    if (ABD_LATIN.test(token) && i + 1 < tokens.length) {
      let next = tokens[i + 1] ?? '';
      let used = 1;
      if (ARTICLE_LATIN.test(next) && i + 2 < tokens.length) {
        next = `${next} ${tokens[i + 2] ?? ''}`;
        used = 2;
      }
      out.push(`${token} ${next}`);
      i += used;
    } else out.push(token);
  }
  return out;
}

function splitArabic(text: string): NameParts {
  const tokens = normaliseArabic(text).split(' ').filter((t) => t !== '');
  const parts: NameParts = {};
  const order: Array<'given' | 'father' | 'grandfather'> = ['given', 'father', 'grandfather'];
  const rest: string[] = [];
  let next = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    if ((token === 'بن' || token === 'ابن' || token === 'بنت') && i > 0) {
      if (token === 'بنت' && next === 1) parts.sex = 'F';
      if (token !== 'بنت' && next === 1) parts.sex = 'M';
      continue;
    }
    if (token.startsWith('ال') && i > 0 && i === tokens.length - 1) {
      parts.family = token;
      continue;
    }
    const key = order[next];
    if (key !== undefined) {
      parts[key] = token;
      next += 1;
    } else rest.push(token);
  }
  if (rest.length > 0) parts.family = [...rest, ...(parts.family ? [parts.family] : [])].join(' ');
  return parts;
}

/**
 * Splits a name written in one string: an Iraqi triple name (own, father's, grandfather's name, any
 * further parts as family/tribe), "X Y oğlu Z", Soviet order "Quliyev Əli Rauf oğlu" or "Кулиев Али
 * Раувович". Surnames are recognised by their suffixes; the remaining parts are read in Iraqi order.
 */
export function parseFullName(text: string): NameParts {
  const kunya = parseKunya(text);
  if (kunya) return { kunya };
  if (detectScript(text) === 'Arab') return splitArabic(text);
  const raw = text.normalize('NFC').replace(/[,]/g, ' ').trim().split(/\s+/).filter((t) => t !== '');
  const tokens = joinLatinCompounds(raw);
  const parts: NameParts = {};
  const free: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    const next = tokens[i + 1];
    if (next !== undefined && AZ_MARKER.test(next) && parts.father === undefined) {
      parts.father = token;
      parts.sex = FEMALE_MARKER.test(next) ? 'F' : 'M';
      i += 1;
      continue;
    }
    if (i > 0 && parts.father === undefined) {
      const ru = parsePatronymic(token);
      if (ru) {
        parts.father = ru.father;
        parts.sex = ru.sex;
        continue;
      }
    }
    if (parts.family === undefined && looksLikeSurname(readName(token).reading)) {
      parts.family = token;
      continue;
    }
    free.push(token);
  }
  const [given, ...others] = free;
  if (given !== undefined) parts.given = given;
  for (const token of others) {
    if (parts.father === undefined) parts.father = token;
    else if (parts.grandfather === undefined && parts.family === undefined) parts.grandfather = token;
    else parts.family = parts.family === undefined ? token : `${parts.family} ${token}`;
  }
  return parts;
}
