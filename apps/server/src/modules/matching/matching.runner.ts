import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { PersonFeatures } from '@homeward/domain/matching';
import type { Database } from '../../db/schema';
import { recordAudit, SYSTEM_ACTOR } from '../../lib/audit';
import { inTransaction } from '../../lib/transaction';
import type { JobRunner } from '../jobs/job-runner';
import {
  explainPair,
  featuresOf,
  findCandidateIds,
  fingerprintOf,
  indexEntryOf,
  loadMatchModel,
  loadIndexedRecords,
  loadMatchRecords,
  scorerFor,
  type MatchModel,
  type PairExplanation,
} from './matching.engine';
import {
  clearMatchIndex,
  countQueued,
  dequeue,
  fingerprintsOf,
  insertSuggestion,
  latestOfPair,
  matchingPerson,
  nextQueued,
  openSuggestionsOf,
  queueMatching,
  queueMatchingWithChildren,
  relatedAmong,
  rescoreSuggestion,
  supersedeSuggestions,
  writeMatchIndex,
  type SuggestionScore,
} from './matching.repository';

/**
 * Background matching. Services queue a person (in their own transaction) whenever names, birth, sex or parents
 * change; the scheduler runs one `matching` job that drains the queue, person by person, each in its own
 * transaction: re-index the person's keys, find candidates in SQL, score them with the engine, and store the
 * suggestions. Sought people are matched against the registry (kind `tracing`); registry people against the
 * registry (kind `duplicate`), and a registry person who may be a sought person sends that sought person back
 * to the queue, so that tracing pairs are always scored from the sought side, candidates competing as in
 * `homeward link`.
 */

type Trx = Transaction<Database>;

/** What matching one person did. */
export interface PersonMatchOutcome {
  proposed: number;
  updated: number;
  superseded: number;
  /** Sought people to match again because this (registry) person may be one of them. */
  requeue: string[];
}

const pairOf = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

/**
 * Stores the scored pairs of one person for one kind: a new score for an open pair updates it; a confirmed pair,
 * or a rejected one whose two fingerprints are unchanged, is not proposed again; an open pair that no longer
 * scores is superseded.
 */
async function reconcile(
  trx: Trx,
  input: { missionId: string; kind: 'tracing' | 'duplicate'; personId: string; fingerprint: string; scored: Map<string, SuggestionScore> },
  outcome: PersonMatchOutcome,
): Promise<void> {
  const { personId, kind } = input;
  const others = await fingerprintsOf(trx, [...input.scored.keys()]);
  for (const [other, score] of input.scored) {
    const otherPrint = others.get(other);
    if (!otherPrint) continue;
    const [a, b] = pairOf(personId, other);
    const evidenceA = a === personId ? input.fingerprint : otherPrint;
    const evidenceB = b === personId ? input.fingerprint : otherPrint;
    const latest = await latestOfPair(trx, a, b, kind);
    if (latest && (latest.status === 'proposed' || latest.status === 'unsure')) {
      if (latest.probability !== score.probability || latest.band !== score.band || latest.evidence_a !== evidenceA || latest.evidence_b !== evidenceB) {
        await rescoreSuggestion(trx, latest.id, { ...score, evidenceA, evidenceB });
        outcome.updated += 1;
      }
      continue;
    }
    if (latest?.status === 'confirmed') continue;
    if (latest?.status === 'rejected' && latest.evidence_a === evidenceA && latest.evidence_b === evidenceB) continue;
    await insertSuggestion(trx, { id: randomUUID(), missionId: input.missionId, kind, a, b, evidenceA, evidenceB, ...score });
    outcome.proposed += 1;
  }
  const stale = (await openSuggestionsOf(trx, personId, kind)).filter((s) => !input.scored.has(s.person_a === personId ? s.person_b : s.person_a));
  outcome.superseded += await supersedeSuggestions(
    trx,
    stale.map((s) => s.id),
  );
}

const rounded = (p: number) => Math.round(p * 1e6) / 1e6;

/** At most this many suggestions per person and kind, best first (as `homeward link --top 10`). */
const TOP = 10;

function best(scored: Map<string, SuggestionScore>): Map<string, SuggestionScore> {
  if (scored.size <= TOP) return scored;
  return new Map([...scored.entries()].sort((x, y) => y[1].probability - x[1].probability || (x[0] < y[0] ? -1 : 1)).slice(0, TOP));
}

/**
 * The review policy on top of the engine's band: a pair whose own names are known on both sides and differ is
 * shown as "worth a look", never as a strong match — siblings share everything else (parents, surname, origin,
 * the father's kunya), and a child known by another name needs a person's judgement anyway.
 */
function reviewBand(band: 'match' | 'review', explanation: PairExplanation): 'match' | 'review' {
  const given = explanation.fields.find((f) => f.field === 'given');
  return band === 'match' && given?.level === 'disagree' ? 'review' : band;
}

