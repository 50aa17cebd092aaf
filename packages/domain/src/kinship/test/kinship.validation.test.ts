import { describe, expect, it } from 'vitest';
import { frequencyDatabase } from '../frequencies.parse';
import { answerKinshipQuestion, comparePedigrees } from '../kinship.lr';
import type { PedigreePerson, StrProfile } from '../kinship.schemas';
import { markerLogLikelihood } from '../marker.likelihood';
import { mutationMatrix } from '../mutation.model';
import { buildPedigree } from '../pedigree.model';
import { KAPPA, pairwiseMarkerLr } from '../pairwise.kappa';
import { relationshipPedigree } from '../relationship.pedigrees';

/** Published reference values (forrel, dvir, pedprobr, pedmut, NRC II-style pairwise tables). */

const profile = (person: string, markers: Record<string, [string, string]>): StrProfile => ({ person, markers });
const trio: PedigreePerson[] = [
  { id: 'AF', sex: 'M' },
  { id: 'MO', sex: 'F' },
  { id: 'CH', sex: 'F', father: 'AF', mother: 'MO' },
];

describe('forrel kinshipLR: paternity, mother untyped', () => {
  const database = frequencyDatabase({ D3S1358: { '1': 0.05, '2': 0.95 }, TH01: { '1': 0.1, '2': 0.9 } });
  const run = (markers: string[]) =>
    comparePedigrees(
      trio,
      'unrelated',
      [
        profile('AF', Object.fromEntries(markers.map((m) => [m, ['1', '1']]))),
        profile('CH', Object.fromEntries(markers.map((m) => [m, ['1', '1']]))),
      ],
      { database },
    );
  it('gives 20 with pA = 0.05, 10 with pA = 0.1 and 200 for both markers', () => {
    expect(10 ** run(['D3S1358']).log10Lr).toBeCloseTo(20, 9);
    expect(10 ** run(['TH01']).log10Lr).toBeCloseTo(10, 9);
    const both = run(['D3S1358', 'TH01']);
    expect(10 ** both.log10Lr).toBeCloseTo(200, 7);
    expect(both.markers.map((m) => m.lr)).toEqual([expect.closeTo(20, 9), expect.closeTo(10, 9)]);
  });
});

describe('dvir: a child of two typed parents against an unrelated child', () => {
  const database = frequencyDatabase({ FGA: { '1': 0.1, '2': 0.9 } });
  const lr = (child: [string, string]) =>
    10 **
    comparePedigrees(
      trio,
      'unrelated',
      [profile('AF', { FGA: ['1', '2'] }), profile('MO', { FGA: ['1', '2'] }), profile('CH', { FGA: child })],
      { database },
    ).log10Lr;
  it('is 25 for child 1/1 and 1/(4·0.9²) for child 2/2', () => {
    expect(lr(['1', '1'])).toBeCloseTo(25, 9);
    expect(lr(['2', '2'])).toBeCloseTo(1 / (4 * 0.81), 12);
  });
});

describe('paternity and the father’s full brother', () => {
  const database = frequencyDatabase({ vWA: { '10': 0.01, '11': 0.3, '12': 0.69 } });
  const profiles = [profile('AF', { vWA: ['10', '11'] }), profile('CH', { vWA: ['10', '12'] })];
  it('gives paternity LR 25 for a/b – a/c with pa = 0.01', () => {
    expect(10 ** comparePedigrees(trio, 'unrelated', profiles, { database }).log10Lr).toBeCloseTo(25, 9);
  });
  it('gives 0.5/0.255 for father against father’s full brother once the mother c/c is typed', () => {
    const brother: PedigreePerson[] = [
      { id: 'GF', sex: 'M' },
      { id: 'GM', sex: 'F' },
      { id: 'AF', sex: 'M', father: 'GF', mother: 'GM' },
      { id: 'BR', sex: 'M', father: 'GF', mother: 'GM' },
      { id: 'MO', sex: 'F' },
      { id: 'CH', sex: 'F', father: 'BR', mother: 'MO' },
    ];
    const withMother = [...profiles, profile('MO', { vWA: ['12', '12'] })];
    expect(10 ** comparePedigrees(trio, brother, withMother, { database }).log10Lr).toBeCloseTo(0.5 / 0.255, 9);
  });
});

