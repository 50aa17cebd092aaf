import { readFileSync } from 'node:fs';
import {
  comparePedigrees,
  parseFrequencyList,
  preparePairwiseScreen,
  pairwiseScreenBlock,
  prepareScreening,
  screenBlock,
  summariseScreening,
} from '@homeward/domain/kinship';
import type { FrequencyDatabase, PedigreePerson, ReferenceFamily, StrProfile } from '@homeward/domain/kinship';
import { runKinshipWorkersBench } from './kinship-workers.bench';

/**
 * Kinship engine figures: pedigree LRs per second, the 1,000 × 5,000 DVI screen (single thread) and the
 * pairwise screen's marker comparisons per second. Synthetic profiles drawn from the West Asia database.
 */

const GLOBALFILER = [
  'D1S1656',
  'TPOX',
  'D2S441',
  'D2S1338',
  'D3S1358',
  'FGA',
  'D5S818',
  'CSF1PO',
  'SE33',
  'D7S820',
  'D8S1179',
  'D10S1248',
  'TH01',
  'vWA',
  'D12S391',
  'D13S317',
  'D16S539',
  'D18S51',
  'D19S433',
  'D21S11',
  'D22S1045',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Genotypes = Record<string, [string, string]>;

function sampler(database: FrequencyDatabase, random: () => number) {
  const allele = (marker: string): string => {
    const table = database.markers.get(marker)!;
    let u = random() * [...table.values()].reduce((a, b) => a + b, 0);
    for (const [a, f] of table) if ((u -= f) <= 0) return a;
    return [...table.keys()].at(-1)!;
  };
  const person = (): Genotypes => Object.fromEntries(GLOBALFILER.map((m) => [m, [allele(m), allele(m)]]));
  const child = (father: Genotypes, mother: Genotypes): Genotypes =>
    Object.fromEntries(
      GLOBALFILER.map((m) => [m, [father[m]![random() < 0.5 ? 0 : 1], mother[m]![random() < 0.5 ? 0 : 1]]]),
    );
  return { person, child };
}

const FAMILY: PedigreePerson[] = [
  { id: 'GF', sex: 'M' },
  { id: 'GM', sex: 'F' },
  { id: 'F', sex: 'M', father: 'GF', mother: 'GM' },
  { id: 'Mo', sex: 'F' },
  { id: 'C', sex: 'F', father: 'F', mother: 'Mo' },
];

/** Prints the kinship figures; `quick` shrinks sizes about tenfold. */
export async function runKinshipBench(opts: { quick?: boolean }): Promise<void> {
  const quick = opts.quick ?? false;
  const text = readFileSync(new URL('../../../../shared/data/str-frequencies/west-asia.txt', import.meta.url), 'utf8');
  const parsed = parseFrequencyList(text, { name: 'west-asia' });
  if (!parsed.ok) throw new Error('cannot read west-asia.txt');
  const database = parsed.database;
  const random = rng(42);
  const { person, child } = sampler(database, random);

  // 1. Pedigree LRs per second: paternal grandparents and a child, 21 markers, stepwise mutation.
  const cases = Array.from({ length: quick ? 20 : 200 }, () => {
    const gf = person();
    const gm = person();
    const f = child(gf, gm);
    return [
      { person: 'GF', markers: gf },
      { person: 'GM', markers: gm },
      { person: 'C', markers: child(f, person()) },
    ] satisfies StrProfile[];
  });
  const mutation = { model: 'stepwise' as const, rate: { female: 0.001, male: 0.002 }, range: 0.1, rate2: 1e-6 };
  let start = performance.now();
  for (const profiles of cases) comparePedigrees(FAMILY, 'unrelated', profiles, { database, mutation });
  let seconds = (performance.now() - start) / 1000;
  console.log(
    `kinship pedigree LRs/s (grandparents-child, 21 markers, stepwise): ${(cases.length / seconds).toFixed(0)} LR/s`,
  );
  start = performance.now();
  for (const profiles of cases) comparePedigrees(FAMILY, 'unrelated', profiles, { database, theta: 0.01 });
  seconds = (performance.now() - start) / 1000;
  console.log(
    `kinship pedigree LRs/s (grandparents-child, 21 markers, theta 0.01): ${(cases.length / seconds).toFixed(0)} LR/s`,
  );

  // 2. DVI screening: children × families with two typed relatives each.
  const childCount = quick ? 100 : 1000;
  const familyCount = quick ? 500 : 5000;
  const children: StrProfile[] = [];
  const families: ReferenceFamily[] = [];
  for (let k = 0; k < familyCount; k++) {
    const gf = person();
    const gm = person();
    const f = child(gf, gm);
    const mo = person();
    const grandparents = k % 2 === 1;
    families.push({
      id: `family-${k}`,
      pedigree: FAMILY,
      profiles: grandparents
        ? [
            { person: 'GF', markers: gf },
            { person: 'GM', markers: gm },
          ]
        : [
            { person: 'F', markers: f },
            { person: 'Mo', markers: mo },
          ],
      missing: ['C'],
    });
    if (k < childCount / 2) children.push({ person: `child-${k}`, markers: child(f, mo) });
  }
  while (children.length < childCount) children.push({ person: `child-${children.length}`, markers: person() });
  let peakRss = process.memoryUsage().rss;
  start = performance.now();
  const prepared = prepareScreening({ children, families, database });
  const block = screenBlock(prepared, {
    onProgress: (done) => {
      if (done % 100 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    },
  });
  const summary = summariseScreening(prepared, block);
  seconds = (performance.now() - start) / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  console.log(`kinship screening ${childCount}x${familyCount} (21 markers, 1 thread): ${seconds.toFixed(2)} s`);
  console.log(`kinship screening peak rss: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  console.log(`kinship screening undisputed identifications: ${summary.undisputed.length} of ${childCount / 2} true`);

  // 3. Pairwise screen: marker comparisons per second on one core.
  const references = families.map((f, k) => ({ person: `ref-${k}`, markers: f.profiles[0]!.markers }));
  const pairwise = preparePairwiseScreen({ children, references, relationship: 'parent-child', database, theta: 0.01 });
  start = performance.now();
  const result = pairwiseScreenBlock(pairwise);
  seconds = (performance.now() - start) / 1000;
  console.log(
    `kinship pairwise screen: ${(result.comparisons / seconds / 1e6).toFixed(1)} million marker comparisons/s/core`,
  );

  // 4. The same screen split over 2 worker threads, as the server job and the CLI run it.
  await runKinshipWorkersBench({ quick });
}
