import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';

export interface TestServer {
  url: string;
  demoPassword: string;
  /** The running app, for journeys that set up data the UI cannot create yet (e.g. a tracing request). */
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * The real server, listening on a free port, on a fresh embedded database in demo mode (demo users, no
 * second factor), serving the built web app: what end-to-end journeys drive in Chromium.
 */
export async function startTestServer(): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-e2e-'));
  const config = loadConfig({ HOMEWARD_DATA_DIR: dataDir, HOMEWARD_DEMO: 'on', LOG_LEVEL: 'warn', HOMEWARD_LOGIN_SLOWDOWN_MS: '0', PORT: '0' });
  const app = await buildApp({ config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    demoPassword: app.homeward.demoPassword ?? '',
    app,
    close: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
