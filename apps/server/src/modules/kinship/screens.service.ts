import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Scope } from '@homeward/domain';
import {
  KinshipInputError,
  prepareScreening,
  summariseScreening,
  type PreparedScreening,
  type ReferenceFamily,
  type ScreeningSummary,
  type StrProfile,
} from '@homeward/domain/kinship';
import type { Database } from '../../db/schema';
import { requireScope } from '../../lib/access';
import { recordAudit } from '../../lib/audit';
import type { Actor } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { inTransaction } from '../../lib/transaction';
import type { JobContext, JobRunner } from '../jobs/job-runner';
import { loadFrequencies } from './frequencies.service';
import type { ScreenRequest } from '@homeward/domain';
import { currentProfilesOfKind, peopleInScope, type StoredMarkers } from './profiles.repository';
import { requireGenetic } from './profiles.service';
import { householdPedigree, relationOf, type HouseholdMember } from './reference-families';
import { flooredAlleles, runScreen } from './screen-workers';
import {
  attachScreenJob,
  currentProfilesMany,
  finishScreen,
  householdMembers,
  insertMatches,
  insertScreen,
  parentLinks,
  type NewMatch,
} from './screens.repository';

/**
 * Screening: every child with a profile against every reference family, as a background job. The job
 * loads the profiles (an audited read), prepares the tables, splits the LR matrix across worker threads
 * when it is large, and stores the summary and the matches a supervisor will review.
 */

type Trx = Transaction<Database>;

/** The job kind of a screen, as `GET /api/jobs/:id` shows it. */
export const SCREEN_JOB = 'kinship.screen';

/** A reference family with what a confirmation needs: the household it came from and its typed people. */
export interface ScreenFamily extends ReferenceFamily {
  familyId: string | null;
  typedPeople: string[];
}

