import { describe, expect, it } from 'vitest';
import { frequencyDatabase, KNOWN_MARKERS, prepareScreening, screenBlock, summariseScreening, type PedigreePerson, type StrProfile } from '@homeward/domain/kinship';
import { genotypeSampler, seeded } from '../../../test/kinship-factories';
import { relationOf } from './reference-families';
import { flooredAlleles, runScreen } from './screen-workers';
import { syntheticAlleleTable } from './synthetic-frequencies';

/** The worker split of a screen, the synthetic database and pedigree relations: no database needed. */

const table = syntheticAlleleTable();
const database = frequencyDatabase(table, { name: 'synthetic' });

const TRIO: PedigreePerson[] = [
  { id: 'F', sex: 'M' },
  { id: 'M', sex: 'F' },
  { id: 'C', sex: 'F', father: 'F', mother: 'M' },
];

function problem() {
  const { person, child } = genotypeSampler(seeded(7));
  const children: StrProfile[] = [];
  const families = Array.from({ length: 6 }, (_, k) => {
    const f = person();
    const m = person();
    if (k < 3) children.push({ person: `child-${k}`, markers: child(f, m) });
    return { id: `family-${k}`, pedigree: TRIO, missing: ['C'], profiles: [{ person: 'F', markers: f }, { person: 'M', markers: m }] };
  });
  children.push({ person: 'child-x', markers: person() });
  return prepareScreening({ children, families, database });
}

describe('synthetic frequency database', () => {
  it('covers every known marker with plausible alleles whose frequencies sum to 1', () => {
    expect(Object.keys(table).sort()).toEqual([...KNOWN_MARKERS].sort());
    for (const [marker, alleles] of Object.entries(table)) {
      const freqs = Object.values(alleles);
      expect(freqs.reduce((a, b) => a + b, 0), marker).toBeCloseTo(1, 9);
      expect(Math.min(...freqs), marker).toBeGreaterThan(0.001);
      expect(freqs.length, marker).toBeGreaterThanOrEqual(5);
    }
    expect(table.TH01).toHaveProperty('9.3');
  });
});

describe('screen split across worker threads', () => {
  it('gives exactly the in-thread matrix, with progress over all families', async () => {
    const prepared = problem();
    const progress: number[] = [];
    const split = await runScreen(prepared, {
      workers: 2,
      minCellsForWorkers: 0,
      onProgress: (done) => void progress.push(done),
      onFallback: (reason) => {
        throw new Error(`fell back: ${reason}`);
      },
    });
    expect(split.workers).toBe(2);
    const direct = screenBlock(prepared);
    expect(Array.from(split.block.log10Lr)).toEqual(Array.from(direct.log10Lr));
    expect(Array.from(split.block.position)).toEqual(Array.from(direct.position));
    expect(progress.at(-1)).toBe(6);
    const inThread = await runScreen(prepared, { workers: 0 });
    expect(inThread.workers).toBe(0);
    expect(Array.from(inThread.block.log10Lr)).toEqual(Array.from(direct.log10Lr));
    const summary = summariseScreening(prepared, split.block);
    expect(summary.undisputed.map((c) => `${c.child}→${c.family}`).sort()).toEqual(['child-0→family-0', 'child-1→family-1', 'child-2→family-2']);
  });
});

describe('floor frequencies in a screen', () => {
  it('lists the alleles the database lacks, with the floor they got', () => {
    const prepared = prepareScreening({
      children: [{ person: 'child', markers: { TH01: ['99', '6'], vWA: ['15', '16'] } }],
      families: [{ id: 'family', pedigree: TRIO, missing: ['C'], profiles: [{ person: 'F', markers: { TH01: ['6', '7'], vWA: ['41.2', '15'] } }] }],
      database,
    });
    expect(flooredAlleles(prepared, database)).toEqual([
      { marker: 'TH01', allele: '99', frequency: 0.001 },
      { marker: 'vWA', allele: '41.2', frequency: 0.001 },
    ]);
  });
});

describe('relations in a pedigree', () => {
  const ped: PedigreePerson[] = [
    { id: 'GF', sex: 'M' },
    { id: 'GM', sex: 'F' },
    { id: 'F', sex: 'M', father: 'GF', mother: 'GM' },
    { id: 'U', sex: 'M', father: 'GF', mother: 'GM' },
    { id: 'Mo', sex: 'F' },
    { id: 'C', sex: 'F', father: 'F', mother: 'Mo' },
    { id: 'S', sex: 'M', father: 'F', mother: 'Mo' },
    { id: 'H', sex: 'M', father: 'F' },
    { id: 'K', sex: 'F', father: 'U' },
  ];
  it('names what a typed relative is to the missing position', () => {
    expect(relationOf(ped, 'C', 'F')).toBe('father');
    expect(relationOf(ped, 'C', 'Mo')).toBe('mother');
    expect(relationOf(ped, 'C', 'GM')).toBe('grandparent');
    expect(relationOf(ped, 'C', 'S')).toBe('sibling');
    expect(relationOf(ped, 'C', 'H')).toBe('half_sibling');
    expect(relationOf(ped, 'C', 'U')).toBe('aunt_uncle');
    expect(relationOf(ped, 'C', 'K')).toBe('cousin');
    expect(relationOf(ped, 'F', 'C')).toBe('child');
    expect(relationOf(ped, 'GF', 'C')).toBe('grandchild');
    expect(relationOf(ped, 'Mo', 'GF')).toBeNull();
  });
});
