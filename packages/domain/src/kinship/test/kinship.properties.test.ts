import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frequencyDatabase } from '../frequencies.parse';
import { comparePedigrees } from '../kinship.lr';
import type { PedigreePerson } from '../kinship.schemas';
import { markerLogLikelihood } from '../marker.likelihood';
import { mutationMatrix } from '../mutation.model';
import { buildPedigree, PedigreeError } from '../pedigree.model';

const alleleLabels = fc.uniqueArray(
  fc.integer({ min: 5, max: 40 }).chain((n) => fc.constantFrom(String(n), `${n}.1`, `${n}.3`)),
  { minLength: 1, maxLength: 9 },
);

describe('mutation matrices', () => {
  it('have rows summing to 1 and entries in [0, 1] for every model', () => {
    fc.assert(
      fc.property(
        alleleLabels,
        fc.constantFrom('none', 'equal', 'proportional', 'stepwise' as const),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (alleles, model, rate, rate2, range) => {
          const freqs = alleles.map(() => 1 / alleles.length);
          const m = mutationMatrix({ model, rate, rate2, range }, alleles, freqs);
          const n = alleles.length;
          for (let i = 0; i < n; i++) {
            let sum = 0;
            for (let j = 0; j < n; j++) {
              const v = m[i * n + j]!;
              expect(v).toBeGreaterThanOrEqual(-1e-15);
              expect(v).toBeLessThanOrEqual(1 + 1e-15);
              sum += v;
            }
            expect(sum).toBeCloseTo(1, 12);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

const database = frequencyDatabase({ D3S1358: { '14': 0.1, '15': 0.25, '16': 0.3, '17': 0.2, '18': 0.15 } });
const genotype = fc.tuple(fc.constantFrom('14', '15', '16', '17', '18'), fc.constantFrom('14', '15', '16', '17', '18'));

/** A random loop-free pedigree of up to 7 people, parents listed before children. */
const pedigreeArb = fc
  .array(
    fc.record({
      male: fc.boolean(),
      parents: fc.option(fc.tuple(fc.nat(), fc.nat()), { freq: 2 }),
      typed: fc.option(genotype, { freq: 2 }),
    }),
    {
      minLength: 2,
      maxLength: 7,
    },
  )
  .map((rows) => {
    const people: PedigreePerson[] = [];
    const profiles: { person: string; markers: Record<string, [string, string]> }[] = [];
    rows.forEach((row, i) => {
      const males = people.filter((p) => p.sex === 'M');
      const females = people.filter((p) => p.sex === 'F');
      const person: PedigreePerson = { id: `P${i}`, sex: row.male ? 'M' : 'F' };
      if (row.parents && males.length > 0 && females.length > 0) {
        person.father = males[row.parents[0] % males.length]!.id;
        person.mother = females[row.parents[1] % females.length]!.id;
      }
      people.push(person);
      if (row.typed) profiles.push({ person: person.id, markers: { D3S1358: row.typed } });
    });
    return { people, profiles };
  })
  .filter(({ people, profiles }) => {
    if (profiles.length === 0) return false;
    try {
      buildPedigree(people);
      return true;
    } catch (error) {
      if (error instanceof PedigreeError) return false;
      throw error;
    }
  });

describe('pedigree likelihood properties', () => {
  it('gives LR 1 when both hypotheses are the same pedigree', () => {
    fc.assert(
      fc.property(pedigreeArb, fc.constantFrom(0, 0.02), ({ people, profiles }, theta) => {
        const result = comparePedigrees(people, people, profiles, {
          database,
          theta,
          mutation: { model: 'equal', rate: 0.01 },
        });
        expect(result.log10Lr === 0 || Math.abs(result.log10Lr) < 1e-12 || Number.isNaN(result.log10Lr)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
  it('does not depend on the order people are listed in', () => {
    fc.assert(
      fc.property(pedigreeArb, fc.integer(), fc.constantFrom(0, 0.03), ({ people, profiles }, seed, theta) => {
        const shuffled = [...people].sort(
          (a, b) => ((a.id.charCodeAt(1) * 31 + seed) % 17) - ((b.id.charCodeAt(1) * 31 + seed) % 17),
        );
        const sys = {
          n: 5,
          freqs: Float64Array.from([0.1, 0.25, 0.3, 0.2, 0.15]),
          male: mutationMatrix({ model: 'stepwise', rate: 0.02, range: 0.5 }, ['14', '15', '16', '17', '18'], []),
          female: null,
        };
        const like = (list: PedigreePerson[]) => {
          const ped = buildPedigree(list);
          const typings = ped.ids.map((id) => {
            const g = profiles.find((p) => p.person === id)?.markers.D3S1358;
            return g ? ([Number(g[0]) - 14, Number(g[1]) - 14] as const) : null;
          });
          return markerLogLikelihood(ped, sys, typings, { theta }).log;
        };
        const a = like(people);
        const b = like(shuffled);
        if (a === Number.NEGATIVE_INFINITY) expect(b).toBe(a);
        else expect(Math.abs(a - b)).toBeLessThan(1e-9);
      }),
      { numRuns: 60 },
    );
  });
});

describe('pedigree checks', () => {
  it('rejects loops with a clear error and accepts implicit founders', () => {
    const loop: PedigreePerson[] = [
      { id: 'F', sex: 'M' },
      { id: 'M', sex: 'F' },
      { id: 'S', sex: 'M', father: 'F', mother: 'M' },
      { id: 'D', sex: 'F', father: 'F', mother: 'M' },
      { id: 'X', sex: 'M', father: 'S', mother: 'D' },
    ];
    expect(() => buildPedigree(loop)).toThrow(/loop/);
    expect(() => buildPedigree([{ id: 'A', sex: 'F', father: 'A' }])).toThrow(/own parent/);
    expect(buildPedigree([{ id: 'C', sex: 'F', father: 'F' }]).ids).toEqual(['C', 'F', 'C:mother']);
  });
});
