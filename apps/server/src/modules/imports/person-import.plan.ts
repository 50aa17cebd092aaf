import { randomUUID } from 'node:crypto';
import { displayNameOf } from '@homeward/domain';
import { canonicalJson } from '../../lib/canonical-json';
import type { currentBirthsOf, currentImportAttributesOf, currentNamesOf, ImportWrites } from './person-import.repository';
import { birthKey, birthWindowOf, nameKey, type ImportedBirth, type ImportedName, type ImportedPerson, type ImportedRecord } from './person-import.mapping';

/**
 * Decide, for one batch, what to create and what changed: pure given the current state loaded for it, so the
 * rules (replace import names only when they changed, parents only gain facts) are easy to read and test.
 */

type NameRow = Awaited<ReturnType<typeof currentNamesOf>>[number];
type BirthRow = Awaited<ReturnType<typeof currentBirthsOf>>[number];
type AttributeRow = Awaited<ReturnType<typeof currentImportAttributesOf>>[number];

/** What is recorded now for the people of a batch that already exist. */
export interface CurrentState {
  bySource: Map<string, { id: string; sex: string }>;
  names: Map<string, NameRow[]>;
  births: Map<string, BirthRow>;
  attributes: Map<string, AttributeRow[]>;
  /** "childId|parentId|kind" of current parent links. */
  links: Set<string>;
}

/** Who is importing into which mission, team and source system. */
export interface PlanTarget {
  missionId: string;
  teamId: string | null;
  sourceSystem: string;
  recordedBy: string | null;
}

/** The batch's outcome per record and the ids of the people changed (for the audit entry). */
export interface BatchPlan {
  outcomes: ('created' | 'updated' | 'unchanged')[];
  /** The person each record became or found again, in record order. */
  personIds: string[];
  changedExisting: { id: string; birthWindow: { min: number; max: number } | null | undefined }[];
  touchedIds: string[];
}

export const groupBy = <T extends { person_id: string }>(rows: readonly T[]) => {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.person_id);
    if (list) list.push(r);
    else map.set(r.person_id, [r]);
  }
  return map;
};

const birthOfRow = (b: BirthRow): ImportedBirth => ({
  date: b.date,
  estimatedAgeYears: b.estimated_age_years === null ? null : Number(b.estimated_age_years),
  estimatedOn: b.estimated_on,
  estimateMethod: b.estimate_method as ImportedBirth['estimateMethod'],
  place: b.place,
  country: b.country,
});

function nameRow(personId: string, n: ImportedName, recordedBy: string | null) {
  return {
    person_id: personId,
    given: n.given,
    father: n.father,
    grandfather: n.grandfather,
    family: n.family,
    full: n.full,
    script: n.script,
    kind: n.kind,
    source: 'import',
    search_text: n.searchText,
    recorded_by: recordedBy,
  };
}

function birthRow(personId: string, b: ImportedBirth, recordedBy: string | null) {
  return {
    person_id: personId,
    date: b.date,
    estimated_age_years: b.estimatedAgeYears,
    estimated_on: b.estimatedOn,
    estimate_method: b.estimateMethod,
    place: b.place,
    country: b.country,
    source: 'import',
    recorded_by: recordedBy,
  };
}

const uniqueByKey = (names: readonly ImportedName[]) => {
  const seen = new Map<string, ImportedName>();
  for (const n of names) if (!seen.has(nameKey(n))) seen.set(nameKey(n), n);
  return seen;
};

/** Preferred display name: the first official name, else the first reported one, else the first. */
const displayOf = (names: readonly ImportedName[]) => {
  const preferred = names.find((n) => n.kind === 'official') ?? names.find((n) => n.kind === 'reported') ?? names[0];
  return preferred ? displayNameOf(preferred) : null;
};

/**
 * Plan one unit. A record's own facts replace the import's previous version when they changed (names other
 * sources recorded are left alone); a parent described by a child's record only gains facts (`additive`),
 * since each child's record knows the parent only partly.
 */
