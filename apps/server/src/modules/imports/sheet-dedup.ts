import { sql, type Kysely, type Transaction } from 'kysely';
import { birthYearWindow, querySearchTerms, querySearchText } from '@homeward/domain';
import { DEFAULT_MATCH_PARAMETERS, MatchScorer, NameKeyCache, personFeatures, type PersonFeatures } from '@homeward/domain/matching';
import { parseFullName } from '@homeward/domain/names';
import type { PersonName, PersonRecord } from '@homeward/domain/person-record';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../lib/transaction';
import { peopleNamedLike } from '../people/identity.repository';
import { exportBirthsOf, exportNamesOf, exportParentLinksOf } from './person-export.repository';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * De-duplication of a sheet's rows against the registry during import: a small candidate set found in SQL
 * (name-word dictionary on the own name, and a birth-year window), then each
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

/** What one row is blocked on: its own name's search text, its whole name's, and its birth-year window. */
interface BlockingQuery {
  i: number;
  block: string;
  whole: string;
  lo: number | null;
  hi: number | null;
}

function blockingQuery(i: number, record: PersonRecord): BlockingQuery | null {
  const name = blockingName(record);
  const block = name ? querySearchTerms(name) : '';
  if (!block) return null;
  const whole = querySearchText(record.names.map((n) => [n.given, n.father, n.grandfather, n.family, n.full].filter(Boolean).join(' ')).join(' '));
  const window = birthWindowOfRecord(record);
  return { i, block, whole: whole || block, lo: window ? window.min - BIRTH_SLACK : null, hi: window ? window.max + BIRTH_SLACK : null };
}

/**
 * Candidate people of the mission for each row (not sought people: those are matched by tracing, not
 * de-duplicated): the people whose current names have a word like each word of the row's own name (the
 * name-word dictionary: the same, one edit away or, from three letters, beginning with it) and whose
 * birth-year window meets the row's, best whole-name similarity first. Every lookup is exact, so a row
 * costs a few index probes however large the registry.
 */
async function candidateIdsOf(db: Db, missionId: string, queries: readonly BlockingQuery[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const q of queries) {
    const rows = await sql<{ id: string }>`
      SELECT people.id, max(word_similarity(${q.whole}, person_names.search_text)) AS similarity
      FROM people
      JOIN person_names ON person_names.person_id = people.id AND person_names.superseded_at IS NULL
      WHERE ${peopleNamedLike(q.block)}
        AND people.mission_id = ${missionId}
        AND people.is_sought = false
        AND (${q.lo}::int IS NULL OR people.birth_year_min IS NULL OR (people.birth_year_min <= ${q.hi}::int AND people.birth_year_max >= ${q.lo}::int))
      GROUP BY people.id
      ORDER BY similarity DESC
      LIMIT ${CANDIDATES}
    `.execute(db);
    if (rows.rows.length) out.set(q.i, rows.rows.map((r) => r.id));
  }
  return out;
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

  /**
   * `sheetRows`: the rows of the import, counted into the population the engine's prior is calibrated on
   * (each row is compared with the registry and with the rows before it), so a long list is not judged as if
   * the registry were tiny.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly missionId: string,
    private readonly sheetRows = 0,
  ) {}

  private async scorerOf(): Promise<MatchScorer> {
    if (this.scorer) return this.scorer;
    const row = await this.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('mission_id', '=', this.missionId)
      .where('is_sought', '=', false)
      .executeTakeFirstOrThrow();
    this.scorer = new MatchScorer(DEFAULT_MATCH_PARAMETERS, null, Number(row.n) + this.sheetRows);
    return this.scorer;
  }

  /** A new batch: rows of the previous one are in the registry now, and SQL finds them. */
  startBatch(): void {
    this.pending = [];
  }

  /**
   * For each record of a batch, the best person in the engine's `match` band, or null: the registry's
   * candidates found for all records in one statement, then each record scored against its own candidates
   * and against the records of the batch kept before it (not yet written; `label` and `row` name them).
   */
  async checkBatch(items: readonly { record: PersonRecord; label: string; row: number }[]): Promise<(DuplicateHit | null)[]> {
    const scorer = await this.scorerOf();
    const queries = items.map((it, i) => blockingQuery(i, it.record)).filter((q): q is BlockingQuery => q !== null);
    const { byRow, records } = await inTransaction(this.db, async (trx) => {
      const ids = await candidateIdsOf(trx, this.missionId, queries);
      const all = [...new Set([...ids.values()].flat())];
      return { byRow: ids, records: new Map((await candidateRecords(trx, all)).map((c) => [c.record.id, c])) };
    });
    const features = new Map<string, PersonFeatures>();
    const featuresOf = (id: string, record: PersonRecord) => {
      let f = features.get(id);
      if (!f) features.set(id, (f = personFeatures(record, this.cache)));
      return f;
    };
    return items.map((item, i) => {
      const own = personFeatures(item.record, this.cache);
      let best: DuplicateHit | null = null;
      const consider = (other: PersonFeatures, personId: string | null, row: number | null, displayName: string) => {
        // The engine's fast path (weight only): the same weight `score` explains, without the explanation.
        const probability = scorer.probability(scorer.weightOf(other, own));
        if (scorer.band(probability) !== 'match') return;
        if (!best || probability > best.probability) best = { personId, row, displayName, probability: Math.round(probability * 1000) / 1000 };
      };
      for (const id of byRow.get(i) ?? []) {
        const c = records.get(id);
        if (c) consider(featuresOf(id, c.record), id, null, c.displayName);
      }
      for (const p of this.pending) consider(p.features, null, p.row, p.label);
      if (!best) this.pending.push({ features: own, label: item.label, row: item.row });
      return best;
    });
  }
}
