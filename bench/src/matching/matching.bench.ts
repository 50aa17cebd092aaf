import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { FeatureArena, LinkEngine, personFeatures, trigrams } from '@homeward/domain/matching';
import type { PersonRecord } from '@homeward/domain/person-record';
import { generateLinkingScenario } from './synthetic-people';

/**
 * The matching benchmark: quality of the `match` band and of the top-10 candidates on synthetic
 * cross-script families, speed of the engine, two naive baselines, and `homeward link` itself (wall time
 * and peak memory) on 100,000 × 100,000 records (quick: 10,000).
 */

interface Quality {
  precision: number;
  recall: number;
  f1: number;
  recallAt10: number;
}

function quality(tp: number, fp: number, truths: number, foundIn10: number): Quality {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = truths === 0 ? 0 : tp / truths;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, recallAt10: truths === 0 ? 0 : foundIn10 / truths };
}

function print(label: string, q: Quality, pairsPerSecond: number): void {
  console.log(`${label} match precision: ${q.precision.toFixed(4)}`);
  console.log(`${label} match recall: ${q.recall.toFixed(4)}`);
  console.log(`${label} match F1: ${q.f1.toFixed(4)}`);
  console.log(`${label} recall@10: ${q.recallAt10.toFixed(4)}`);
  console.log(`${label} throughput: ${Math.round(pairsPerSecond)} pairs/s`);
}

function rawNames(r: PersonRecord): string {
  return r.names
    .map((n) => [n.given, n.father, n.family, n.full].filter(Boolean).join(' '))
    .join(' ')
    .toLowerCase();
}

function normalisedName(r: PersonRecord): string | null {
  const n = r.names.find((x) => x.given || x.full);
  if (!n) return null;
  const text = n.full ?? [n.given, n.family].filter(Boolean).join(' ');
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function exactBaseline(left: PersonRecord[], right: PersonRecord[], truth: Map<string, string>): { q: Quality; rate: number } {
  const started = performance.now();
  const index = new Map<string, string[]>();
  for (const r of left) {
    const k = normalisedName(r);
    if (k) index.set(k, [...(index.get(k) ?? []), r.id]);
  }
  let tp = 0;
  let fp = 0;
  let in10 = 0;
  let pairs = 0;
  for (const r of right) {
    const k = normalisedName(r);
    const hits = k ? (index.get(k) ?? []) : [];
    pairs += hits.length;
    const t = truth.get(r.id);
    for (const h of hits) {
      if (h === t) tp += 1;
      else fp += 1;
    }
    if (t && hits.slice(0, 10).includes(t)) in10 += 1;
  }
  const secs = (performance.now() - started) / 1000;
  return { q: quality(tp, fp, truth.size, in10), rate: (left.length + pairs) / secs };
}

function trigramBaseline(
  left: PersonRecord[],
  right: PersonRecord[],
  truth: Map<string, string>,
  sample: number,
): { q: Quality; rate: number } {
  const grams = left.map((r) => trigrams(rawNames(r)));
  const inverted = new Map<string, number[]>();
  grams.forEach((set, i) => {
    for (const g of set) inverted.set(g, [...(inverted.get(g) ?? []), i]);
  });
  const rights = right.slice(0, sample);
  const truths = rights.filter((r) => truth.has(r.id)).length;
  let tp = 0;
  let fp = 0;
  let in10 = 0;
  let pairs = 0;
  const started = performance.now();
  for (const r of rights) {
    const mine = trigrams(rawNames(r));
    const shared = new Map<number, number>();
    for (const g of mine) for (const i of inverted.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    pairs += shared.size;
    const scored = [...shared].map(([i, s]) => [i, s / (mine.size + (grams[i]?.size ?? 0) - s)] as const);
    scored.sort((a, b) => b[1] - a[1]);
    const t = truth.get(r.id);
    const best = scored[0];
    if (best && best[1] >= 0.5) {
      if (left[best[0]]?.id === t) tp += 1;
      else fp += 1;
    }
    if (t && scored.slice(0, 10).some(([i]) => left[i]?.id === t)) in10 += 1;
  }
  const secs = (performance.now() - started) / 1000;
  return { q: quality(tp, fp, truths, in10), rate: pairs / secs };
}

/** Candidate pairs retrieved and scored per second by one thread (blocking included). */
function engineThroughput(left: PersonRecord[], right: PersonRecord[], sample: number): number {
  const engine = new LinkEngine({});
  for (const r of left) engine.addLeft(r);
  const scorer = engine.matchScorer;
  const rights = right.slice(0, sample).map((r) => personFeatures(r, engine.cache));
  const query = new FeatureArena(rights.length);
  for (const f of rights) query.add(f);
  let pairs = 0;
  const started = performance.now();
  rights.forEach((f, i) => {
    for (const ref of engine.index.candidates(f)) {
      scorer.weightAt(engine.arena, ref, query, i);
      pairs += 1;
    }
  });
  return pairs / ((performance.now() - started) / 1000);
}

async function runLinkCommand(leftPath: string, rightPath: string, outPath: string): Promise<{ secs: number; rssMb: number; cpuSecs: number }> {
  const cli = fileURLToPath(new URL('./link-cli.ts', import.meta.url));
  const started = performance.now();
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'link', leftPath, rightPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(createWriteStream(outPath));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`homeward link exited ${code}: ${stderr.slice(-500)}`))));
  });
  const secs = (performance.now() - started) / 1000;
  const rss = /peak-rss-kb: (\d+)/.exec(stderr);
  const cpu = /cpu-us: (\d+)/.exec(stderr);
  return { secs, rssMb: rss?.[1] ? Number(rss[1]) / 1024 : Number.NaN, cpuSecs: cpu?.[1] ? Number(cpu[1]) / 1e6 : Number.NaN };
}

