import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, vi } from 'vitest';
import { run } from './main';

/**
 * For one test file: a temporary directory whose `data/` holds an embedded database of its own, set as the
 * CLI's environment (and the environment restored afterwards).
 */
export function useCliEnvironment(prefix: string): { readonly dir: string; readonly dataDir: string } {
  const saved = { ...process.env };
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    delete process.env.DATABASE_URL;
    process.env.HOMEWARD_DATA_DIR = path.join(dir, 'data');
    process.env.LOG_LEVEL = 'silent';
  });
  afterAll(() => {
    process.env = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    get dataDir() {
      return path.join(dir, 'data');
    },
  };
}

/** Run `homeward ARGS` in process as a user would, with `stdin` as standard input; returns what it printed. */
export async function runCli(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  const input = vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([stdin]) as unknown as typeof process.stdin);
  try {
    const code = await run(['node', 'homeward', ...args]);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
    input.mockRestore();
  }
}
