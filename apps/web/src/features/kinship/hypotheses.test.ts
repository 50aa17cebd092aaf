import type { PersonRecord, ProfileSummary } from '@homeward/domain';
import { answerKinshipQuestion, frequencyDatabase, type PairwiseRelationship, type StrProfile } from '@homeward/domain/kinship';
import { describe, expect, it } from 'vitest';
import { pedigreeOf, relativesFromRecord, type KinRole } from './hypotheses';

/**
 * The hypotheses the question builder sends are the pedigrees they claim to be: for every role that has a
 * two-person equivalent in formats/kinship.md, the engine gives the builder's pedigree the same LR as the
 * shorthand, on random profiles.
 */

const MARKERS = ['D3S1358', 'vWA', 'TH01', 'FGA', 'D8S1179', 'D21S11'];
const ALLELES = ['10', '11', '12', '13', '14', '9.3'];
const FREQUENCIES = [0.05, 0.1, 0.15, 0.2, 0.3, 0.2];
const database = frequencyDatabase(Object.fromEntries(MARKERS.map((m) => [m, Object.fromEntries(ALLELES.map((a, i) => [a, FREQUENCIES[i]!]))])), { name: 'test' });

function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function profile(person: string, next: () => number): StrProfile {
  const pick = () => ALLELES[Math.floor(next() * ALLELES.length)]!;
  return { person, markers: Object.fromEntries(MARKERS.map((m) => [m, [pick(), pick()]])) };
}

const CHILD = '00000000-0000-4000-8000-000000000001';
const RELATIVE = '00000000-0000-4000-8000-000000000002';

const EQUIVALENTS: [KinRole, PairwiseRelationship, 'M' | 'F'][] = [
  ['father', 'parent-child', 'M'],
  ['mother', 'parent-child', 'F'],
  ['paternal_grandfather', 'grandparent', 'M'],
  ['maternal_grandmother', 'grandparent', 'F'],
  ['full_sibling', 'full-siblings', 'F'],
  ['paternal_half_sibling', 'half-siblings', 'M'],
  ['maternal_aunt_uncle', 'avuncular', 'F'],
];

describe('the question builder’s hypotheses', () => {
  it.each(EQUIVALENTS)('%s gives the LR of the %s shorthand', (role, relationship, sex) => {
    const next = random(role.length * 7919);
    for (let trial = 0; trial < 5; trial++) {
      const profiles = [profile(CHILD, next), profile(RELATIVE, next)];
      const { pedigree, problems } = pedigreeOf({ id: CHILD, sex: 'F' }, [{ personId: RELATIVE, sex, role }]);
      expect(problems).toEqual([]);
      const built = answerKinshipQuestion({ frequencies: 'test', claimed: pedigree, profiles }, { database });
      const shorthand = answerKinshipQuestion({ frequencies: 'test', a: CHILD, b: RELATIVE, relationship, a_sex: 'F', b_sex: sex, profiles }, { database });
      expect(built.lr).toBeCloseTo(shorthand.lr, 9);
    }
  });

  it('puts both paternal grandparents above an untyped father, and an alternative on the other side', () => {
    const grandparents = [
      { personId: 'GF', sex: 'M' as const, role: 'paternal_grandfather' as const },
      { personId: 'GM', sex: 'F' as const, role: 'paternal_grandmother' as const },
    ];
    expect(pedigreeOf({ id: 'C', sex: 'F' }, grandparents).pedigree).toEqual([
      { id: 'GF', sex: 'M' },
      { id: 'GM', sex: 'F' },
      { id: 'father', sex: 'M', father: 'GF', mother: 'GM' },
      { id: 'mother', sex: 'F' },
      { id: 'C', sex: 'F', father: 'father', mother: 'mother' },
    ]);
    const maternal = pedigreeOf({ id: 'C', sex: 'F' }, [
      { personId: 'GF', sex: 'M', role: 'maternal_grandfather' },
      { personId: 'GM', sex: 'F', role: 'maternal_grandmother' },
    ]).pedigree;
    expect(maternal.find((p) => p.id === 'mother')).toEqual({ id: 'mother', sex: 'F', father: 'GF', mother: 'GM' });
  });

  it('names what stops a hypothesis: a role taken twice, a sex that does not fit, a person twice, nobody in a role', () => {
    const keys = (relatives: Parameters<typeof pedigreeOf>[1]) => pedigreeOf({ id: 'C', sex: 'U' }, relatives).problems.map((p) => p.key);
    expect(keys([{ personId: 'A', sex: 'M', role: 'father' }, { personId: 'B', sex: 'M', role: 'father' }])).toContain('roleTwice');
    expect(keys([{ personId: 'A', sex: 'F', role: 'father' }])).toEqual(['roleSex']);
    expect(keys([{ personId: 'C', sex: 'M', role: 'father' }])).toEqual(['personTwice']);
    expect(keys([{ personId: 'A', sex: 'M', role: 'unrelated' }])).toEqual(['noRelative']);
  });

  it('suggests roles from the recorded relationships of the relatives who are typed, grandparents on the father’s side first', () => {
    const link = (id: string, kind: 'grandparent' | 'mother' | 'spouse', sex: 'M' | 'F') => ({
      id: `r-${id}`,
      relatedPersonId: id,
      relatedDisplayName: id,
      relatedSex: sex,
      relatedOpenCaseId: null,
      kind,
      evidenceLevel: 'claimed' as const,
      source: 'relative',
      recordedAt: '2026-01-01T00:00:00Z',
    });
    const record = { id: 'C', relationships: [link('G1', 'grandparent', 'M'), link('G2', 'grandparent', 'M'), link('Mo', 'mother', 'F'), link('S', 'spouse', 'M'), link('U', 'mother', 'F')] } as unknown as PersonRecord;
    const typed = ['G1', 'G2', 'Mo', 'S'].map((personId) => ({ personId }) as ProfileSummary);
    expect(relativesFromRecord(record, typed).map((r) => [r.personId, r.claimed])).toEqual([
      ['G1', 'paternal_grandfather'],
      ['G2', 'maternal_grandfather'],
      ['Mo', 'mother'],
    ]);
  });
});
