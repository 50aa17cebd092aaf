import type { PairwiseRelationship, PedigreePerson, Sex } from './kinship.schemas';

/**
 * The pedigrees behind the two-person shorthand of formats/kinship.md: `relationship` says what `b` is to
 * `a`. Connecting people get ids that cannot clash with lab ids (they contain `~`).
 */

/** Builds the claimed pedigree for `b` being `relationship` of `a`. */
export function relationshipPedigree(
  a: string,
  b: string,
  relationship: PairwiseRelationship,
  aSex: Sex = 'M',
  bSex: Sex = 'M',
): PedigreePerson[] {
  const x = (name: string) => `~${name}`;
  const child = (id: string, sex: Sex, father: string, mother: string): PedigreePerson => ({ id, sex, father, mother });
  const founder = (id: string, sex: Sex): PedigreePerson => ({ id, sex });
  switch (relationship) {
    case 'unrelated':
      return [founder(a, aSex), founder(b, bSex)];
    case 'parent-child':
      return bSex === 'M'
        ? [founder(b, 'M'), founder(x('mother'), 'F'), child(a, aSex, b, x('mother'))]
        : [founder(x('father'), 'M'), founder(b, 'F'), child(a, aSex, x('father'), b)];
    case 'full-siblings':
      return [
        founder(x('father'), 'M'),
        founder(x('mother'), 'F'),
        child(a, aSex, x('father'), x('mother')),
        child(b, bSex, x('father'), x('mother')),
      ];
    case 'half-siblings':
      return [
        founder(x('father'), 'M'),
        founder(x('mother-a'), 'F'),
        founder(x('mother-b'), 'F'),
        child(a, aSex, x('father'), x('mother-a')),
        child(b, bSex, x('father'), x('mother-b')),
      ];
    case 'grandparent': {
      const spouse = founder(x('grandparent-spouse'), bSex === 'M' ? 'F' : 'M');
      const [gf, gm] = bSex === 'M' ? [b, spouse.id] : [spouse.id, b];
      return [
        founder(b, bSex),
        spouse,
        child(x('parent'), 'M', gf, gm),
        founder(x('other-parent'), 'F'),
        child(a, aSex, x('parent'), x('other-parent')),
      ];
    }
    case 'avuncular':
      return [
        founder(x('grandfather'), 'M'),
        founder(x('grandmother'), 'F'),
        child(b, bSex, x('grandfather'), x('grandmother')),
        child(x('parent'), 'M', x('grandfather'), x('grandmother')),
        founder(x('other-parent'), 'F'),
        child(a, aSex, x('parent'), x('other-parent')),
      ];
    case 'first-cousins':
      return [
        founder(x('grandfather'), 'M'),
        founder(x('grandmother'), 'F'),
        child(x('parent-a'), 'M', x('grandfather'), x('grandmother')),
        child(x('parent-b'), 'M', x('grandfather'), x('grandmother')),
        founder(x('mother-a'), 'F'),
        founder(x('mother-b'), 'F'),
        child(a, aSex, x('parent-a'), x('mother-a')),
        child(b, bSex, x('parent-b'), x('mother-b')),
      ];
    default: {
      const unknown: never = relationship;
      throw new Error(`unknown relationship ${String(unknown)}`);
    }
  }
}
