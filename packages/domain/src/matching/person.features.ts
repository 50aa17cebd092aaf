import type { NameLexicon } from '../names/name-equivalence.table';
import { defaultNameLexicon, nameKey } from '../names/name.keys';
import type { NameKey, NameRole } from '../names/name.keys';
import { parseFullName } from '../names/full-name.parse';
import { parseKunya } from '../names/kunya.parse';
import type { Kunya } from '../names/kunya.parse';
import { parsePatronymic } from '../names/patronymic.parse';
import { readName } from '../names/name.reading';
import { phoneticFold } from '../names/latin.fold';
import type { NameScript, PersonName, PersonRecord } from '../person-record/person-record.schema';

/** A birth as an interval of fractional years; `estimated` when it came from an age estimate. */
export interface BirthInterval {
  lo: number;
  hi: number;
  exact: boolean;
  estimated: boolean;
}

/**
 * Everything the matcher compares, derived once per record. Name keys are shared objects (memoised per
 * spelling), so a registry of a million people stays compact in memory.
 */
export interface PersonFeatures {
  id: string;
  given: NameKey[];
  father: NameKey[];
  grandfather: NameKey[];
  family: NameKey[];
  mother: NameKey[];
  /** Children named by the father's kunya ("Abu Muhammad" → Muhammad). */
  fatherKunya: NameKey[];
  sex: 'F' | 'M' | null;
  birth: BirthInterval | null;
  country: string | null;
  district: string | null;
  departed: number | null;
  bornAbroad: boolean | null;
}

/** A memo of name keys per spelling, shared by all records a process derives features for. */
export class NameKeyCache {
  private readonly keys = new Map<string, NameKey | null>();
  private readonly folds = new Map<string, string>();

  constructor(
    readonly lexicon: NameLexicon = defaultNameLexicon(),
    private readonly limit = 500_000,
  ) {}

  /** The keys of one name part (cached). */
  key(text: string, role: NameRole, script?: NameScript): NameKey | null {
    const id = `${role}\u0000${script ?? ''}\u0000${text}`;
    const hit = this.keys.get(id);
    if (hit !== undefined || this.keys.has(id)) return hit ?? null;
    if (this.keys.size >= this.limit) this.keys.clear();
    const made = nameKey(text, { role, lexicon: this.lexicon, ...(script ? { script } : {}) });
    this.keys.set(id, made);
    return made;
  }

  /** A place name folded for comparison (cached). */
  place(text: string): string {
    const hit = this.folds.get(text);
    if (hit !== undefined) return hit;
    const folded = phoneticFold(readName(text).reading);
    if (this.folds.size >= this.limit) this.folds.clear();
    this.folds.set(text, folded);
    return folded;
  }
}

function push(list: NameKey[], key: NameKey | null): void {
  if (key && !list.some((k) => k === key || (k.fold === key.fold && k.script === key.script))) list.push(key);
}

/** Fractional year of a partial date, and the span its precision covers. */
export function partialDateSpan(value: string): { lo: number; hi: number; exact: boolean } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m?.[1]) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { lo: year, hi: year + 1, exact: false };
  const month = Number(m[2]) - 1;
  if (m[3] === undefined) return { lo: year + month / 12, hi: year + (month + 1) / 12, exact: false };
  const t = year + month / 12 + (Number(m[3]) - 1) / 365.25;
  return { lo: t, hi: t, exact: true };
}

function birthOf(record: PersonRecord): BirthInterval | null {
  const birth = record.birth;
  if (!birth) return null;
  if (birth.date) {
    const span = partialDateSpan(birth.date);
    if (span) return { ...span, estimated: false };
  }
  const est = birth.estimated_age;
  if (est) {
    const on = partialDateSpan(est.on);
    if (on) {
      const mid = (on.lo + on.hi) / 2;
      return { lo: mid - est.years - 1, hi: mid - est.years, exact: false, estimated: true };
    }
  }
  return null;
}

interface Collector {
  given: NameKey[];
  father: NameKey[];
  grandfather: NameKey[];
  family: NameKey[];
  sexHint: 'F' | 'M' | null;
  /** The person's own kunya (an adult known as Abu X / Umm X). */
  kunyas: Kunya[];
  /** A kunya written where the father's name belongs ("father": "Abu Muhammad"). */
  fatherKunyas: Kunya[];
}

