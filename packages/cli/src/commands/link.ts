import { createReadStream } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import {
  DEFAULT_MATCH_PARAMETERS,
  LinkEngine,
  MatchScorer,
  competeForLeft,
  estimateMatchRate,
  estimateU,
  expectedF1Threshold,
  personFeatures,
  rowProbabilities,
  suggestionsOf,
} from '@homeward/domain/matching';
import type { MatchParameters, PersonFeatures, ScoredCandidates } from '@homeward/domain/matching';
import { parsePersonLine } from '@homeward/domain/person-record';

/**
 * `homeward link LEFT.jsonl RIGHT.jsonl [--top K]`: the matching engine over two JSON Lines files.
 *
 * 1. Each worker thread indexes LEFT compactly (features, packed records and hashed blocking keys, never
 *    the raw records) and re-estimates u, how often two different people agree by chance, on random
 *    pairs of LEFT and the first RIGHT records (the same seed everywhere, so every worker has the same
 *    parameters).
 * 2. RIGHT is streamed in batches spread over the workers; each right record's plausible candidates come
 *    back scored.
 * 3. The share of right records that have a match on the left is estimated from those scores, and, the two
 *    files being lists of distinct people, right records compete for left records (`competeForLeft`):
 *    a child found once is not proposed for three sought siblings. The match band starts where the
 *    calibrated probabilities expect the best F1 (`expectedF1Threshold`, between 0.25 and 0.6).
 *    `--no-exclusive` links each right record on its own with the default bands and writes as it goes.
 * Results are written in RIGHT's order as JSON Lines on stdout; progress goes to stderr. RIGHT is held as
 * scored candidates only, a chunk of `CHUNK_RECORDS` at a time, so a million records fit in memory.
 */

const BATCH_LINES = 500;
const MAX_IN_FLIGHT = 3;
const LARGE_LEFT_BYTES = 400 * 1024 * 1024;
/** Right records scored before competition and writing (a chunk competes within itself). */
const CHUNK_RECORDS = 250_000;
/** Right records the parameters are estimated on, and the random pairs drawn for u. */
const SAMPLE_RECORDS = 4000;
const SAMPLE_PAIRS = 60_000;
/** A level seen fewer times than this among random pairs keeps its default u. */
const MIN_LEVEL_COUNT = 20;

interface LinkWorkerData {
  homewardLink: true;
  leftPath: string;
  top: number;
  reportErrors: boolean;
  sample: string[];
}

interface BatchMessage {
  type: 'batch';
  seq: number;
  firstLineNo: number;
  lines: string[];
}

interface BatchResult {
  type: 'result';
  seq: number;
  rows: ScoredCandidates[];
  errors: string[];
}

interface ReadyMessage {
  type: 'ready';
  leftCount: number;
  errors: string[];
  params: MatchParameters;
}

function lineErrorText(file: string, lineNo: number, reason: string): string {
  return `homeward link: ${file} line ${lineNo}: ${reason} (skipped)`;
}

