import type { RelationshipKind } from '@homeward/domain';
import type { PedigreePerson, Sex } from '@homeward/domain/kinship';

/**
 * Reference families for screening, built from the registry: a household's members with their recorded
 * mother/father links form the pedigree; members with a profile are typed; sought members without a
 * profile are the positions a found child could fill. And the way back: what a typed relative is to a
 * position, as a registry relationship kind, for when a supervisor confirms a match.
 */

/** A household member as the screen needs it. */
export interface HouseholdMember {
  id: string;
  sex: string;
  sought: boolean;
  typed: boolean;
}

/** A recorded parent link between two members. */
export interface ParentLink {
  child: string;
  parent: string;
  kind: 'mother' | 'father';
}

/** A reference pedigree with its typed members and missing positions. */
export interface HouseholdPedigree {
  id: string;
  familyId: string;
  pedigree: PedigreePerson[];
  typed: string[];
  missing: string[];
}

/** How a household's reference family is named in a screen: this prefix and the family's id. */
export const HOUSEHOLD_PREFIX = 'household:';

/** The screening id of a household's reference family. */
export const householdRef = (familyId: string) => `${HOUSEHOLD_PREFIX}${familyId}`;

/** The pedigree of one household, or null when it has no typed relative or no sought position. */
export function householdPedigree(familyId: string, members: readonly HouseholdMember[], links: readonly ParentLink[]): HouseholdPedigree | null {
  const ids = new Set(members.map((m) => m.id));
  const typed = members.filter((m) => m.typed).map((m) => m.id);
  const missing = members.filter((m) => m.sought && !m.typed).map((m) => m.id);
  if (typed.length === 0 || missing.length === 0) return null;
  const father = new Map<string, string>();
  const mother = new Map<string, string>();
  for (const link of links) {
    if (!ids.has(link.child) || !ids.has(link.parent) || link.child === link.parent) continue;
    (link.kind === 'father' ? father : mother).set(link.child, link.parent);
  }
  const fathers = new Set(father.values());
  const mothers = new Set(mother.values());
  const sexOf = (m: HouseholdMember): Sex => (m.sex === 'F' || m.sex === 'M' ? m.sex : mothers.has(m.id) ? 'F' : 'M');
  const pedigree: PedigreePerson[] = members.map((m) => {
    const person: PedigreePerson = { id: m.id, sex: fathers.has(m.id) ? 'M' : mothers.has(m.id) ? 'F' : sexOf(m) };
    const f = father.get(m.id);
    const mo = mother.get(m.id);
    if (f !== undefined) person.father = f;
    if (mo !== undefined) person.mother = mo;
    return person;
  });
  return { id: householdRef(familyId), familyId, pedigree, typed, missing };
}

/**
 * What `relative` is to `position` in a pedigree, as a registry relationship kind (`father`: the relative
 * is the position's father), or null when the link is not one the registry names.
 */
export function relationOf(pedigree: readonly PedigreePerson[], position: string, relative: string): RelationshipKind | null {
  const byId = new Map(pedigree.map((p) => [p.id, p]));
  const parents = (id: string): string[] => {
    const p = byId.get(id);
    return [p?.father, p?.mother].filter((x): x is string => typeof x === 'string' && x !== '');
  };
  const fullSiblings = (a: string, b: string): boolean => {
    const pa = byId.get(a);
    const pb = byId.get(b);
    return a !== b && pa?.father != null && pa.mother != null && pa.father === pb?.father && pa.mother === pb.mother;
  };
  const pp = parents(position);
  const rp = parents(relative);
  if (pp.includes(relative)) return byId.get(relative)?.sex === 'F' ? 'mother' : 'father';
  if (rp.includes(position)) return 'child';
  if (pp.some((p) => parents(p).includes(relative))) return 'grandparent';
  if (rp.some((p) => parents(p).includes(position))) return 'grandchild';
  const shared = pp.filter((p) => rp.includes(p)).length;
  if (shared === 2 && pp.length === 2) return 'sibling';
  if (shared >= 1) return 'half_sibling';
  if (pp.some((p) => fullSiblings(p, relative))) return 'aunt_uncle';
  if (rp.some((p) => fullSiblings(p, position))) return 'niece_nephew';
  if (pp.some((p) => rp.some((q) => fullSiblings(p, q)))) return 'cousin';
  return null;
}
