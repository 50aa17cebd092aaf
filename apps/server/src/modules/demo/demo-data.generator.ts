import { DEFAULT_WORKFLOWS, type CaseKind } from '@homeward/domain';
import {
  ADULT_TASKS,
  BIRTHPLACES_ABROAD,
  BORN_ABROAD_FEMALE,
  BORN_ABROAD_MALE,
  CHILD_TASKS,
  DISTRICTS,
  FEMALE,
  MALE,
  SURNAME_STEMS,
  cyrillicSurname,
  surnameOf,
  type GivenName,
} from './demo-data.names';

/**
 * A synthetic, realistic scenario for demos and benchmarks, generated from a seed: the same seed and date give
 * the same people. Pure (no I/O): the loader writes it, tests inspect it. Families follow DOMAIN.md: a father
 * often dead or known only by his kunya, a detained mother, children born before departure (Azerbaijani Latin
 * names, birth dates) and after it (Arabic-script Iraqi records, estimated ages), orphans and children found
 * alone, in shelters, camps, a women's prison and hospitals, with cases at every stage and open tasks.
 */

/** A small deterministic PRNG (mulberry32): fast, and the same sequence for the same seed everywhere. */
export function rngOf(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  const weighted = <T extends string>(weights: Readonly<Record<T, number>>): T => {
    const entries = Object.entries(weights) as [T, number][];
    let r = next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) if ((r -= w) < 0) return k;
    return entries[entries.length - 1]![0];
  };
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(next() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  return { next, int, pick, chance, weighted, uuid };
}
type Rng = ReturnType<typeof rngOf>;

export type PlaceKind = 'shelter' | 'orphanage' | 'camp' | 'prison' | 'hospital' | 'embassy_residence';

/** A place of the scenario; `key` links placements to it before it has a database id. */
export interface DemoPlace {
  key: string;
  kind: PlaceKind;
  name: string;
  city: string;
  country: string;
  capacity: number;
  visitRules: string;
}

export interface DemoName {
  given?: string;
  father?: string;
  grandfather?: string;
  family?: string;
  full?: string;
  script: 'Latn' | 'Cyrl' | 'Arab';
  kind: 'official' | 'reported' | 'alias' | 'kunya';
  source: string;
}

export interface DemoTask {
  id: string;
  title: string;
  dueOn: string;
  status: 'open' | 'done';
  assigneeRole: 'consular_officer' | 'caseworker';
}

export interface DemoCase {
  id: string;
  reference: string;
  kind: CaseKind;
  /** Every stage from the first to the current one, each with the day it was entered. */
  path: { stage: string; on: string }[];
  priority: 'low' | 'normal' | 'high' | 'urgent';
  flags: string[];
  closed: boolean;
  tasks: DemoTask[];
}

export interface DemoPerson {
  id: string;
  sourceId: string;
  sex: 'F' | 'M';
  vitalStatus: 'alive' | 'deceased' | 'unknown';
  team: 'consular' | 'child_protection';
  role: 'father' | 'mother' | 'child';
  bornAbroad: boolean;
  names: DemoName[];
  birth: { date?: string; estimatedAge?: { years: number; on: string; method: 'stated' | 'medical' | 'dental' }; place?: string; country?: string; source: string } | null;
  attributes: { category: string; key: string; value: unknown; source: string }[];
  placement: { placeKey: string; startOn: string; reason: string } | null;
  case: DemoCase | null;
  sharedWith: 'ICRC' | 'Receiving agency (home)' | null;
  assignedToLiaison: boolean;
}

export interface DemoFamily {
  id: string;
  label: string;
  orphaned: boolean;
  members: DemoPerson[];
  relationships: { personId: string; relatedId: string; kind: 'mother' | 'father' | 'child' | 'spouse'; evidence: 'claimed' | 'documented' }[];
}

/** Sizes by name; a number is taken as the number of people. */
export const DEMO_SIZES = { small: 150, medium: 10_000, large: 1_000_000 } as const;

