/** Where resolvable true pairs are lost: not a candidate, below review, or ranked below 10; and calibration. */
import { LinkEngine, personFeatures } from '@homeward/domain/matching';
import { generateLinkingScenario } from './synthetic-people';

const size = Number(process.argv[2] ?? 10_000);
const dump = Number(process.argv[3] ?? 0);
const scenario = generateLinkingScenario({ size });
const engine = new LinkEngine({ top: 10 });
const idx = new Map<string, number>();
scenario.left.forEach((r, i) => {
  engine.addLeft(r);
  idx.set(r.id, i);
});
const leftById = new Map(scenario.left.map((r) => [r.id, r]));
let notCand = 0;
let below = 0;
let rankOut = 0;
let ok = 0;
const bins = Array.from({ length: 10 }, () => ({ n: 0, tp: 0 }));
let shown = 0;
const c0 = process.cpuUsage();
const t0 = performance.now();
for (const r of scenario.right) {
  const t = scenario.truth.get(r.id);
  const list = engine.link(r);
  for (const s of list) {
    const b = bins[Math.min(9, Math.floor(s.score * 10))]!;
    if (scenario.unresolvable.has(r.id)) continue;
    b.n += 1;
    if (s.left === t) b.tp += 1;
  }
  if (!t || scenario.unresolvable.has(r.id)) continue;
  if (list.some((s) => s.left === t)) {
    ok += 1;
    continue;
  }
  const f = personFeatures(r, engine.cache);
  const cands = engine.index.candidates(f, {});
  const ti = idx.get(t)!;
  if (!cands.includes(ti)) {
    notCand += 1;
    if (shown < dump) {
      shown += 1;
      console.log(`\nNOT CANDIDATE ${r.id}\nR ${JSON.stringify(r)}\nT ${JSON.stringify(leftById.get(t))}`);
      console.log(`score ${JSON.stringify(engine.matchScorer.score(engine.left[ti]!, f).why)} w=${engine.matchScorer.score(engine.left[ti]!, f).weight.toFixed(1)}`);
    }
  } else {
    const w = engine.matchScorer.score(engine.left[ti]!, f);
    if (w.band === null) below += 1;
    else rankOut += 1;
  }
}
const cc = process.cpuUsage(c0);
console.log(`link loop: wall ${((performance.now() - t0) / 1000).toFixed(1)} s, cpu ${((cc.user + cc.system) / 1e6).toFixed(1)} s`);
console.log({ ok, notCand, below, rankOut });
console.log('calibration (resolvable rights):');
bins.forEach((b, i) => console.log(`${(i / 10).toFixed(1)}-${((i + 1) / 10).toFixed(1)}: n ${b.n} precision ${(b.tp / Math.max(1, b.n)).toFixed(3)}`));