function collector(): Collector {
  return { given: [], father: [], grandfather: [], family: [], sexHint: null, kunyas: [], fatherKunyas: [] };
}

function fatherPart(text: string, c: Collector, cache: NameKeyCache, script?: NameScript): void {
  const kunya = parseKunya(text);
  if (kunya) {
    c.fatherKunyas.push(kunya);
    return;
  }
  const patronymic = parsePatronymic(text);
  push(c.father, cache.key(patronymic?.father ?? text, 'given', script));
}

function collectName(name: PersonName, c: Collector, cache: NameKeyCache): void {
  const script = name.script;
  let { given, father, grandfather, family } = name;
  if (name.full) {
    const parts = parseFullName(name.full);
    if (parts.kunya) {
      c.kunyas.push(parts.kunya);
      return;
    }
    given ??= parts.given;
    father ??= parts.father;
    grandfather ??= parts.grandfather;
    family ??= parts.family;
    c.sexHint ??= parts.sex ?? null;
  }
  if (given && /\s/.test(given.trim())) {
    const parts = parseFullName(given);
    if (parts.father !== undefined && parts.given !== undefined) {
      given = parts.given;
      father ??= parts.father;
      family ??= parts.family;
      c.sexHint ??= parts.sex ?? null;
    }
  }
  if (given) {
    if (name.kind === 'kunya') {
      const k = parseKunya(given);
      if (k) c.kunyas.push(k);
    } else push(c.given, cache.key(given, 'given', script));
  }
  if (father) {
    const p = parsePatronymic(father);
    if (p) c.sexHint ??= p.sex;
    fatherPart(father, c, cache, script);
  }
  if (grandfather) push(c.grandfather, cache.key(grandfather, 'given', script));
  if (family) push(c.family, cache.key(family, 'family', script));
}

/**
 * Derives the comparable features of a person record: every recorded name split and normalised, the
 * father's name from nasab, patronymic or his own record, the grandfather from a triple name or the
 * father's patronymic, the father's kunya as a pointer to a child's name, and birth as an interval.
 */
export function personFeatures(record: PersonRecord, cache: NameKeyCache = new NameKeyCache()): PersonFeatures {
  const own = collector();
  for (const name of record.names) collectName(name, own, cache);

  const dad = collector();
  for (const name of record.father?.names ?? []) collectName(name, dad, cache);
  if (record.father?.kunya) {
    const k = parseKunya(record.father.kunya);
    if (k) dad.kunyas.push(k);
  }
  const mum = collector();
  for (const name of record.mother?.names ?? []) collectName(name, mum, cache);

  for (const k of dad.given) push(own.father, k);
  for (const k of dad.father) push(own.grandfather, k);
  for (const k of dad.family) push(own.family, k);
  const fatherKunya: NameKey[] = [];
  let nisbaCountry: string | null = null;
  for (const k of [...own.fatherKunyas, ...dad.kunyas]) {
    if (k.kind === 'abu') push(fatherKunya, cache.key(k.child, 'given'));
    nisbaCountry ??= k.nisbaCountry;
  }
  for (const k of own.kunyas) nisbaCountry ??= k.nisbaCountry;

  const sex = record.sex === 'F' || record.sex === 'M' ? record.sex : own.sexHint;
  const departedSpan = record.departed_home ? partialDateSpan(record.departed_home) : null;
  let birth = birthOf(record);
  if (!birth && own.given.length === 0 && departedSpan) {
    // A child the family cannot name was born after they left ("a third was born there").
    birth = { lo: departedSpan.lo + 0.5, hi: departedSpan.lo + 5, exact: false, estimated: true };
  }
  const country = record.origin?.country?.toUpperCase() ?? nisbaCountry;
  const birthCountry = record.birth?.country?.toUpperCase() ?? null;
  return {
    id: record.id,
    given: own.given,
    father: own.father,
    grandfather: own.grandfather,
    family: own.family,
    mother: mum.given,
    fatherKunya,
    sex,
    birth,
    country,
    district: record.origin?.district ? cache.place(record.origin.district) : null,
    departed: departedSpan ? (departedSpan.lo + departedSpan.hi) / 2 : null,
    bornAbroad: birthCountry === null ? null : birthCountry !== (country ?? 'AZ'),
  };
}
