/** Supervised diagnostic: level frequencies per field among true pairs (m) and random pairs (u). */
import { writeFileSync } from 'node:fs';
import { DEFAULT_MATCH_PARAMETERS, FIELD_LEVELS, MATCH_FIELDS, NameKeyCache, comparePersons, personFeatures } from '@homeward/domain/matching';
import type { MatchParameters } from '@homeward/domain/matching';
import { generateLinkingScenario } from './synthetic-people';

const size = Number(process.argv[2] ?? 10_000);
const s = generateLinkingScenario({ size });
const cache = new NameKeyCache();
const L = new Map(s.left.map((r) => [r.id, personFeatures(r, cache)]));
const R = s.right.map((r) => personFeatures(r, cache));
const Ls = [...L.values()];
const m = MATCH_FIELDS.map((f) => FIELD_LEVELS[f].map(() => 0));
const u = MATCH_FIELDS.map((f) => FIELD_LEVELS[f].map(() => 0));
const mMiss = MATCH_FIELDS.map(() => 0);
const uMiss = MATCH_FIELDS.map(() => 0);
let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
for (const r of R) {
  const t = s.truth.get(r.id);
  if (t) comparePersons(L.get(t)!, r).forEach((lv, i) => (lv >= 0 ? (m[i]![lv]! += 1) : (mMiss[i]! += 1)));
  for (let k = 0; k < 20; k++) {
    const o = Ls[Math.floor(rnd() * Ls.length)]!;
    comparePersons(o, r).forEach((lv, i) => (lv >= 0 ? (u[i]![lv]! += 1) : (uMiss[i]! += 1)));
  }
}
MATCH_FIELDS.forEach((f, i) => {
  const mt = m[i]!.reduce((a, b) => a + b, 0);
  const ut = u[i]!.reduce((a, b) => a + b, 0);
  const cells = FIELD_LEVELS[f].map((lv, l) => {
    const mm = m[i]![l]! / mt, uu = u[i]![l]! / ut;
    return `${lv} m=${mm.toFixed(3)} u=${uu.toFixed(4)} w=${Math.log2(mm / uu).toFixed(1)}`;
  });
  console.log(`${f.padEnd(11)} known m ${(mt / (mt + mMiss[i]!)).toFixed(2)} u ${(ut / (ut + uMiss[i]!)).toFixed(2)} | ${cells.join(' | ')}`);
});

if (process.argv[3]) {
  const fields = structuredClone(DEFAULT_MATCH_PARAMETERS.fields);
  MATCH_FIELDS.forEach((f, i) => {
    const mt = m[i]!.reduce((a, b) => a + b, 0) + m[i]!.length;
    const ut = u[i]!.reduce((a, b) => a + b, 0) + u[i]!.length * 0.5;
    fields[f] = { m: m[i]!.map((x) => (x + 1) / mt), u: u[i]!.map((x) => (x + 0.5) / ut) };
  });
  const params: MatchParameters = { ...DEFAULT_MATCH_PARAMETERS, version: 'supervised', fields };
  writeFileSync(process.argv[3], JSON.stringify(params, null, 1));
}
