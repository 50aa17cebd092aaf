import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { displayNameOf, readableCategoriesForRoles, type AnalysisSummary, type ApiKinshipQuestion, type KinshipAnalysis } from '@homeward/domain';
import { detectScript, romaniseArabicOdni, transliterateCyrillic } from '@homeward/domain/names';
import { answerKinshipQuestion, KinshipInputError, markerKey, type KinshipAnswer, type Sex, type StrProfile } from '@homeward/domain/kinship';
import type { Database } from '../../db/schema';
import { auditActor, requireScope } from '../../lib/access';
import { recordAudit } from '../../lib/audit';
import { recordReadAudit } from '../../lib/read-audit';
import type { Actor } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { namesOf } from '../people/identity.repository';
import { loadFrequencies, type LoadedFrequencies } from './frequencies.service';
import { currentProfiles, peopleInScope, type StoredMarkers } from './profiles.repository';
import { requireGenetic } from './profiles.service';
import { analysesOfPerson, findAnalysis, insertAnalysis, peopleFacts, profilesById } from './analyses.repository';

/**
 * A kinship question over Homeward people: the profiles are loaded from the registry (never sent by the
 * client), answered by the pure engine, and the analysis stored with the ids it used, not the markers.
 */

type Trx = Transaction<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Engine errors (a typed person outside a pedigree, a loop) are the caller's to fix: a 400 naming them. */
export function answerOrExplain(question: unknown, frequencies: LoadedFrequencies): KinshipAnswer {
  try {
    return answerKinshipQuestion(question, { database: frequencies.database });
  } catch (err) {
    if (err instanceof KinshipInputError) throw new AppError('validation_failed', `The question cannot be answered: ${err.message}`);
    throw err;
  }
}

function mentionedPeople(q: ApiKinshipQuestion): string[] {
  if ('a' in q) return [q.a, q.b];
  const ids = [...q.claimed, ...(q.alternative === 'unrelated' ? [] : q.alternative)].map((p) => p.id);
  return [...new Set(ids.filter((id) => UUID.test(id)))];
}

/** Answers a question whose people are person ids; the profiles of the typed people come from the registry. */
export async function answerQuestion(trx: Trx, actor: Actor, missionId: string, q: ApiKinshipQuestion, requestId: string): Promise<KinshipAnalysis> {
  const scope = requireScope(actor, 'genetic.analyse');
  requireGenetic(actor);
  const frequencies = await loadFrequencies(trx, q.frequencies ?? null);
  const wanted = q.profiles ?? mentionedPeople(q);
  const reachable = await peopleInScope(trx, actor, scope, [...new Set([...wanted, ...mentionedPeople(q)])]);
  const sexOf = new Map(reachable.map((p) => [p.id, p.sex]));
  for (const id of [...wanted, ...mentionedPeople(q)]) if (!sexOf.has(id)) throw notFound('person');
  const rows = await currentProfiles(trx, wanted);
  if (q.profiles !== undefined) {
    const missing = q.profiles.filter((id) => !rows.some((r) => r.person_id === id));
    if (missing.length > 0) throw new AppError('validation_failed', `${missing.length} of the people named in profiles have no STR profile.`, { people: missing });
  }
  if (rows.length === 0) throw new AppError('validation_failed', 'No one in the question has an STR profile.');
  const profiles: StrProfile[] = rows.map((r) => ({ person: r.person_id, markers: r.markers as StoredMarkers }));
  const engineSex = (id: string): Sex | undefined => {
    const s = sexOf.get(id);
    return s === 'M' || s === 'F' ? s : undefined;
  };
  const base = { ...q, frequencies: frequencies.used.name, profiles };
  const question = 'a' in q ? { ...base, a_sex: q.a_sex ?? engineSex(q.a), b_sex: q.b_sex ?? engineSex(q.b) } : base;
  const answer = answerOrExplain(question, frequencies);
  const id = randomUUID();
  const personIds = rows.map((r) => r.person_id);
  const stored = { ...q, frequencies: frequencies.used.name, profiles: personIds };
  const createdAt = new Date();
  await insertAnalysis(trx, {
    id,
    missionId: actor.missionId ?? missionId,
    question: stored,
    answer,
    personIds,
    profileIds: rows.map((r) => r.id),
    frequencyDatabaseId: frequencies.id,
    createdBy: actor.userId,
    createdAt,
  });
  await recordAudit(
    trx,
    auditActor(actor),
    { action: 'genetic.analyse', targetType: 'person', targetIds: [...personIds, id], details: { frequencies: frequencies.used.name, synthetic: frequencies.used.synthetic } },
    requestId,
  );
  return presentAnalysis(trx, actor, { id, question: stored, answer, frequencies: frequencies.used, profiles: rows, createdAt, createdBy: actor.userId });
}

