/**
 * Error breakdown of the matching engine as `homeward link` runs it (u re-estimated on the two lists, match
 * rate estimated, right records competing, match band at the expected-F1 threshold), in one thread:
 * `node --import tsx bench/src/matching/analyse-errors.ts [size] [dump]`. Prints quality figures, then the
 * commonest agreement patterns of false negatives and false positives on resolvable rows (field:level,
 * `-` where a side does not know the field), and with `dump`, that many examples of each.
 */
import {
  DEFAULT_MATCH_PARAMETERS,
  FIELD_LEVELS,
  LinkEngine,
  MATCH_FIELDS,
  comparePersons,
  competeForLeft,
  estimateMatchRate,
  estimateU,
  expectedF1Threshold,
  personFeatures,
  suggestionsOf,
  MatchScorer,
} from '@homeward/domain/matching';
import type { LinkSuggestion, PersonFeatures } from '@homeward/domain/matching';
import { generateLinkingScenario } from './synthetic-people';

const size = Number(process.argv[2] ?? 10_000);
const dump = Number(process.argv[3] ?? 0);
const scenario = generateLinkingScenario({ size });
const engine = new LinkEngine({});
const leftById = new Map(scenario.left.map((r) => [r.id, r]));
const rightById = new Map(scenario.right.map((r) => [r.id, r]));
for (const r of scenario.left) engine.addLeft(r);
const sample: PersonFeatures[] = scenario.right.slice(0, 4000).map((r) => personFeatures(r, engine.cache));
const params = estimateU(engine.left, DEFAULT_MATCH_PARAMETERS, {
  pairs: 60_000,
  other: sample,
  seed: 7,
  minCount: 20,
  monotone: true,
});
engine.setParameters(params);
const rows = scenario.right.map((r) => engine.scoreCandidates(personFeatures(r, engine.cache)));
const calibration = estimateMatchRate(rows, params.matchRate);
const probs = competeForLeft(rows, calibration);
const { threshold } = expectedF1Threshold(rows, probs, calibration);
const scorer = new MatchScorer({ ...params, thresholds: { ...params.thresholds, match: threshold } });
const out = new Map<string, LinkSuggestion[]>();
rows.forEach((row, i) => out.set(row.right, suggestionsOf(row, probs[i] as Float64Array, scorer, 10)));
console.log(`estimated match rate ${calibration.rate.toFixed(3)}, threshold ${threshold.toFixed(2)}`);
console.log(`u ${MATCH_FIELDS.map((f) => `${f} ${params.fields[f].u.map((x) => x.toFixed(4)).join('/')}`).join('; ')}`);

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
  console.log(
    `${label}: P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${f1.toFixed(4)} r@10 ${(in10 / truths).toFixed(4)} (tp ${tp} fp ${fp} truths ${truths})`,
  );
}
figures(() => true, 'all');
figures((id) => !scenario.unresolvable.has(id), 'resolvable');

