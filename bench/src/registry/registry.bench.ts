import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateToLatest, openDatabase, SYSTEM_ACTOR, type DatabaseHandle } from '@homeward/server';
import { DemoScenario, type DemoFamily, type DemoPerson } from '@homeward/server/modules/demo/demo-data.generator';
import { batchTransactions, loadDemoData } from '@homeward/server/modules/demo/demo-data.loader';
import { importPeople } from '@homeward/server/modules/imports/person-import.service';
import { parsePeople } from '@homeward/server/modules/imports/person-parse';
import { ensureMission } from '@homeward/server/modules/system/bootstrap';

/** A throwaway migrated database: PostgreSQL when DATABASE_URL is set, else PGlite in a temporary directory. */
async function throwawayDatabase(): Promise<{ handle: DatabaseHandle; engine: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-registry-'));
    const handle = await openDatabase({ kind: 'pglite', dataDir: dir });
    await migrateToLatest(handle.db);
    return { handle, engine: 'PGlite', drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `homeward_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: 4 });
  await migrateToLatest(handle.db);
  return {
    handle,
    engine: 'PostgreSQL',
    drop: async () => {
      const dropper = new pg.Client({ connectionString: base });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** A generated person as a homeward.person/1 record (parents as the child's record describes them). */
function recordOf(p: DemoPerson, family: DemoFamily): Record<string, unknown> {
  const names = (q: DemoPerson) => q.names.map(({ source: _source, ...n }) => n);
  const record: Record<string, unknown> = { id: p.sourceId, sex: p.sex, names: names(p) };
  if (p.birth) {
    const { source: _source, estimatedAge, ...birth } = p.birth;
    record['birth'] = { ...birth, ...(estimatedAge ? { estimated_age: estimatedAge } : {}) };
  }
  if (p.role === 'child') {
    for (const role of ['mother', 'father'] as const) {
      const parent = family.members.find((m) => m.role === role);
      if (parent) record[role] = { names: names(parent).filter((n) => n.kind !== 'kunya') };
    }
  }
  const origin = p.attributes.find((a) => a.key === 'origin');
  if (origin) record['origin'] = origin.value;
  return record;
}

/** Write `people` synthetic records to a JSON Lines file, with one bad line per thousand. */
function writePeopleFile(file: string, people: number): void {
  const out = fs.openSync(file, 'w');
  let n = 0;
  let buffer = '';
  for (const family of new DemoScenario({ seed: 2026, people, today: '2026-11-02' }).families()) {
    for (const p of family.members) {
      n++;
      buffer += n % 1000 === 0 ? '{"id":"broken"\n' : `${JSON.stringify(recordOf(p, family))}\n`;
    }
    if (buffer.length > 1 << 20) {
      fs.writeSync(out, buffer);
      buffer = '';
    }
  }
  fs.writeSync(out, buffer);
  fs.closeSync(out);
}

/** Peak resident memory while `work` runs, sampled every 50 ms. */
async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const value = await work();
    return { value, peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Prints import throughput (records/s) for a homeward.person/1 file of 100,000 lines (quick: 10,000) through
 * the same code as `homeward import people` (parsing in a worker thread, batched writes), the throughput of
 * `homeward demo-data` at the same size, and peak memory; on PostgreSQL when DATABASE_URL is set, else PGlite.
 */
export async function runRegistryBench({ quick }: { quick: boolean }): Promise<void> {
  const people = quick ? 10_000 : 100_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-people-'));
  const file = path.join(dir, 'people.jsonl');
  const { handle, engine, drop } = await throwawayDatabase();
  try {
    writePeopleFile(file, people);
    const missionId = await ensureMission(handle.db, { missionCode: 'BENCH', missionName: 'Benchmark mission' });
    const target = { missionId, teamId: null, sourceSystem: 'bench', recordedBy: null, audit: SYSTEM_ACTOR, requestId: null };

    const started = performance.now();
    const { value: result, peakMb } = await withPeakMemory(() => importPeople(handle.db, target, parsePeople({ path: file })));
    const seconds = (performance.now() - started) / 1000;
    const lines = result.created + result.updated + result.unchanged + result.rejectedTotal;
    console.log(
      `import ${people.toLocaleString('en')} lines on ${engine}: ${(lines / seconds).toFixed(0)} records/s (${seconds.toFixed(1)} s; ${result.created} created, ${result.rejectedTotal} rejected), peak RSS ${peakMb.toFixed(0)} MB`,
    );

    const again = performance.now();
    const second = await importPeople(handle.db, target, parsePeople({ path: file }));
    const againSeconds = (performance.now() - again) / 1000;
    console.log(`re-import (all unchanged: ${second.unchanged}): ${(lines / againSeconds).toFixed(0)} records/s (${againSeconds.toFixed(1)} s)`);

    const demoStarted = performance.now();
    const { value: demo, peakMb: demoPeak } = await withPeakMemory(() => loadDemoData(batchTransactions(handle.db), { seed: 7, people, missionId }));
    const demoSeconds = (performance.now() - demoStarted) / 1000;
    console.log(
      `demo-data ${people.toLocaleString('en')} people on ${engine}: ${(demo.people / demoSeconds).toFixed(0)} people/s (${demoSeconds.toFixed(1)} s; ${demo.cases} cases, ${demo.openTasks} open tasks), peak RSS ${demoPeak.toFixed(0)} MB`,
    );
  } finally {
    await handle.close();
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
