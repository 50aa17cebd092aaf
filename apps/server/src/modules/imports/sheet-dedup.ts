import { sql, type Kysely, type Transaction } from 'kysely';
import { birthYearWindow, querySearchText } from '@homeward/domain';
import { DEFAULT_MATCH_PARAMETERS, MatchScorer, NameKeyCache, personFeatures, type PersonFeatures } from '@homeward/domain/matching';
import { parseFullName } from '@homeward/domain/names';
import type { PersonName, PersonRecord } from '@homeward/domain/person-record';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../lib/transaction';
import { nameSimilarity, setNameSearchThreshold } from '../people/identity.repository';
import { exportBirthsOf, exportNamesOf, exportParentLinksOf } from './person-export.repository';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * De-duplication of a sheet's rows against the registry during import: a small candidate set found in SQL
 * (trigram similarity of the own name on `person_names.search_text`, and a birth-year window), then each
 * candidate scored by the matching engine; a candidate in the engine's `match` band makes the row a possible
 * duplicate. The engine is called through its public API only.
 */

/** At most this many people are compared with one row. */
const CANDIDATES = 25;
/** Years of slack around a row's birth-year window (ages on lists are rough). */
const BIRTH_SLACK = 3;

/** A person the row may duplicate: id, display name and the engine's probability. */
export interface DuplicateHit {
  /** The registry person, or null for a row kept earlier in this import's batch. */
  personId: string | null;
  /** The row, for a duplicate within the sheet. */
  row: number | null;
  displayName: string;
  probability: number;
}

/** The own name a row is blocked on: the given name, else the first word of a full name. */
function blockingName(record: PersonRecord): string | null {
  for (const n of record.names) {
    if (n.given) return n.given;
    if (n.full) return parseFullName(n.full).given ?? n.full.split(/\s+/)[0] ?? null;
  }
  return null;
}

function birthWindowOfRecord(record: PersonRecord): { min: number; max: number } | null {
  const b = record.birth;
  if (!b) return null;
  const est = b.estimated_age ?? null;
  return birthYearWindow({ date: b.date ?? null, estimatedAgeYears: est ? est.years : null, estimatedOn: est ? est.on : null });
}

/** Candidate people of the mission (not sought people: those are matched by tracing, not de-duplicated). */
async function candidateIds(db: Db, missionId: string, record: PersonRecord, exclude: readonly string[]): Promise<string[]> {
  const name = blockingName(record);
  if (!name) return [];
  const block = querySearchText(name);
  const whole = querySearchText(record.names.map((n) => [n.given, n.father, n.grandfather, n.family, n.full].filter(Boolean).join(' ')).join(' '));
  if (!block) return [];
  const window = birthWindowOfRecord(record);
  let q = db
    .selectFrom('person_names')
    .innerJoin('people', 'people.id', 'person_names.person_id')
    .select(['people.id', nameSimilarity(whole || block).as('similarity')])
    .where('person_names.superseded_at', 'is', null)
    .where('people.mission_id', '=', missionId)
    .where('people.is_sought', '=', false)
    .where(sql<boolean>`${block} <% person_names.search_text`);
  if (window) {
    q = q.where((eb) =>
      eb.or([
        eb('people.birth_year_min', 'is', null),
        eb.and([eb('people.birth_year_min', '<=', window.max + BIRTH_SLACK), eb('people.birth_year_max', '>=', window.min - BIRTH_SLACK)]),
      ]),
    );
  }
  if (exclude.length > 0) q = q.where('people.id', 'not in', exclude);
  const rows = await q.orderBy('similarity', 'desc').limit(CANDIDATES * 4).execute();
  return [...new Set(rows.map((r) => r.id))].slice(0, CANDIDATES);
}

type NameRow = Awaited<ReturnType<typeof exportNamesOf>>[number];
const asName = (n: NameRow): PersonName => {
  const name: PersonName = {};
  for (const key of ['given', 'father', 'grandfather', 'family', 'full'] as const) if (n[key]) name[key] = n[key];
  if (n.script === 'Latn' || n.script === 'Cyrl' || n.script === 'Arab') name.script = n.script;
  if (n.kind === 'official' || n.kind === 'reported' || n.kind === 'alias' || n.kind === 'kunya') name.kind = n.kind;
  return name;
};

