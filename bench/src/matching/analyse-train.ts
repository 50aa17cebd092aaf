/**
 * Training experiments on the synthetic scenario, in process:
 * `node --import tsx bench/src/matching/analyse-train.ts [size] [typoRate] [seed]`, environment:
 * FOUND=0.3 (share of children found), TH=0.3,0.4 (extra match thresholds), CAL=1 (calibration table),
 * PARAMS=file.json (parameters to try), EM=1 (expectation–maximisation of m on blocked pairs).
 *
 * What it showed (2025.3): u re-estimated on random left × right pairs matches the defaults; EM of m on
 * blocked candidate pairs learns "same family", not "same child" (given-name disagreement m ≈ 0.47, sex
 * disagreement m ≈ 0.31), and costs a third of the F1, so `homeward link` does not use it; the share of
 * right records with a match is estimated instead (`estimateMatchRate`), which keeps probabilities
 * calibrated when 30 %, 75 % or 95 % of the sought children were found.
 */
import { readFileSync } from 'node:fs';
import {
  DEFAULT_MATCH_PARAMETERS,
  LinkEngine,
  MATCH_FIELDS,
  comparePersons,
  competeForLeft,
  estimateM,
  estimateMatchRate,
  expectedF1Threshold,
  estimateU,
  personFeatures,
} from '@homeward/domain/matching';
import type { LinkSuggestion, MatchParameters } from '@homeward/domain/matching';
import { generateLinkingScenario } from './synthetic-people';

const size = Number(process.argv[2] ?? 10_000);
const typoRate = process.argv[3] ? Number(process.argv[3]) : undefined;
const seed = process.argv[4] ? Number(process.argv[4]) : undefined;
const scenario = generateLinkingScenario({
  size,
  ...(typoRate !== undefined ? { typoRate } : {}),
  ...(seed !== undefined ? { seed } : {}),
  ...(process.env.FOUND ? { foundShare: Number(process.env.FOUND) } : {}),
});
console.log(`true match rate ${(scenario.truth.size / scenario.right.length).toFixed(3)}`);

function run(label: string, initial: MatchParameters): void {
  let params = initial;
  const engine = new LinkEngine({ params });
  for (const r of scenario.left) engine.addLeft(r);
  const rows = scenario.right.map((r) => engine.scoreCandidates(personFeatures(r, engine.cache)));
  const est = estimateMatchRate(rows, params.matchRate);
  console.log(`${label}: estimated match rate ${est.rate.toFixed(3)}`);
  const probs = competeForLeft(rows, est);
  const chosen = expectedF1Threshold(rows, probs, est);
  console.log(`${label}: expected-F1 threshold ${chosen.threshold.toFixed(2)} (expected F1 ${chosen.expectedF1.toFixed(3)})`);
  if (process.env.ADAPT) params = { ...params, thresholds: { ...params.thresholds, match: chosen.threshold } };
  const out = new Map<string, LinkSuggestion[]>();
  rows.forEach((row, i) => out.set(row.right, engine.suggest(row, probs[i] as Float64Array)));
  const thresholds = [params.thresholds.match, ...(process.env.TH ?? '').split(',').filter(Boolean).map(Number)];
  for (const [name, keep] of [
    ['all', () => true],
    ['resolvable', (id: string) => !scenario.unresolvable.has(id)],
  ] as const) {
    for (const t of thresholds) {
      let tp = 0;
      let fp = 0;
      let in10 = 0;
      let truths = 0;
      for (const [id, list] of out) {
        if (!keep(id)) continue;
        const truth = scenario.truth.get(id);
        if (truth) truths += 1;
        for (const s of list) {
          if (s.score >= t) {
            if (s.left === truth) tp += 1;
            else fp += 1;
          }
          if (s.left === truth) in10 += 1;
        }
      }
      const P = tp / (tp + fp);
      const R = tp / truths;
      console.log(`  ${name} @${t}: P ${P.toFixed(4)} R ${R.toFixed(4)} F1 ${((2 * P * R) / (P + R)).toFixed(4)} r@10 ${(in10 / truths).toFixed(4)}`);
    }
  }
  if (process.env.CAL) {
    const bins = Array.from({ length: 10 }, () => [0, 0]);
    for (const [id, list] of out) {
      for (const s of list) {
        const bin = bins[Math.min(9, Math.floor(s.score * 10))] as number[];
        bin[0] = (bin[0] as number) + 1;
        if (s.left === scenario.truth.get(id)) bin[1] = (bin[1] as number) + 1;
      }
    }
    console.log(`  calibration: ${bins.map(([n, t], i) => `${(i / 10).toFixed(1)}→${n ? ((t as number) / (n as number)).toFixed(2) : '-'}`).join(' ')}`);
  }
}

const show = (p: MatchParameters) =>
  MATCH_FIELDS.map((f) => `  ${f}: m ${p.fields[f].m.map((x) => x.toFixed(3)).join('/')} u ${p.fields[f].u.map((x) => x.toFixed(4)).join('/')}`).join('\n');

run('default', DEFAULT_MATCH_PARAMETERS);
if (process.env.PARAMS) run('params file', JSON.parse(readFileSync(process.env.PARAMS, 'utf8')) as MatchParameters);
if (process.env.EM) {
  const engine = new LinkEngine({});
  for (const r of scenario.left) engine.addLeft(r);
  const rights = scenario.right.map((r) => personFeatures(r, engine.cache));
  const withU = estimateU(engine.left, DEFAULT_MATCH_PARAMETERS, { pairs: 50_000, other: rights, minCount: 20, monotone: true });
  run('u from left × right', withU);
  const vectors: Int8Array[] = [];
  for (const f of rights.slice(0, 3000)) {
    for (const ref of engine.index.candidates(f, { maxCandidates: 30 })) vectors.push(comparePersons(engine.left[ref] as never, f));
  }
  const em = estimateM(vectors, withU, { iterations: 30, fixedPrior: 0.25 });
  console.log(`EM on ${vectors.length} blocked pairs:\n${show(em)}`);
  run('u + EM m', { ...em, prior: null });
}
