import { Command, CommanderError } from 'commander';
import { CliError } from './cli-context';
import { registerAudit } from './commands/audit';
import { registerDemoData } from './commands/demo-data';
import { registerImportExport } from './commands/import-export';
import { registerKinship } from './commands/kinship';
import { registerLink } from './commands/link';
import { registerMigrate } from './commands/migrate';
import { registerUsers } from './commands/users';

/** Build the `homeward` program; each command lives in its own module under commands/. */
export function buildProgram(): Command {
  const program = new Command('homeward')
    .description('Homeward — case management for bringing nationals home. Uses the same configuration as the server (DATABASE_URL, HOMEWARD_DATA_DIR).')
    .exitOverride()
    .showHelpAfterError();
  registerUsers(program);
  registerAudit(program);
  registerMigrate(program);
  registerLink(program);
  registerImportExport(program);
  registerDemoData(program);
  registerKinship(program);
  return program;
}

/** Run with argv; returns the exit code. Errors are one line on stderr, never a stack trace. */
export async function run(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof CliError) {
      process.stderr.write(`homeward: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`homeward: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
