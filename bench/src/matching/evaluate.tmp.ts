import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
const [out, truthFile] = process.argv.slice(2);
const t = JSON.parse(readFileSync(truthFile!, 'utf8')) as { truth: [string, string][]; unresolvable: string[] };
const truth = new Map(t.truth);
const unres = new Set(t.unresolvable);
const c = { all: [0, 0, 0], res: [0, 0, 0] };
for await (const line of createInterface({ input: createReadStream(out!) })) {
  if (!line) continue;
  const s = JSON.parse(line);
  const tt = truth.get(s.right);
  for (const k of unres.has(s.right) ? ['all'] : ['all', 'res']) {
    const a = (c as any)[k];
    if (s.band === 'match') (s.left === tt ? a[0]++ : a[1]++);
    if (s.left === tt) a[2]++;
  }
}
for (const [k, n] of [['all', truth.size], ['res', truth.size - unres.size]] as const) {
  const [tp, fp, in10] = (c as any)[k];
  const P = tp / (tp + fp), R = tp / n;
  console.log(`${k}: P ${P.toFixed(4)} R ${R.toFixed(4)} F1 ${((2 * P * R) / (P + R)).toFixed(4)} r@10 ${(in10 / n).toFixed(4)}`);
}