/** Builds the engine from LEFT, streaming the file; returns the bad lines as messages. */
async function indexLeft(leftPath: string, top: number, onError: (message: string) => void): Promise<LinkEngine> {
  const engine = new LinkEngine({ top });
  const lines = createInterface({ input: createReadStream(leftPath, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo += 1;
    const parsed = parsePersonLine(line, lineNo);
    if (parsed === null) continue;
    if (!parsed.ok) onError(lineErrorText('LEFT', lineNo, parsed.reason));
    else engine.addLeft(parsed.record);
  }
  return engine;
}

/**
 * The parameters for these two files: the defaults, with u re-estimated on random pairs of one LEFT and
 * one sampled RIGHT record (deterministic: every worker computes the same).
 */
function fitParameters(engine: LinkEngine, sample: readonly string[]): MatchParameters {
  const rights: PersonFeatures[] = [];
  sample.forEach((line, i) => {
    const parsed = parsePersonLine(line, i + 1);
    if (parsed?.ok) rights.push(personFeatures(parsed.record, engine.cache));
  });
  if (engine.left.length < 50 || rights.length < 50) return DEFAULT_MATCH_PARAMETERS;
  return estimateU(engine.left, DEFAULT_MATCH_PARAMETERS, {
    pairs: SAMPLE_PAIRS,
    other: rights,
    seed: 7,
    minCount: MIN_LEVEL_COUNT,
    monotone: true,
  });
}

/** Scores one batch of RIGHT lines; pure apart from the engine it reads. */
function scoreBatch(engine: LinkEngine, message: BatchMessage): BatchResult {
  const errors: string[] = [];
  const rows: ScoredCandidates[] = [];
  message.lines.forEach((line, i) => {
    const lineNo = message.firstLineNo + i;
    const parsed = parsePersonLine(line, lineNo);
    if (parsed === null) return;
    if (!parsed.ok) {
      errors.push(lineErrorText('RIGHT', lineNo, parsed.reason));
      return;
    }
    rows.push(engine.scoreCandidates(personFeatures(parsed.record, engine.cache)));
  });
  return { type: 'result', seq: message.seq, rows, errors };
}

async function prepareEngine(data: LinkWorkerData, onError: (m: string) => void): Promise<{ engine: LinkEngine; params: MatchParameters }> {
  const engine = await indexLeft(data.leftPath, data.top, onError);
  const params = fitParameters(engine, data.sample);
  engine.setParameters(params);
  return { engine, params };
}

async function runWorker(data: LinkWorkerData): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const errors: string[] = [];
  const { engine, params } = await prepareEngine(data, (m) => {
    if (data.reportErrors) errors.push(m);
  });
  port.on('message', (message: BatchMessage | { type: 'end' }) => {
    if (message.type === 'end') {
      port.close();
      return;
    }
    port.postMessage(scoreBatch(engine, message));
  });
  const ready: ReadyMessage = { type: 'ready', leftCount: engine.left.length, errors, params };
  port.postMessage(ready);
}

if (!isMainThread && (workerData as Partial<LinkWorkerData> | null)?.homewardLink === true) {
  void runWorker(workerData as LinkWorkerData);
}

/**
 * Starts this module in a worker thread. Run from TypeScript source (under tsx), `--import tsx` in
 * execArgv does not reach a worker on Node 20, so a tiny bootstrap registers tsx there first.
 */
function spawnSelf(data: LinkWorkerData): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL(import.meta.url), { workerData: data, execArgv: process.execArgv });
  }
  const boot = `const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((m) => { m.register(); return import(workerData.entry); });`;
  return new Worker(boot, {
    eval: true,
    workerData: { ...data, tsxApi: import.meta.resolve('tsx/esm/api'), entry: import.meta.url },
  });
}

/** A batch processor: a worker thread, or the engine in this thread when workers are unavailable. */
interface Lane {
  inFlight: number;
  send(message: BatchMessage): void;
  close(): Promise<void>;
}

async function startWorkerLane(
  data: LinkWorkerData,
  onResult: (result: BatchResult, lane: Lane) => void,
): Promise<{ lane: Lane; ready: ReadyMessage }> {
  const worker = spawnSelf(data);
  return new Promise((resolve, reject) => {
    let started = false;
    const lane: Lane = {
      inFlight: 0,
      send: (message) => {
        lane.inFlight += 1;
        worker.postMessage(message);
      },
      close: async () => {
        worker.postMessage({ type: 'end' });
        await new Promise<void>((done) => worker.once('exit', () => done()));
      },
    };
    worker.on('message', (message: ReadyMessage | BatchResult) => {
      if (message.type === 'ready') {
        started = true;
        resolve({ lane, ready: message });
      } else {
        lane.inFlight -= 1;
        onResult(message, lane);
      }
    });
    worker.once('error', (error) => {
      if (!started) reject(error);
      else process.stderr.write(`homeward link: worker failed: ${error.message}\n`);
    });
  });
}

function inProcessLane(engine: LinkEngine, onResult: (result: BatchResult, lane: Lane) => void): Lane {
  const lane: Lane = {
    inFlight: 0,
    send: (message) => onResult(scoreBatch(engine, message), lane),
    close: async () => undefined,
  };
  return lane;
}

