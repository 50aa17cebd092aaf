import { describe, expect, it } from 'vitest';
import { frequencyDatabase } from '../frequencies.parse';
import { comparePedigrees } from '../kinship.lr';
import type { StrProfile } from '../kinship.schemas';
import { pairwiseScreen } from '../pairwise.screen';
import { prepareScreening, screenBlock, screenFamilies } from '../screening.engine';
import type { ReferenceFamily } from '../screening.engine';

const markers = ['D3S1358', 'vWA', 'FGA', 'TH01'];
const database = frequencyDatabase(
  Object.fromEntries(markers.map((m) => [m, { '6': 0.1, '7': 0.15, '8': 0.2, '9': 0.25, '9.3': 0.1, '10': 0.2 }])),
);
const alleles = ['6', '7', '8', '9', '9.3', '10'];

function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('screening', () => {
  const random = rng(7);
  const draw = () => alleles[Math.floor(random() * alleles.length)]!;
  const families: ReferenceFamily[] = [];
  const children: StrProfile[] = [];
  for (let f = 0; f < 6; f++) {
    const father: Record<string, [string, string]> = {};
    const mother: Record<string, [string, string]> = {};
    const child: Record<string, [string, string]> = {};
    for (const m of markers) {
      father[m] = [draw(), draw()];
      mother[m] = [draw(), draw()];
      child[m] = [father[m][random() < 0.5 ? 0 : 1], mother[m][random() < 0.5 ? 0 : 1]];
    }
    const grandparents = f % 2 === 1;
    families.push({
      id: `fam${f}`,
      pedigree: [
        { id: 'GF', sex: 'M' },
        { id: 'GM', sex: 'F' },
        { id: 'F', sex: 'M', father: 'GF', mother: 'GM' },
        { id: 'M', sex: 'F' },
        { id: 'C', sex: 'F', father: 'F', mother: 'M' },
        { id: 'C2', sex: 'M', father: 'F', mother: 'M' },
      ],
      profiles: grandparents
        ? [
            { person: 'GF', markers: Object.fromEntries(markers.map((m) => [m, [father[m]![0], draw()]])) },
            { person: 'M', markers: mother },
          ]
        : [
            { person: 'F', markers: father },
            { person: 'M', markers: mother },
          ],
      missing: ['C', 'C2'],
    });
    children.push({ person: `child${f}`, markers: child });
  }

  it('matches the pedigree engine entry by entry, at θ = 0 and θ > 0', () => {
    for (const theta of [0, 0.02]) {
      const prepared = prepareScreening({ children, families, database, theta });
      const block = screenBlock(prepared);
      for (let c = 0; c < children.length; c++) {
        for (let f = 0; f < families.length; f++) {
          const family = families[f]!;
          const renamed = family.pedigree.map((p) => (p.id === 'C' ? { ...p, id: children[c]!.person } : p));
          const expected = comparePedigrees(renamed, 'unrelated', [...family.profiles, children[c]!], {
            database,
            theta,
          }).log10Lr;
          expect(block.log10Lr[c * families.length + f]).toBeCloseTo(expected, 9);
        }
      }
    }
  });

  it('reports progress, best candidates and undisputed identifications', () => {
    const progress: number[] = [];
    const { summary } = screenFamilies(
      { children, families, database },
      { onProgress: (done) => progress.push(done), threshold: 10 },
    );
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    expect(summary.bestPerChild[0]?.[0]?.family).toBe('fam0');
    for (const hit of summary.undisputed) expect(hit.family.slice(3)).toBe(hit.child.slice(5));
  });

  it('pairwise screen agrees with the κ engine for parent–child', () => {
    const result = pairwiseScreen({
      children,
      references: families.map((f) => ({ ...f.profiles[1]!, person: f.id })),
      relationship: 'parent-child',
      database,
    });
    const expected = comparePedigrees(
      [
        { id: 'fam0', sex: 'F' },
        { id: 'X', sex: 'M' },
        { id: 'child0', sex: 'F', father: 'X', mother: 'fam0' },
      ],
      'unrelated',
      [{ ...families[0]!.profiles[1]!, person: 'fam0' }, children[0]!],
      { database },
    ).log10Lr;
    expect(result.log10Lr[0]).toBeCloseTo(expected, 9);
    expect(result.comparisons).toBe(children.length * families.length * markers.length);
  });
});
