import { randomUUID } from 'node:crypto';
import { insertAnalysis } from '../src/modules/kinship/analyses.repository';
import { insertProfileVersion } from '../src/modules/kinship/profiles.repository';
import { syntheticAlleleTable } from '../src/modules/kinship/synthetic-frequencies';
import type { TestApp } from './test-app';

/** A current STR profile for a person, stored directly (the import itself is tested through the API). */
export async function buildProfile(
  t: TestApp,
  personId: string,
  overrides: { markers?: Record<string, string[]>; kind?: 'child' | 'reference' } = {},
): Promise<string> {
  const id = randomUUID();
  const latest = await t.database.db.selectFrom('str_profiles').select((eb) => eb.fn.max('version').as('v')).where('person_id', '=', personId).executeTakeFirst();
  await insertProfileVersion(t.database.db, {
    id,
    personId,
    version: Number(latest?.v ?? 0) + 1,
    kind: overrides.kind ?? 'reference',
    kit: 'GlobalFiler',
    lab: 'Test lab',
    sampleId: `S-${id.slice(0, 8)}`,
    collectedOn: '2026-01-10',
    collector: 'Test collector',
    consentReference: 'CONSENT-TEST',
    consentRecordedAt: new Date(),
    consentRecordedBy: null,
    markers: overrides.markers ?? { TH01: ['6', '9.3'], D3S1358: ['15', '16'] },
    createdBy: null,
  });
  return id;
}

/** A stored parent–child analysis of this deployment's mission over two people, each given a profile. */
export async function buildAnalysis(t: TestApp, child: string, parent: string): Promise<string> {
  const profiles = [await buildProfile(t, child), await buildProfile(t, parent, { markers: { TH01: ['6', '7'], D3S1358: ['15', '15'] } })];
  const frequencies = await t.database.db.selectFrom('frequency_databases').select('id').where('is_default', '=', true).executeTakeFirstOrThrow();
  const id = randomUUID();
  await insertAnalysis(t.database.db, {
    id,
    missionId: t.app.homeward.missionId,
    question: { a: child, b: parent, relationship: 'parent-child', theta: 0, frequencies: 'synthetic', profiles: [child, parent] },
    answer: {
      lr: 4.2,
      log10_lr: Math.log10(4.2),
      markers: [
        { marker: 'TH01', lr: 2.1, note: null },
        { marker: 'D3S1358', lr: 2, note: null },
      ],
      inconsistent_markers: [],
      floor_alleles: [],
      conclusion: 'inconclusive',
      verbal: 'limited support',
    },
    personIds: [child, parent],
    profileIds: profiles,
    frequencyDatabaseId: frequencies.id,
    createdBy: null,
  });
  return id;
}

/** A finished screen of this deployment's mission with one proposed match of `child` to `relative` (as `kind`). */
export async function buildMatch(t: TestApp, child: string, relative: string, kind = 'mother'): Promise<string> {
  const screenId = randomUUID();
  const frequencies = await t.database.db.selectFrom('frequency_databases').select('id').where('is_default', '=', true).executeTakeFirstOrThrow();
  await t.database.db
    .insertInto('kinship_screens')
    .values({ id: screenId, mission_id: t.app.homeward.missionId, parameters: '{}', frequency_database_id: frequencies.id, summary: null })
    .execute();
  const id = randomUUID();
  await t.database.db
    .insertInto('kinship_matches')
    .values({
      id,
      screen_id: screenId,
      child_person_id: child,
      family_ref: 'test-family',
      family_id: null,
      position: 'C',
      relatives: JSON.stringify([{ personId: relative, kind }]),
      log10_lr: 5,
      undisputed: true,
    })
    .execute();
  return id;
}

/** The screen a match belongs to. */
export async function screenOf(t: TestApp, matchId: string): Promise<string> {
  const row = await t.database.db.selectFrom('kinship_matches').select('screen_id').where('id', '=', matchId).executeTakeFirstOrThrow();
  return row.screen_id;
}

/** The 21 autosomal markers of GlobalFiler, in database spelling. */
export const GLOBALFILER = ['D3S1358', 'vWA', 'D16S539', 'CSF1PO', 'TPOX', 'D8S1179', 'D21S11', 'D18S51', 'D2S441', 'D19S433', 'TH01', 'FGA', 'D22S1045', 'D5S818', 'D13S317', 'D7S820', 'SE33', 'D10S1248', 'D1S1656', 'D12S391', 'D2S1338'];

/** A seeded generator, so the synthetic people are the same on every run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Genotypes `{ marker: [a, b] }`. */
export type Genotypes = Record<string, [string, string]>;

/** Random founders and Mendelian children drawn from the synthetic database. */
export function genotypeSampler(random: () => number, markers: readonly string[] = GLOBALFILER) {
  const table = syntheticAlleleTable();
  const allele = (marker: string): string => {
    let u = random();
    for (const [a, f] of Object.entries(table[marker]!)) if ((u -= f) <= 0) return a;
    return Object.keys(table[marker]!).at(-1)!;
  };
  const person = (): Genotypes => Object.fromEntries(markers.map((m) => [m, [allele(m), allele(m)]]));
  const child = (father: Genotypes, mother: Genotypes): Genotypes =>
    Object.fromEntries(markers.map((m) => [m, [father[m]![random() < 0.5 ? 0 : 1], mother[m]![random() < 0.5 ? 0 : 1]]]));
  return { person, child };
}
