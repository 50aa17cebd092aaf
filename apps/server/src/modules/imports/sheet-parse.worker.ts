import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../lib/errors';
import { readSheetTable, type SheetTable } from './sheet-table';

/** What the sheet parser answers: the table, or a message a person can act on. */
export type SheetParseMessage = { ok: true; table: SheetTable } | { ok: false; message: string; readable: boolean };

interface WorkerInput {
  homewardSheetParse: true;
  bytes: Uint8Array;
  fileName: string;
  maxRows: number;
}

if (!isMainThread && (workerData as Partial<WorkerInput> | null)?.homewardSheetParse === true && parentPort) {
  const port = parentPort;
  const input = workerData as WorkerInput;
  readSheetTable(input.bytes, input.fileName, input.maxRows).then(
    (table) => port.postMessage({ ok: true, table } satisfies SheetParseMessage),
    (err: unknown) =>
      port.postMessage({
        ok: false,
        readable: err instanceof AppError,
        message: err instanceof Error ? err.message : String(err),
      } satisfies SheetParseMessage),
  );
}
