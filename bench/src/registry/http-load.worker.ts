import { parentPort, workerData } from 'node:worker_threads';

/** What the search benchmark asks of its load generator. */
export interface HttpLoad {
  base: string;
  cookie: string;
  urls: string[];
  total: number;
  clients: number;
}

/**
 * The benchmark's clients, in their own thread: `clients` concurrent loops fetching `urls` round-robin until
 * `total` requests are done. Off the server's thread, so that the server's event loop serves requests
 * only, as it would for browsers on other machines.
 */
async function runLoad({ base, cookie, urls, total, clients }: HttpLoad) {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const url = urls[next++ % urls.length]!;
        const t0 = performance.now();
        const res = await fetch(base + url, { headers: { cookie } });
        await res.arrayBuffer();
        if (!res.ok) errors++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

parentPort?.postMessage(await runLoad(workerData as HttpLoad));
