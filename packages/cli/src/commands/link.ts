import { createReadStream } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { LinkEngine } from '@homeward/domain/matching';
import { parsePersonLine } from '@homeward/domain/person-record';

/**
 * `homeward link LEFT.jsonl RIGHT.jsonl [--top K]`: the matching engine over two JSON Lines files. LEFT is
 * indexed compactly (features and hashed blocking keys only, never the raw records); RIGHT is streamed in
 * batches, spread over worker threads, and results are written in input order as JSON Lines on stdout.
 */

const BATCH_LINES = 500;
const MAX_IN_FLIGHT = 3;
const LARGE_LEFT_BYTES = 400 * 1024 * 1024;

interface LinkWorkerData {
  homewardLink: true;
  leftPath: string;
  top: number;
  reportErrors: boolean;
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
  output: string;
  errors: string[];
  records: number;
  pairs: number;
}

interface ReadyMessage {
  type: 'ready';
  leftCount: number;
  errors: string[];
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

/** Links one batch of RIGHT lines; pure apart from the engine it reads. */
function linkBatch(engine: LinkEngine, message: BatchMessage): BatchResult {
  let output = '';
  const errors: string[] = [];
  let records = 0;
  let pairs = 0;
  message.lines.forEach((line, i) => {
    const lineNo = message.firstLineNo + i;
    const parsed = parsePersonLine(line, lineNo);
    if (parsed === null) return;
    if (!parsed.ok) {
      errors.push(lineErrorText('RIGHT', lineNo, parsed.reason));
      return;
    }
    records += 1;
    for (const s of engine.link(parsed.record)) {
      output += `${JSON.stringify({ left: s.left, right: s.right, score: s.score, band: s.band, why: s.why })}\n`;
      pairs += 1;
    }
  });
  return { type: 'result', seq: message.seq, output, errors, records, pairs };
}

async function runWorker(data: LinkWorkerData): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const errors: string[] = [];
  const engine = await indexLeft(data.leftPath, data.top, (m) => {
    if (data.reportErrors) errors.push(m);
  });
  port.on('message', (message: BatchMessage | { type: 'end' }) => {
    if (message.type === 'end') {
      port.close();
      return;
    }
    port.postMessage(linkBatch(engine, message));
  });
  const ready: ReadyMessage = { type: 'ready', leftCount: engine.left.length, errors };
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
    send: (message) => onResult(linkBatch(engine, message), lane),
    close: async () => undefined,
  };
  return lane;
}

/** Options of one `homeward link` run. */
export interface LinkRunOptions {
  top: number;
  /** Worker threads; 0 links in this thread. Default: one per core, at most 2, 1 for a very large LEFT. */
  workers?: number;
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
  const started = performance.now();
  const leftBytes = (await stat(leftPath)).size;
  const workers =
    options.workers ?? (leftBytes > LARGE_LEFT_BYTES ? 1 : Math.max(1, Math.min(2, availableParallelism())));

  const pending = new Map<number, BatchResult>();
  let nextToWrite = 0;
  let rightCount = 0;
  let pairCount = 0;
  let lastProgress = performance.now();
  let wake: (() => void) | null = null;
  const writeQueue: string[] = [];

  const flush = (): void => {
    for (let r = pending.get(nextToWrite); r !== undefined; r = pending.get(nextToWrite)) {
      pending.delete(nextToWrite);
      nextToWrite += 1;
      for (const e of r.errors) err.write(`${e}\n`);
      if (r.output !== '') writeQueue.push(r.output);
      rightCount += r.records;
      pairCount += r.pairs;
    }
    if (writeQueue.length > 0) {
      out.write(writeQueue.join(''));
      writeQueue.length = 0;
    }
    const now = performance.now();
    if (now - lastProgress > 2000) {
      lastProgress = now;
      const secs = (now - started) / 1000;
      err.write(`homeward link: ${rightCount} right records linked, ${pairCount} pairs, ${secs.toFixed(1)} s\n`);
    }
  };
  const onResult = (result: BatchResult): void => {
    pending.set(result.seq, result);
    flush();
    const w = wake;
    wake = null;
    w?.();
  };

  const lanes: Lane[] = [];
  let leftCount = 0;
  const data: LinkWorkerData = { homewardLink: true, leftPath, top: options.top, reportErrors: true };
  if (workers > 0) {
    try {
      const started = await Promise.all(
        Array.from({ length: workers }, (_, i) => startWorkerLane({ ...data, reportErrors: i === 0 }, onResult)),
      );
      for (const { lane, ready } of started) {
        lanes.push(lane);
        leftCount = ready.leftCount;
        for (const e of ready.errors) err.write(`${e}\n`);
      }
    } catch (error) {
      await Promise.all(lanes.map((l) => l.close()));
      lanes.length = 0;
      err.write(`homeward link: worker threads unavailable (${(error as Error).message}); linking in one thread\n`);
    }
  }
  if (lanes.length === 0) {
    const engine = await indexLeft(leftPath, options.top, (m) => err.write(`${m}\n`));
    leftCount = engine.left.length;
    lanes.push(inProcessLane(engine, onResult));
  }
  err.write(
    `homeward link: indexed ${leftCount} left records in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      ` (${lanes.length} lane${lanes.length > 1 ? 's' : ''})\n`,
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
  while (nextToWrite < seq) {
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
  await Promise.all(lanes.map((l) => l.close()));
  const secs = (performance.now() - started) / 1000;
  err.write(`homeward link: done: ${leftCount} left × ${rightCount} right records, ${pairCount} pairs in ${secs.toFixed(1)} s\n`);
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
    .action(async function (this: Command, left: string, right: string, opts: { top: number; workers?: number }) {
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
      await runLink(left, right, { top: opts.top, ...(opts.workers !== undefined ? { workers: opts.workers } : {}) });
    });
}
