import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  HOMEWARD_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  HOMEWARD_SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'HOMEWARD_SECRET_KEY must be 32 bytes, base64-encoded')
    .optional(),
  HOMEWARD_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  HOMEWARD_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  HOMEWARD_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  HOMEWARD_SECURE_COOKIES: z.enum(['auto', 'always', 'never']).default('auto'),
  HOMEWARD_LOGIN_SLOWDOWN_MS: z.coerce.number().int().min(0).max(10_000).default(250),
  HOMEWARD_CHECKPOINT_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  HOMEWARD_TRUST_PROXY: bool.default(false),
  HOMEWARD_MISSION_CODE: z.string().min(1).max(32).default('AZ-IQ-BGD'),
  HOMEWARD_MISSION_NAME: z.string().min(1).max(120).default('Embassy of Azerbaijan in Baghdad'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Parsed, frozen configuration: the environment is read once, here, and nowhere else. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  secretKey: Buffer | null;
  demo: 'auto' | 'on' | 'off';
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  secureCookies: 'auto' | 'always' | 'never';
  loginSlowdownMs: number;
  checkpointMs: number;
  trustProxy: boolean;
  missionCode: string;
  missionName: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

/** Thrown when the environment holds values Homeward cannot run with; the message lists each one. */
export class ConfigError extends Error {}

/** Parse the environment once; bad values give one clear message naming every variable at fault. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.HOMEWARD_DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    secretKey: e.HOMEWARD_SECRET_KEY ? Buffer.from(e.HOMEWARD_SECRET_KEY, 'base64') : null,
    demo: e.HOMEWARD_DEMO,
    sessionIdleMs: e.HOMEWARD_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.HOMEWARD_SESSION_ABSOLUTE_HOURS * 3_600_000,
    secureCookies: e.HOMEWARD_SECURE_COOKIES,
    loginSlowdownMs: e.HOMEWARD_LOGIN_SLOWDOWN_MS,
    checkpointMs: e.HOMEWARD_CHECKPOINT_SECONDS * 1000,
    trustProxy: e.HOMEWARD_TRUST_PROXY,
    missionCode: e.HOMEWARD_MISSION_CODE,
    missionName: e.HOMEWARD_MISSION_NAME,
    logLevel: e.LOG_LEVEL,
  });
}
