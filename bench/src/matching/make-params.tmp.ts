import { writeFileSync } from 'node:fs';
import { DEFAULT_MATCH_PARAMETERS, LinkEngine, estimateU, personFeatures } from '@homeward/domain/matching';
import type { MatchParameters } from '@homeward/domain/matching';
import { generateLinkingScenario } from './synthetic-people';
const s = generateLinkingScenario({ size: Number(process.argv[2] ?? 10000), seed: Number(process.argv[3] ?? 99) });
const engine = new LinkEngine({});
for (const r of s.left) engine.addLeft(r);
const rf = s.right.map((r) => personFeatures(r, engine.cache));
const m: MatchParameters['fields'] = {
  given: { m: [0.85, 0.05, 0.06, 0.04], u: [] },
  father: { m: [0.86, 0.05, 0.05, 0.04], u: [] },
  grandfather: { m: [0.8, 0.03, 0.07, 0.1], u: [] },
  family: { m: [0.85, 0.05, 0.05, 0.05], u: [] },
  mother: { m: [0.82, 0.05, 0.06, 0.07], u: [] },
  kunya: { m: [0.4, 0.6], u: [] },
  birth: { m: [0.05, 0.8, 0.09, 0.05, 0.01], u: [] },
  sex: { m: [0.97, 0.03], u: [] },
  origin: { m: [0.35, 0.63, 0.02], u: [] },
  departure: { m: [0.95, 0.05], u: [] },
};
const u = estimateU(engine.left, DEFAULT_MATCH_PARAMETERS, { pairs: 200_000, other: rf, seed: 5 });
for (const f of Object.keys(m) as Array<keyof typeof m>) m[f].u = u.fields[f].u.map((x) => Math.max(x, 3e-4));
m.kunya.u = [0.05, 0.95];
const p: MatchParameters = { ...DEFAULT_MATCH_PARAMETERS, version: 'honest', fields: m };
writeFileSync(process.argv[4] ?? '/tmp/eng/honest.json', JSON.stringify(p, null, 1));
console.log(JSON.stringify(p.fields));
