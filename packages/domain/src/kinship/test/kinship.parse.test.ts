import { describe, expect, it } from 'vitest';
import { parseFrequencyCsv, parseFrequencyList, markerAlleles } from '../frequencies.parse';
import { MarkerNames } from '../marker-names.normalise';
import { parseProfilesCsvLong, parseProfilesCsvWide, parseProfilesJson } from '../profile.parse';
import type { ProfileParseResult } from '../profile.parse';

const errorsOf = (result: ProfileParseResult) => (result.ok ? [] : result.errors);

describe('marker names', () => {
  it('normalises case, separators and aliases', () => {
    const names = new MarkerNames();
    expect(['VWA', 'vWA', 'vwa'].map((n) => names.canonical(n))).toEqual(['vWA', 'vWA', 'vWA']);
    expect(names.canonical('d21s11')).toBe('D21S11');
    expect(['Penta E', 'PentaE', 'PENTA_E', 'penta-e'].map((n) => names.canonical(n))).toEqual(
      Array(4).fill('Penta E'),
    );
    expect(['TH01', 'TH1', 'th01'].map((n) => names.canonical(n))).toEqual(['TH01', 'TH01', 'TH01']);
    expect(names.canonical('fga')).toBe('FGA');
    expect(names.canonical('D99S999')).toBeNull();
  });
});

describe('long CSV profiles', () => {
  it('reads quoted fields, homozygous single alleles and normalised names', () => {
    const result = parseProfilesCsvLong(
      'person,marker,allele1,allele2\n"C1, girl",vwa,15,16\n"C1, girl",TH1,"9.3",\nGF,D21S11,30,30\n',
    );
    expect(result).toEqual({
      ok: true,
      profiles: [
        { person: 'C1, girl', markers: { vWA: ['15', '16'], TH01: ['9.3', '9.3'] } },
        { person: 'GF', markers: { D21S11: ['30', '30'] } },
      ],
    });
  });
  it('names row and marker for an unknown marker, three alleles, 9,3 and an empty allele list, importing nothing', () => {
    const result = parseProfilesCsvLong(
      'person,marker,allele1,allele2\nC1,D3S1358,15,16\nC1,D99S1,15,16\nC1,FGA,21,22,23\nC1,TH01,"9,3",6\nC1,vWA,,\nC1,TH01,9,3,6\n',
    );
    expect(result.ok).toBe(false);
    expect(errorsOf(result).map((e) => [e.row, e.marker, e.message])).toEqual([
      [3, 'D99S1', 'unknown marker "D99S1"'],
      [4, 'FGA', '3 alleles; a marker has at most two'],
      [5, 'TH01', 'allele "9,3" uses a decimal comma; write 9.3'],
      [6, 'vWA', 'no alleles'],
      [7, 'TH01', '3 alleles; a marker has at most two'],
    ]);
  });
  it('rejects an empty file', () => {
    expect(errorsOf(parseProfilesCsvLong(''))[0]?.message).toMatch(/empty/);
    expect(errorsOf(parseProfilesCsvLong('person,marker,allele1,allele2\n'))[0]?.message).toMatch(/empty/);
  });
});

describe('wide CSV profiles', () => {
  it('reads paired columns, repeated names and single cells with both alleles', () => {
    const result = parseProfilesCsvWide(
      'person,D3S1358_1,D3S1358_2,vWA,vWA,PentaE\nC1,15,16,17,17,"12/13"\nGF,15,,,,\n',
    );
    expect(result).toEqual({
      ok: true,
      profiles: [
        { person: 'C1', markers: { D3S1358: ['15', '16'], vWA: ['17', '17'], 'Penta E': ['12', '13'] } },
        { person: 'GF', markers: { D3S1358: ['15', '15'] } },
      ],
    });
  });
  it('reports unknown markers, three alleles, decimal commas (also unquoted) and empty files', () => {
    expect(errorsOf(parseProfilesCsvWide('person,D3S1358,XYZ\nC1,15,16\n'))[0]).toMatchObject({ marker: 'XYZ' });
    expect(errorsOf(parseProfilesCsvWide('person,TH01\nC1,6/7/8\n'))[0]).toMatchObject({
      row: 2,
      marker: 'TH01',
      message: '3 alleles; a marker has at most two',
    });
    expect(errorsOf(parseProfilesCsvWide('person,TH01_1,TH01_2\nC1,"9,3",6\n'))[0]).toMatchObject({
      row: 2,
      marker: 'TH01',
      message: expect.stringMatching(/decimal comma/),
    });
    expect(errorsOf(parseProfilesCsvWide('person,TH01_1,TH01_2\nC1,9,3,6\n'))[0]).toMatchObject({
      row: 2,
      message: expect.stringMatching(/decimal comma/),
    });
    expect(errorsOf(parseProfilesCsvWide(''))[0]?.message).toMatch(/empty/);
  });
});

describe('JSON profiles', () => {
  it('accepts the format of formats/kinship.md and normalises', () => {
    const result = parseProfilesJson({
      profiles: [{ person: 'C1', kit: 'GlobalFiler', markers: { th01: ['9.3', '9.3'], FGA: ['22'] } }],
    });
    expect(result).toEqual({
      ok: true,
      profiles: [{ person: 'C1', kit: 'GlobalFiler', markers: { TH01: ['9.3', '9.3'], FGA: ['22', '22'] } }],
    });
  });
  it('reports three alleles, 9,3, unknown markers and empty input', () => {
    const errors = errorsOf(
      parseProfilesJson([
        { person: 'C1', markers: { FGA: ['21', '22', '23'] } },
        { person: 'C2', markers: { TH01: ['9,3'], D0: ['1'] } },
      ]),
    );
    expect(errors.map((e) => [e.row, e.person, e.marker])).toEqual([
      [1, 'C1', 'FGA'],
      [2, 'C2', 'TH01'],
      [2, 'C2', 'D0'],
    ]);
    expect(errorsOf(parseProfilesJson([]))[0]?.message).toBe('no profiles');
    expect(errorsOf(parseProfilesJson({ person: 'C1', markers: { FGA: [] } }))[0]).toMatchObject({ marker: 'FGA' });
  });
});

describe('frequency databases', () => {
  it('reads the list format (names with spaces, microvariants) and floors unknown alleles', () => {
    const result = parseFrequencyList('D1S1656\n8\t0.2\n15.3\t0.8\n\nPenta D\n2.2\t0.5\n9\t0.5\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.database.markers.keys()]).toEqual(['D1S1656', 'Penta D']);
    expect(result.database.floor).toBe(0.001);
    const alleles = markerAlleles(result.database, 'D1S1656', ['15.3', '17']);
    expect(alleles?.alleles).toEqual(['8', '15.3', '17']);
    expect([...(alleles?.freqs ?? [])]).toEqual([0.2, 0.8, 0.001]);
    expect(alleles?.floored).toEqual(['17']);
  });
  it('reads CSV marker,allele,frequency and sets the floor to 5/2N when N is known', () => {
    const result = parseFrequencyCsv('marker,allele,frequency\nvwa,15,0.4\nVWA,16,0.6\n', { sampleSize: 467 });
    expect(result.ok && [...result.database.markers.get('vWA')!.entries()]).toEqual([
      ['15', 0.4],
      ['16', 0.6],
    ]);
    expect(result.ok && result.database.floor).toBeCloseTo(5 / 934, 12);
  });
  it('reports bad lines', () => {
    const result = parseFrequencyCsv('marker,allele,frequency\nvWA,15,abc\nvWA,16\n');
    expect(result.ok ? [] : result.errors.map((e) => e.line)).toEqual([2, 3]);
  });
});
