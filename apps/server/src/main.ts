import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { DataDirLockedError } from './db/data-dir-lock';
import { DEMO_USERS } from './modules/demo/demo';

/** Start Homeward: read the configuration, build the app, listen, and close cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const app = await buildApp({ config });
  const { database, demoMode, demoPassword } = app.homeward;
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `Homeward is running at ${url}  (database: ${database.kind}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  ];
  if (database.kind === 'pglite') {
    lines.push(`Embedded database in ${config.dataDir} — for trying Homeward out; production belongs on PostgreSQL (DATABASE_URL).`);
  }
  if (demoMode) {
    lines.push(
      'DEMO MODE — synthetic data only. Sign in as any of these users:',
      `  ${DEMO_USERS.map((u) => u.username).join(', ')}`,
      `  password: ${demoPassword ?? '(see demo-credentials.txt in the data directory)'}`,
    );
  } else {
    lines.push('Sign in with your account. No users yet? Create the first administrator: npx homeward users create-admin');
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    process.stderr.write(`homeward: ${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`homeward: could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