/** The typed people of an analysis with their alleles at the markers of its answer (nothing else), and their names. */
async function presentAnalysis(
  trx: Trx,
  actor: Actor,
  a: { id: string; question: unknown; answer: KinshipAnswer; frequencies: KinshipAnalysis['frequencies']; profiles: { person_id: string; markers: unknown }[]; createdAt: Date; createdBy: string | null },
): Promise<KinshipAnalysis> {
  // Keyed by the answer's spelling of each marker (a lab's `VWA` is the database's `vWA`).
  const compared = new Map(a.answer.markers.map((m) => [markerKey(m.marker), m.marker]));
  const readsIdentity = readableCategoriesForRoles(actor.roles).includes('identity');
  const facts = new Map((await peopleFacts(trx, a.profiles.map((p) => p.person_id))).map((p) => [p.id, p]));
  const typed = a.profiles.map((p) => {
    const markers = Object.fromEntries(
      Object.entries(p.markers as StoredMarkers).flatMap(([marker, alleles]) => {
        const name = compared.get(markerKey(marker));
        return name === undefined ? [] : [[name, alleles]];
      }),
    );
    const person = facts.get(p.person_id);
    return { personId: p.person_id, displayName: readsIdentity ? (person?.display_name ?? null) : null, sex: (person?.sex ?? 'U') as 'F' | 'M' | 'U', markers };
  });
  return {
    id: a.id,
    question: a.question as KinshipAnalysis['question'],
    answer: a.answer,
    frequencies: a.frequencies,
    typed,
    createdAt: a.createdAt.toISOString(),
    createdBy: a.createdBy,
  };
}

/** A stored analysis of the actor's mission whose typed people all lie in the actor's genetic scope. */
async function reachableAnalysis(trx: Trx, actor: Actor, id: string) {
  const scope = requireScope(actor, 'genetic.read');
  requireGenetic(actor);
  const row = await findAnalysis(trx, id);
  if (!row || row.mission_id !== actor.missionId) throw notFound('analysis');
  if ((await peopleInScope(trx, actor, scope, row.person_ids)).length !== new Set(row.person_ids).size) throw notFound('analysis');
  return row;
}

/** Reads a stored analysis again (an audited read of the typed people's alleles at the markers of its answer). */
export async function readAnalysis(trx: Trx, actor: Actor, id: string, requestId: string, action: 'genetic.read_analysis' | 'genetic.report' = 'genetic.read_analysis'): Promise<KinshipAnalysis> {
  const row = await reachableAnalysis(trx, actor, id);
  const profiles = await profilesById(trx, row.profile_ids);
  await recordAudit(trx, auditActor(actor), { action, targetType: 'person', targetIds: [...row.person_ids, id] }, requestId);
  return presentAnalysis(trx, actor, {
    id: row.id,
    question: row.question,
    answer: row.answer as KinshipAnswer,
    frequencies: { name: row.frequencies_name, population: row.frequencies_population, synthetic: row.frequencies_synthetic },
    profiles,
    createdAt: row.created_at,
    createdBy: row.created_by,
  });
}

/** The analyses a person was typed in (results only, no alleles), newest first. */
export async function personAnalyses(trx: Trx, actor: Actor, personId: string, requestId: string): Promise<AnalysisSummary[]> {
  const scope = requireScope(actor, 'genetic.read');
  requireGenetic(actor);
  if ((await peopleInScope(trx, actor, scope, [personId])).length === 0) throw notFound('person');
  const rows = actor.missionId === null ? [] : await analysesOfPerson(trx, actor.missionId, personId, 50);
  await recordReadAudit(trx, auditActor(actor), { action: 'genetic.list_analyses', targetType: 'person', targetIds: [personId] }, requestId);
  return rows.map((r) => {
    const answer = r.answer as KinshipAnswer;
    return { id: r.id, createdAt: r.created_at.toISOString(), lr: answer.lr, log10Lr: answer.log10_lr, conclusion: answer.conclusion, verbal: answer.verbal, people: r.person_ids, frequencies: r.frequencies_name };
  });
}

/** A name as the printed report gives it: Latin script, transliterated when only another script is recorded. */
function latinForm(text: string): string {
  switch (detectScript(text)) {
    case 'Arab':
      return romaniseArabicOdni(text);
    case 'Cyrl':
      return transliterateCyrillic(text, 'ru-icao-9303');
    case 'Latn':
    case 'Zyyy':
      return text;
  }
}

/**
 * An analysis for its printed report (an audited read, action `genetic.report`) with the Latin-script
 * names of everyone the question names: the first current Latin name (official first), else a
 * transliteration of the display name.
 */
export async function analysisForReport(trx: Trx, actor: Actor, id: string, requestId: string) {
  const analysis = await readAnalysis(trx, actor, id, requestId, 'genetic.report');
  const ids = [...new Set([...analysis.typed.map((p) => p.personId), ...mentionedPeople(analysis.question)])];
  const names = new Map<string, string>();
  if (readableCategoriesForRoles(actor.roles).includes('identity')) {
    const recorded = await namesOf(trx, ids);
    const facts = await peopleFacts(trx, ids);
    for (const pid of ids) {
      const mine = recorded.filter((n) => n.person_id === pid && n.script === 'Latn');
      const latin = mine.find((n) => n.kind === 'official') ?? mine[0];
      const display = facts.find((f) => f.id === pid)?.display_name;
      const name = latin ? displayNameOf(latin) : display ? latinForm(display) : '';
      if (name) names.set(pid, name);
    }
  }
  return { analysis, names };
}
