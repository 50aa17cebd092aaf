import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../lib/worker-thread';
import { parseSource, type ParseMessage, type ParseSource } from './person-parse.worker';

const WORKER_URL = new URL('./person-parse.worker.ts', import.meta.url);

/** Start the parser worker. */
function spawnParser(source: ParseSource): Worker {
  return startWorker(WORKER_URL, { homewardPersonParse: true, source });
}

/** A queue between a producer callback and an async iterator. */
function channel<T>() {
  const items: T[] = [];
  let waiting: ((v: void) => void) | null = null;
  let ended = false;
  let failure: Error | null = null;
  return {
    push(item: T) {
      items.push(item);
      waiting?.();
    },
    end(err?: Error) {
      ended = true;
      failure = err ?? null;
      waiting?.();
    },
    async *drain(): AsyncGenerator<T> {
      for (;;) {
        const next = items.shift();
        if (next !== undefined) {
          yield next;
          continue;
        }
        if (failure) throw failure;
        if (ended) return;
        await new Promise<void>((resolve) => (waiting = resolve));
        waiting = null;
      }
    },
  };
}

async function* inWorker(source: ParseSource): AsyncGenerator<ParseMessage> {
  const worker = spawnParser(source);
  const queue = channel<ParseMessage>();
  worker.on('message', (m: ParseMessage) => queue.push(m));
  worker.once('error', (err) => queue.end(err));
  worker.once('exit', () => queue.end());
  try {
    for await (const message of queue.drain()) {
      if (message.type === 'error') throw new Error(message.message);
      yield message;
      if (message.type === 'items') worker.postMessage({ type: 'ack' });
      if (message.type === 'done') return;
    }
    throw new Error('the parser stopped before the end of the file');
  } finally {
    await worker.terminate();
  }
}

async function* inProcess(source: ParseSource): AsyncGenerator<ParseMessage> {
  const queue = channel<ParseMessage>();
  const gate: { release: (() => void) | null } = { release: null };
  const pending = parseSource(source, async (m) => {
    queue.push(m);
    // Yield to the event loop between chunks so requests keep being served, and wait for the consumer.
    if (m.type === 'items') await new Promise<void>((resolve) => (gate.release = resolve));
  }).then(
    () => queue.end(),
    (err: unknown) => queue.end(err instanceof Error ? err : new Error(String(err))),
  );
  for await (const message of queue.drain()) {
    yield message;
    await new Promise<void>((resolve) => setImmediate(resolve));
    const release = gate.release;
    gate.release = null;
    release?.();
  }
  await pending;
}

/**
 * The parsed lines of a `homeward.person/1` source, in order, in chunks. Parsed in a worker thread by default;
 * `worker: false` parses in this thread in chunks that yield to the event loop.
 */
export function parsePeople(source: ParseSource, options: { worker?: boolean } = {}): AsyncGenerator<ParseMessage> {
  return options.worker === false ? inProcess(source) : inWorker(source);
}
