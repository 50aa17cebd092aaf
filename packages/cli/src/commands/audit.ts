import type { Command } from 'commander';
import { verifyAuditChain } from '@homeward/server';
import { CliError, withDatabase } from '../cli-context';

/** `homeward audit verify`: recompute the hash chain; exit 1 naming the first broken entry. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('recompute the audit trail’s hash chain and name the first broken entry')
    .action(async () => {
      const result = await withDatabase((database) => verifyAuditChain(database.db));
      if (!result.ok && result.firstBroken) {
        throw new CliError(`audit chain broken at entry ${result.firstBroken.seq}: ${result.firstBroken.reason} (${result.checked} entries before it are intact)`, 1);
      }
      process.stdout.write(`audit chain intact: ${result.checked} entries verified\n`);
    });
}
