import { writeFileSync } from 'node:fs';
import { generateLinkingScenario } from './synthetic-people';
const size = Number(process.argv[2] ?? 20000);
const dir = process.argv[3] ?? '/tmp/eng';
const s = generateLinkingScenario({ size });
writeFileSync(`${dir}/left${size}.jsonl`, s.left.map((r) => JSON.stringify(r)).join('\n') + '\n');
writeFileSync(`${dir}/right${size}.jsonl`, s.right.map((r) => JSON.stringify(r)).join('\n') + '\n');
writeFileSync(`${dir}/truth${size}.json`, JSON.stringify({ truth: [...s.truth], unresolvable: [...s.unresolvable] }));
