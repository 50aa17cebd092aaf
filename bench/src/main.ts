/**
 * `npm run bench [-- --quick] [-- --only platform,registry-search,registry,matching,matching-registry,kinship]`: runs the benchmarks and prints figures.
 * Performance is measured here, never asserted by timed tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1]! : args[args.indexOf(onlyArg) + 1]!).split(',') : null;
const here = path.dirname(fileURLToPath(import.meta.url));

interface Suite {
  name: string;
  file: string;
  run: (m: Record<string, unknown>) => Promise<void>;
}

const SUITES: Suite[] = [
  { name: 'platform', file: 'platform/startup.bench.ts', run: (m) => (m.runPlatformBench as () => Promise<void>)() },
  { name: 'registry-search', file: 'registry/search.bench.ts', run: (m) => (m.runSearchBench as (o: { quick: boolean }) => Promise<void>)({ quick }) },
  { name: 'matching', file: 'matching/matching.bench.ts', run: (m) => (m.runMatchingBench as (o: { quick: boolean }) => Promise<void>)({ quick }) },
  {
    name: 'matching-registry',
    file: 'matching/registry-match.bench.ts',
    run: (m) => (m.runRegistryMatchBench as (o: { quick: boolean }) => Promise<void>)({ quick }),
  },
  { name: 'kinship', file: 'kinship/kinship.bench.ts', run: (m) => (m.runKinshipBench as (o: { quick: boolean }) => Promise<void>)({ quick }) },
  { name: 'registry', file: 'registry/registry.bench.ts', run: (m) => (m.runRegistryBench as (o: { quick: boolean }) => Promise<void>)({ quick }) },
];

for (const suite of SUITES) {
  if (only && !only.includes(suite.name)) continue;
  if (!fs.existsSync(path.join(here, suite.file))) continue;
  console.log(`\n## ${suite.name}${quick ? ' (quick)' : ''}`);
  const started = performance.now();
  await suite.run((await import(`./${suite.file}`)) as Record<string, unknown>);
  console.log(`(${suite.name} took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
