import { readFileSync } from 'node:fs';
const [outF, leftF, rightF, truthF, nStr] = process.argv.slice(2);
const L = new Map(readFileSync(leftF!, 'utf8').trim().split('\n').map((l) => { const r = JSON.parse(l); return [r.id, l]; }));
const R = new Map(readFileSync(rightF!, 'utf8').trim().split('\n').map((l) => { const r = JSON.parse(l); return [r.id, l]; }));
const t = JSON.parse(readFileSync(truthF!, 'utf8'));
const truth = new Map<string, string>(t.truth); const unres = new Set<string>(t.unresolvable);
const byRight = new Map<string, any[]>();
for (const l of readFileSync(outF!, 'utf8').trim().split('\n')) { const s = JSON.parse(l); (byRight.get(s.right) ?? byRight.set(s.right, []).get(s.right)!).push(s); }
let shown = 0; const cats = new Map<string, number>();
for (const [rid, lid] of truth) {
  if (unres.has(rid)) continue;
  const list = byRight.get(rid) ?? [];
  const hit = list.find((s) => s.left === lid);
  if (hit?.band === 'match') continue;
  const why = hit ? hit.why.filter(([, w]: [string, number]) => w > 0.5).map(([f]: [string]) => f).join(',') : 'absent';
  cats.set(why, (cats.get(why) ?? 0) + 1);
  if (shown < Number(nStr ?? 10)) {
    shown++;
    console.log(`\nFN ${rid} truth score ${hit?.score ?? '-'} ${JSON.stringify(hit?.why ?? null)}\nR ${R.get(rid)}\nT ${L.get(lid)}`);
    const top = list[0];
    if (top && top.left !== lid) console.log(`1 ${top.score} ${JSON.stringify(top.why)}\nL1 ${L.get(top.left)}`);
  }
}
console.log([...cats].sort((a, b) => b[1] - a[1]).slice(0, 25));
