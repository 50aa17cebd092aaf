export { buildApp, databaseFor } from './app';
export { loadConfig, ConfigError, type Config } from './config';
export { openDatabase, type DatabaseHandle } from './db/connect';
export { migrateToLatest } from './db/migrate';
export { verifyAuditChain, recordAudit, SYSTEM_ACTOR } from './lib/audit';
