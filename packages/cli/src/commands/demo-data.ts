import { InvalidArgumentError, type Command } from 'commander';
import { AppError } from '@homeward/server/lib/errors';
import { peopleForSize } from '@homeward/server/modules/demo/demo-data.generator';
import { batchTransactions, loadDemoData } from '@homeward/server/modules/demo/demo-data.loader';
import { ensureMission } from '@homeward/server/modules/system/bootstrap';
import { CliError, withDatabase } from '../cli-context';

const seedOf = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 31) throw new InvalidArgumentError('a whole number');
  return n;
};

/**
 * `homeward demo-data --seed N --size S`: a synthetic scenario (an embassy in Baghdad, shelters, camps, a
 * women's prison, hospitals, families, orphans, cases and tasks), the same for the same seed. S is small
 * (~150 people), medium (10,000), large (1,000,000) or a number of people. Synthetic names only.
 */
export function registerDemoData(program: Command): void {
  program
    .command('demo-data')
    .description('generate a synthetic, realistic scenario of people, places, cases and tasks (synthetic names only)')
    .option('--seed <n>', 'random seed: the same seed gives the same people', seedOf, 1)
    .option('--size <size>', 'small | medium | large, or a number of people', 'small')
    .action(async (opts: { seed: number; size: string }) => {
      let people: number;
      try {
        people = peopleForSize(opts.size);
      } catch (err) {
        throw new CliError(err instanceof Error ? err.message : String(err), 2);
      }
      const started = performance.now();
      const result = await withDatabase(async (database, config) => {
        const missionId = await ensureMission(database.db, config);
        let last = 0;
        return loadDemoData(batchTransactions(database.db), { seed: opts.seed, people, missionId }, (done) => {
          if (done - last >= 20_000 || done === people) {
            process.stderr.write(`demo-data: ${done} of ${people} people\n`);
            last = done;
          }
        });
      }).catch((err: unknown) => {
        if (err instanceof AppError) throw new CliError(err.message, 1);
        throw err;
      });
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(
        `demo data loaded (source "${result.sourceSystem}"): ${result.people} people in ${result.families} families, ${result.cases} cases, ${result.openTasks} open tasks, ${result.places} places in ${seconds.toFixed(1)} s\n`,
      );
    });
}