export function peopleForSize(size: string): number {
  if (size in DEMO_SIZES) return DEMO_SIZES[size as keyof typeof DEMO_SIZES];
  const n = Number(size);
  if (!Number.isInteger(n) || n < 1 || n > 5_000_000) throw new Error(`Size must be small, medium, large or a number of people (1–5,000,000), not "${size}".`);
  return n;
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const yearOf = (iso: string) => Number(iso.slice(0, 4));
const pad = (n: number) => String(n).padStart(2, '0');

/** The places of a scenario of `people` people: more and larger as it grows, a few over capacity. */
export function demoPlaces(people: number): DemoPlace[] {
  const scale = Math.max(1, Math.round(people / 150));
  const count = (base: number) => Math.min(base * Math.ceil(Math.sqrt(scale)), 60);
  const places: DemoPlace[] = [];
  const add = (kind: PlaceKind, n: number, name: (i: number) => string, city: (i: number) => string, capacity: number, visitRules: string) => {
    for (let i = 1; i <= n; i++) places.push({ key: `${kind}-${i}`, kind, name: name(i), city: city(i), country: 'IQ', capacity: Math.max(4, Math.round(capacity)), visitRules });
  };
  const children = people * 0.6;
  add('shelter', count(2), (i) => `State Children's Shelter No. ${i}`, (i) => (i % 3 === 0 ? 'Mosul' : 'Baghdad'), (children * 0.45) / count(2), 'Embassy staff by appointment; ICRC on request.');
  add('orphanage', count(1), (i) => `State Orphanage No. ${i}`, () => 'Baghdad', (children * 0.12) / count(1), 'Embassy staff by appointment.');
  add('camp', count(2), (i) => `Displacement Camp ${String.fromCharCode(64 + ((i - 1) % 26) + 1)}${i > 26 ? i : ''}, Nineveh`, () => 'Nineveh', (people * 0.3) / count(2), 'Access through the camp administration; ICRC present.');
  add('prison', 1, () => "Women's Prison, Baghdad", () => 'Baghdad', people * 0.09, 'No consular visits without a court order; ICRC family-links visits only.');
  add('hospital', count(2), (i) => `General Hospital No. ${i}`, (i) => (i % 2 === 0 ? 'Erbil' : 'Baghdad'), (children * 0.06) / count(2), 'Medical officer with the ward’s consent.');
  add('embassy_residence', 1, () => 'Embassy residence (transit)', () => 'Baghdad', Math.min(60, children * 0.05), 'Embassy staff; children awaiting travel.');
  return places;
}

const CHILD_STAGE_WEIGHTS = { reported: 8, registered: 14, placed: 25, identified: 15, citizenship_established: 9, documents_issued: 7, clearances_obtained: 6, ready_to_travel: 4, returned: 5, followed_up: 4, closed: 3 };
const ADULT_STAGE_WEIGHTS = { reported: 6, registered: 10, detained: 34, consular_access: 20, identified: 10, citizenship_established: 6, documents_issued: 4, clearances_obtained: 3, ready_to_travel: 1, returned: 3, followed_up: 2, closed: 0 };

/** Generates families one at a time (so a million people never sit in memory at once). */
export class DemoScenario {
  readonly places: DemoPlace[];
  private readonly rng: Rng;
  private made = 0;
  private caseNo = 0;

  constructor(
    readonly options: { seed: number; people: number; today: string },
  ) {
    this.rng = rngOf(options.seed);
    this.places = demoPlaces(options.people);
  }

  /** The source system the scenario's people are recorded under: one per seed. */
  get sourceSystem(): string {
    return `demo-${this.options.seed}`;
  }

  *families(): Generator<DemoFamily> {
    while (this.made < this.options.people) {
      const family = this.rng.chance(0.08) ? this.unaccompanied() : this.family();
      family.members = family.members.slice(0, this.options.people - this.made);
      const kept = new Set(family.members.map((m) => m.id));
      family.relationships = family.relationships.filter((r) => kept.has(r.personId) && kept.has(r.relatedId));
      this.made += family.members.length;
      yield family;
    }
  }

  private person(sex: 'F' | 'M', role: DemoPerson['role']): DemoPerson {
    const no = this.made + this.pendingInFamily++;
    return {
      id: this.rng.uuid(), sourceId: `P${String(no + 1).padStart(7, '0')}`, sex, vitalStatus: 'alive', team: role === 'child' ? 'child_protection' : 'consular', role,
      bornAbroad: false, names: [], birth: null, attributes: [], placement: null, case: null, sharedWith: null, assignedToLiaison: false,
    };
  }
  private pendingInFamily = 0;

  private place(kind: PlaceKind): string {
    const options = this.places.filter((p) => p.kind === kind);
    return this.rng.pick(options).key;
  }

  private openCase(p: DemoPerson, kind: CaseKind, flags: string[]): DemoCase {
    const { rng } = this;
    const stages = DEFAULT_WORKFLOWS[kind].stages.map((s) => s.code);
    const target: string = kind === 'child' ? rng.weighted(CHILD_STAGE_WEIGHTS) : rng.weighted(ADULT_STAGE_WEIGHTS);
    const upTo = stages.indexOf(target);
    let on = addDays(this.options.today, -rng.int(60, 900));
    const path = stages.slice(0, upTo + 1).map((stage) => {
      const step = { stage, on };
      on = addDays(on, rng.int(3, 40));
      if (on > this.options.today) on = this.options.today;
      return step;
    });
    const closed = target === 'closed';
    const tasks: DemoTask[] = [];
    if (!closed) {
      const titles = kind === 'child' ? CHILD_TASKS : ADULT_TASKS;
      for (let i = rng.weighted({ 0: 3, 1: 4, 2: 3 } as const) === '0' ? 0 : rng.int(1, 2); i > 0; i--) {
        const overdue = rng.chance(0.3);
        tasks.push({
          id: rng.uuid(), title: rng.pick(titles), dueOn: addDays(this.options.today, overdue ? -rng.int(1, 45) : rng.int(1, 60)),
          status: rng.chance(0.15) ? 'done' : 'open', assigneeRole: kind === 'child' ? 'caseworker' : 'consular_officer',
        });
      }
    }
    const priority = flags.includes('urgent_medical') ? 'urgent' : flags.includes('orphan') ? 'high' : rng.chance(0.1) ? 'low' : 'normal';
    this.caseNo++;
    return { id: rng.uuid(), reference: `C-D${this.options.seed}-${String(this.caseNo).padStart(6, '0')}`, kind, path, priority, flags, closed, tasks };
  }

  private childNames(c: DemoPerson, given: GivenName, father: GivenName, grandfather: GivenName, surname: string) {
    const { rng } = this;
    if (!c.bornAbroad) {
      c.names.push({ given: given.az, father: father.az, family: surname, script: 'Latn', kind: 'official', source: 'document' });
      if (rng.chance(0.25)) c.names.push({ full: `${given.en} ${surname.replace(/ə/g, 'a')}`, script: 'Latn', kind: 'reported', source: 'ngo_list' });
      return;
    }
    c.names.push({ given: given.ar, father: father.ar, grandfather: grandfather.ar, script: 'Arab', kind: 'official', source: 'host_record' });
    const extra = rng.weighted({ none: 5, cyrillic: 2, english: 3 });
    if (extra === 'cyrillic') c.names.push({ given: given.ru, family: cyrillicSurname(surname), script: 'Cyrl', kind: 'reported', source: 'relative' });
    if (extra === 'english') c.names.push({ full: `${given.en} ${father.en}`, script: 'Latn', kind: 'reported', source: 'ngo_list' });
  }

  private family(): DemoFamily {
    const { rng, options } = this;
    this.pendingInFamily = 0;
    const fatherStem = rng.pick(SURNAME_STEMS);
    const district = rng.pick(DISTRICTS);
    const departed = `${rng.int(2013, 2016)}-${pad(rng.int(1, 12))}`;
    const origin = { category: 'identity', key: 'origin', value: { country: 'AZ', district }, source: 'relative' };
    const departure = { category: 'identity', key: 'departed_home', value: departed, source: 'relative' };
    const orphaned = rng.chance(0.1);

    const father = this.person('M', 'father');
    const fatherGiven = rng.pick(MALE);
    const grandfather = rng.pick(MALE);
    const fatherSurname = surnameOf(fatherStem, 'M');
    const fatherBorn = rng.int(1978, 1996);
    father.vitalStatus = orphaned ? 'deceased' : rng.weighted({ deceased: 5, unknown: 4, alive: 1 });
    father.names.push({ given: fatherGiven.az, father: grandfather.az, family: fatherSurname, script: 'Latn', kind: 'official', source: 'relative' });
    if (fatherBorn <= 1990 && rng.chance(0.5)) father.names.push({ given: fatherGiven.ru, family: cyrillicSurname(fatherSurname), script: 'Cyrl', kind: 'official', source: 'document' });
    father.birth = { date: String(fatherBorn), source: 'relative' };
    father.attributes.push(origin, departure);

    const mother = this.person('F', 'mother');
    const motherGiven = rng.pick(FEMALE);
    const motherFather = rng.pick(MALE);
    const motherSurname = surnameOf(rng.pick(SURNAME_STEMS), 'F');
    const motherBorn = rng.int(1985, 2000);
    mother.vitalStatus = orphaned ? 'deceased' : rng.chance(0.05) ? 'unknown' : 'alive';
    mother.names.push({ given: motherGiven.az, father: motherFather.az, family: motherSurname, script: 'Latn', kind: 'official', source: 'document' });
    if (motherBorn <= 1990) mother.names.push({ given: motherGiven.ru, family: cyrillicSurname(motherSurname), script: 'Cyrl', kind: 'official', source: 'document' });
    mother.birth = { date: `${motherBorn}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`, place: district, country: 'AZ', source: 'document' };
    mother.attributes.push(origin, departure);

    const children: DemoPerson[] = [];
    const kids = rng.weighted({ 1: 3, 2: 4, 3: 3, 4: 2, 5: 1 } as const);
    const departedYear = yearOf(`${departed}-01`);
    for (let i = 0; i < Number(kids); i++) {
      const sex = rng.chance(0.5) ? 'F' : 'M';
      const c = this.person(sex, 'child');
      const bornYear = rng.int(Math.max(departedYear - 8, 2006), 2019);
      c.bornAbroad = bornYear > departedYear || (bornYear === departedYear && rng.chance(0.5));
      const given = rng.pick(c.bornAbroad ? (sex === 'F' ? BORN_ABROAD_FEMALE : BORN_ABROAD_MALE) : sex === 'F' ? FEMALE : MALE);
      this.childNames(c, given, fatherGiven, grandfather, surnameOf(fatherStem, sex));
      if (c.bornAbroad) {
        const on = addDays(options.today, -rng.int(10, 700));
        const [place, country] = rng.pick(BIRTHPLACES_ABROAD);
        const years = Math.max(0, yearOf(on) - bornYear + (rng.chance(0.3) ? 0.5 : 0));
        c.birth = { estimatedAge: { years, on, method: rng.weighted({ medical: 4, dental: 3, stated: 2 }) }, place, country, source: 'medical' };
      } else {
        c.birth = { date: `${bornYear}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`, place: district, country: 'AZ', source: 'document' };
      }
      c.attributes.push(origin);
      children.push(c);
    }

    const eldestSon = children.find((c) => c.sex === 'M');
    const sonName = eldestSon ? (eldestSon.names[0]?.given ?? '') : '';
    const sonEn = [...MALE].find((g) => g.az === sonName || g.ar === sonName)?.en ?? 'Abdullah';
    father.names.push({ full: `Abu ${sonEn} al-Azeri`, script: 'Latn', kind: 'kunya', source: 'host_record' });
    if (rng.chance(0.3)) mother.names.push({ full: `Umm ${sonEn} al-Azeri`, script: 'Latn', kind: 'kunya', source: 'host_record' });

    if (mother.vitalStatus === 'alive') {
      mother.case = this.openCase(mother, 'adult', []);
      const stage = mother.case.path.at(-1)!.stage;
      const inPrison = ['detained', 'consular_access', 'identified', 'citizenship_established', 'documents_issued'].includes(stage) && rng.chance(0.7);
      const status = rng.weighted({ detained: 5, charged: 3, sentenced: 2 });
      if (!['returned', 'followed_up', 'closed'].includes(stage)) {
        mother.attributes.push({ category: 'legal_detention', key: 'status', value: inPrison ? status : 'held in camp', source: 'host_record' });
        mother.placement = { placeKey: this.place(inPrison ? 'prison' : 'camp'), startOn: mother.case.path[0]!.on, reason: inPrison ? 'Detained by the host authorities' : 'Living in the camp' };
      }
      if (stage === 'consular_access' || (inPrison && rng.chance(0.3))) mother.sharedWith = 'ICRC';
    }
    for (const c of children) {
      const flags: string[] = [];
      if (orphaned) flags.push('orphan');
      if (mother.vitalStatus !== 'alive' || mother.placement?.placeKey.startsWith('prison')) flags.push('unaccompanied');
      const ill = rng.chance(0.06);
      if (ill) flags.push('urgent_medical');
      if (rng.chance(0.03)) flags.push('security_sensitive_location');
      c.case = this.openCase(c, 'child', flags);
      this.placeChild(c, ill, orphaned, mother);
      if (ill) c.attributes.push({ category: 'medical', key: 'summary', value: rng.pick(['Shrapnel wound of the leg, healing.', 'Malnourished on arrival; improving.', 'Untreated ear infection; under treatment.']), source: 'medical' });
      if (['identified', 'citizenship_established'].includes(c.case.path.at(-1)!.stage) && rng.chance(0.5)) {
        c.attributes.push({ category: 'genetic', key: 'reference_sample', value: 'Reference sample from the paternal grandmother collected (synthetic).', source: 'relative' });
        c.assignedToLiaison = true;
      }
      if (mother.sharedWith === 'ICRC') c.sharedWith = 'ICRC';
      if (['returned', 'followed_up', 'closed'].includes(c.case.path.at(-1)!.stage)) c.sharedWith = 'Receiving agency (home)';
    }

    const relationships: DemoFamily['relationships'] = [];
    const link = (child: DemoPerson, parent: DemoPerson, kind: 'mother' | 'father') => {
      const evidence = child.bornAbroad ? 'claimed' : 'documented';
      relationships.push({ personId: child.id, relatedId: parent.id, kind, evidence }, { personId: parent.id, relatedId: child.id, kind: 'child', evidence });
    };
    for (const c of children) {
      link(c, mother, 'mother');
      link(c, father, 'father');
    }
    relationships.push({ personId: mother.id, relatedId: father.id, kind: 'spouse', evidence: 'claimed' }, { personId: father.id, relatedId: mother.id, kind: 'spouse', evidence: 'claimed' });
    return { id: rng.uuid(), label: `${fatherSurname} family`, orphaned, members: [mother, ...children, father], relationships };
  }

  private placeChild(c: DemoPerson, ill: boolean, orphaned: boolean, mother: DemoPerson) {
    const { rng } = this;
    const stage = c.case!.path.at(-1)!.stage;
    if (['returned', 'followed_up', 'closed'].includes(stage)) return;
    const start = c.case!.path[0]!.on;
    if (stage === 'ready_to_travel') c.placement = { placeKey: this.place('embassy_residence'), startOn: start, reason: 'Awaiting travel' };
    else if (ill) c.placement = { placeKey: this.place('hospital'), startOn: start, reason: 'Medical care' };
    else if (orphaned) c.placement = { placeKey: this.place('orphanage'), startOn: start, reason: 'Both parents dead; placed by the host ministry' };
    else if (mother.placement?.placeKey.startsWith('camp') && rng.chance(0.6)) c.placement = { placeKey: mother.placement.placeKey, startOn: start, reason: 'With the mother in the camp' };
    else if (stage !== 'reported') c.placement = { placeKey: this.place('shelter'), startOn: start, reason: 'Placed by the host ministry' };
  }

  /** A child found alone: a given name the child said, an age a doctor estimated, nothing else. */
  private unaccompanied(): DemoFamily {
    const { rng, options } = this;
    this.pendingInFamily = 0;
    const sex = rng.chance(0.5) ? 'F' : 'M';
    const c = this.person(sex, 'child');
    c.bornAbroad = true;
    const given = rng.pick(sex === 'F' ? BORN_ABROAD_FEMALE : BORN_ABROAD_MALE);
    c.names.push({ given: rng.chance(0.5) ? given.az : given.ar, script: 'Latn', kind: 'reported', source: 'child_statement' });
    if (c.names[0]!.given === given.ar) c.names[0]!.script = 'Arab';
    const on = addDays(options.today, -rng.int(5, 400));
    c.birth = { estimatedAge: { years: rng.int(1, 6), on, method: rng.weighted({ medical: 3, dental: 2 }) }, source: 'medical' };
    c.case = this.openCase(c, 'child', ['unaccompanied', ...(rng.chance(0.5) ? ['orphan'] : [])]);
    this.placeChild(c, false, c.case.flags.includes('orphan'), c);
    return { id: rng.uuid(), label: 'Found alone', orphaned: c.case.flags.includes('orphan'), members: [c], relationships: [] };
  }
}
