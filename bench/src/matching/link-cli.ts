import { Command } from 'commander';
import { registerLink } from '../../../packages/cli/src/commands/link';

/**
 * Runs `homeward link` before the lead wires it into the CLI's main (the benchmark spawns this):
 * `node --import tsx bench/src/matching/link-cli.ts link LEFT RIGHT [--top K]`. Reports peak RSS and CPU time (all threads) on stderr.
 */
const program = new Command('homeward');
program.exitOverride((error) => {
  process.exit(error.exitCode);
});
registerLink(program);
await program.parseAsync(process.argv);
const usage = process.resourceUsage();
process.stderr.write(`peak-rss-kb: ${usage.maxRSS}\ncpu-us: ${usage.userCPUTime + usage.systemCPUTime}\n`);
