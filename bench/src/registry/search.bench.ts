import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql, type Transaction } from 'kysely';
import { birthYearWindow, displayNameOf, nameSearchText, type NameInput } from '@homeward/domain';
import type { PersonRecord } from '@homeward/domain/person-record';
import { detectScript } from '@homeward/domain/names';
import { buildApp, loadConfig, type DatabaseHandle } from '@homeward/server';
import type { Database } from '@homeward/server/db/schema';
import { createSession } from '@homeward/server/modules/auth/sessions.repository';
import { insertUser } from '@homeward/server/modules/users/users.repository';
import { hashPassword } from '@homeward/server/modules/auth/passwords';
import { startWorker } from '@homeward/server/lib/worker-thread';
import { throwawayDatabase } from '../lib/throwaway-db';
import { generateLinkingScenario } from '../matching/synthetic-people';
import type { HttpLoad } from './http-load.worker';

const STAGES = ['reported', 'registered', 'placed', 'identified', 'citizenship_established', 'documents_issued'];

export function namesOf(r: PersonRecord): NameInput[] {
  return r.names.map((n) => ({
    given: n.given ?? null,
    father: n.father ?? null,
    grandfather: n.grandfather ?? null,
    family: n.family ?? null,
    full: n.full ?? null,
    kind: n.kind ?? 'reported',
    source: 'import',
    confidence: 'medium',
  }));
}

/** A generator record as a registry person: a new id, the names as recorded, the birth-year window. */
export function benchPerson(r: PersonRecord) {
  const names = namesOf(r);
  const win = birthYearWindow({
    date: r.birth?.date ?? null,
    estimatedAgeYears: r.birth?.estimated_age?.years ?? null,
    estimatedOn: r.birth?.estimated_age?.on ?? null,
  });
  return { id: randomUUID(), r, names, win };
}

/** Insert people with their names (the name triggers build the search tables), as an import would. */
export async function insertPeopleWithNames(trx: Transaction<Database>, missionId: string, people: ReadonlyArray<ReturnType<typeof benchPerson>>, sourceIdOf = (p: ReturnType<typeof benchPerson>) => p.r.id) {
    await trx
      .insertInto('people')
      .values(
        people.map((p) => ({
          id: p.id,
          mission_id: missionId,
          sex: p.r.sex ?? 'U',
          display_name: p.names[0] ? displayNameOf(p.names[0]) : null,
          birth_year_min: p.win?.min ?? null,
          birth_year_max: p.win?.max ?? null,
          source_system: 'bench',
          source_id: sourceIdOf(p),
        })),
      )
      .execute();
    await trx
      .insertInto('person_names')
      .values(
        people.flatMap((p) =>
          p.names.map((n) => {
            const script = detectScript([n.given, n.father, n.grandfather, n.family, n.full].filter(Boolean).join(' '));
            return {
              person_id: p.id,
              given: n.given ?? null,
              father: n.father ?? null,
              grandfather: n.grandfather ?? null,
              family: n.family ?? null,
              full: n.full ?? null,
              script: script === 'Zyyy' ? 'Latn' : script,
              kind: n.kind,
              source: 'import',
              search_text: nameSearchText(n),
            };
          }),
        ),
      )
      .execute();
}

