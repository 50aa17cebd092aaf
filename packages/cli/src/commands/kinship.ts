import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { referenceFamilyInputSchema } from '@homeward/domain';
import {
  answerKinshipQuestion,
  KinshipInputError,
  parseFrequencyCsv,
  parseFrequencyList,
  parseProfilesJson,
  prepareScreening,
  summariseScreening,
  type FrequencyDatabase,
  type ReferenceFamily,
} from '@homeward/domain/kinship';
import { SYSTEM_ACTOR } from '@homeward/server';
import { AppError } from '@homeward/server/lib/errors';
import { inTransaction } from '@homeward/server/lib/transaction';
import { describeFrequencyErrors, ensureSyntheticFrequencies, importFrequencies, loadFrequencies } from '@homeward/server/modules/kinship/frequencies.service';
import { describeProfileErrors } from '@homeward/server/modules/kinship/profiles.service';
import { flooredAlleles, runScreen } from '@homeward/server/modules/kinship/screen-workers';
import { CliError, withDatabase } from '../cli-context';

/**
 * `homeward kinship lr QUESTION.json`, `homeward kinship screen CHILDREN FAMILIES` and
 * `homeward kinship import-frequencies FILE --name N`: the pure engine over files (formats/kinship.md),
 * with frequencies from a file or from a database loaded into the configured Homeward database.
 */

async function readText(file: string, label: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${label} ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`, 2);
  }
}

async function readJson(file: string, label: string): Promise<unknown> {
  const text = await readText(file, label);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${label} ${file} is not JSON: ${(error as Error).message}`, 2);
  }
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Parses a frequency file: CSV `marker,allele,frequency` when it looks like CSV, else the list format. */
export function parseFrequencyFile(text: string, name: string): FrequencyDatabase {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const parsed = firstLine.includes(',') ? parseFrequencyCsv(text, { name }) : parseFrequencyList(text, { name });
  if (!parsed.ok) throw new CliError(`frequency file ${name}: ${describeFrequencyErrors(parsed.errors)}`, 2);
  return parsed.database;
}

/**
 * The database a question names: a file (as given, or beside the question file), else a database loaded in
 * the configured Homeward database (the synthetic one exists from the first start).
 */
async function resolveFrequencies(reference: string | undefined, besideFile: string | null): Promise<{ database: FrequencyDatabase; synthetic: boolean }> {
  const candidates = reference === undefined ? [] : [reference, ...(besideFile ? [path.resolve(path.dirname(besideFile), reference)] : [])];
  for (const candidate of candidates) {
    if (await isFile(candidate)) return { database: parseFrequencyFile(await readText(candidate, 'frequency file'), path.basename(candidate)), synthetic: false };
  }
  return withDatabase(async (database) => {
    await ensureSyntheticFrequencies(database.db);
    try {
      const loaded = await loadFrequencies(database.db, reference ?? null);
      return { database: loaded.database, synthetic: loaded.used.synthetic };
    } catch (error) {
      if (error instanceof AppError) throw new CliError(`${error.message} (not a file either)`, 2);
      throw error;
    }
  });
}

function warnSynthetic(synthetic: boolean): void {
  if (synthetic) process.stderr.write('homeward kinship: frequencies from the synthetic database — not for casework\n');
}

async function lr(questionFile: string): Promise<void> {
  const question = await readJson(questionFile, 'question');
  const reference = typeof question === 'object' && question !== null && 'frequencies' in question ? question.frequencies : undefined;
  if (typeof reference !== 'string' || reference.trim() === '') throw new CliError(`question ${questionFile}: "frequencies" must name a database or a file`, 2);
  const { database, synthetic } = await resolveFrequencies(reference, questionFile);
  warnSynthetic(synthetic);
  try {
    process.stdout.write(`${JSON.stringify(answerKinshipQuestion(question, { database }), null, 2)}\n`);
  } catch (error) {
    if (error instanceof KinshipInputError) throw new CliError(`question ${questionFile}: ${error.message}`, 2);
    throw error;
  }
}

function familiesOf(json: unknown, file: string): ReferenceFamily[] {
  const list = typeof json === 'object' && json !== null && !Array.isArray(json) && 'families' in json ? json.families : json;
  if (!Array.isArray(list) || list.length === 0) throw new CliError(`families ${file}: expected a list of families [{ id, pedigree, profiles, missing }]`, 2);
  return list.map((item: unknown, index) => {
    const family = referenceFamilyInputSchema.safeParse(item);
    if (!family.success) {
      const issue = family.error.issues[0];
      throw new CliError(`families ${file}, family ${index + 1}: ${issue ? `${issue.path.join('.') || '(top)'}: ${issue.message}` : 'invalid'}`, 2);
    }
    const raw = typeof item === 'object' && item !== null && 'profiles' in item ? item.profiles : undefined;
    const profiles = parseProfilesJson(raw ?? []);
    if (!profiles.ok) throw new CliError(`families ${file}, family ${family.data.id}: ${describeProfileErrors(profiles.errors)}`, 2);
    return { ...family.data, profiles: profiles.profiles };
  });
}

interface ScreenOptions {
  frequencies?: string;
  theta: number;
  threshold: number;
  top: number;
  workers?: number;
}

