import type { PedigreePerson, Sex } from './kinship.schemas';

/**
 * A pedigree as index arrays, checked once and then used for every marker. The peeling engine needs the
 * person–couple graph to be a forest (no marriage loops, no inbreeding loops); a pedigree that is not gets
 * a PedigreeError naming the loop's people, because a silently wrong LR is worse than none.
 */

/** A pedigree the engine can peel; persons and couples are numbered from 0. */
export interface Pedigree {
  ids: string[];
  index: Map<string, number>;
  sex: Sex[];
  father: Int32Array;
  mother: Int32Array;
  couples: Couple[];
  /** The couple a person is a child of, or -1 for a founder. */
  parentCouple: Int32Array;
  /** The couples in which a person is a parent. */
  ownCouples: number[][];
}

/** Two parents and their children in this pedigree. */
export interface Couple {
  father: number;
  mother: number;
  children: number[];
}

/** A pedigree that cannot be used: unknown or wrong-sex parent, a cycle of descent, or a loop. */
export class PedigreeError extends Error {}

/**
 * Builds and checks a pedigree. Parents named but not listed, and the missing parent of a person with only
 * one known parent, are added as untyped founders ("founders as needed").
 */
export function buildPedigree(persons: readonly PedigreePerson[]): Pedigree {
  const ids: string[] = [];
  const sex: Sex[] = [];
  const index = new Map<string, number>();
  const add = (id: string, s: Sex): number => {
    index.set(id, ids.length);
    ids.push(id);
    sex.push(s);
    return ids.length - 1;
  };
  for (const p of persons) {
    if (index.has(p.id)) throw new PedigreeError(`person ${p.id} is listed twice`);
    add(p.id, p.sex);
  }
  const parents: [string | null, string | null][] = persons.map((p) => [p.father ?? null, p.mother ?? null]);
  persons.forEach((p, i) => {
    const [f, m] = parents[i] as [string | null, string | null];
    if (f === null && m === null) return;
    for (const [parent, s] of [
      [f, 'M'],
      [m, 'F'],
    ] as const) {
      if (parent === null) continue;
      if (parent === p.id) throw new PedigreeError(`${p.id} is named as their own parent`);
      const known = index.get(parent);
      if (known === undefined) add(parent, s);
      else if (sex[known] !== s)
        throw new PedigreeError(`${parent} is ${s === 'M' ? 'father' : 'mother'} of ${p.id} but has sex ${sex[known]}`);
    }
    if (f === null) parents[i] = [`${p.id}:father`, m];
    if (m === null) parents[i] = [f, `${p.id}:mother`];
    const [f2, m2] = parents[i] as [string, string];
    if (!index.has(f2)) add(f2, 'M');
    if (!index.has(m2)) add(m2, 'F');
  });
  const size = ids.length;
  const father = new Int32Array(size).fill(-1);
  const mother = new Int32Array(size).fill(-1);
  parents.forEach(([f, m], i) => {
    if (f !== null && m !== null) {
      father[i] = index.get(f) as number;
      mother[i] = index.get(m) as number;
    }
  });
  checkNoCycle(ids, father, mother);
  const couples: Couple[] = [];
  const coupleOf = new Map<string, number>();
  const parentCouple = new Int32Array(size).fill(-1);
  const ownCouples: number[][] = ids.map(() => []);
  for (let i = 0; i < size; i++) {
    const f = father[i] as number;
    const m = mother[i] as number;
    if (f < 0) continue;
    const key = `${f}:${m}`;
    let c = coupleOf.get(key);
    if (c === undefined) {
      c = couples.length;
      coupleOf.set(key, c);
      couples.push({ father: f, mother: m, children: [] });
      ownCouples[f]?.push(c);
      ownCouples[m]?.push(c);
    }
    couples[c]?.children.push(i);
    parentCouple[i] = c;
  }
  const pedigree: Pedigree = { ids, index, sex, father, mother, couples, parentCouple, ownCouples };
  checkNoLoop(pedigree);
  return pedigree;
}

function checkNoCycle(ids: string[], father: Int32Array, mother: Int32Array): void {
  const state = new Uint8Array(ids.length);
  const visit = (i: number, path: number[]): void => {
    if (state[i] === 2) return;
    if (state[i] === 1) throw new PedigreeError(`cycle of descent: ${[...path, i].map((k) => ids[k]).join(' → ')}`);
    state[i] = 1;
    for (const p of [father[i] as number, mother[i] as number]) if (p >= 0) visit(p, [...path, i]);
    state[i] = 2;
  };
  for (let i = 0; i < ids.length; i++) visit(i, []);
}

/** The person–couple graph must be a forest: edges = nodes − components. */
function checkNoLoop(ped: Pedigree): void {
  const nodes = ped.ids.length + ped.couples.length;
  const parent = Int32Array.from({ length: nodes }, (_, i) => i);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[x] !== r) {
      const next = parent[x] as number;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  const union = (a: number, b: number, what: () => string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) {
      throw new PedigreeError(
        `pedigree loop through ${what()}: the engine handles loop-free pedigrees only (no inbreeding, no two couples sharing two people); break the loop by listing one person twice as separate founders`,
      );
    }
    parent[ra] = rb;
  };
  const base = ped.ids.length;
  ped.couples.forEach((c, k) => {
    const label = () => `${ped.ids[c.father]} × ${ped.ids[c.mother]}`;
    union(base + k, c.father, label);
    union(base + k, c.mother, label);
    for (const child of c.children) union(base + k, child, () => `${ped.ids[child]} (child of ${label()})`);
  });
}

/** Each typed person as an unrelated founder: the usual alternative hypothesis. */
export function unrelatedPedigree(typed: readonly string[], sexOf: (id: string) => Sex | undefined): PedigreePerson[] {
  return typed.map((id) => ({ id, sex: sexOf(id) ?? 'M' }));
}