/** Matches one person against the registry and stores the suggestions (one transaction, the caller's). */
export async function matchPerson(trx: Trx, model: MatchModel, personId: string): Promise<PersonMatchOutcome> {
  const outcome: PersonMatchOutcome = { proposed: 0, updated: 0, superseded: 0, requeue: [] };
  const person = await matchingPerson(trx, personId);
  const record = person?.matching_consent ? (await loadMatchRecords(trx, [personId])).get(personId) : undefined;
  if (!person || !record) {
    // No consent, or nothing to match on (no name): out of the index, and no open suggestion stays.
    await clearMatchIndex(trx, personId);
    for (const kind of ['tracing', 'duplicate'] as const) {
      outcome.superseded += await supersedeSuggestions(
        trx,
        (await openSuggestionsOf(trx, personId, kind)).map((s) => s.id),
      );
    }
    return outcome;
  }
  // A record that became sought (a tracing request) no longer takes part in duplicate suggestions.
  if (person.is_sought) {
    outcome.superseded += await supersedeSuggestions(
      trx,
      (await openSuggestionsOf(trx, personId, 'duplicate')).map((s) => s.id),
    );
  }
  const f = featuresOf(record);
  const fingerprint = fingerprintOf(record);
  await writeMatchIndex(trx, { personId, missionId: person.mission_id, fingerprint, record, ...indexEntryOf(f) });
  const { scorer, total } = await scorerFor(trx, model, f);
  const candidateIds = await findCandidateIds(trx, f, { missionId: person.mission_id, exclude: personId, sought: person.is_sought ? false : null }, total);
  const records = await loadIndexedRecords(trx, candidateIds);
  const sought = new Set<string>();
  if (!person.is_sought) {
    const rows = await trx.selectFrom('people').select('id').where('id', 'in', candidateIds.length ? candidateIds : ['00000000-0000-0000-0000-000000000000']).where('is_sought', '=', true).execute();
    for (const r of rows) sought.add(r.id);
  }
  const candidates: Array<{ id: string; f: PersonFeatures; weight: number }> = [];
  for (const id of candidateIds) {
    const r = records.get(id);
    if (!r) continue;
    const cf = featuresOf(r);
    candidates.push({ id, f: cf, weight: scorer.weightOf(cf, f) });
  }
  const scored = new Map<string, SuggestionScore>();
  if (person.is_sought) {
    // A sought person is at most one of the registry's people: candidates compete, P(i) = oᵢ / (1 + Σ oⱼ).
    let totalOdds = 0;
    for (const c of candidates) totalOdds += scorer.odds(c.weight);
    for (const c of candidates) {
      const odds = scorer.odds(c.weight);
      const probability = Number.isFinite(totalOdds) ? odds / (1 + totalOdds) : odds === Infinity ? 1 : 0;
      const band = scorer.band(probability);
      if (band === null) continue;
      const { explanation, weight } = explainPair(scorer, c.f, f);
      scored.set(c.id, { probability: rounded(probability), score: Math.round(weight * 100) / 100, band: reviewBand(band, explanation), explanation });
    }
    await reconcile(trx, { missionId: person.mission_id, kind: 'tracing', personId, fingerprint, scored: best(scored) }, outcome);
    return outcome;
  }
  // Registry candidates compete as in the engine's `findDuplicates` (siblings share the family's evidence
  // instead of each being proposed), and people already related by a recorded relationship are two people.
  const related = await relatedAmong(trx, personId, candidateIds);
  let totalOdds = 0;
  for (const c of candidates) if (!sought.has(c.id) && !related.has(c.id)) totalOdds += scorer.odds(c.weight);
  for (const c of candidates) {
    if (sought.has(c.id)) {
      if (scorer.band(scorer.probability(c.weight)) !== null) outcome.requeue.push(c.id);
      continue;
    }
    if (related.has(c.id)) continue;
    const odds = scorer.odds(c.weight);
    const probability = Number.isFinite(totalOdds) ? odds / (1 + totalOdds) : odds === Infinity ? 1 : 0;
    const band = scorer.band(probability);
    if (band === null) continue;
    const { explanation, weight } = explainPair(scorer, c.f, f);
    scored.set(c.id, { probability: rounded(probability), score: Math.round(weight * 100) / 100, band: reviewBand(band, explanation), explanation });
  }
  await reconcile(trx, { missionId: person.mission_id, kind: 'duplicate', personId, fingerprint, scored: best(scored) }, outcome);
  // Tracing pairs with this person are re-scored from their sought side (they may no longer score at all).
  for (const s of await openSuggestionsOf(trx, personId, 'tracing')) outcome.requeue.push(s.person_a === personId ? s.person_b : s.person_a);
  outcome.requeue = [...new Set(outcome.requeue)];
  if (outcome.requeue.length > 0) await queueMatching(trx, outcome.requeue);
  return outcome;
}

/**
 * A person's identity facts changed: re-index them now (so that search-before-create and other records' candidate
 * searches see the change at once) and queue them, with the children whose records name them as a parent, for
 * background matching. Runs in the caller's transaction.
 */
