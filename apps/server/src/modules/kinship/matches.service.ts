import type { Transaction } from 'kysely';
import { readableCategoriesForRoles, type RelationshipKind } from '@homeward/domain';
import type { Database } from '../../db/schema';
import { auditActor, requireScope } from '../../lib/access';
import { recordAudit } from '../../lib/audit';
import { recordReadAudit } from '../../lib/read-audit';
import type { Actor } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { linkPeople } from '../people/identity.service';
import type { MatchView, ScreenView } from '@homeward/domain';
import { peopleFacts } from './analyses.repository';
import { peopleInScope } from './profiles.repository';
import { requireGenetic } from './profiles.service';
import { HOUSEHOLD_PREFIX } from './reference-families';
import { familyLabels, findMatchForReview, findScreen, matchesOfScreen, reviewMatch, screensOfMission } from './screens.repository';

/**
 * The results of a screen and their review: a supervisor confirms a suggested match, which records the
 * relationships to the typed relatives at evidence level `dna_supported` (source `dna`); nothing is
 * applied without that decision.
 */

type Trx = Transaction<Database>;
type MatchRow = Awaited<ReturnType<typeof matchesOfScreen>>[number];

function presentMatch(m: MatchRow): MatchView {
  return {
    id: m.id,
    childPersonId: m.child_person_id,
    family: m.family_ref,
    familyId: m.family_id,
    position: m.position,
    relatives: m.relatives as MatchView['relatives'],
    log10Lr: m.log10_lr,
    undisputed: m.undisputed,
    status: m.status as MatchView['status'],
    reviewedBy: m.reviewed_by,
    reviewedAt: m.reviewed_at?.toISOString() ?? null,
  };
}

/** A screen of the actor's mission: its job's progress, the summary and the matches (an audited read). */
export async function readScreen(trx: Trx, actor: Actor, id: string, requestId: string): Promise<ScreenView> {
  requireScope(actor, 'genetic.screen');
  requireGenetic(actor);
  const row = await findScreen(trx, id);
  if (!row || row.mission_id !== actor.missionId) throw notFound('screen');
  const matches = await matchesOfScreen(trx, id);
  await recordReadAudit(trx, auditActor(actor), { action: 'genetic.read_screen', targetType: 'kinship_screen', targetIds: [id] }, requestId);
  const summary = (row.summary ?? null) as ScreenView['summary'];
  const candidates = summary ? [...summary.bestPerChild.flat(), ...summary.bestPerFamily.flat(), ...summary.undisputed] : [];
  const personIds = [...candidates.map((c) => c.child), ...matches.flatMap((m) => [m.child_person_id, ...(m.relatives as MatchView['relatives']).map((r) => r.personId)])];
  const readsIdentity = readableCategoriesForRoles(actor.roles).includes('identity');
  const people = readsIdentity ? Object.fromEntries((await peopleFacts(trx, personIds)).map((p) => [p.id, p.display_name])) : {};
  const refs = [...new Set([...candidates.map((c) => c.family), ...matches.map((m) => m.family_ref)])];
  const households = new Map((await familyLabels(trx, refs.filter((r) => r.startsWith(HOUSEHOLD_PREFIX)).map((r) => r.slice(HOUSEHOLD_PREFIX.length)))).map((f) => [f.id, f.label]));
  const families = Object.fromEntries(refs.map((ref) => [ref, households.get(ref.slice(HOUSEHOLD_PREFIX.length)) ?? ref]));
  return {
    id: row.id,
    jobId: row.job_id,
    status: (row.status ?? 'queued') as ScreenView['status'],
    progress: { done: row.progress_done ?? 0, total: row.progress_total ?? null },
    error: row.error ?? null,
    parameters: row.parameters,
    frequencies: { name: row.frequencies_name, population: row.frequencies_population, synthetic: row.frequencies_synthetic },
    summary,
    matches: matches.map(presentMatch),
    people,
    families,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

async function matchForReview(trx: Trx, actor: Actor, id: string) {
  const scope = requireScope(actor, 'genetic.confirm');
  requireGenetic(actor);
  const match = await findMatchForReview(trx, id);
  if (!match || match.mission_id !== actor.missionId || (await peopleInScope(trx, actor, scope, [match.child_person_id])).length === 0) throw notFound('match');
  if (match.status !== 'proposed') throw new AppError('conflict', `This match has already been ${match.status}.`);
  return match;
}

/**
 * Confirms a match: each typed relative is linked to the child with the relationship the pedigree gives,
 * evidence level `dna_supported`, source `dna` (the identity service keeps the history of earlier levels).
 */
export async function confirmMatch(trx: Trx, actor: Actor, id: string, note: string | null, requestId: string): Promise<MatchView> {
  const match = await matchForReview(trx, actor, id);
  const relatives = match.relatives as { personId: string; kind: RelationshipKind }[];
  if (relatives.length === 0) throw new AppError('conflict', 'This match names no typed relative in the registry to link the child to.');
  const evidence = `DNA kinship screen ${match.screen_id}: log10 LR ${match.log10_lr.toFixed(2)} (match ${id})`;
  for (const relative of relatives) {
    await linkPeople(
      trx,
      actor,
      match.child_person_id,
      { relatedPersonId: relative.personId, kind: relative.kind, evidenceLevel: 'dna_supported', source: 'dna', note: note ? `${evidence}; ${note}` : evidence },
      requestId,
    );
  }
  await reviewMatch(trx, id, { status: 'confirmed', by: actor.userId, note });
  await recordAudit(
    trx,
    auditActor(actor),
    { action: 'genetic.confirm', targetType: 'kinship_match', targetIds: [match.child_person_id, ...relatives.map((r) => r.personId), id] },
    requestId,
  );
  return presentMatch({ ...match, status: 'confirmed', reviewed_by: actor.userId, reviewed_at: new Date(), review_note: note });
}

/** Rejects a match with the reviewer's reason; nothing is linked. */
export async function rejectMatch(trx: Trx, actor: Actor, id: string, note: string, requestId: string): Promise<MatchView> {
  const match = await matchForReview(trx, actor, id);
  await reviewMatch(trx, id, { status: 'rejected', by: actor.userId, note });
  await recordAudit(trx, auditActor(actor), { action: 'genetic.reject', targetType: 'kinship_match', targetIds: [match.child_person_id, id] }, requestId);
  return presentMatch({ ...match, status: 'rejected', reviewed_by: actor.userId, reviewed_at: new Date(), review_note: note });
}

/** The mission's screens, newest first, with their counts once finished (no profiles, no names). */
export async function listScreens(trx: Trx, actor: Actor) {
  requireScope(actor, 'genetic.screen');
  requireGenetic(actor);
  if (actor.missionId === null) return [];
  const rows = await screensOfMission(trx, actor.missionId, 50);
  return rows.map((r) => {
    const summary = r.summary as { children?: number; families?: number; undisputed?: unknown[] } | null;
    return {
      id: r.id,
      status: (r.status ?? 'queued') as ScreenView['status'],
      children: summary?.children ?? null,
      families: summary?.families ?? null,
      undisputed: summary?.undisputed?.length ?? null,
      frequencies: r.frequencies_name,
      createdAt: r.created_at.toISOString(),
      finishedAt: r.finished_at?.toISOString() ?? null,
    };
  });
}