describe('pedprobr likelihoods', () => {
  const sys = (freqs: number[]) => ({ n: freqs.length, freqs: Float64Array.from(freqs), male: null, female: null });
  it('two full siblings both 2/2: ¼q²(1+q)²', () => {
    const ped = buildPedigree(relationshipPedigree('S1', 'S2', 'full-siblings'));
    const typings = ped.ids.map((id) => (id.startsWith('S') ? ([1, 1] as const) : null));
    const q = 0.8;
    expect(Math.exp(markerLogLikelihood(ped, sys([0.2, 0.8]), typings).log)).toBeCloseTo(
      0.25 * q ** 2 * (1 + q) ** 2,
      12,
    );
  });
  it('an A/A founder with p = 0.3 and θ = 0.01: 0.0921, also as a grandchild of untyped founders', () => {
    const single = buildPedigree([{ id: 'X', sex: 'M' }]);
    expect(Math.exp(markerLogLikelihood(single, sys([0.3, 0.7]), [[0, 0]], { theta: 0.01 }).log)).toBeCloseTo(
      0.0921,
      12,
    );
    const linear = buildPedigree([
      { id: '1', sex: 'M' },
      { id: '2', sex: 'F' },
      { id: '3', sex: 'M', father: '1', mother: '2' },
      { id: '4', sex: 'F' },
      { id: '5', sex: 'M', father: '3', mother: '4' },
    ]);
    const typings = linear.ids.map((id) => (id === '5' ? ([0, 0] as const) : null));
    expect(Math.exp(markerLogLikelihood(linear, sys([0.3, 0.7]), typings, { theta: 0.01 }).log)).toBeCloseTo(
      0.0921,
      12,
    );
  });
});

describe('pedmut stepwise matrix', () => {
  it('matches pedmut for alleles 1, 1.5, 2, 3 with rate .6, rate2 .3, range .5', () => {
    const m = mutationMatrix(
      { model: 'stepwise', rate: 0.6, rate2: 0.3, range: 0.5 },
      ['1', '1.5', '2', '3'],
      [0.25, 0.25, 0.25, 0.25],
    );
    const expected = [0.1, 0.3, 0.4, 0.2, 0.1, 0.7, 0.1, 0.1, 0.3, 0.3, 0.1, 0.3, 0.2, 0.3, 0.4, 0.1];
    expected.forEach((v, i) => expect(m[i]).toBeCloseTo(v, 12));
  });
});

describe('pairwise κ with θ = 0.01 (A .1, B .2, C .3, D .4)', () => {
  const freqs = [0.1, 0.2, 0.3, 0.4];
  const pairs: [[number, number], [number, number]][] = [
    [
      [0, 0],
      [0, 0],
    ],
    [
      [0, 0],
      [0, 1],
    ],
    [
      [0, 1],
      [0, 1],
    ],
    [
      [0, 1],
      [0, 2],
    ],
  ];
  const table = {
    'parent-child': [7.906976744, 4.285714286, 3.56541108, 2.339449541],
    'full-siblings': [20.98089701, 2.392857143, 7.71261909, 1.419724771],
    'half-siblings': [4.453488372, 2.642857143, 2.28270554, 1.669724771],
    'first-cousins': [2.726744186, 1.821428571, 1.64135277, 1.334862385],
  } as const;
  for (const [relationship, values] of Object.entries(table) as [keyof typeof table, readonly number[]][]) {
    it(`${relationship}: κ formula and the pedigree engine agree with the table`, () => {
      const database = frequencyDatabase({ D8S1179: { '1': 0.1, '2': 0.2, '3': 0.3, '4': 0.4 } });
      pairs.forEach(([a, b], i) => {
        expect(pairwiseMarkerLr(a, b, freqs, KAPPA[relationship], 0.01)).toBeCloseTo(values[i]!, 8);
        const label = (g: [number, number]): [string, string] => [String(g[0] + 1), String(g[1] + 1)];
        const result = comparePedigrees(
          relationshipPedigree('A', 'B', relationship),
          'unrelated',
          [profile('A', { D8S1179: label(a) }), profile('B', { D8S1179: label(b) })],
          { database, theta: 0.01 },
        );
        expect(10 ** result.log10Lr).toBeCloseTo(values[i]!, 8);
        expect(result.markers[0]?.note ?? '').not.toMatch(/approximation/);
      });
    });
  }
  it('grandparent and avuncular equal half-siblings (same κ) in the engine', () => {
    const database = frequencyDatabase({ D8S1179: { '1': 0.1, '2': 0.2, '3': 0.3, '4': 0.4 } });
    for (const relationship of ['grandparent', 'avuncular'] as const) {
      const result = comparePedigrees(
        relationshipPedigree('A', 'B', relationship),
        'unrelated',
        [profile('A', { D8S1179: ['1', '2'] }), profile('B', { D8S1179: ['1', '3'] })],
        {
          database,
          theta: 0.01,
        },
      );
      expect(10 ** result.log10Lr).toBeCloseTo(1.669724771, 8);
    }
  });
});

