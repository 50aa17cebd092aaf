import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function waitHealthy(url: string, deadlineMs: number): Promise<unknown> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return res.json();
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not healthy within ${deadlineMs} ms`);
}

/** Time from `npm start`'s process launch to a healthy answer, on a fresh and on an existing data directory. */
async function timeStart(dataDir: string, port: number) {
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, HOMEWARD_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    const health = await waitHealthy(`http://localhost:${port}`, 120_000);
    const ms = performance.now() - started;
    return { ms, health };
  } finally {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) console.log(`  warning: server exited with code ${code} on SIGTERM`);
  }
}

/** Prints: start time to healthy on the embedded database (first start with demo seeding, and a restart). */
export async function runPlatformBench(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  try {
    const first = await timeStart(dataDir, port);
    console.log(`startup, first (embedded, migrations + demo seed): ${(first.ms / 1000).toFixed(2)} s to healthy ${JSON.stringify(first.health)}`);
    const second = await timeStart(dataDir, port);
    console.log(`startup, restart (embedded): ${(second.ms / 1000).toFixed(2)} s to healthy`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
