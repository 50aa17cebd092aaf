import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { screenBlock, type FloorAllele, type FrequencyDatabase, type PreparedScreening, type ScreeningBlock } from '@homeward/domain/kinship';
import { startWorker } from '../../lib/worker-thread';
import type { ScreenWorkerInput, ScreenWorkerMessage } from './screen.worker';

/**
 * Runs a prepared screen as blocks of families: across worker threads when the matrix is large, in this
 * thread otherwise (or when workers cannot start), in slices that yield to the event loop so a server keeps
 * answering. Either way the blocks are merged into one children × families matrix for the summary.
 */

const WORKER_URL = new URL('./screen.worker.ts', import.meta.url);

/** Below this many child × family cells a worker costs more to start than it saves. */
export const WORKER_THRESHOLD_CELLS = 200_000;
/** Families per in-thread slice: small enough to keep the event loop responsive. */
const SLICE_FAMILIES = 50;

/** How to run a screen; `workers` 0 or 1 keeps it in this thread. */
export interface ScreenRunOptions {
  workers?: number;
  minCellsForWorkers?: number;
  /** Families done across all blocks, and the total; awaited between in-thread slices. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
  /** Told once why the run stayed in this thread although workers were asked for. */
  onFallback?: (reason: string) => void;
}

/** The merged matrix and how many worker threads computed it (0: this thread). */
export interface ScreenRun {
  block: ScreeningBlock;
  workers: number;
}

/** Start a screening worker. */
function spawnWorker(data: ScreenWorkerInput): Worker {
  return startWorker(WORKER_URL, data);
}

/** Families [start, end) split into `parts` nearly equal ranges. */
export function familyRanges(families: number, parts: number): [number, number][] {
  const ranges: [number, number][] = [];
  const size = Math.ceil(families / parts);
  for (let start = 0; start < families; start += size) ranges.push([start, Math.min(families, start + size)]);
  return ranges;
}

/** The alleles of a screen that the database lacks and that got its floor frequency (results say which). */
export function flooredAlleles(prepared: PreparedScreening, database: FrequencyDatabase): FloorAllele[] {
  return prepared.markers.flatMap((marker, m) => {
    const listed = database.markers.get(marker);
    return (prepared.systems[m]?.alleles ?? []).filter((a) => !listed?.has(a)).map((allele) => ({ marker, allele, frequency: database.floor }));
  });
}

/** Joins column blocks (each covering every child) into one matrix over all families. */
export function mergeFamilyBlocks(prepared: PreparedScreening, blocks: readonly ScreeningBlock[]): ScreeningBlock {
  const rows = prepared.children.length;
  const width = prepared.families.length;
  const log10Lr = new Float64Array(rows * width);
  const position = new Int32Array(rows * width);
  for (const b of blocks) {
    const w = b.familyEnd - b.familyStart;
    for (let r = 0; r < rows; r++) {
      log10Lr.set(b.log10Lr.subarray(r * w, (r + 1) * w), r * width + b.familyStart);
      position.set(b.position.subarray(r * w, (r + 1) * w), r * width + b.familyStart);
    }
  }
  return { childStart: 0, childEnd: rows, familyStart: 0, familyEnd: width, log10Lr, position };
}

async function inThisThread(prepared: PreparedScreening, options: ScreenRunOptions): Promise<ScreeningBlock> {
  const total = prepared.families.length;
  const blocks: ScreeningBlock[] = [];
  for (const [familyStart, familyEnd] of familyRanges(total, Math.max(1, Math.ceil(total / SLICE_FAMILIES)))) {
    blocks.push(screenBlock(prepared, { familyStart, familyEnd }));
    await options.onProgress?.(familyEnd, total);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return mergeFamilyBlocks(prepared, blocks);
}

function runWorker(data: ScreenWorkerInput, onDone: (done: number) => void): Promise<ScreeningBlock> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = spawnWorker(data);
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.on('message', (m: ScreenWorkerMessage) => {
      if (m.type === 'progress') onDone(m.done);
      else if (m.type === 'block') finish(() => resolve(m.block));
      else finish(() => reject(new Error(m.message)));
    });
    worker.once('error', (err) => finish(() => reject(err)));
    worker.once('exit', (code) => finish(() => reject(new Error(`screening worker exited with code ${code}`))));
  });
}

/** Computes the whole LR matrix of a prepared screen, splitting it across worker threads when large. */
export async function runScreen(prepared: PreparedScreening, options: ScreenRunOptions = {}): Promise<ScreenRun> {
  const families = prepared.families.length;
  const cells = prepared.children.length * families;
  const wanted = Math.min(options.workers ?? Math.max(1, Math.min(2, availableParallelism())), families);
  if (wanted < 2 || cells < (options.minCellsForWorkers ?? WORKER_THRESHOLD_CELLS)) {
    return { block: await inThisThread(prepared, options), workers: 0 };
  }
  const ranges = familyRanges(families, wanted);
  const done = ranges.map(() => 0);
  let reported = Promise.resolve();
  try {
    const blocks = await Promise.all(
      ranges.map(([familyStart, familyEnd], i) =>
        // Each worker gets only its own families (less to clone); its block is shifted back into place.
        runWorker({ homewardKinshipScreen: true, prepared: { ...prepared, families: prepared.families.slice(familyStart, familyEnd) }, familyStart: 0, familyEnd: familyEnd - familyStart }, (n) => {
          done[i] = n;
          const sum = done.reduce((a, b) => a + b, 0);
          reported = reported.then(() => options.onProgress?.(sum, families)).catch(() => undefined);
        }).then((block) => ({ ...block, familyStart, familyEnd })),
      ),
    );
    await reported;
    return { block: mergeFamilyBlocks(prepared, blocks), workers: ranges.length };
  } catch (err) {
    options.onFallback?.(err instanceof Error ? err.message : String(err));
    return { block: await inThisThread(prepared, options), workers: 0 };
  }
}