async function screen(childrenFile: string, familiesFile: string, options: ScreenOptions): Promise<void> {
  const children = parseProfilesJson(await readJson(childrenFile, 'children'));
  if (!children.ok) throw new CliError(`children ${childrenFile}: ${describeProfileErrors(children.errors)}`, 2);
  const families = familiesOf(await readJson(familiesFile, 'families'), familiesFile);
  const { database, synthetic } = await resolveFrequencies(options.frequencies, null);
  warnSynthetic(synthetic);
  const started = performance.now();
  let prepared;
  try {
    prepared = prepareScreening({ children: children.profiles, families, database, theta: options.theta });
  } catch (error) {
    if (error instanceof KinshipInputError) throw new CliError(`screen: ${error.message}`, 2);
    throw error;
  }
  let lastReport = 0;
  const run = await runScreen(prepared, {
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    onProgress: (done, total) => {
      const now = performance.now();
      if (done === total || now - lastReport > 1000) {
        lastReport = now;
        process.stderr.write(`homeward kinship screen: ${done}/${total} families\n`);
      }
    },
    onFallback: (reason) => process.stderr.write(`homeward kinship screen: worker threads unavailable (${reason}); screening in one thread\n`),
  });
  const summary = summariseScreening(prepared, run.block, { threshold: options.threshold, top: options.top });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `homeward kinship screen: ${prepared.children.length} children × ${prepared.families.length} families, ${summary.undisputed.length} undisputed, ${seconds.toFixed(1)} s (${run.workers || 'no'} worker threads)\n`,
  );
  const out = { children: prepared.children.length, families: prepared.families.length, markers: prepared.markers, floorAlleles: flooredAlleles(prepared, database), ...summary, workers: run.workers, seconds: Math.round(seconds * 100) / 100 };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

interface ImportOptions {
  name: string;
  default?: boolean;
  population?: string;
  sourceNote?: string;
  format?: 'list' | 'csv';
  sampleSize?: number;
}

async function importFrequencyFile(file: string, options: ImportOptions): Promise<void> {
  const content = await readText(file, 'frequency file');
  const format = options.format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'list');
  const view = await withDatabase(async (database) => {
    await ensureSyntheticFrequencies(database.db);
    try {
      return await inTransaction(database.db, (trx) =>
        importFrequencies(
          trx,
          SYSTEM_ACTOR,
          {
            name: options.name,
            format,
            content,
            population: options.population ?? options.name,
            sourceNote: options.sourceNote ?? `imported from ${path.basename(file)} with the command line`,
            isDefault: options.default ?? false,
            ...(options.sampleSize !== undefined ? { sampleSize: options.sampleSize } : {}),
          },
          null,
        ),
      );
    } catch (error) {
      if (error instanceof AppError) throw new CliError(error.message, 2);
      throw error;
    }
  });
  process.stdout.write(`imported frequency database ${view.name}: ${view.markers} markers, floor ${view.floor}${view.isDefault ? ' (default)' : ''}\n`);
}

function numberIn(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max) throw new InvalidArgumentError(`expected a number from ${min} to ${max}`);
    return n;
  };
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected 0 or a positive whole number');
  return n;
}

const DB_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/** Adds `homeward kinship …` to the CLI program. */
export function registerKinship(program: Command): void {
  const kinship = program.command('kinship').description('DNA kinship: likelihood ratios, screening, frequency databases (formats/kinship.md)');
  kinship
    .command('lr')
    .description('answer a kinship question (homeward.kinship/1) and print the answer as JSON')
    .argument('<question>', 'QUESTION.json; "frequencies" is a file (list format or CSV) or a loaded database name')
    .action(async (file: string) => lr(file));
  kinship
    .command('screen')
    .description('screen children against reference families; prints the summary JSON, progress on stderr')
    .argument('<children>', 'JSON profiles of the children')
    .argument('<families>', 'JSON reference families: [{ id, pedigree, profiles, missing }]')
    .option('--frequencies <file-or-name>', 'a frequency file, or a database loaded in Homeward (default: the default database)')
    .option('--theta <θ>', 'subpopulation correction', numberIn(0, 0.99), 0)
    .option('--threshold <lr>', 'LR for an identification', numberIn(1, Number.MAX_VALUE), 10_000)
    .option('--top <k>', 'candidates kept per child and per family', numberIn(1, 50), 5)
    .option('--workers <n>', 'worker threads (0 or 1: this thread)', wholeNumber)
    .action(async (children: string, families: string, options: ScreenOptions) => screen(children, families, options));
  kinship
    .command('import-frequencies')
    .description('load an allele frequency database (list format or CSV marker,allele,frequency) into Homeward')
    .argument('<file>', 'the database file')
    .requiredOption('--name <name>', 'a short lower-case name such as west-asia', (v: string) => {
      if (!DB_NAME.test(v)) throw new InvalidArgumentError('use a short lower-case name such as west-asia');
      return v;
    })
    .option('--default', 'make it the default database')
    .option('--population <text>', 'the population it describes')
    .option('--source-note <text>', 'where it comes from and under which licence')
    .option('--format <format>', 'list or csv (default: by the file extension)', (v: string) => {
      if (v !== 'list' && v !== 'csv') throw new InvalidArgumentError('expected list or csv');
      return v;
    })
    .option('--sample-size <n>', 'the study size N (sets the floor to 5/2N)', wholeNumber)
    .action(async (file: string, options: ImportOptions) => importFrequencyFile(file, options));
}
