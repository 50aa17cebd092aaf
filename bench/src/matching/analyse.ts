/**
 * Error analysis of the matching engine on the synthetic scenario, in process and as `homeward link`
 * links (match rate estimated, right records competing): `node --import tsx
 * bench/src/matching/analyse.ts [size] [dumpFN] [dumpFP]`; MAXC, BUDGET override candidate retrieval,
 * ROWONLY=1 links each right record on its own. Prints quality figures, then false negatives and false
 * positives of resolvable rows with both records and the explanations.
 */
import { LinkEngine, competeForLeft, estimateMatchRate, personFeatures, rowProbabilities } from '@homeward/domain/matching';
import type { LinkSuggestion } from '@homeward/domain/matching';
import { generateLinkingScenario } from './synthetic-people';

const size = Number(process.argv[2] ?? 10_000);
const dumpFn = Number(process.argv[3] ?? 0);
const dumpFp = Number(process.argv[4] ?? 0);
const scenario = generateLinkingScenario({ size });
const leftById = new Map(scenario.left.map((r) => [r.id, r]));
const rightById = new Map(scenario.right.map((r) => [r.id, r]));
const t0 = performance.now();
const engine = new LinkEngine({ ...(process.env.MAXC ? { maxCandidates: Number(process.env.MAXC) } : {}), ...(process.env.BUDGET ? { budget: Number(process.env.BUDGET) } : {}) });
for (const r of scenario.left) engine.addLeft(r);
const t1 = performance.now();
const out = new Map<string, LinkSuggestion[]>();
const rows = scenario.right.map((r) => engine.scoreCandidates(personFeatures(r, engine.cache)));
const calibration = estimateMatchRate(rows, engine.matchScorer.params.matchRate);
const probs = process.env.ROWONLY ? rows.map((r) => rowProbabilities(r, calibration)) : competeForLeft(rows, calibration);
rows.forEach((row, i) => out.set(row.right, engine.suggest(row, probs[i] as Float64Array)));
const t2 = performance.now();
console.log(`index ${(t1 - t0).toFixed(0)} ms, link ${(t2 - t1).toFixed(0)} ms, estimated match rate ${calibration.rate.toFixed(3)}`);

function figures(filter: (id: string) => boolean, label: string): void {
  let tp = 0;
  let fp = 0;
  let in10 = 0;
  let truths = 0;
  for (const [id, list] of out) {
    if (!filter(id)) continue;
    const t = scenario.truth.get(id);
    if (t) truths += 1;
    for (const s of list) {
      if (s.band === 'match') {
        if (s.left === t) tp += 1;
        else fp += 1;
      }
      if (s.left === t) in10 += 1;
    }
  }
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, truths);
  const f1 = (2 * p * r) / Math.max(1e-9, p + r);
  console.log(`${label}: P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${f1.toFixed(4)} r@10 ${(in10 / truths).toFixed(4)} (tp ${tp} fp ${fp} truths ${truths})`);
}
figures(() => true, 'all');
figures((id) => !scenario.unresolvable.has(id), 'resolvable');
console.log(`unresolvable ${scenario.unresolvable.size} of ${scenario.truth.size}`);

const show = (s: LinkSuggestion | undefined) => (s ? `${s.left} ${s.score} ${s.band} ${JSON.stringify(s.why)}` : '-');
let fnShown = 0;
let fpShown = 0;
for (const [id, list] of out) {
  if (scenario.unresolvable.has(id)) continue;
  const t = scenario.truth.get(id);
  const truthHit = list.find((s) => s.left === t);
  const isFn = t !== undefined && truthHit?.band !== 'match';
  const falseMatch = list.find((s) => s.band === 'match' && s.left !== t);
  if (isFn && fnShown < dumpFn) {
    fnShown += 1;
    console.log(`\n### FN ${id} (truth ${t}, rank ${truthHit ? list.indexOf(truthHit) + 1 : 'none'})`);
    console.log(`R  ${JSON.stringify(rightById.get(id))}`);
    console.log(`T  ${JSON.stringify(leftById.get(t!))}`);
    console.log(`t: ${show(truthHit)}`);
    const top = list[0];
    if (top && top.left !== t) {
      console.log(`1: ${show(top)}`);
      console.log(`L1 ${JSON.stringify(leftById.get(top.left))}`);
    }
  } else if (falseMatch && fpShown < dumpFp) {
    fpShown += 1;
    console.log(`\n### FP ${id} (truth ${t ?? 'none'})`);
    console.log(`R  ${JSON.stringify(rightById.get(id))}`);
    console.log(`F  ${JSON.stringify(leftById.get(falseMatch.left))}`);
    console.log(`f: ${show(falseMatch)}`);
    if (t) {
      console.log(`T  ${JSON.stringify(leftById.get(t))}`);
      console.log(`t: ${show(list.find((s) => s.left === t))}`);
    }
  }
}
