import type { Kysely, Transaction } from 'kysely';
import type { FieldCategory } from '@homeward/domain';
import type { PersonRecord } from '@homeward/domain/person-record';
import type { Database } from '../../db/schema';
import { recordAudit, type AuditActor } from '../../lib/audit';
import { inTransaction } from '../../lib/transaction';
import { EXTRA_PREFIX } from './person-import.mapping';
import {
  exportAttributesOf,
  exportBirthsOf,
  exportNamesOf,
  exportPage,
  exportParentLinksOf,
  peopleByIds,
  type PeopleFilter,
} from './person-export.repository';

/** What an export may reach: the caller's scope as a SQL filter and the field categories they may read. */
export interface ExportScope {
  filter: PeopleFilter;
  readable: readonly FieldCategory[];
  sourceSystem: string | null;
  audit: AuditActor;
  requestId: string | null;
}

const PAGE = 1000;

type NameRow = Awaited<ReturnType<typeof exportNamesOf>>[number];
type BirthRow = Awaited<ReturnType<typeof exportBirthsOf>>[number];

/** Only the keys that are known: absent means unknown in the format, never an empty string or null. */
function compact(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== null && v !== undefined));
}

const presentName = (n: NameRow) => compact({ given: n.given, father: n.father, grandfather: n.grandfather, family: n.family, full: n.full, script: n.script, kind: n.kind });

function presentBirth(b: BirthRow | undefined) {
  if (!b) return undefined;
  const estimated =
    b.estimated_age_years !== null && b.estimated_on
      ? compact({ years: Number(b.estimated_age_years), on: b.estimated_on, method: b.estimate_method && b.estimate_method !== 'other' ? b.estimate_method : null })
      : null;
  return compact({ date: b.date, estimated_age: estimated, place: b.place, country: b.country });
}

function presentParent(names: readonly NameRow[], birth: BirthRow | undefined) {
  const kunya = names.find((n) => n.kind === 'kunya')?.full ?? null;
  const own = names.filter((n) => n.kind !== 'kunya').map(presentName);
  const parent = compact({ names: own.length > 0 ? own : null, birth_year: birth?.date ? Number(birth.date.slice(0, 4)) : null, kunya });
  return Object.keys(parent).length > 0 ? parent : undefined;
}

const byPerson = <T extends { person_id: string }>(rows: readonly T[]) => {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(r.person_id, [...(map.get(r.person_id) ?? []), r]);
  return map;
};

type PageRow = Awaited<ReturnType<typeof exportPage>>[number];

/**
 * Builds `homeward.person/1` records for people rows: names, birth, parents (those within `filter`), origin
 * and departure when `identity` is readable, extra attributes when `notes` is. A person with no current
 * name cannot be written in the format and is left out. `idOf` chooses the record id (the export writes
 * the source id; matching keeps the Homeward id). Returns the records by person id and every parent read.
 */
export async function buildPersonRecords(
  trx: Transaction<Database>,
  page: readonly PageRow[],
  options: { filter: PeopleFilter; identity: boolean; notes: boolean; idOf?: (p: PageRow) => string },
): Promise<{ records: Map<string, PersonRecord>; parentIds: Set<string> }> {
  const { identity, notes } = options;
  const idOf = options.idOf ?? ((p: PageRow) => p.source_id ?? p.id);
  const ids = page.map((p) => p.id);
  const links = identity ? await exportParentLinksOf(trx, ids) : [];
  const parents = await peopleByIds(trx, options.filter, [...new Set(links.map((l) => l.related_person_id))]);
  const parentIds = new Set(parents.map((p) => p.id));
  const all = [...ids, ...parentIds];
  const names = byPerson(identity ? await exportNamesOf(trx, all) : []);
  const births = new Map((identity ? await exportBirthsOf(trx, all) : []).map((b) => [b.person_id, b]));
  const categories = [...(identity ? ['identity'] : []), ...(notes ? ['notes'] : [])];
  const attributes = byPerson(await exportAttributesOf(trx, ids, categories));
  const linksOf = byPerson(links.filter((l) => parentIds.has(l.related_person_id)));
  const records = new Map<string, PersonRecord>();
  for (const p of page) {
    const record: Record<string, unknown> = { id: idOf(p) };
    if (identity) {
      const own = names.get(p.id) ?? [];
      if (own.length === 0) continue;
      if (p.sex !== 'U') record['sex'] = p.sex;
      record['names'] = own.map(presentName);
      const birth = presentBirth(births.get(p.id));
      if (birth && Object.keys(birth).length > 0) record['birth'] = birth;
      for (const link of linksOf.get(p.id) ?? []) {
        if (record[link.kind] !== undefined) continue;
        const parent = presentParent(names.get(link.related_person_id) ?? [], births.get(link.related_person_id));
        if (parent) record[link.kind] = parent;
      }
    }
    for (const a of attributes.get(p.id) ?? []) {
      if (a.category === 'identity' && (a.key === 'origin' || a.key === 'departed_home')) record[a.key] = a.value;
      if (a.category === 'notes' && a.key.startsWith(EXTRA_PREFIX)) record[a.key.slice(EXTRA_PREFIX.length)] = a.value;
    }
    records.set(p.id, record as PersonRecord);
  }
  return { records, parentIds };
}

/**
 * People in the caller's scope as `homeward.person/1` lines (id = the source id when there is one, else the
 * Homeward id), with only the categories the caller may read: names, birth, parents, origin and departure
 * need `identity`; extra attributes kept from an earlier import need `notes`. A person with no current name
 * cannot be written in the format and is left out. Each page is audited (ids only) before it is yielded.
 */
export async function* exportPeople(db: Kysely<Database>, scope: ExportScope): AsyncGenerator<string> {
  const identity = scope.readable.includes('identity');
  const notes = scope.readable.includes('notes');
  let after: string | null = null;
  for (;;) {
    const lines = await inTransaction(db, async (trx) => {
      const page = await exportPage(trx, scope.filter, { sourceSystem: scope.sourceSystem, after, limit: PAGE });
      if (page.length === 0) return null;
      after = page.at(-1)!.id;
      const { records, parentIds } = await buildPersonRecords(trx, page, { filter: scope.filter, identity, notes });
      const out: string[] = [];
      const exported: string[] = [];
      for (const p of page) {
        const record = records.get(p.id);
        if (!record) continue;
        exported.push(p.id);
        out.push(`${JSON.stringify(record)}\n`);
      }
      const exportedSet = new Set(exported);
      const touched = [...exported, ...[...parentIds].filter((id) => !exportedSet.has(id))];
      await recordAudit(trx, scope.audit, { action: 'person.export', targetType: 'person', targetIds: touched, details: { records: out.length } }, scope.requestId);
      return out;
    });
    if (lines === null) return;
    if (lines.length > 0) yield lines.join('');
  }
}
