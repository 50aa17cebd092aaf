import { LinkEngine, personFeatures } from '@homeward/domain/matching';
import { generateLinkingScenario } from './synthetic-people';
const s = generateLinkingScenario({ size: Number(process.argv[2] ?? 20000) });
const engine = new LinkEngine({});
for (const r of s.left) engine.addLeft(r);
const feats = s.right.slice(0, 3000).map((r) => personFeatures(r, engine.cache));
for (const f of feats) engine.index.candidates(f);
let best = [1e9, 1e9, 1e9, 1e9, 0, 1e9];
for (let rep = 0; rep < 5; rep++) {
  (globalThis as any).__T = [0, 0, 0, 0, 0];
  for (const f of feats) engine.index.candidates(f);
  const T = (globalThis as any).__T;
  best = best.map((b, i) => (i !== 4 ? Math.min(b, T[i]) : T[i]));
}
console.log(`keys ${(best[0]! * 1000 / 3000).toFixed(0)} µs, lookup ${(best[1]! * 1000 / 3000).toFixed(0)} µs, traverse ${(best[2]! * 1000 / 3000).toFixed(0)} µs, select ${(best[3]! * 1000 / 3000).toFixed(0)} µs, touched ${(best[4]! / 3000).toFixed(0)} adjust ${(best[5]! * 1000 / 3000).toFixed(0)} µs`);
