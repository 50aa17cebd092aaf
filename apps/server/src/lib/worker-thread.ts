import { Worker } from 'node:worker_threads';

/**
 * Start a worker thread on a module given by URL. From built JavaScript it is a plain Worker. From
 * TypeScript sources (tsx, vitest, the benchmarks) `--import tsx` in execArgv does not reach a worker on
 * Node 20, so a tiny bootstrap registers tsx in the worker before importing the module.
 */
export function startWorker(url: URL, workerData: object): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData, execArgv: process.execArgv });
  const boot = `const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((m) => { m.register(); return import(workerData.entry); });`;
  return new Worker(boot, { eval: true, workerData: { ...workerData, tsxApi: import.meta.resolve('tsx/esm/api'), entry: url.href } });
}
