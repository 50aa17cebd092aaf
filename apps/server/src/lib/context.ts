import type { Logger } from 'pino';
import type { Role } from '@homeward/domain';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/connect';
import type { SecretBox } from '../modules/auth/secret-box';

/** What every module needs from the running server, passed explicitly (no service locator). */
export interface AppContext {
  config: Readonly<Config>;
  database: DatabaseHandle;
  secrets: SecretBox;
  logger: Logger;
  /** Demo mode: synthetic data, demo users, no second factor required. Fixed at start-up. */
  demoMode: boolean;
  /** The mission this deployment serves (one per deployment today; the model allows several). */
  missionId: string;
}

/** The signed-in user on whose behalf a request acts. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  missionId: string | null;
  teamId: string | null;
  organisation: string | null;
  sessionId: string;
  sessionExpiresAt: Date;
}
