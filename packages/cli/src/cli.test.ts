import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runCli, useCliEnvironment } from './cli.test-support';
import { openDatabase } from '@homeward/server';

/** The CLI against an embedded database of its own, exactly as a user would call it. */
const env = useCliEnvironment('homeward-cli-');
const cli = runCli;

describe('homeward CLI', () => {
  it('creates the first administrator, refusing a weak password with exit code 2', async () => {
    const weak = await cli(['users', 'create-admin', '-u', 'first.admin'], 'too-short\n');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/^homeward: A password has at least 15 characters/);
    const ok = await cli(['users', 'create-admin', '-u', 'first.admin'], 'a-sound-admin-passphrase\n');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Administrator first.admin created/);
    const again = await cli(['users', 'create-admin', '-u', 'first.admin'], 'a-sound-admin-passphrase\n');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/taken/);
  });

  it('verifies the audit chain and names the first broken entry after tampering', async () => {
    await cli(['users', 'create-admin', '-u', 'second.admin'], 'another-sound-passphrase\n');
    const intact = await cli(['audit', 'verify']);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/intact: \d+ entries/);

    const handle = await openDatabase({ kind: 'pglite', dataDir: env.dataDir });
    await handle.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await sql`UPDATE audit_log SET action = 'user.read' WHERE seq = (SELECT min(seq) FROM audit_log)`.execute(trx);
    });
    const first = await handle.db.selectFrom('audit_log').select('seq').orderBy('seq').executeTakeFirstOrThrow();
    await handle.close();

    const broken = await cli(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`audit chain broken at entry ${first.seq}`);
  });

  it('answers an unknown command with help and a non-zero exit', async () => {
    const res = await cli(['frobnicate']);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/unknown command/);
  });
});
