import type { PersonRecord, ProfileSummary, RelationshipKind } from '@homeward/domain';
import type { PedigreePerson } from '@homeward/domain/kinship';

/**
 * A kinship hypothesis as an officer states it: each typed relative's place relative to one person (the
 * child whose identity is in question, or a missing child's position), turned into the pedigree the API
 * takes. Untyped members that carry the relationship (the father between a child and the paternal
 * grandparents) get readable ids such as `father`, which the chart and the printed report show as roles.
 */

export const KIN_ROLES = [
  'father',
  'mother',
  'paternal_grandfather',
  'paternal_grandmother',
  'maternal_grandfather',
  'maternal_grandmother',
  'full_sibling',
  'paternal_half_sibling',
  'maternal_half_sibling',
  'paternal_aunt_uncle',
  'maternal_aunt_uncle',
] as const;
export type KinRole = (typeof KIN_ROLES)[number];

/** Roles that are one person each and carry a sex of their own. */
const FIXED: Partial<Record<KinRole, 'M' | 'F'>> = {
  father: 'M',
  mother: 'F',
  paternal_grandfather: 'M',
  paternal_grandmother: 'F',
  maternal_grandfather: 'M',
  maternal_grandmother: 'F',
};

export type Sex = 'F' | 'M' | 'U';

/** One typed relative: who, their recorded sex, and their role under each hypothesis. */
export interface TypedRelative {
  personId: string;
  sex: Sex;
  claimed: KinRole;
  alternative: KinRole | 'unrelated';
}

/** A problem that stops a hypothesis from becoming a pedigree, as a translation key and its values. */
export interface HypothesisProblem {
  key: 'roleTwice' | 'roleSex' | 'personTwice' | 'noRelative';
  role?: KinRole;
}

const engineSex = (sex: Sex): 'M' | 'F' => (sex === 'F' ? 'F' : 'M');

/** What each untyped connecting member is called, by role (the chart translates these codes). */
export type ConnectingRole = 'father' | 'mother' | 'paternal_grandfather' | 'paternal_grandmother' | 'maternal_grandfather' | 'maternal_grandmother' | 'other_parent';

/** The untyped role a pedigree id stands for, when it is one of ours (`other_parent_2` → other_parent). */
export function connectingRoleOf(id: string): ConnectingRole | null {
  if (/^other_parent_\d+$/.test(id)) return 'other_parent';
  return (['father', 'mother', 'paternal_grandfather', 'paternal_grandmother', 'maternal_grandfather', 'maternal_grandmother'] as const).find((r) => r === id) ?? null;
}

/**
 * The pedigree in which `subject` has the given relatives in the given roles; relatives in no role are
 * added as founders unrelated to everyone. Throws nothing: problems come back for the form to show.
 */