/** Load people, names, births and one case each, in batches (the generator's found and sought records). */
async function loadRegistry(handle: DatabaseHandle, missionId: string, records: PersonRecord[]): Promise<void> {
  const db = handle.db;
  const BATCH = 1000;
  for (let i = 0; i < records.length; i += BATCH) {
    const slice = records.slice(i, i + BATCH);
    const people = slice.map(benchPerson);
    await db.transaction().execute(async (trx) => {
      await insertPeopleWithNames(trx, missionId, people);
      await trx
        .insertInto('cases')
        .values(
          people.map((p, k) => ({
            id: randomUUID(),
            reference: `C-B-${(i + k).toString(36).toUpperCase()}`,
            person_id: p.id,
            kind: (p.win?.max ?? 2015) >= 2008 ? 'child' : 'adult',
            stage: STAGES[(i + k) % STAGES.length]!,
            flags: (i + k) % 7 === 0 ? ['orphan'] : [],
            mission_id: missionId,
          })),
        )
        .execute();
    });
  }
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/**
 * Case search through the HTTP API on a registry of 100,000 people (20,000 quick): p50/p95 latency under 20
 * concurrent clients, for name searches in any script and for filter-only lists.
 */
export async function runSearchBench(opts: { quick?: boolean }): Promise<void> {
  const size = opts.quick ? 10_000 : 50_000; // found + sought ≈ 2 × size people
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-search-'));
  const { handle, drop } = await throwawayDatabase();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  try {
    const config = loadConfig({ HOMEWARD_DATA_DIR: dataDir, HOMEWARD_DEMO: 'off', LOG_LEVEL: 'silent', PORT: '0' });
    const app = await buildApp({ config, database: handle, webDir: null });
    const missionId = app.homeward.missionId;
    const scenario = generateLinkingScenario({ size, seed: 7 });
    const records = [...scenario.left, ...scenario.right];
    const loadStarted = performance.now();
    await loadRegistry(handle, missionId, records);
    // What autovacuum does shortly after a bulk load in production (PostgreSQL 13 and later also vacuum
    // after inserts): fresh statistics for the planner, and the visibility map that lets the name index
    // answer from the index alone.
    await sql`VACUUM ANALYZE`.execute(handle.db);
    const loadSecs = (performance.now() - loadStarted) / 1000;
    console.log(`registry: ${records.length} people with names and cases on ${handle.kind}, loaded in ${loadSecs.toFixed(1)} s (${Math.round(records.length / loadSecs)} people/s)`);

    const userId = randomUUID();
    await insertUser(handle.db, { id: userId, username: 'bench.supervisor', displayName: 'Bench', passwordHash: await hashPassword('bench-password-long-enough'), missionId, teamId: null, organisation: null }, ['supervisor']);
    const { token } = await createSession(handle.db, { userId, stage: 'authenticated', absoluteMs: 3_600_000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const headers = { cookie: `homeward_session=${token}` };

    // Queries: names as they were recorded in every script (some with a typo), and filter-only lists.
    const queries: string[] = [];
    for (let i = 0; i < 400; i++) {
      const r = records[(i * 7919) % records.length]!;
      const n = r.names[0]!;
      const q = n.given ?? n.full ?? n.family ?? 'Ali';
      queries.push(`/api/cases?q=${encodeURIComponent(i % 5 === 0 ? q.slice(0, -1) : q)}&limit=20`);
    }
    const filters = ['/api/cases?stage=registered&limit=50', '/api/cases?flag=orphan&ageBand=under_5&limit=50', '/api/cases?kind=child&sex=F&limit=50'];

    async function run(label: string, urls: string[], total: number, clients = 20) {
      const load: HttpLoad = { base, cookie: headers.cookie, urls, total, clients };
      const worker = startWorker(new URL('./http-load.worker.ts', import.meta.url), load);
      const { latencies, errors, seconds: secs } = await new Promise<{ latencies: number[]; errors: number; seconds: number }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      await worker.terminate();
      latencies.sort((a, b) => a - b);
      console.log(
        `case search (${label}), ${clients} concurrent client(s): p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p95 ${quantile(latencies, 0.95).toFixed(1)} ms, ` +
          `${Math.round(total / secs)} requests/s, ${errors} errors`,
      );
    }
    await run('warm-up', queries, 100);
    await run('by name, one client at a time', queries, 100, 1);
    await run('by name, any script', queries, opts.quick ? 400 : 2000);
    await run('filters only', filters, opts.quick ? 200 : 1000);
    await app.close();
    console.log(`peak RSS (server and load generator thread, one process): ${Math.round(peakRss / 1_048_576)} MB`);
  } finally {
    clearInterval(sampler);
    await handle.close().catch(() => {});
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