/** Reads the first `count` lines of a file (the sample the parameters are estimated on). */
async function headLines(path: string, count: number): Promise<string[]> {
  const out: string[] = [];
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() !== '') out.push(line);
    if (out.length >= count) break;
  }
  lines.close();
  input.destroy();
  return out;
}

/** Options of one `homeward link` run. */
export interface LinkRunOptions {
  top: number;
  /** Worker threads; 0 links in this thread. Default: one per core, at most 2, 1 for a very large LEFT. */
  workers?: number;
  /**
   * The files are lists of distinct people (default): right records compete for left records, and the
   * share of right records with a match is estimated from the data. False: each right record on its own.
   */
  exclusive?: boolean;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

/** Runs the link: index LEFT, stream RIGHT, write suggestions. Resolves with counts for callers and tests. */
export async function runLink(
  leftPath: string,
  rightPath: string,
  options: LinkRunOptions,
): Promise<{ left: number; right: number; pairs: number }> {
  const out = options.stdout ?? process.stdout;
  const err = options.stderr ?? process.stderr;
  const exclusive = options.exclusive ?? true;
  const started = performance.now();
  const seconds = (): string => ((performance.now() - started) / 1000).toFixed(1);
  const leftBytes = (await stat(leftPath)).size;
  const workers =
    options.workers ?? (leftBytes > LARGE_LEFT_BYTES ? 1 : Math.max(1, Math.min(2, availableParallelism())));

  let params: MatchParameters = DEFAULT_MATCH_PARAMETERS;
  let scorer = new MatchScorer(params);
  const pending = new Map<number, BatchResult>();
  let nextToTake = 0;
  let rightCount = 0;
  let pairCount = 0;
  let lastProgress = performance.now();
  let wake: (() => void) | null = null;
  /** Scored rows of the current chunk, in RIGHT's order. */
  let chunk: ScoredCandidates[] = [];

  const write = (rows: readonly ScoredCandidates[], probabilities: readonly Float64Array[]): void => {
    let text = '';
    rows.forEach((row, i) => {
      for (const s of suggestionsOf(row, probabilities[i] as Float64Array, scorer, options.top)) {
        text += `${JSON.stringify({ left: s.left, right: s.right, score: s.score, band: s.band, why: s.why })}\n`;
        pairCount += 1;
        if (text.length > 1 << 20) {
          out.write(text);
          text = '';
        }
      }
    });
    if (text !== '') out.write(text);
  };
  const finishChunk = (): void => {
    if (chunk.length === 0) return;
    const rows = chunk;
    chunk = [];
    const calibration = estimateMatchRate(rows, params.matchRate);
    const probabilities = competeForLeft(rows, calibration);
    // The match band starts where the probabilities themselves expect the best F1 (about half of it).
    const { threshold, expectedF1 } = expectedF1Threshold(rows, probabilities, calibration);
    scorer = new MatchScorer({ ...params, thresholds: { ...params.thresholds, match: threshold } });
    err.write(
      `homeward link: ${rows.length} right records scored; about ${(calibration.rate * 100).toFixed(0)} % have a match on the left;` +
        ` right records compete for left records; match band from ${threshold.toFixed(2)}` +
        ` (expected F1 ${expectedF1.toFixed(2)}) (${seconds()} s)\n`,
    );
    write(rows, probabilities);
  };
  const take = (): void => {
    for (let r = pending.get(nextToTake); r !== undefined; r = pending.get(nextToTake)) {
      pending.delete(nextToTake);
      nextToTake += 1;
      for (const e of r.errors) err.write(`${e}\n`);
      rightCount += r.rows.length;
      if (!exclusive) write(r.rows, r.rows.map((row) => rowProbabilities(row, { scale: 1, none: scorer.noMatch })));
      else {
        for (const row of r.rows) chunk.push(row);
        if (chunk.length >= CHUNK_RECORDS) finishChunk();
      }
    }
    const now = performance.now();
    if (now - lastProgress > 2000) {
      lastProgress = now;
      err.write(`homeward link: ${rightCount} right records ${exclusive ? 'scored' : `linked, ${pairCount} pairs`}, ${seconds()} s\n`);
    }
  };
  const onResult = (result: BatchResult): void => {
    pending.set(result.seq, result);
    take();
    const w = wake;
    wake = null;
    w?.();
  };

  const sample = await headLines(rightPath, SAMPLE_RECORDS);
  const lanes: Lane[] = [];
  let leftCount = 0;
  const data: LinkWorkerData = { homewardLink: true, leftPath, top: options.top, reportErrors: true, sample };
  if (workers > 0) {
    try {
      const ready = await Promise.all(
        Array.from({ length: workers }, (_, i) => startWorkerLane({ ...data, reportErrors: i === 0 }, onResult)),
      );
      for (const { lane, ready: r } of ready) {
        lanes.push(lane);
        leftCount = r.leftCount;
        params = r.params;
        for (const e of r.errors) err.write(`${e}\n`);
      }
    } catch (error) {
      await Promise.all(lanes.map((l) => l.close()));
      lanes.length = 0;
      err.write(`homeward link: worker threads unavailable (${(error as Error).message}); linking in one thread\n`);
    }
  }
  if (lanes.length === 0) {
    const prepared = await prepareEngine(data, (m) => err.write(`${m}\n`));
    leftCount = prepared.engine.left.length;
    params = prepared.params;
    lanes.push(inProcessLane(prepared.engine, onResult));
  }
  scorer = new MatchScorer(params);
  err.write(
    `homeward link: indexed ${leftCount} left records in ${seconds()} s` +
      ` (${lanes.length} lane${lanes.length > 1 ? 's' : ''}; parameters ${params.version})\n`,
  );

  let seq = 0;
  let lineNo = 0;
  let batch: string[] = [];
  let firstLineNo = 1;
  const dispatch = async (): Promise<void> => {
    if (batch.length === 0) return;
    for (;;) {
      const lane = lanes.reduce((best, l) => (l.inFlight < best.inFlight ? l : best));
      if (lane.inFlight < MAX_IN_FLIGHT) {
        lane.send({ type: 'batch', seq, firstLineNo, lines: batch });
        seq += 1;
        batch = [];
        return;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  };
  const rightLines = createInterface({ input: createReadStream(rightPath, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of rightLines) {
    lineNo += 1;
    if (batch.length === 0) firstLineNo = lineNo;
    batch.push(line);
    if (batch.length >= BATCH_LINES) await dispatch();
  }
  await dispatch();
  while (nextToTake < seq) {
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
  await Promise.all(lanes.map((l) => l.close()));
  finishChunk();
  err.write(`homeward link: done: ${leftCount} left × ${rightCount} right records, ${pairCount} pairs in ${seconds()} s\n`);
  return { left: leftCount, right: rightCount, pairs: pairCount };
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected 0 or a positive whole number');
  return n;
}

/** Adds `homeward link` to the CLI program (the lead wires it into main). */
export function registerLink(program: Command): void {
  program
    .command('link')
    .description('suggest which RIGHT records are LEFT records (homeward.person/1 JSON Lines), best first')
    .argument('<left>', 'registry to search (e.g. children found), JSON Lines')
    .argument('<right>', 'records to look up (e.g. children sought), JSON Lines')
    .option('--top <k>', 'at most K suggestions per right record', positiveInt, 10)
    .option('--workers <n>', 'worker threads (0: link in the main thread)', wholeNumber)
    .option('--no-exclusive', 'link each right record on its own (the files may list one person more than once)')
    .action(async function (
      this: Command,
      left: string,
      right: string,
      opts: { top: number; workers?: number; exclusive: boolean },
    ) {
      for (const [label, path] of [
        ['LEFT', left],
        ['RIGHT', right],
      ] as const) {
        try {
          await access(path, constants.R_OK);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
          this.error(`homeward link: cannot read ${label} file ${path} (${code})`, {
            exitCode: 2,
            code: 'homeward.link.missingFile',
          });
        }
      }
      await runLink(left, right, {
        top: opts.top,
        exclusive: opts.exclusive,
        ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
      });
    });
}
