import { writeFileSync } from 'node:fs';
import { DEFAULT_MATCH_PARAMETERS } from '@homeward/domain/matching';
const v = process.argv[2];
const p = structuredClone(DEFAULT_MATCH_PARAMETERS) as any;
if (v === 'nocap') p.familySize = 1e-9;
if (v === 'rate75') p.matchRate = 0.75;
if (v === 'mexact') { for (const f of ['given', 'father', 'family', 'mother']) p.fields[f].m = [0.92, 0.035, 0.035, 0.01]; }
writeFileSync(`/tmp/eng/p-${v}.json`, JSON.stringify(p));