/** What a screen reads from the registry. */
export interface ScreenInput {
  children: StrProfile[];
  families: ScreenFamily[];
  personIds: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const markersOf = (rows: { person_id: string; markers: unknown }[]) => new Map(rows.map((r) => [r.person_id, r.markers as StoredMarkers]));

async function loadChildren(trx: Trx, actor: Actor, scope: Scope, ids: readonly string[] | undefined): Promise<StrProfile[]> {
  if (ids === undefined) {
    return (await currentProfilesOfKind(trx, actor, scope, 'child')).map((r) => ({ person: r.person_id, markers: r.markers as StoredMarkers }));
  }
  if ((await peopleInScope(trx, actor, scope, ids)).length !== new Set(ids).size) throw notFound('person');
  const markers = markersOf(await currentProfilesMany(trx, ids));
  const untyped = ids.filter((id) => !markers.has(id));
  if (untyped.length > 0) throw new AppError('validation_failed', `${untyped.length} of the children named have no STR profile.`, { people: untyped });
  return [...new Set(ids)].map((id) => ({ person: id, markers: markers.get(id)! }));
}

async function loadExplicitFamilies(trx: Trx, actor: Actor, scope: Scope, families: NonNullable<ScreenRequest['families']>): Promise<ScreenFamily[]> {
  const ids = [...new Set(families.flatMap((f) => f.pedigree.map((p) => p.id)).filter((id) => UUID.test(id)))];
  if ((await peopleInScope(trx, actor, scope, ids)).length !== ids.length) throw notFound('person');
  const markers = markersOf(await currentProfilesMany(trx, ids));
  return families.map((f) => {
    const typedPeople = f.pedigree.map((p) => p.id).filter((id) => markers.has(id) && !f.missing.includes(id));
    return { id: f.id, pedigree: f.pedigree, missing: f.missing, familyId: null, typedPeople, profiles: typedPeople.map((id) => ({ person: id, markers: markers.get(id)! })) };
  });
}

async function loadHouseholds(trx: Trx, actor: Actor, scope: Scope, familyIds: readonly string[] | null): Promise<ScreenFamily[]> {
  const rows = await householdMembers(trx, actor, scope, familyIds);
  const byFamily = new Map<string, HouseholdMember[]>();
  for (const { familyId, member } of rows) byFamily.set(familyId, [...(byFamily.get(familyId) ?? []), member]);
  const links = await parentLinks(trx, [...new Set(rows.map((r) => r.member.id))]);
  const built = [...byFamily].map(([familyId, members]) => householdPedigree(familyId, members, links)).filter((h) => h !== null);
  const markers = markersOf(await currentProfilesMany(trx, built.flatMap((h) => h.typed)));
  return built.map((h) => ({
    id: h.id,
    pedigree: h.pedigree,
    missing: h.missing,
    familyId: h.familyId,
    typedPeople: h.typed,
    profiles: h.typed.map((id) => ({ person: id, markers: markers.get(id)! })),
  }));
}

/** Reads the children and reference families of a screen, and audits the read of every profile used. */
export async function loadScreenInput(trx: Trx, actor: Actor, scope: Scope, input: ScreenRequest, screenId: string, requestId: string | null): Promise<ScreenInput> {
  const children = await loadChildren(trx, actor, scope, input.children);
  const families = [
    ...(input.families ? await loadExplicitFamilies(trx, actor, scope, input.families) : []),
    ...(input.families === undefined || input.familyIds !== undefined ? await loadHouseholds(trx, actor, scope, input.familyIds ?? null) : []),
  ];
  const personIds = [...new Set([...children.map((c) => c.person), ...families.flatMap((f) => f.typedPeople)])];
  await recordAudit(
    trx,
    { userId: actor.userId, roles: actor.roles },
    { action: 'genetic.screen_read', targetType: 'person', targetIds: [...personIds, screenId], details: { children: children.length, families: families.length } },
    requestId,
  );
  return { children, families, personIds };
}

/** The matches to review: every undisputed identification, and each child's best family when above the threshold. */
export function matchesFrom(screenId: string, families: readonly ScreenFamily[], summary: ScreeningSummary, threshold: number): NewMatch[] {
  const byRef = new Map(families.map((f) => [f.id, f]));
  const undisputed = new Set(summary.undisputed.map((c) => `${c.child}|${c.family}`));
  const chosen = [...summary.undisputed, ...summary.bestPerChild.map((row) => row[0]).filter((c) => c !== undefined && c.log10Lr >= Math.log10(threshold) && !undisputed.has(`${c.child}|${c.family}`))];
  return chosen.flatMap((c) => {
    const family = c === undefined ? undefined : byRef.get(c.family);
    if (c === undefined || family === undefined) return [];
    const relatives = family.typedPeople.flatMap((personId) => {
      const kind = relationOf(family.pedigree, c.position, personId);
      return kind === null ? [] : [{ personId, kind }];
    });
    return [
      {
        id: randomUUID(),
        screenId,
        childPersonId: c.child,
        familyRef: c.family,
        familyId: family.familyId,
        position: c.position,
        relatives,
        log10Lr: c.log10Lr,
        undisputed: undisputed.has(`${c.child}|${c.family}`),
      },
    ];
  });
}

function prepare(input: ScreenInput, frequencies: Awaited<ReturnType<typeof loadFrequencies>>, theta: number): PreparedScreening {
  if (input.children.length === 0) throw new AppError('validation_failed', 'No child profiles to screen: import profiles of kind "child", or name the children.');
  if (input.families.length === 0) throw new AppError('validation_failed', 'No reference family has both a typed relative and a sought position.');
  try {
    return prepareScreening({ children: input.children, families: input.families, database: frequencies.database, theta });
  } catch (err) {
    if (err instanceof KinshipInputError) throw new AppError('validation_failed', `The screen cannot run: ${err.message}`);
    throw err;
  }
}

/** Everything a screen job needs, captured when it was requested. */
export interface ScreenJobPlan {
  actor: Actor;
  scope: Scope;
  screenId: string;
  input: ScreenRequest;
  requestId: string;
  onFallback?: (reason: string) => void;
}

/** The job's work: load, compute (workers when large), summarise, store. Returns counts for the job row. */
export async function runScreenJob(db: Kysely<Database>, job: JobContext, plan: ScreenJobPlan) {
  const { input, screenId } = plan;
  const loaded = await inTransaction(db, (trx) => loadScreenInput(trx, plan.actor, plan.scope, input, screenId, plan.requestId));
  const frequencies = await loadFrequencies(db, input.frequencies ?? null);
  const prepared = prepare(loaded, frequencies, input.theta);
  await job.progress(0, prepared.families.length);
  const started = performance.now();
  const run = await runScreen(prepared, { onProgress: (done, total) => job.progress(done, total), ...(plan.onFallback ? { onFallback: plan.onFallback } : {}) });
  const summary = summariseScreening(prepared, run.block, { threshold: input.threshold, top: input.top });
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  const matches = matchesFrom(screenId, loaded.families, summary, input.threshold);
  await inTransaction(db, async (trx) => {
    await insertMatches(trx, matches);
    await finishScreen(trx, screenId, {
      children: prepared.children.length,
      families: prepared.families.length,
      markers: prepared.markers,
      floorAlleles: flooredAlleles(prepared, frequencies.database),
      ...summary,
      workers: run.workers,
      seconds,
    });
  });
  return { screenId, children: prepared.children.length, families: prepared.families.length, undisputed: summary.undisputed.length, matches: matches.length, workers: run.workers };
}

/** Records the screen, starts its job and answers at once with both ids (the UI polls the job). */
export async function startScreen(
  db: Kysely<Database>,
  jobs: JobRunner,
  actor: Actor,
  missionId: string,
  input: ScreenRequest,
  requestId: string,
  onFallback?: (reason: string) => void,
) {
  const scope = requireScope(actor, 'genetic.screen');
  requireGenetic(actor);
  const frequencies = await loadFrequencies(db, input.frequencies ?? null);
  const screenId = randomUUID();
  await inTransaction(db, async (trx) => {
    await insertScreen(trx, { id: screenId, missionId: actor.missionId ?? missionId, parameters: input, frequencyDatabaseId: frequencies.id, createdBy: actor.userId });
    await recordAudit(
      trx,
      { userId: actor.userId, roles: actor.roles },
      { action: 'genetic.screen', targetType: 'kinship_screen', targetIds: [screenId], details: { frequencies: frequencies.used.name, synthetic: frequencies.used.synthetic } },
      requestId,
    );
  });
  const plan: ScreenJobPlan = { actor, scope, screenId, input, requestId, ...(onFallback ? { onFallback } : {}) };
  const jobId = await jobs.start(SCREEN_JOB, actor.userId, (job) => runScreenJob(db, job, plan));
  await attachScreenJob(db, screenId, jobId);
  return { screenId, jobId };
}