function planUnit(unit: ImportedPerson, additive: boolean, state: CurrentState, target: PlanTarget, w: ImportWrites) {
  const found = state.bySource.get(unit.sourceId);
  if (!found) {
    const id = randomUUID();
    const window = birthWindowOf(unit.birth);
    w.people.push({
      id,
      mission_id: target.missionId,
      team_id: target.teamId,
      sex: unit.sex ?? 'U',
      source_system: target.sourceSystem,
      source_id: unit.sourceId,
      display_name: displayOf(unit.names),
      birth_year_min: window?.min ?? null,
      birth_year_max: window?.max ?? null,
      created_by: target.recordedBy,
    });
    for (const n of uniqueByKey(unit.names).values()) w.names.push(nameRow(id, n, target.recordedBy));
    if (unit.birth) w.births.push(birthRow(id, unit.birth, target.recordedBy));
    for (const a of unit.attributes) w.attributes.push({ person_id: id, category: a.category, key: a.key, value: JSON.stringify(a.value), source: 'import', recorded_by: target.recordedBy });
    return { id, outcome: 'created' as const, birthWindow: undefined };
  }

  const id = found.id;
  let changed = false;
  const current = state.names.get(id) ?? [];
  const currentKeys = new Map((additive ? current : current.filter((n) => n.source === 'import')).map((n) => [nameKey(n as Omit<ImportedName, 'searchText'>), n.id]));
  const incoming = uniqueByKey(unit.names);
  for (const [key, n] of incoming) {
    if (currentKeys.has(key)) continue;
    w.names.push(nameRow(id, n, target.recordedBy));
    changed = true;
  }
  if (!additive) {
    for (const [key, nameId] of currentKeys) {
      if (incoming.has(key)) continue;
      w.supersededNames.push(nameId);
      changed = true;
    }
  }

  let birthWindow: { min: number; max: number } | null | undefined;
  const currentBirth = state.births.get(id);
  if (unit.birth && (currentBirth ? !additive && birthKey(birthOfRow(currentBirth)) !== birthKey(unit.birth) : true)) {
    if (currentBirth) w.supersededBirths.push(currentBirth.id);
    w.births.push(birthRow(id, unit.birth, target.recordedBy));
    birthWindow = birthWindowOf(unit.birth);
    changed = true;
  }

  if (unit.sex && unit.sex !== found.sex && (!additive || found.sex === 'U')) {
    w.sexChanges.push({ id, sex: unit.sex });
    changed = true;
  }

  const attrs = state.attributes.get(id) ?? [];
  for (const a of unit.attributes) {
    const now = attrs.find((c) => c.category === a.category && c.key === a.key);
    if (now && canonicalJson(now.value) === canonicalJson(a.value)) continue;
    if (now) w.supersededAttributes.push(now.id);
    w.attributes.push({ person_id: id, category: a.category, key: a.key, value: JSON.stringify(a.value), source: 'import', recorded_by: target.recordedBy });
    changed = true;
  }
  return { id, outcome: changed ? ('updated' as const) : ('unchanged' as const), birthWindow };
}

/** Plan a whole batch (source ids unique within it) into `w`; parents are linked as claimed, source import. */
export function planBatch(records: readonly ImportedRecord[], state: CurrentState, target: PlanTarget, w: ImportWrites): BatchPlan {
  const plan: BatchPlan = { outcomes: [], personIds: [], changedExisting: [], touchedIds: [] };
  const note = (r: ReturnType<typeof planUnit>) => {
    if (r.outcome === 'unchanged') return;
    plan.touchedIds.push(r.id);
    if (r.outcome === 'updated') plan.changedExisting.push({ id: r.id, birthWindow: r.birthWindow });
  };
  for (const record of records) {
    const child = planUnit(record.person, false, state, target, w);
    note(child);
    let outcome: 'created' | 'updated' | 'unchanged' = child.outcome;
    for (const role of ['mother', 'father'] as const) {
      const parentUnit = record[role];
      if (!parentUnit) continue;
      const parent = planUnit(parentUnit, true, state, target, w);
      note(parent);
      if (outcome === 'unchanged' && parent.outcome !== 'unchanged') outcome = 'updated';
      if (state.links.has(`${child.id}|${parent.id}|${role}`)) continue;
      const base = { evidence_level: 'claimed', source: 'import', note: null, recorded_by: target.recordedBy };
      w.relationships.push({ ...base, person_id: child.id, related_person_id: parent.id, kind: role });
      w.relationships.push({ ...base, person_id: parent.id, related_person_id: child.id, kind: 'child' });
      if (outcome === 'unchanged') outcome = 'updated';
    }
    plan.outcomes.push(outcome);
    plan.personIds.push(child.id);
  }
  return plan;
}
