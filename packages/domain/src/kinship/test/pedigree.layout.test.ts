import { describe, expect, it } from 'vitest';
import { layoutPedigree, type LayoutMember } from '../pedigree.layout';

/** The chart's geometry: generations in order, no two members on one spot, each child under its parents. */
function checkLayout(members: LayoutMember[]) {
  const layout = layoutPedigree(members);
  for (const m of members) {
    const here = layout.points.get(m.id)!;
    for (const p of [m.father, m.mother]) if (p) expect(layout.points.get(p)!.generation).toBeLessThan(here.generation);
    for (const o of members) {
      if (o.id === m.id) continue;
      const there = layout.points.get(o.id)!;
      if (there.generation === here.generation) expect(Math.abs(there.x - here.x)).toBeGreaterThanOrEqual(1);
    }
  }
  return layout;
}

describe('pedigree layout', () => {
  it('puts paternal grandparents on top, the parents in the middle and the child under them', () => {
    const layout = checkLayout([
      { id: 'GF' },
      { id: 'GM' },
      { id: 'F', father: 'GF', mother: 'GM' },
      { id: 'Mo' },
      { id: 'C', father: 'F', mother: 'Mo' },
    ]);
    expect(layout.generations).toBe(3);
    const at = (id: string) => layout.points.get(id)!;
    expect([at('GF').generation, at('F').generation, at('Mo').generation, at('C').generation]).toEqual([0, 1, 1, 2]);
    expect(at('F').x).toBeCloseTo((at('GF').x + at('GM').x) / 2);
    expect(at('C').x).toBeCloseTo((at('F').x + at('Mo').x) / 2);
    expect(layout.segments.filter((s) => s.kind === 'mating')).toHaveLength(2);
  });

  it('lays out both sets of grandparents, an aunt and half-siblings without overlap', () => {
    const layout = checkLayout([
      { id: 'PGF' },
      { id: 'PGM' },
      { id: 'MGF' },
      { id: 'MGM' },
      { id: 'F', father: 'PGF', mother: 'PGM' },
      { id: 'Aunt', father: 'PGF', mother: 'PGM' },
      { id: 'Mo', father: 'MGF', mother: 'MGM' },
      { id: 'Other' },
      { id: 'C', father: 'F', mother: 'Mo' },
      { id: 'Sib', father: 'F', mother: 'Mo' },
      { id: 'Half', father: 'F', mother: 'Other' },
      { id: 'Unrelated' },
    ]);
    expect(layout.width).toBeGreaterThanOrEqual(5);
    expect(layout.points.get('Unrelated')!.generation).toBe(0);
  });

  it('draws nothing for no one', () => {
    expect(layoutPedigree([])).toMatchObject({ width: 0, generations: 0, segments: [] });
  });
});
