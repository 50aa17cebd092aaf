import { Worker } from 'node:worker_threads';
import { AppError } from '../../lib/errors';
import type { SheetParseMessage } from './sheet-parse.worker';
import type { SheetTable } from './sheet-table';

const WORKER_URL = new URL('./sheet-parse.worker.ts', import.meta.url);

/** A worker may use this much heap: an XLSX is a zip, and a small file can unpack to a great deal of XML. */
const WORKER_HEAP_MB = 768;
const WORKER_TIMEOUT_MS = 120_000;

function spawnParser(workerData: Record<string, unknown>): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, { workerData, execArgv: process.execArgv, resourceLimits });
  // From TypeScript sources (tsx, vitest) a bootstrap registers tsx in the worker first (as person-parse does).
  const boot = `const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((m) => { m.register(); return import(workerData.entry); });`;
  return new Worker(boot, { eval: true, resourceLimits, workerData: { ...workerData, tsxApi: import.meta.resolve('tsx/esm/api'), entry: WORKER_URL.href } });
}

/**
 * Read an uploaded CSV or XLSX file into a table in a worker thread with a bounded heap and time, so a huge
 * or malicious workbook fails with a 400 instead of stalling or exhausting the server.
 */
export function parseSheetFile(bytes: Uint8Array, fileName: string, maxRows: number): Promise<SheetTable> {
  return new Promise((resolve, reject) => {
    const worker = spawnParser({ homewardSheetParse: true, bytes, fileName, maxRows });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const tooBig = () => new AppError('validation_failed', 'The sheet is too large to read at once. Split it into smaller sheets.');
    const timer = setTimeout(() => finish(() => reject(tooBig())), WORKER_TIMEOUT_MS);
    worker.once('message', (m: SheetParseMessage) =>
      finish(() => (m.ok ? resolve(m.table) : reject(m.readable ? new AppError('validation_failed', m.message) : new Error(m.message)))),
    );
    worker.once('error', (err: Error & { code?: string }) => finish(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig() : err)));
    worker.once('exit', (code) => finish(() => reject(code === 0 ? new Error('the sheet parser stopped without an answer') : tooBig())));
  });
}