/** Candidates as `homeward.person/1` records: current names, birth, sex and the parents' names. */
async function candidateRecords(db: Db, ids: readonly string[]): Promise<{ record: PersonRecord; displayName: string }[]> {
  if (ids.length === 0) return [];
  const people = await db.selectFrom('people').select(['id', 'sex', 'display_name']).where('id', 'in', ids).execute();
  const links = await exportParentLinksOf(db, ids);
  const all = [...ids, ...new Set(links.map((l) => l.related_person_id))];
  const names = await exportNamesOf(db, all);
  const births = new Map((await exportBirthsOf(db, ids)).map((b) => [b.person_id, b]));
  const namesOf = (id: string) => names.filter((n) => n.person_id === id && n.kind !== 'kunya').map(asName);
  const out: { record: PersonRecord; displayName: string }[] = [];
  for (const p of people) {
    const own = namesOf(p.id);
    if (own.length === 0) continue;
    const record: PersonRecord = { id: p.id, names: own };
    if (p.sex === 'F' || p.sex === 'M') record.sex = p.sex;
    const b = births.get(p.id);
    if (b) {
      record.birth = {
        ...(b.date ? { date: b.date } : {}),
        ...(b.estimated_age_years !== null && b.estimated_on ? { estimated_age: { years: Number(b.estimated_age_years), on: b.estimated_on } } : {}),
      };
    }
    for (const link of links.filter((l) => l.person_id === p.id)) {
      const parentNames = namesOf(link.related_person_id);
      if (parentNames.length > 0 && (link.kind === 'mother' || link.kind === 'father')) record[link.kind] = { names: parentNames };
    }
    out.push({ record, displayName: p.display_name ?? p.id });
  }
  return out;
}

/**
 * Finds possible duplicates of rows during one import: a scorer calibrated to the size of the mission's
 * registry, name keys shared across rows, and the rows accepted earlier in the same batch (not yet written)
 * compared in memory.
 */
export class SheetDeduplicator {
  private readonly cache = new NameKeyCache();
  private scorer: MatchScorer | null = null;
  private pending: { features: PersonFeatures; label: string; row: number }[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly missionId: string,
  ) {}

  private async scorerOf(): Promise<MatchScorer> {
    if (this.scorer) return this.scorer;
    const row = await this.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('mission_id', '=', this.missionId)
      .where('is_sought', '=', false)
      .executeTakeFirstOrThrow();
    this.scorer = new MatchScorer(DEFAULT_MATCH_PARAMETERS, null, Number(row.n));
    return this.scorer;
  }

  /** A new batch: rows of the previous one are in the registry now, and SQL finds them. */
  startBatch(): void {
    this.pending = [];
  }

  /**
   * The best person in the engine's `match` band for this record, or null. `exclude`: people the record may
   * legitimately be (none for a new row). Rows kept earlier in this batch are compared too (`label` is the
   * name shown for this row should a later row duplicate it).
   */
  async check(record: PersonRecord, label: string, row: number): Promise<DuplicateHit | null> {
    const scorer = await this.scorerOf();
    const features = personFeatures(record, this.cache);
    let best: DuplicateHit | null = null;
    const consider = (other: PersonFeatures, personId: string | null, otherRow: number | null, displayName: string) => {
      const score = scorer.score(other, features);
      if (score.band !== 'match') return;
      if (!best || score.probability > best.probability) best = { personId, row: otherRow, displayName, probability: Math.round(score.probability * 1000) / 1000 };
    };
    const found = await inTransaction(this.db, async (trx) => {
      await setNameSearchThreshold(trx);
      return candidateRecords(trx, await candidateIds(trx, this.missionId, record, []));
    });
    for (const c of found) consider(personFeatures(c.record, this.cache), c.record.id, null, c.displayName);
    for (const p of this.pending) consider(p.features, null, p.row, p.label);
    if (!best) this.pending.push({ features, label, row });
    return best;
  }
}