const featL = new Map(engine.left.map((f) => [f.id, f]));
const featR = new Map(rows.map((row, i) => [row.right, personFeatures(scenario.right[i]!, engine.cache)]));
function pattern(l: string, r: string): string {
  const v = comparePersons(featL.get(l)!, featR.get(r)!);
  return MATCH_FIELDS.map(
    (f, i) => `${f.slice(0, 3)}:${(v[i] ?? -1) < 0 ? '-' : FIELD_LEVELS[f][v[i]!]!.slice(0, 4)}`,
  ).join(' ');
}
const fnKinds = new Map<string, number>();
const fpKinds = new Map<string, number>();
const fnPatterns = new Map<string, number>();
const fpPatterns = new Map<string, number>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const examples: string[] = [];
const fpExamples: string[] = [];
for (const [id, list] of out) {
  if (scenario.unresolvable.has(id)) continue;
  const t = scenario.truth.get(id);
  const hit = list.find((s) => s.left === t);
  const fm = list.find((s) => s.band === 'match' && s.left !== t);
  if (t && hit?.band !== 'match') {
    const kind = !hit
      ? 'not listed'
      : list[0]?.left === t
        ? 'rank 1, below band'
        : fm
          ? 'outranked by a false match'
          : 'outranked';
    bump(fnKinds, kind);
    bump(fnPatterns, pattern(t, id));
    if (examples.length < dump * 2)
      examples.push(
        `FN ${kind}\n R ${JSON.stringify(rightById.get(id))}\n T ${JSON.stringify(leftById.get(t))}\n t ${hit ? JSON.stringify(hit.why) + ' ' + hit.score : '-'}${list[0] && list[0].left !== t ? `\n 1 ${JSON.stringify(leftById.get(list[0].left))}\n   ${JSON.stringify(list[0].why)} ${list[0].score}` : ''}`,
      );
  }
  if (fm) {
    bump(fpKinds, t ? 'truth exists' : 'no truth');
    if (fpExamples.length < dump)
      fpExamples.push(
        `FP ${t ? 'truth exists' : 'no truth'}\n R ${JSON.stringify(rightById.get(id))}\n F ${JSON.stringify(leftById.get(fm.left))}\n   ${JSON.stringify(fm.why)} ${fm.score}${t ? `\n T ${JSON.stringify(leftById.get(t))}\n   ${hit ? `${JSON.stringify(hit.why)} ${hit.score}` : '-'}` : ''}`,
      );
    bump(fpPatterns, pattern(fm.left, id));
  }
}
const top = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, c]) => `${String(c).padStart(5)}  ${k}`)
    .join('\n');
console.log(`\nFN kinds:\n${top(fnKinds, 10)}\nFN patterns (truth vs sought):\n${top(fnPatterns, 25)}`);
console.log(`\nFP kinds:\n${top(fpKinds, 10)}\nFP patterns (false match vs sought):\n${top(fpPatterns, 25)}`);
if (dump) console.log(`\n${examples.join('\n\n')}\n\n${fpExamples.join('\n\n')}`);

// Calibration: suggestions by probability decile, share that are the truth; and the best F1 any threshold gives.
const bins = Array.from({ length: 10 }, () => ({ n: 0, t: 0 }));
const scored: Array<[number, boolean]> = [];
for (const [id, list] of out) {
  const t = scenario.truth.get(id);
  for (const s of list) {
    const b = bins[Math.min(9, Math.floor(s.score * 10))]!;
    b.n += 1;
    if (s.left === t) b.t += 1;
    scored.push([s.score, s.left === t]);
  }
}
console.log(
  `\ncalibration: ${bins.map((b, i) => `${i / 10}: ${b.n ? (b.t / b.n).toFixed(2) : '-'} (${b.n})`).join(', ')}`,
);
scored.sort((a, b) => b[0] - a[0]);
let tpc = 0;
let best = { f1: 0, at: 0 };
scored.forEach(([score, ok], i) => {
  if (ok) tpc += 1;
  const f1 = (2 * tpc) / (i + 1 + scenario.truth.size);
  if (f1 > best.f1) best = { f1, at: score };
});
console.log(`best F1 over thresholds ${best.f1.toFixed(4)} at ${best.at}`);

// Truths missing from the top 10: resolvable or not, and where they were among the scored candidates.
const missing = { resolvable: 0, unresolvable: 0, scoredBelowTop: 0, belowReview: 0, notCandidate: 0 };
rows.forEach((row, i) => {
  const t = scenario.truth.get(row.right);
  if (!t || out.get(row.right)?.some((s) => s.left === t)) return;
  missing[scenario.unresolvable.has(row.right) ? 'unresolvable' : 'resolvable'] += 1;
  const k = row.candidates.findIndex((c) => c.left === t);
  if (k >= 0) {
    if ((probs[i]![k] ?? 0) < params.thresholds.review) missing.belowReview += 1;
    else missing.scoredBelowTop += 1;
  } else missing.notCandidate += 1;
});
console.log(`truths not in the top 10: ${JSON.stringify(missing)}`);
