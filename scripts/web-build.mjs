// Builds the web app when its output is missing or older than its sources (shared by start and the e2e tests).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/postcss.config.cjs',
  'apps/web/package.json',
  'apps/web/public',
  'packages/domain/src',
];

function newest(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(full).map((name) => newest(path.join(p, name))));
}

/** True when apps/web/dist is missing or older than any source it is built from. */
export function webBuildIsStale() {
  const index = path.join(root, 'apps/web/dist/index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return SOURCES.some((s) => newest(s) > built);
}

/** Build the web app if needed; throws when the build fails. */
export function ensureWebBuilt({ quiet = false } = {}) {
  if (!webBuildIsStale()) return false;
  if (!quiet) process.stdout.write('Building the web app (first start, or sources changed)…\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // A test runner sets NODE_ENV=test, which would make Vite bundle React's development build.
  const result = spawnSync(npm, ['run', 'build', '-w', '@homeward/web'], {
    cwd: root,
    stdio: quiet ? 'pipe' : 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    throw new Error(`The web app did not build (exit ${result.status}).${quiet ? `\n${result.stderr}` : ''}`);
  }
  return true;
}
