import { readFileSync } from 'node:fs';
import { parseFrequencyList, prepareScreening, screenBlock, summariseScreening } from '@homeward/domain/kinship';
import type { FrequencyDatabase, PedigreePerson, ReferenceFamily, StrProfile } from '@homeward/domain/kinship';
import { runScreen } from '@homeward/server/modules/kinship/screen-workers';

/**
 * The DVI screen as the server and `homeward kinship screen` run it: the LR matrix split by families over
 * worker threads (2), merged, summarised. Wall time from the prepared tables to the summary, and the
 * process's peak RSS (workers included: they are threads of this process), beside one thread for scale.
 */

const MARKERS = ['D1S1656', 'TPOX', 'D2S441', 'D2S1338', 'D3S1358', 'FGA', 'D5S818', 'CSF1PO', 'SE33', 'D7S820', 'D8S1179', 'D10S1248', 'TH01', 'vWA', 'D12S391', 'D13S317', 'D16S539', 'D18S51', 'D19S433', 'D21S11', 'D22S1045'];

const TRIO_WITH_GRANDPARENTS: PedigreePerson[] = [
  { id: 'GF', sex: 'M' },
  { id: 'GM', sex: 'F' },
  { id: 'F', sex: 'M', father: 'GF', mother: 'GM' },
  { id: 'Mo', sex: 'F' },
  { id: 'C', sex: 'F', father: 'F', mother: 'Mo' },
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

function synthetic(database: FrequencyDatabase, childCount: number, familyCount: number) {
  const random = rng(4242);
  const allele = (marker: string): string => {
    const table = database.markers.get(marker)!;
    let u = random() * [...table.values()].reduce((a, b) => a + b, 0);
    for (const [a, f] of table) if ((u -= f) <= 0) return a;
    return [...table.keys()].at(-1)!;
  };
  const person = (): Genotypes => Object.fromEntries(MARKERS.map((m) => [m, [allele(m), allele(m)]]));
  const child = (f: Genotypes, m: Genotypes): Genotypes => Object.fromEntries(MARKERS.map((k) => [k, [f[k]![random() < 0.5 ? 0 : 1], m[k]![random() < 0.5 ? 0 : 1]]]));
  const children: StrProfile[] = [];
  const families: ReferenceFamily[] = [];
  for (let k = 0; k < familyCount; k++) {
    const [gf, gm, mo] = [person(), person(), person()];
    const f = child(gf, gm);
    const grandparents = k % 2 === 1;
    families.push({
      id: `family-${k}`,
      pedigree: TRIO_WITH_GRANDPARENTS,
      missing: ['C'],
      profiles: grandparents ? [{ person: 'GF', markers: gf }, { person: 'GM', markers: gm }] : [{ person: 'F', markers: f }, { person: 'Mo', markers: mo }],
    });
    if (k < childCount / 2) children.push({ person: `child-${k}`, markers: child(f, mo) });
  }
  while (children.length < childCount) children.push({ person: `child-${children.length}`, markers: person() });
  return { children, families };
}

async function measured<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; cpuSeconds: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    const used = process.cpuUsage(cpu);
    return { value, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, peakMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/** Prints the worker-split screen figures; `quick` shrinks the matrix a hundredfold. */
export async function runKinshipWorkersBench(opts: { quick?: boolean }): Promise<void> {
  const quick = opts.quick ?? false;
  const text = readFileSync(new URL('../../../../shared/data/str-frequencies/west-asia.txt', import.meta.url), 'utf8');
  const parsed = parseFrequencyList(text, { name: 'west-asia' });
  if (!parsed.ok) throw new Error('cannot read west-asia.txt');
  const [childCount, familyCount] = quick ? [100, 500] : [1000, 5000];
  const { children, families } = synthetic(parsed.database, childCount, familyCount);
  const prepared = prepareScreening({ children, families, database: parsed.database });
  const label = `${childCount}x${familyCount} (21 markers)`;

  const split = await measured(async () => {
    const run = await runScreen(prepared, { workers: 2, minCellsForWorkers: 0, onFallback: (r) => console.log(`  (workers unavailable: ${r})`) });
    return { run, summary: summariseScreening(prepared, run.block) };
  });
  console.log(`kinship screening ${label}, ${split.value.run.workers} worker threads: ${split.seconds.toFixed(2)} s wall, ${split.cpuSeconds.toFixed(2)} s CPU (all threads)`);
  console.log(`kinship screening ${label}, ${split.value.run.workers} worker threads: peak rss ${split.peakMb.toFixed(0)} MB`);
  console.log(`kinship screening undisputed identifications (workers): ${split.value.summary.undisputed.length} of ${childCount / 2} true`);

  const single = await measured(async () => summariseScreening(prepared, screenBlock(prepared)));
  console.log(`kinship screening ${label}, 1 thread (same process, for scale): ${single.seconds.toFixed(2)} s wall, ${single.cpuSeconds.toFixed(2)} s CPU, speed-up ×${(single.seconds / split.seconds).toFixed(2)}`);
}