export function pedigreeOf(
  subject: { id: string; sex: Sex },
  relatives: readonly { personId: string; sex: Sex; role: KinRole | 'unrelated' }[],
): { pedigree: PedigreePerson[]; problems: HypothesisProblem[] } {
  const problems: HypothesisProblem[] = [];
  const roles = new Set(relatives.map((r) => r.role));
  const holder = new Map<KinRole, string>();
  for (const r of relatives) {
    if (r.role === 'unrelated') continue;
    const sex = FIXED[r.role];
    if (sex === undefined) continue;
    if (holder.has(r.role)) problems.push({ key: 'roleTwice', role: r.role });
    holder.set(r.role, r.personId);
    if (r.sex !== 'U' && r.sex !== sex) problems.push({ key: 'roleSex', role: r.role });
  }
  const ids = relatives.map((r) => r.personId);
  if (new Set(ids).size !== ids.length || ids.includes(subject.id)) problems.push({ key: 'personTwice' });
  if (relatives.every((r) => r.role === 'unrelated')) problems.push({ key: 'noRelative' });

  const any = (...rs: KinRole[]) => rs.some((r) => roles.has(r));
  const paternalGrandparents = any('paternal_grandfather', 'paternal_grandmother', 'paternal_aunt_uncle');
  const maternalGrandparents = any('maternal_grandfather', 'maternal_grandmother', 'maternal_aunt_uncle');
  const parents = paternalGrandparents || maternalGrandparents || any('father', 'mother', 'full_sibling', 'paternal_half_sibling', 'maternal_half_sibling');
  const id = (role: KinRole) => holder.get(role) ?? role;

  const pedigree: PedigreePerson[] = [];
  const add = (p: PedigreePerson) => {
    if (!pedigree.some((q) => q.id === p.id)) pedigree.push(p);
  };
  const couple = (father: KinRole, mother: KinRole) => {
    add({ id: id(father), sex: 'M' });
    add({ id: id(mother), sex: 'F' });
    return { father: id(father), mother: id(mother) };
  };
  if (paternalGrandparents) couple('paternal_grandfather', 'paternal_grandmother');
  if (maternalGrandparents) couple('maternal_grandfather', 'maternal_grandmother');
  if (parents) {
    add({ id: id('father'), sex: 'M', ...(paternalGrandparents ? { father: id('paternal_grandfather'), mother: id('paternal_grandmother') } : {}) });
    add({ id: id('mother'), sex: 'F', ...(maternalGrandparents ? { father: id('maternal_grandfather'), mother: id('maternal_grandmother') } : {}) });
  }
  add({ id: subject.id, sex: engineSex(subject.sex), ...(parents ? { father: id('father'), mother: id('mother') } : {}) });
  let others = 0;
  for (const r of relatives) {
    switch (r.role) {
      case 'full_sibling':
        add({ id: r.personId, sex: engineSex(r.sex), father: id('father'), mother: id('mother') });
        break;
      case 'paternal_half_sibling': {
        const other = `other_parent_${++others}`;
        add({ id: other, sex: 'F' });
        add({ id: r.personId, sex: engineSex(r.sex), father: id('father'), mother: other });
        break;
      }
      case 'maternal_half_sibling': {
        const other = `other_parent_${++others}`;
        add({ id: other, sex: 'M' });
        add({ id: r.personId, sex: engineSex(r.sex), father: other, mother: id('mother') });
        break;
      }
      case 'paternal_aunt_uncle':
        add({ id: r.personId, sex: engineSex(r.sex), father: id('paternal_grandfather'), mother: id('paternal_grandmother') });
        break;
      case 'maternal_aunt_uncle':
        add({ id: r.personId, sex: engineSex(r.sex), father: id('maternal_grandfather'), mother: id('maternal_grandmother') });
        break;
      case 'unrelated':
        add({ id: r.personId, sex: engineSex(r.sex) });
        break;
      case 'father':
      case 'mother':
      case 'paternal_grandfather':
      case 'paternal_grandmother':
      case 'maternal_grandfather':
      case 'maternal_grandmother':
        break;
    }
  }
  return { pedigree, problems };
}

/** The role a recorded relationship suggests, given the roles already taken (grandparents default to the father's side). */
function suggestedRole(kind: RelationshipKind, sex: Sex, taken: ReadonlySet<KinRole>): KinRole | null {
  switch (kind) {
    case 'father':
      return 'father';
    case 'mother':
      return 'mother';
    case 'sibling':
      return 'full_sibling';
    case 'half_sibling':
      return 'paternal_half_sibling';
    case 'aunt_uncle':
      return 'paternal_aunt_uncle';
    case 'grandparent': {
      const [paternal, maternal]: KinRole[] = sex === 'F' ? ['paternal_grandmother', 'maternal_grandmother'] : ['paternal_grandfather', 'maternal_grandfather'];
      return taken.has(paternal!) ? maternal! : paternal!;
    }
    case 'child':
    case 'grandchild':
    case 'niece_nephew':
    case 'cousin':
    case 'spouse':
    case 'guardian':
    case 'ward':
      return null;
  }
}

/** The other side of the family, or the half relation: a sensible alternative to a claimed role. */
export function defaultAlternative(role: KinRole): KinRole | 'unrelated' {
  const swapped = role.startsWith('paternal_') ? role.replace('paternal_', 'maternal_') : role.startsWith('maternal_') ? role.replace('maternal_', 'paternal_') : null;
  if (swapped) return swapped as KinRole;
  if (role === 'full_sibling') return 'paternal_half_sibling';
  return 'unrelated';
}

/** The typed relatives a person's recorded relationships suggest: those with a profile, in the role their link names. */
export function relativesFromRecord(record: PersonRecord, typed: readonly ProfileSummary[]): TypedRelative[] {
  const taken = new Set<KinRole>();
  const out: TypedRelative[] = [];
  for (const r of record.relationships) {
    if (!typed.some((p) => p.personId === r.relatedPersonId) || out.some((o) => o.personId === r.relatedPersonId)) continue;
    const role = suggestedRole(r.kind, r.relatedSex, taken);
    if (role === null) continue;
    taken.add(role);
    out.push({ personId: r.relatedPersonId, sex: r.relatedSex, claimed: role, alternative: 'unrelated' });
  }
  return out;
}
