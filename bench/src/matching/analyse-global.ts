/** Experiment: two-sided competition (each left is at most one right) on top of row normalisation. */
import { LinkEngine, personFeatures } from '@homeward/domain/matching';
import { generateLinkingScenario } from './synthetic-people';

const size = Number(process.argv[2] ?? 10_000);
const iters = Number(process.argv[3] ?? 5);
const matchT = Number(process.argv[4] ?? 0.4);
const typoRate = process.argv[5] ? Number(process.argv[5]) : undefined;
const seed = process.argv[6] ? Number(process.argv[6]) : undefined;
const scenario = generateLinkingScenario({ size, ...(typoRate !== undefined ? { typoRate } : {}), ...(seed !== undefined ? { seed } : {}) });
import { readFileSync } from 'node:fs';
const paramsFile = process.env.PARAMS;
const engine = new LinkEngine({ top: 10, ...(paramsFile ? { params: JSON.parse(readFileSync(paramsFile, 'utf8')) } : {}) });
for (const r of scenario.left) engine.addLeft(r);
const scorer = engine.matchScorer;
const review = scorer.params.thresholds.review;
interface Row { id: string; refs: number[]; odds: number[]; rest: number; p: number[] }
const rows: Row[] = [];
const t0 = performance.now();
for (const r of scenario.right) {
  const f = personFeatures(r, engine.cache);
  const row: Row = { id: r.id, refs: [], odds: [], rest: 0, p: [] };
  for (const ref of engine.index.candidates(f, {})) {
    const w = scorer.weightOf(engine.left[ref]!, f);
    const o = scorer.odds(w);
    if (o / (1 + o) >= review * 0.5) {
      row.refs.push(ref);
      row.odds.push(o);
    } else row.rest += o;
  }
  rows.push(row);
}
console.log(`scored in ${(performance.now() - t0).toFixed(0)} ms; kept per row ${(rows.reduce((s, r) => s + r.refs.length, 0) / rows.length).toFixed(1)}`);
function rowNormalise(row: Row, eff: (k: number) => number): number[] {
  let total = 1 + row.rest;
  const e = row.odds.map((o, k) => o * eff(k));
  for (const x of e) total += x;
  return e.map((x) => x / total);
}
for (const row of rows) row.p = rowNormalise(row, () => 1);
function evaluate(label: string): void {
  let tp = 0, fp = 0, in10 = 0, truths = 0, rtp = 0, rfp = 0, rtruths = 0, rin10 = 0;
  for (const row of rows) {
    const t = scenario.truth.get(row.id);
    const unres = scenario.unresolvable.has(row.id);
    if (t) { truths += 1; if (!unres) rtruths += 1; }
    const order = row.p.map((p, k) => [p, k] as const).filter(([p]) => p >= review).sort((a, b) => b[0] - a[0]).slice(0, 10);
    for (const [p, k] of order) {
      const isT = engine.left[row.refs[k]!]!.id === t;
      if (p >= matchT) { if (isT) { tp++; if (!unres) rtp++; } else { fp++; if (!unres) rfp++; } }
      if (isT) { in10++; if (!unres) rin10++; }
    }
  }
  const f = (tp: number, fp: number, n: number) => { const P = tp / (tp + fp), R = tp / n; return `P ${P.toFixed(4)} R ${R.toFixed(4)} F1 ${(2 * P * R / (P + R)).toFixed(4)}`; };
  console.log(`${label}: all ${f(tp, fp, truths)} r@10 ${(in10 / truths).toFixed(4)} | resolvable ${f(rtp, rfp, rtruths)} r@10 ${(rin10 / rtruths).toFixed(4)}`);
}
evaluate('row only');
// Mean-field: a candidate's odds are discounted by the chance that another right already is that left.
const nLeft = engine.left.length;
const claimed = new Float64Array(nLeft);
for (let it = 0; it < iters; it += 1) {
  claimed.fill(0);
  for (const row of rows) row.refs.forEach((ref, k) => { claimed[ref] += row.p[k]!; });
  for (const row of rows) {
    const next = rowNormalise(row, (k) => Math.max(0, 1 - Math.min(1, claimed[row.refs[k]!]! - row.p[k]!)));
    row.p = row.p.map((p, k) => 0.5 * p + 0.5 * next[k]!);
  }
  evaluate(`mean-field ${it + 1}`);
}
if (process.env.DUMP) {
  const leftById = new Map(scenario.left.map((r) => [r.id, r]));
  const rightById = new Map(scenario.right.map((r) => [r.id, r]));
  const cats = new Map<string, number>();
  let shown = 0;
  for (const row of rows) {
    const t = scenario.truth.get(row.id);
    if (!t || scenario.unresolvable.has(row.id)) continue;
    const k = row.refs.findIndex((ref) => engine.left[ref]!.id === t);
    const p = k >= 0 ? row.p[k]! : 0;
    if (p >= matchT) continue;
    const f = personFeatures(rightById.get(row.id)!, engine.cache);
    const tf = engine.left.find((x) => x.id === t)!;
    const sc = scorer.score(tf, f);
    const agree = sc.why.filter(([, w]) => w > 0.5).map(([x]) => x).join(',');
    cats.set(agree, (cats.get(agree) ?? 0) + 1);
    if (shown < Number(process.env.DUMP)) {
      shown++;
      const best = row.p.map((q, i) => [q, i] as const).sort((a, b) => b[0] - a[0])[0];
      console.log(`\nFN ${row.id} p=${p.toFixed(3)} rowOnly=${k >= 0 ? (row.odds[k]! / (1 + row.rest + row.odds.reduce((a, b) => a + b, 0))).toFixed(3) : '-'} why=${JSON.stringify(sc.why)}`);
      console.log(`R ${JSON.stringify(rightById.get(row.id))}\nT ${JSON.stringify(leftById.get(t))}`);
      if (best && engine.left[row.refs[best[1]]!]!.id !== t) console.log(`B p=${best[0].toFixed(3)} ${JSON.stringify(leftById.get(engine.left[row.refs[best[1]]!]!.id))} why=${JSON.stringify(scorer.score(engine.left[row.refs[best[1]]!]!, f).why)}`);
    }
  }
  console.log([...cats].sort((a, b) => b[1] - a[1]).slice(0, 30));
}
