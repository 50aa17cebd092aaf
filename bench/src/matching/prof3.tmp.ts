import { LinkEngine, personFeatures } from '@homeward/domain/matching';
import { generateLinkingScenario } from './synthetic-people';
const s = generateLinkingScenario({ size: 20000 });
const engine = new LinkEngine({});
for (const r of s.left) engine.addLeft(r);
const feats = s.right.slice(0, 5000).map((r) => personFeatures(r, engine.cache));
for (let rep = 0; rep < 4; rep++) {
  const c0 = process.cpuUsage();
  for (const f of feats) engine.index.candidates(f);
  const c = process.cpuUsage(c0);
  console.log(`candidates ${((c.user + c.system) / 5000).toFixed(0)} µs/query`);
}
let nk = 0, nn = 0, nc = 0;
const idx = engine.index as any;
for (const f of feats.slice(0, 500)) {
  for (const k of [...f.given, ...f.father, ...f.family, ...f.mother]) { nc++; }
}
const codes = (idx.neighbourMemo as Map<number, number[]>);
let tot = 0; for (const [, v] of codes) tot += v.length;
console.log('memo codes', codes.size, 'avg neighbours', (tot / codes.size).toFixed(1));
