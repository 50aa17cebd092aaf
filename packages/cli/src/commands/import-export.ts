import { createWriteStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '@homeward/server';
import { exportPeople } from '@homeward/server/modules/imports/person-export.service';
import { importPeople } from '@homeward/server/modules/imports/person-import.service';
import { parsePeople } from '@homeward/server/modules/imports/person-parse';
import { ensureMission } from '@homeward/server/modules/system/bootstrap';
import { CliError, withDatabase } from '../cli-context';

/** Progress on stderr: rewritten in place on a terminal, a line every so often otherwise (logs, CI). */
function progressPrinter(label: string) {
  let last = 0;
  return (done: number) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${label}: ${done} lines read`);
    else if (done - last >= 50_000) {
      process.stderr.write(`${label}: ${done} lines read\n`);
      last = done;
    }
  };
}

async function importFile(file: string, source: string | undefined): Promise<void> {
  try {
    await access(file, constants.R_OK);
  } catch {
    throw new CliError(`cannot read ${file}: no such file, or not readable`, 2);
  }
  const sourceSystem = source ?? path.basename(file).replace(/\.[^.]*$/, '');
  const result = await withDatabase(async (database, config) => {
    const missionId = await ensureMission(database.db, config);
    const progress = progressPrinter(`importing ${path.basename(file)}`);
    return importPeople(
      database.db,
      { missionId, teamId: null, sourceSystem, recordedBy: null, audit: SYSTEM_ACTOR, requestId: null },
      parsePeople({ path: file }),
      {
        onRejected: (p) => process.stderr.write(`line ${p.line}: ${p.reason}\n`),
        onProgress: (done) => progress(done),
      },
    );
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  process.stdout.write(
    `imported ${file} as source "${sourceSystem}": ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.rejectedTotal} rejected\n`,
  );
}

async function exportTo(out: string | undefined, source: string | undefined): Promise<void> {
  const count = await withDatabase(async (database, config) => {
    const missionId = await ensureMission(database.db, config);
    const sink = out ? createWriteStream(out, { encoding: 'utf8' }) : process.stdout;
    let records = 0;
    const lines = exportPeople(database.db, {
      filter: (eb) => eb('people.mission_id', '=', missionId),
      readable: ['identity', 'notes'],
      sourceSystem: source ?? null,
      audit: SYSTEM_ACTOR,
      requestId: null,
    });
    for await (const chunk of lines) {
      records += chunk.split('\n').length - 1;
      if (!sink.write(chunk)) await new Promise<void>((resolve) => sink.once('drain', () => resolve()));
    }
    if (out) await new Promise<void>((resolve, reject) => (sink as ReturnType<typeof createWriteStream>).end((err?: Error | null) => (err ? reject(err) : resolve())));
    return records;
  });
  process.stderr.write(`exported ${count} people${out ? ` to ${out}` : ''}\n`);
}

/**
 * `homeward import people FILE [--source NAME]` and `homeward export people [--out FILE] [--source NAME]`:
 * the same import and export code as the server, acting as the system actor (audited as such). The import
 * streams the file, so files far beyond the API's 5 MB body limit load in constant memory.
 */
export function registerImportExport(program: Command): void {
  program
    .command('import')
    .description('import records into the registry')
    .command('people')
    .description('import people from a homeward.person/1 JSON Lines file; bad lines are reported and skipped')
    .argument('<file>', 'the JSON Lines file')
    .option('-s, --source <name>', 'the source system the ids belong to (default: the file name)')
    .action((file: string, opts: { source?: string }) => importFile(file, opts.source));
  program
    .command('export')
    .description('export records from the registry')
    .command('people')
    .description('export the mission’s people as homeward.person/1 JSON Lines (standard output by default)')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .option('-s, --source <name>', 'only the people of this source system')
    .action((opts: { out?: string; source?: string }) => exportTo(opts.out, opts.source));
}
