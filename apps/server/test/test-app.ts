import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import type { DatabaseHandle } from '../src/db/connect';
import { createTestDatabase } from './test-db';

/** A configuration for tests: its own data directory, no slow-down, quiet logs, demo off unless asked. */
export function testConfig(overrides: Partial<Config> = {}): Readonly<Config> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-test-'));
  return Object.freeze({
    ...loadConfig({ HOMEWARD_DATA_DIR: dataDir, HOMEWARD_DEMO: 'off', LOG_LEVEL: 'silent', HOMEWARD_LOGIN_SLOWDOWN_MS: '0' }),
    ...overrides,
  });
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  config: Readonly<Config>;
  close(): Promise<void>;
}

/** The whole server on a fresh database of its own, driven through `app.inject`. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  const database = await createTestDatabase();
  const app = await buildApp({ config, database, webDir: null });
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
