import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { screenBlock, type PreparedScreening, type ScreeningBlock } from '@homeward/domain/kinship';

/**
 * One worker's share of a screen: the LR block of every child × a range of families. The prepared tables
 * arrive as plain data (structured clone); the block goes back with its buffers transferred, not copied.
 */

/** What the main thread sends a screening worker. */
export interface ScreenWorkerInput {
  homewardKinshipScreen: true;
  prepared: PreparedScreening;
  familyStart: number;
  familyEnd: number;
}

/** Messages from a screening worker: families done so far, then the block. */
export type ScreenWorkerMessage = { type: 'progress'; done: number } | { type: 'block'; block: ScreeningBlock } | { type: 'error'; message: string };

/** Families between progress messages: enough to keep messaging negligible next to the work. */
const PROGRESS_EVERY = 25;

if (!isMainThread && (workerData as Partial<ScreenWorkerInput> | null)?.homewardKinshipScreen === true && parentPort) {
  const port = parentPort;
  const input = workerData as ScreenWorkerInput;
  try {
    const block = screenBlock(input.prepared, {
      familyStart: input.familyStart,
      familyEnd: input.familyEnd,
      onProgress: (done, total) => {
        if (done % PROGRESS_EVERY === 0 || done === total) port.postMessage({ type: 'progress', done } satisfies ScreenWorkerMessage);
      },
    });
    port.postMessage({ type: 'block', block } satisfies ScreenWorkerMessage, [block.log10Lr.buffer as ArrayBuffer, block.position.buffer as ArrayBuffer]);
  } catch (err) {
    port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies ScreenWorkerMessage);
  }
}