describe('the answer object', () => {
  const database = frequencyDatabase({ D3S1358: { '15': 0.3, '16': 0.3, '17': 0.4 }, TH01: { '9.3': 0.5, '6': 0.5 } });
  it('answers a pedigree question with markers, floor alleles, conclusion and verbal scale', () => {
    const answer = answerKinshipQuestion(
      {
        frequencies: 'test',
        theta: 0,
        mutation: { model: 'stepwise', rate: { female: 0.001, male: 0.002 }, range: 0.1, rate2: 1e-6 },
        claimed: [
          { id: 'GF', sex: 'M' },
          { id: 'GM', sex: 'F' },
          { id: 'F', sex: 'M', father: 'GF', mother: 'GM' },
          { id: 'Mo', sex: 'F' },
          { id: 'C1', sex: 'F', father: 'F', mother: 'Mo' },
        ],
        alternative: 'unrelated',
        profiles: [
          { person: 'GF', markers: { d3s1358: ['15', '16'], TH1: ['9.3'] } },
          { person: 'GM', markers: { D3S1358: ['17'], TH01: ['6', '8'] } },
          { person: 'C1', markers: { D3S1358: ['15', '17'], TH01: ['9.3', '6'] } },
        ],
      },
      { database },
    );
    expect(answer.markers.map((m) => m.marker)).toEqual(['D3S1358', 'TH01']);
    expect(answer.floor_alleles).toEqual([{ marker: 'TH01', allele: '8', frequency: 0.001 }]);
    // D3S1358: .25/.24; TH01: .375/.5 (hand-computed; mutation and the floored allele move it slightly).
    expect(answer.lr).toBeCloseTo((0.25 / 0.24) * 0.75, 2);
    expect(answer.conclusion).toBe('inconclusive');
    expect(answer.verbal).toBe('limited support for the alternative');
    expect(answer.inconsistent_markers).toEqual([]);
    expect(typeof answer.verbal).toBe('string');
  });
  it('lists inconsistent markers and excludes at LR 0 without mutation', () => {
    const answer = answerKinshipQuestion(
      {
        frequencies: 'test',
        a: 'C',
        b: 'F',
        relationship: 'parent-child',
        profiles: [
          { person: 'C', markers: { D3S1358: ['15', '15'], TH01: ['6', '6'] } },
          { person: 'F', markers: { D3S1358: ['16', '17'], TH01: ['6', '9.3'] } },
        ],
      },
      { database },
    );
    expect(answer.inconsistent_markers).toEqual(['D3S1358']);
    expect(answer.lr).toBe(0);
    expect(answer.log10_lr).toBeNull();
    expect(answer.conclusion).toBe('excludes');
  });
  it('keeps a small LR under mutation and still lists the inconsistency', () => {
    const answer = answerKinshipQuestion(
      {
        frequencies: 'test',
        a: 'C',
        b: 'F',
        relationship: 'parent-child',
        mutation: { model: 'equal', rate: 0.002 },
        profiles: [
          { person: 'C', markers: { D3S1358: ['15', '15'] } },
          { person: 'F', markers: { D3S1358: ['16', '17'] } },
        ],
      },
      { database },
    );
    expect(answer.inconsistent_markers).toEqual(['D3S1358']);
    expect(answer.lr).toBeGreaterThan(0);
    expect(answer.lr).toBeLessThan(0.01);
  });
});
