import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { answerKinshipQuestion, KinshipInputError, type KinshipAnswer, type Sex, type StrProfile } from '@homeward/domain/kinship';
import type { Database } from '../../db/schema';
import { requireScope } from '../../lib/access';
import { recordAudit } from '../../lib/audit';
import type { Actor } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { loadFrequencies, type LoadedFrequencies } from './frequencies.service';
import type { ApiKinshipQuestion } from './kinship.schemas';
import { currentProfiles, peopleInScope, type StoredMarkers } from './profiles.repository';
import { requireGenetic } from './profiles.service';
import { insertAnalysis } from './screens.repository';

/**
 * A kinship question over Homeward people: the profiles are loaded from the registry (never sent by the
 * client), answered by the pure engine, and the analysis stored with the ids it used, not the markers.
 */

type Trx = Transaction<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The answer, the stored analysis's id and which database gave the frequencies (synthetic or not). */
export interface KinshipAnalysis {
  id: string;
  answer: KinshipAnswer;
  frequencies: LoadedFrequencies['used'];
}

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
  await insertAnalysis(trx, {
    id,
    missionId: actor.missionId ?? missionId,
    question: { ...q, frequencies: frequencies.used.name, profiles: personIds },
    answer,
    personIds,
    profileIds: rows.map((r) => r.id),
    frequencyDatabaseId: frequencies.id,
    createdBy: actor.userId,
  });
  await recordAudit(
    trx,
    { userId: actor.userId, roles: actor.roles },
    { action: 'genetic.analyse', targetType: 'person', targetIds: [...personIds, id], details: { frequencies: frequencies.used.name, synthetic: frequencies.used.synthetic } },
    requestId,
  );
  return { id, answer, frequencies: frequencies.used };
}