export async function personChanged(trx: Trx, personIds: readonly string[]): Promise<void> {
  for (const personId of personIds) {
    const person = await matchingPerson(trx, personId);
    const record = person?.matching_consent ? (await loadMatchRecords(trx, [personId])).get(personId) : undefined;
    if (!person || !record) await clearMatchIndex(trx, personId);
    else await writeMatchIndex(trx, { personId, missionId: person.mission_id, fingerprint: fingerprintOf(record), record, ...indexEntryOf(featuresOf(record)) });
  }
  await queueMatchingWithChildren(trx, personIds);
}

/** The result a `matching` job records. */
export interface MatchingJobResult {
  people: number;
  proposed: number;
  updated: number;
  superseded: number;
  /** People whose matching failed (logged by id; they are matched again at their next change). */
  failed: number;
  modelVersion: string;
  decisions: number;
}

/** People matched per batch taken from the queue. */
const BATCH = 50;

/**
 * Drains the matching queue as jobs of the job runner: a job starts when something is queued and none is
 * running, takes everything queued meanwhile (many changes, one job), persists its progress, and yields to the
 * event loop between people so requests keep being answered.
 */
export class MatchingScheduler {
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly jobs: JobRunner,
    private readonly logger: Pick<Logger, 'error' | 'info'>,
    private readonly options: { pollMs?: number; debounceMs?: number } = {},
  ) {}

  /** Look for queued people now and then (imports and other jobs queue people outside any request). */
  start(): void {
    const every = this.options.pollMs ?? 2_000;
    if (every > 0) {
      this.timer = setInterval(() => this.kick(), every);
      this.timer.unref();
    }
    this.kick();
  }

  /** Something may have been queued: start a job soon (changes arriving together share one job). */
  kick(): void {
    if (this.closed || this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.startIfQueued().catch((err: unknown) => this.logger.error({ error: err instanceof Error ? err.message : String(err) }, 'matching could not start'));
    }, this.options.debounceMs ?? 500);
    this.debounce.unref();
  }

  /** Match everything queued and wait for it (tests, the CLI, and an administrator's "match now"). */
  async drain(): Promise<void> {
    // Jobs ahead of matching (an import) queue people when they finish.
    await this.jobs.idle();
    for (let round = 0; round < 100; round += 1) {
      if (this.running) await this.running;
      if ((await countQueued(this.db)) === 0 || this.closed) return;
      await this.startIfQueued();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.debounce) clearTimeout(this.debounce);
    if (this.running) await this.running;
  }

  private async startIfQueued(): Promise<void> {
    if (this.running || this.closed) return;
    const queued = await countQueued(this.db);
    if (queued === 0 || this.running) return;
    let finished!: () => void;
    this.running = new Promise<void>((resolve) => {
      finished = resolve;
    });
    try {
      await this.jobs.start('matching', null, async (job) => {
        try {
          return await this.runQueue(job.progress.bind(job), queued);
        } finally {
          this.running = null;
          finished();
        }
      });
    } catch (err) {
      this.running = null;
      finished();
      throw err;
    }
  }

  private async runQueue(progress: (done: number, total?: number | null) => Promise<void>, initial: number): Promise<MatchingJobResult> {
    const model = await inTransaction(this.db, (trx) => loadMatchModel(trx));
    const result: MatchingJobResult = { people: 0, proposed: 0, updated: 0, superseded: 0, failed: 0, modelVersion: model.params.version, decisions: model.decisions };
    let total = initial;
    await progress(0, total);
    for (;;) {
      const batch = await nextQueued(this.db, BATCH);
      if (batch.length === 0 || this.closed) break;
      for (const { person_id: personId, queued_at: queuedAt } of batch) {
        let outcome: PersonMatchOutcome;
        try {
          outcome = await inTransaction(this.db, async (trx) => {
            const o = await matchPerson(trx, model, personId);
            await dequeue(trx, personId, queuedAt);
            if (o.proposed + o.superseded > 0) {
              await recordAudit(
                trx,
                SYSTEM_ACTOR,
                { action: 'matching.run', targetType: 'person', targetIds: [personId], details: { proposed: o.proposed, updated: o.updated, superseded: o.superseded } },
                null,
              );
            }
            return o;
          });
        } catch (err) {
          // One bad record must not block the queue: log its id (never its facts) and go on.
          this.logger.error({ personId, error: err instanceof Error ? err.message : String(err) }, 'matching a person failed');
          await dequeue(this.db, personId, queuedAt);
          result.failed += 1;
          continue;
        }
        result.people += 1;
        result.proposed += outcome.proposed;
        result.updated += outcome.updated;
        result.superseded += outcome.superseded;
        total = Math.max(total, result.people + outcome.requeue.length);
        await progress(result.people, total);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    await progress(result.people, result.people);
    this.logger.info({ people: result.people, proposed: result.proposed }, 'matching finished');
    return result;
  }
}