/**
 * Quality of the `homeward link` output: over all right records, and without the right records whose
 * true match is unresolvable in principle (their suggestions, right or wrong, are left out).
 */
async function linkQuality(outPath: string, truth: Map<string, string>, unresolvable: Set<string>): Promise<{ all: Quality; resolvable: Quality }> {
  const all = { tp: 0, fp: 0, in10: 0 };
  const res = { tp: 0, fp: 0, in10: 0 };
  const lines = createInterface({ input: createReadStream(outPath, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    const s = JSON.parse(line) as { left: string; right: string; band: string };
    const t = truth.get(s.right);
    for (const c of unresolvable.has(s.right) ? [all] : [all, res]) {
      if (s.band === 'match') {
        if (s.left === t) c.tp += 1;
        else c.fp += 1;
      }
      if (t === s.left) c.in10 += 1;
    }
  }
  return {
    all: quality(all.tp, all.fp, truth.size, all.in10),
    resolvable: quality(res.tp, res.fp, truth.size - unresolvable.size, res.in10),
  };
}

/** Runs the benchmark and prints `label: value unit` lines. */
export async function runMatchingBench(opts: { quick?: boolean }): Promise<void> {
  const size = opts.quick ? 10_000 : 100_000;
  const sample = opts.quick ? 2_000 : 3_000;
  const scenario = generateLinkingScenario({ size });
  console.log(`matching records: ${scenario.left.length} left × ${scenario.right.length} right`);
  console.log(`matching true pairs: ${scenario.truth.size}`);
  console.log(`matching unresolvable true pairs: ${scenario.unresolvable.size}`);
  const dir = mkdtempSync(join(tmpdir(), 'homeward-match-bench-'));
  try {
    const leftPath = join(dir, 'left.jsonl');
    const rightPath = join(dir, 'right.jsonl');
    const outPath = join(dir, 'out.jsonl');
    writeFileSync(leftPath, `${scenario.left.map((r) => JSON.stringify(r)).join('\n')}\n`);
    writeFileSync(rightPath, `${scenario.right.map((r) => JSON.stringify(r)).join('\n')}\n`);

    const link = await runLinkCommand(leftPath, rightPath, outPath);
    const q = await linkQuality(outPath, scenario.truth, scenario.unresolvable);
    const rate = engineThroughput(scenario.left, scenario.right, sample);
    print('engine', q.all, rate);
    print('engine (resolvable pairs only)', q.resolvable, rate);
    console.log(`homeward link wall time (${size} × ${size}): ${link.secs.toFixed(1)} s`);
    // CPU time of all threads: on a shared machine, wall time says more about the neighbours.
    console.log(`homeward link CPU time (${size} × ${size}): ${link.cpuSecs.toFixed(1)} s`);
    console.log(`homeward link peak RSS (${size} × ${size}): ${Math.round(link.rssMb)} MB`);

    const exact = exactBaseline(scenario.left, scenario.right, scenario.truth);
    print('baseline exact-name', exact.q, exact.rate);
    const tri = trigramBaseline(scenario.left, scenario.right, scenario.truth, sample);
    print(`baseline raw-trigram (${sample} right records)`, tri.q, tri.rate);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
