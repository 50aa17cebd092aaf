/** Experiment: u from random left×right pairs, m and match rate by EM on candidate pairs, then link. */
import { DEFAULT_MATCH_PARAMETERS, LinkEngine, MATCH_FIELDS, FIELD_LEVELS, comparePersons, competeForLeft, estimateMatchRate, estimateM, estimateU, personFeatures } from '@homeward/domain/matching';
import type { LinkSuggestion, MatchParameters, PersonFeatures } from '@homeward/domain/matching';
import { generateLinkingScenario } from './synthetic-people';

const size = Number(process.argv[2] ?? 10_000);
const typoRate = process.argv[3] ? Number(process.argv[3]) : undefined;
const seed = process.argv[4] ? Number(process.argv[4]) : undefined;
const scenario = generateLinkingScenario({ size, ...(typoRate !== undefined ? { typoRate } : {}), ...(seed !== undefined ? { seed } : {}), ...(process.env.FOUND ? { foundShare: Number(process.env.FOUND) } : {}) });
console.log(`true match rate ${(scenario.truth.size / scenario.right.length).toFixed(3)}`);

function run(label: string, params: MatchParameters): void {
  for (const t of (process.env.TH ?? '').split(',').filter(Boolean).map(Number)) runAt(`${label} @${t}`, { ...params, thresholds: { ...params.thresholds, match: t } });
  runAt(label, params);
}
function runAt(label: string, params: MatchParameters): void {
  const engine = new LinkEngine({ params });
  for (const r of scenario.left) engine.addLeft(r);
  const rows = scenario.right.map((r) => engine.scoreCandidates(personFeatures(r, engine.cache)));
  const est = process.env.RATE ? estimateMatchRate(rows, params.matchRate) : { rate: params.matchRate, scale: 1, none: 1 - params.matchRate };
  if (process.env.RATE) console.log(`estimated match rate ${est.rate.toFixed(3)} scale ${est.scale.toFixed(2)}`);
  const probs = competeForLeft(rows, { scale: est.scale, none: est.none });
  const out = new Map<string, LinkSuggestion[]>();
  rows.forEach((row, i) => out.set(row.right, engine.suggest(row, probs[i]!)));
  for (const [name, filter] of [['all', () => true], ['resolvable', (id: string) => !scenario.unresolvable.has(id)]] as const) {
    if (process.env.RESONLY && name === 'all') continue;
    let tp = 0, fp = 0, in10 = 0, truths = 0;
    for (const [id, list] of out) {
      if (!filter(id)) continue;
      const t = scenario.truth.get(id);
      if (t) truths += 1;
      for (const s of list) {
        if (s.band === 'match') (s.left === t ? tp++ : fp++);
        if (s.left === t) in10++;
      }
    }
    if (process.env.CAL && name === (process.env.CALSET ?? 'resolvable')) {
      const bins = Array.from({ length: 10 }, () => [0, 0]);
      for (const [id, list] of out) {
        if (!filter(id)) continue;
        for (const s of list) { const b = bins[Math.min(9, Math.floor(s.score * 10))]!; b[0]++; if (s.left === scenario.truth.get(id)) b[1]++; }
      }
      console.log(bins.map(([n, t], i) => `${i / 10}:${n ? (t! / n!).toFixed(2) : '-'}(${n})`).join(' '));
    }
    const P = tp / (tp + fp), R = tp / truths;
    console.log(`${label} ${name}: P ${P.toFixed(4)} R ${R.toFixed(4)} F1 ${((2 * P * R) / (P + R)).toFixed(4)} r@10 ${(in10 / truths).toFixed(4)}`);
  }
}
const show = (p: MatchParameters) => MATCH_FIELDS.map((f) => `${f}: m ${p.fields[f].m.map((x) => x.toFixed(3)).join('/')} u ${p.fields[f].u.map((x) => x.toFixed(4)).join('/')}`).join('\n');

if (!process.env.SKIPDEF) run('default', DEFAULT_MATCH_PARAMETERS);
if (process.env.PARAMS) run('params file', JSON.parse((await import('node:fs')).readFileSync(process.env.PARAMS, 'utf8')) as MatchParameters);
if (process.env.STOP) process.exit(0);
const engine = new LinkEngine({});
for (const r of scenario.left) engine.addLeft(r);
const rightF = scenario.right.map((r) => personFeatures(r, engine.cache));
const withU = estimateU(engine.left, DEFAULT_MATCH_PARAMETERS, { pairs: 50_000, other: rightF } as never);
console.log(show(withU));
run('u from left×right', withU);
// EM on candidate pairs of a sample of rights.
const vectors: Int8Array[] = [];
let pairs = 0;
for (const f of rightF.slice(0, 3000)) {
  for (const ref of engine.index.candidates(f, { maxCandidates: Number(process.env.EMC ?? 30) })) {
    vectors.push(comparePersons(engine.left[ref]!, f));
    pairs++;
  }
}
const em = estimateM(vectors, withU, { iterations: 30, ...(process.env.FIX ? { fixedPrior: Number(process.env.FIX) } : {}) });
const rate = (em.prior ?? 0) * pairs / 3000;
console.log(`EM prior ${em.prior} → match rate per right ${rate.toFixed(3)}`);
console.log(show(em));
run('u + EM m', { ...em, prior: null, matchRate: Math.min(1, rate) });
run('u + EM m (default rate)', { ...em, prior: null });
void FIELD_LEVELS;
