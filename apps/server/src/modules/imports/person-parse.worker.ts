import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parsePersonLine } from '@homeward/domain/person-record';
import { importItemOf, type ImportItem } from './person-import.mapping';

/**
 * The CPU half of an import, run in a worker thread: split, parse and validate each line, detect scripts and
 * compute search text. The database half stays on the main thread (PGlite is single-process).
 */

/** Where the lines come from: a request body already in memory, or a file streamed line by line. */
export type ParseSource = { content: string } | { path: string };

/** Messages from the parser to the import loop. */
export type ParseMessage =
  | { type: 'total'; total: number }
  | { type: 'items'; items: ImportItem[]; lines: number }
  | { type: 'done'; lines: number }
  | { type: 'error'; message: string };

/** Lines per message: large enough to amortise messaging, small enough for steady progress. */
export const CHUNK_LINES = 500;

/** Count the lines of a body (the progress bar's total, in the same unit as the progress: lines read). */
export function countLines(content: string): number {
  let n = 0;
  for (const _line of linesOf(content)) n++;
  return n;
}

function* linesOf(content: string): Generator<string> {
  let start = 0;
  while (start < content.length) {
    let end = content.indexOf('\n', start);
    if (end === -1) end = content.length;
    yield content.slice(start, end).replace(/\r$/, '');
    start = end + 1;
  }
}

async function* sourceLines(source: ParseSource): AsyncGenerator<string> {
  if ('content' in source) {
    yield* linesOf(source.content);
    return;
  }
  const rl = createInterface({ input: createReadStream(source.path, { encoding: 'utf8' }), crlfDelay: Infinity });
  yield* rl;
}

/** Parse a source into messages; `send` may wait (back-pressure) before the next chunk is produced. */
export async function parseSource(source: ParseSource, send: (message: ParseMessage) => Promise<void> | void): Promise<void> {
  if ('content' in source) await send({ type: 'total', total: countLines(source.content) });
  let lineNo = 0;
  let items: ImportItem[] = [];
  for await (const line of sourceLines(source)) {
    lineNo++;
    const item = importItemOf(parsePersonLine(line, lineNo));
    if (item) items.push(item);
    if (lineNo % CHUNK_LINES === 0) {
      await send({ type: 'items', items, lines: lineNo });
      items = [];
    }
  }
  if (items.length > 0 || lineNo % CHUNK_LINES !== 0) await send({ type: 'items', items, lines: lineNo });
  await send({ type: 'done', lines: lineNo });
}

interface WorkerInput {
  homewardPersonParse: true;
  source: ParseSource;
}

/** Chunks sent but not yet acknowledged by the import loop: the worker pauses beyond this. */
const MAX_UNACKED = 4;

if (!isMainThread && (workerData as Partial<WorkerInput> | null)?.homewardPersonParse === true && parentPort) {
  const port = parentPort;
  let unacked = 0;
  let wake: (() => void) | null = null;
  port.on('message', (m: { type: 'ack' }) => {
    if (m.type !== 'ack') return;
    unacked--;
    wake?.();
  });
  const send = async (message: ParseMessage) => {
    port.postMessage(message);
    if (message.type !== 'items') return;
    unacked++;
    while (unacked >= MAX_UNACKED) await new Promise<void>((resolve) => (wake = resolve));
  };
  parseSource((workerData as WorkerInput).source, send).then(
    () => port.close(),
    (err: unknown) => {
      port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies ParseMessage);
      port.close();
    },
  );
}
