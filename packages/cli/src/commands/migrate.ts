import type { Command } from 'commander';
import { migrateToLatest } from '@homeward/server';
import { withDatabase } from '../cli-context';

/** `homeward migrate`: apply pending migrations (the server also does this at start). */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const applied = await withDatabase((database) => migrateToLatest(database.db));
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
    });
}
