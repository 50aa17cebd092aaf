import { readFileSync } from 'node:fs';
const [outF, truthF] = process.argv.slice(2);
const t = JSON.parse(readFileSync(truthF!, 'utf8'));
const truth = new Map<string, string>(t.truth); const unres = new Set<string>(t.unresolvable);
const lines = readFileSync(outF!, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
for (const th of [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5]) {
  for (const set of ['all', 'res']) {
    let tp = 0, fp = 0;
    for (const s of lines) {
      if (set === 'res' && unres.has(s.right)) continue;
      if (s.score >= th) (truth.get(s.right) === s.left ? tp++ : fp++);
    }
    const n = set === 'all' ? truth.size : truth.size - unres.size;
    const P = tp / (tp + fp), R = tp / n;
    process.stdout.write(`${set} @${th}: P ${P.toFixed(3)} R ${R.toFixed(3)} F1 ${((2 * P * R) / (P + R)).toFixed(4)}   `);
  }
  console.log();
}
