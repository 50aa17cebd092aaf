import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useCliEnvironment } from '../cli.test-support';
import { syntheticAlleleTable } from '@homeward/server/modules/kinship/synthetic-frequencies';

/** `homeward kinship lr | screen | import-frequencies` on files written here (synthetic data only). */
const env = useCliEnvironment('homeward-cli-kinship-');
const cli = runCli;

const write = (name: string, content: string | object) => {
  const file = path.join(env.dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

/** The forrel case: father A/A, child A/A, pA = 0.05, so LR = 1/pA = 20. */
const forrel = (frequencies: string) => ({
  frequencies,
  a: 'C1',
  b: 'F',
  relationship: 'parent-child',
  profiles: [
    { person: 'F', markers: { TH01: ['6', '6'] } },
    { person: 'C1', markers: { TH01: ['6'] } },
  ],
});

describe('homeward kinship lr', () => {
  it('answers a question with frequencies from a list-format or CSV file beside it', async () => {
    write('forrel.txt', 'TH01\n6\t0.05\n7\t0.95\n');
    write('forrel.csv', 'marker,allele,frequency\nTH01,6,0.05\nTH01,7,0.95\n');
    for (const frequencies of ['forrel.txt', 'forrel.csv']) {
      const res = await cli(['kinship', 'lr', write(`q-${frequencies}.json`, forrel(frequencies))]);
      expect(res.code, res.stderr).toBe(0);
      const answer = JSON.parse(res.stdout);
      expect(answer.lr).toBeCloseTo(20, 10);
      expect(answer).toMatchObject({ inconsistent_markers: [], floor_alleles: [], conclusion: 'inconclusive', verbal: 'moderate support' });
    }
  });

  it('exits 2 with one clear line on bad input', async () => {
    const cases = [
      [write('not-json.json', '{ "a": '), /is not JSON/],
      [write('no-freq.json', { ...forrel('x'), frequencies: undefined }), /"frequencies" must name a database or a file/],
      [write('bad-allele.json', { ...forrel('forrel.txt'), profiles: [{ person: 'F', markers: { TH01: ['6,5'] } }] }), /decimal comma/],
      [write('bad-freq.json', forrel('bad.txt')), /frequency file bad\.txt: line 2, marker TH01/],
      [path.join(env.dir, 'missing.json'), /cannot read question/],
    ] as const;
    write('bad.txt', 'TH01\n6\t1.5\n');
    for (const [file, message] of cases) {
      const res = await cli(['kinship', 'lr', file]);
      expect(res.code, file).toBe(2);
      expect(res.stderr, file).toMatch(message);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      expect(res.stdout).toBe('');
    }
  });
});

describe('homeward kinship screen', () => {
  it('prints the summary JSON with the undisputed identification, progress on stderr', async () => {
    const table = syntheticAlleleTable();
    const markers = ['D3S1358', 'vWA', 'D16S539', 'CSF1PO', 'TPOX', 'D8S1179', 'D21S11', 'D18S51', 'D2S441', 'D19S433', 'TH01', 'FGA', 'D5S818', 'D13S317', 'D7S820'];
    write('synthetic.csv', ['marker,allele,frequency', ...markers.flatMap((m) => Object.entries(table[m]!).map(([a, f]) => `${m},${a},${f}`))].join('\n'));
    // Alleles picked by position in each marker's list: distinct parents, a child of one couple.
    const pick = (m: string, i: number) => Object.keys(table[m]!)[i % Object.keys(table[m]!).length]!;
    const typing = (offset: number) => Object.fromEntries(markers.map((m, k) => [m, [pick(m, offset + k), pick(m, offset + k + 2)]]));
    const father = typing(0);
    const mother = typing(5);
    const child = Object.fromEntries(markers.map((m) => [m, [father[m]![0], mother[m]![1]]]));
    const trio = [{ id: 'F', sex: 'M' }, { id: 'M', sex: 'F' }, { id: 'C', sex: 'F', father: 'F', mother: 'M' }];
    const families = [
      { id: 'family-1', pedigree: trio, missing: ['C'], profiles: [{ person: 'F', markers: father }, { person: 'M', markers: mother }] },
      { id: 'family-2', pedigree: trio, missing: ['C'], profiles: [{ person: 'F', markers: typing(1) }, { person: 'M', markers: typing(3) }] },
    ];
    const res = await cli(['kinship', 'screen', write('children.json', [{ person: 'found-1', markers: child }]), write('families.json', families), '--frequencies', path.join(env.dir, 'synthetic.csv'), '--workers', '0']);
    expect(res.code, res.stderr).toBe(0);
    const summary = JSON.parse(res.stdout);
    expect(summary).toMatchObject({ children: 1, families: 2, workers: 0, floorAlleles: [] });
    expect(summary.undisputed).toEqual([expect.objectContaining({ child: 'found-1', family: 'family-1', position: 'C' })]);
    expect(res.stderr).toMatch(/2\/2 families/);
  });
});

describe('homeward kinship import-frequencies', () => {
  it('loads a database into Homeward that a question can then name', async () => {
    const file = write('west-test.txt', 'TH01\n6\t0.05\n7\t0.95\n');
    const res = await cli(['kinship', 'import-frequencies', file, '--name', 'west-test', '--default']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toBe('imported frequency database west-test: 1 markers, floor 0.001 (default)\n');
    const answer = await cli(['kinship', 'lr', write('q-db.json', forrel('west-test'))]);
    expect(answer.code, answer.stderr).toBe(0);
    expect(JSON.parse(answer.stdout).lr).toBeCloseTo(20, 10);
    const unknown = await cli(['kinship', 'lr', write('q-unknown.json', forrel('east-nowhere'))]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/No frequency database named "east-nowhere"/);
  });
});
