import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@homeward/server';
import { run } from './main';

/** The CLI against an embedded database of its own, exactly as a user would call it. */
let dataDir: string;
const saved = { ...process.env };

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-cli-'));
  delete process.env.DATABASE_URL;
  process.env.HOMEWARD_DATA_DIR = dataDir;
  process.env.LOG_LEVEL = 'silent';
});
afterAll(() => {
  process.env = saved;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function cli(args: string[], stdin?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  const input = vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([stdin ?? '']) as unknown as typeof process.stdin);
  try {
    const code = await run(['node', 'homeward', ...args]);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
    input.mockRestore();
  }
}

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

    const handle = await openDatabase({ kind: 'pglite', dataDir });
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
