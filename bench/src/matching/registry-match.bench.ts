import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { PersonRecord } from '@homeward/domain/person-record';
import { buildApp, loadConfig, type DatabaseHandle } from '@homeward/server';
import { featuresOf, fingerprintOf, indexEntryOf } from '@homeward/server/modules/matching/matching.engine';
import { searchCandidates } from '@homeward/server/modules/matching/matching.service';
import { throwawayDatabase } from '../lib/throwaway-db';
import { benchPerson, insertPeopleWithNames } from '../registry/search.bench';
import { generateLinkingScenario } from './synthetic-people';

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/**
 * People with their names and their matching index (blocking keys, name terms, indexed record), as the
 * background matching job leaves them, written in batches: what a registry of that size looks like to the
 * matching queries.
 */
async function loadIndexedPeople(handle: DatabaseHandle, missionId: string, records: readonly PersonRecord[]): Promise<void> {
  const BATCH = 1000;
  for (let i = 0; i < records.length; i += BATCH) {
    const people = records.slice(i, i + BATCH).map((r) => {
      const person = benchPerson(r);
      const record: PersonRecord = { ...r, id: person.id };
      return { ...person, record, entry: indexEntryOf(featuresOf(record)), fingerprint: fingerprintOf(record) };
    });
    await handle.db.transaction().execute(async (trx) => {
      await insertPeopleWithNames(trx, missionId, people, (p) => `${p.r.id}-${p.id.slice(0, 8)}`);
      const keys = people.flatMap((p) => [...new Set(p.entry.keys)].map((key) => ({ key, person_id: p.id })));
      for (let k = 0; k < keys.length; k += 5000) await trx.insertInto('person_match_keys').values(keys.slice(k, k + 5000)).execute();
      const terms = people.flatMap((p) => [...new Map(p.entry.terms.map((t) => [`${t.field}\u0000${t.term}`, { ...t, person_id: p.id }])).values()]);
      for (let k = 0; k < terms.length; k += 5000) await trx.insertInto('person_match_terms').values(terms.slice(k, k + 5000)).execute();
      await trx
        .insertInto('person_match_state')
        .values(
          people.map((p) => ({
            person_id: p.id,
            mission_id: missionId,
            fingerprint: p.fingerprint,
            record: JSON.stringify(p.record),
            name_text: p.entry.nameText,
            birth_year_from: p.entry.birthYears?.[0] ?? null,
            birth_year_to: p.entry.birthYears?.[1] ?? null,
          })),
        )
        .execute();
    });
  }
}

/** A new record as the registration form sends it to search before create. */
function candidateRequest(r: PersonRecord) {
  return {
    sex: r.sex ?? 'U',
    names: r.names.slice(0, 30).map((n) => ({ given: n.given ?? null, father: n.father ?? null, grandfather: n.grandfather ?? null, family: n.family ?? null, full: n.full ?? null })),
    birth: r.birth ? { date: r.birth.date ?? null, estimatedAge: r.birth.estimated_age ? { years: r.birth.estimated_age.years, on: r.birth.estimated_age.on } : null } : null,
    limit: 8,
  };
}

/**
 * Matching one new record against a registry of 1,000,000 people (quick: 100,000) on the database the
 * server runs on (PostgreSQL with DATABASE_URL): the engine's candidate search in SQL (shared blocking keys
 * ranked by rarity, trigram names in the birth-year window), the term frequencies of the record's names,
 * the candidates' indexed records, and the pair scores: the path of search before create and of the
 * background job's candidate search. The registry is the generator's found and sought records, loaded
 * with their matching index as the background job writes it; the new records are sought records held
 * back from the load, so most have their true match in the registry.
 */
export async function runRegistryMatchBench(opts: { quick?: boolean }): Promise<void> {
  const size = opts.quick ? 100_000 : 1_000_000;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-match-'));
  const { handle, drop } = await throwawayDatabase();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 500);
  try {
    const config = loadConfig({ HOMEWARD_DATA_DIR: dataDir, HOMEWARD_DEMO: 'off', LOG_LEVEL: 'silent', PORT: '0' });
    const app = await buildApp({ config, database: handle, webDir: null });
    const missionId = app.homeward.missionId;
    // The registry in slices of independent scenarios (each 50,000 found and sought records), so that a
    // million records never sit in memory at once.
    const queries: PersonRecord[] = [];
    const slices = Math.ceil(size / 100_000);
    const started = performance.now();
    let loaded = 0;
    for (let s = 0; s < slices; s++) {
      const scenario = generateLinkingScenario({ size: 50_000, seed: 1000 + s });
      const held = new Set(scenario.right.filter((_, k) => k % 997 === 0).slice(0, Math.ceil(200 / slices)).map((r) => r.id));
      for (const r of scenario.right) if (held.has(r.id)) queries.push(r);
      const records = [...scenario.left, ...scenario.right.filter((r) => !held.has(r.id))].slice(0, size - loaded);
      await loadIndexedPeople(handle, missionId, records);
      loaded += records.length;
      console.log(`registry: ${loaded} people indexed (${Math.round(loaded / ((performance.now() - started) / 1000))} people/s)`);
    }
    await sql`ANALYZE`.execute(handle.db);
    const actor = {
      userId: randomUUID(),
      username: 'bench',
      displayName: 'Bench',
      roles: ['supervisor' as const],
      missionId,
      teamId: null,
      organisation: null,
      sessionId: 'bench',
      sessionExpiresAt: new Date(Date.now() + 3_600_000),
    };
    await handle.db.insertInto('users').values({ id: actor.userId, username: 'bench.matcher', display_name: 'Bench', password_hash: 'x', mission_id: missionId }).execute();
    const run = async (label: string, records: readonly PersonRecord[]) => {
      const latencies: number[] = [];
      let found = 0;
      for (const r of records) {
        const t0 = performance.now();
        const candidates = await handle.db.transaction().execute((trx) => searchCandidates(trx, actor, candidateRequest(r), 'bench'));
        latencies.push(performance.now() - t0);
        if (candidates.length > 0) found++;
      }
      latencies.sort((a, b) => a - b);
      console.log(
        `match one record (${label}) against ${loaded} people on ${handle.kind}: p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p95 ${quantile(latencies, 0.95).toFixed(1)} ms, ` +
          `max ${latencies.at(-1)!.toFixed(1)} ms, ${records.length} records, ${found} with candidates`,
      );
    };
    await run('warm-up', queries.slice(0, 20));
    await run('sought records held back', queries);
    await app.close();
    console.log(`peak RSS: ${Math.round(peakRss / 1_048_576)} MB`);
  } finally {
    clearInterval(sampler);
    await handle.close().catch(() => {});
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
