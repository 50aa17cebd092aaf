import { describe, expect, it } from 'vitest';
import { buildPedigree, PedigreeError } from '../pedigree.model';
import { markerLogLikelihood } from '../marker.likelihood';
import type { Typing } from '../marker.likelihood';
import { mutationMatrix } from '../mutation.model';
import type { MutationParameters } from '../mutation.model';
import type { PedigreePerson } from '../kinship.schemas';
import { bruteForceLikelihood } from './brute-force.enumerator';
import type { BrutePerson } from './brute-force.enumerator';

/** mulberry32: a small seeded generator so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  persons: BrutePerson[];
  alleles: string[];
  freqs: number[];
  male: MutationParameters;
  female: MutationParameters;
  theta: number;
}

const ALLELE_SETS = [
  ['10', '11'],
  ['9', '10', '11'],
  ['9', '9.3', '10', '12'],
  ['14', '15', '15.2', '16'],
];
const MODELS: MutationParameters['model'][] = ['none', 'equal', 'proportional', 'stepwise'];

function randomCase(random: () => number): Case {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const size = 2 + Math.floor(random() * 5);
  const alleles = size >= 6 ? ['10', '11', '12'] : pick(ALLELE_SETS);
  const raw = alleles.map(() => 0.2 + random());
  const sum = raw.reduce((a, b) => a + b, 0);
  const freqs = raw.map((f) => f / sum);
  const persons: BrutePerson[] = [];
  for (let i = 0; i < size; i++) {
    const male = random() < 0.5;
    const fathers = persons.map((p, k) => (p.male ? k : -1)).filter((k) => k >= 0);
    const mothers = persons.map((p, k) => (!p.male ? k : -1)).filter((k) => k >= 0);
    const withParents = fathers.length > 0 && mothers.length > 0 && random() < 0.65;
    persons.push({
      male,
      father: withParents ? pick(fathers) : -1,
      mother: withParents ? pick(mothers) : -1,
      typing: null,
    });
  }
  for (const p of persons) {
    if (random() < 0.55) p.typing = [Math.floor(random() * alleles.length), Math.floor(random() * alleles.length)];
  }
  if (persons.every((p) => p.typing === null)) persons[size - 1]!.typing = [0, alleles.length - 1];
  const model = (): MutationParameters => ({
    model: pick(MODELS),
    rate: 0.05 + 0.2 * random(),
    rate2: 0.05 * random(),
    range: 0.3 + 0.5 * random(),
  });
  return {
    persons,
    alleles,
    freqs,
    male: model(),
    female: model(),
    theta: random() < 0.5 ? 0 : pick([0.01, 0.05, 0.2]),
  };
}

function toRows(m: Float64Array, n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from(m.subarray(i * n, i * n + n)));
}

describe('peeling engine against brute-force enumeration', () => {
  it('agrees to 1e-9 (relative) on 300 random small pedigrees, with and without mutation and θ', () => {
    const random = rng(20240611);
    let checked = 0;
    let loops = 0;
    let withTheta = 0;
    let withMutation = 0;
    while (checked < 300) {
      const c = randomCase(random);
      const people: PedigreePerson[] = c.persons.map((p, i) => ({
        id: `P${i}`,
        sex: p.male ? 'M' : 'F',
        ...(p.father >= 0 ? { father: `P${p.father}`, mother: `P${p.mother}` } : {}),
      }));
      let ped;
      try {
        ped = buildPedigree(people);
      } catch (error) {
        if (error instanceof PedigreeError) {
          loops++;
          continue;
        }
        throw error;
      }
      const n = c.alleles.length;
      const male = mutationMatrix(c.male, c.alleles, c.freqs);
      const female = mutationMatrix(c.female, c.alleles, c.freqs);
      const typings: Typing[] = c.persons.map((p) => p.typing);
      const engine = markerLogLikelihood(ped, { n, freqs: Float64Array.from(c.freqs), male, female }, typings, {
        theta: c.theta,
      });
      const brute = bruteForceLikelihood({
        persons: c.persons,
        freqs: c.freqs,
        maleMatrix: toRows(male, n),
        femaleMatrix: toRows(female, n),
        theta: c.theta,
      });
      expect(engine.approximateTheta).toBe(false);
      const value = Math.exp(engine.log);
      if (brute === 0) expect(value).toBe(0);
      else expect(Math.abs(value - brute) / brute, JSON.stringify(c)).toBeLessThan(1e-9);
      checked++;
      if (c.theta > 0) withTheta++;
      if (c.male.model !== 'none' || c.female.model !== 'none') withMutation++;
    }
    expect(withTheta).toBeGreaterThan(100);
    expect(withMutation).toBeGreaterThan(150);
    expect(loops).toBeGreaterThanOrEqual(0);
  });
});
