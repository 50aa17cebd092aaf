/** Blocking diagnostic: is the truth a candidate, at what blocking rank, under which budget. */
import { LinkEngine, personFeatures } from '@homeward/domain/matching';
import { generateLinkingScenario } from './synthetic-people';

const size = Number(process.argv[2] ?? 10_000);
const sample = Number(process.argv[3] ?? 3000);
const scenario = generateLinkingScenario({ size });
const engine = new LinkEngine({});
const idx = new Map<string, number>();
const c0 = process.cpuUsage();
scenario.left.forEach((r, i) => {
  engine.addLeft(r);
  idx.set(r.id, i);
});
const ci = process.cpuUsage(c0);
console.log(`index cpu ${((ci.user + ci.system) / 1e6).toFixed(1)} s`);
const rights = scenario.right.filter((r) => scenario.truth.has(r.id) && !scenario.unresolvable.has(r.id)).slice(0, sample);
const feats = rights.map((r) => personFeatures(r, engine.cache));
const configs: Array<[string, { budget?: number; maxCandidates?: number; maxBlock?: number }]> = [
  ['unlimited', { budget: 1e9, maxCandidates: 1e9, maxBlock: 1e9 }],
  ['budget 8000 / 300', { budget: 8000, maxCandidates: 300 }],
  ['budget 16000 / 300', { budget: 16000, maxCandidates: 300 }],
  ['budget 8000 / 150', { budget: 8000, maxCandidates: 150 }],
  ['budget 4000 / 200', { budget: 4000, maxCandidates: 200 }],
];
for (const [label, opts] of configs) {
  let found = 0;
  let cand = 0;
  const ranks: number[] = [];
  const t = process.cpuUsage();
  feats.forEach((f, i) => {
    const scores: number[] = [];
    const list = engine.index.candidates(f, opts, scores);
    cand += list.length;
    const k = list.indexOf(idx.get(scenario.truth.get(rights[i]!.id)!)!);
    if (k >= 0) {
      found += 1;
      ranks.push(k);
    }
  });
  const c = process.cpuUsage(t);
  ranks.sort((a, b) => a - b);
  const q = (x: number) => ranks[Math.floor(ranks.length * x)];
  console.log(`${label}: truth found ${(found / feats.length).toFixed(4)}, candidates/query ${(cand / feats.length).toFixed(0)}, truth rank p50 ${q(0.5)} p90 ${q(0.9)} p99 ${q(0.99)}, ${((c.user + c.system) / feats.length).toFixed(0)} µs/query`);
}
