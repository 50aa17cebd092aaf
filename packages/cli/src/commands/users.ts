import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { usernameSchema } from '@homeward/domain';
import { SYSTEM_ACTOR } from '@homeward/server';
import { ensureMission } from '@homeward/server/modules/system/bootstrap';
import { passwordProblem } from '@homeward/server/modules/auth/passwords';
import { createUser } from '@homeward/server/modules/users/users.service';
import { CliError, withDatabase } from '../cli-context';

/** Read a password: hidden prompt (twice) on a terminal, else the first line of standard input. */
async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new CliError('No password on standard input.', 2);
  }
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      const out = rl as unknown as { _writeToOutput: (s: string) => void };
      process.stderr.write(q);
      out._writeToOutput = () => {};
      rl.question('', (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
    });
  const first = await ask(prompt);
  const second = await ask('Repeat the password: ');
  if (first !== second) throw new CliError('The two passwords differ.', 2);
  return first;
}

/** `homeward users create-admin`: the first administrator of a deployment (there are no default accounts). */
export function registerUsers(program: Command): void {
  const users = program.command('users').description('manage user accounts');
  users
    .command('create-admin')
    .description('create an administrator; the password is asked for (or read from standard input)')
    .requiredOption('-u, --username <username>', 'the new administrator’s username')
    .option('-n, --display-name <name>', 'name shown in the app', 'Administrator')
    .action(async (opts: { username: string; displayName: string }) => {
      const username = usernameSchema.safeParse(opts.username);
      if (!username.success) throw new CliError(username.error.issues[0]?.message ?? 'Invalid username.', 2);
      const password = await readPassword(`Password for ${username.data} (at least 15 characters): `);
      const problem = passwordProblem(password, username.data);
      if (problem) throw new CliError(problem, 2);
      await withDatabase(async (database, config) => {
        const missionId = await ensureMission(database.db, config);
        await database.db.transaction().execute(async (trx) => {
          const existing = await trx.selectFrom('users').select('id').where('username', '=', username.data).executeTakeFirst();
          if (existing) throw new CliError(`The username "${username.data}" is taken.`, 1);
          await createUser(trx, SYSTEM_ACTOR, { username: username.data, displayName: opts.displayName, password, roles: ['administrator'], missionId }, null);
        });
      });
      process.stdout.write(`Administrator ${username.data} created. They set up a second factor at first sign-in.\n`);
    });
}
