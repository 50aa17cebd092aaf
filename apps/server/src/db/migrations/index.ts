import type { Migration } from 'kysely';
import * as m0001 from './0001-platform';
import * as m0002 from './0002-registry';

/** Every migration, in order. Append only: a released migration is never edited. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-platform': m0001,
  '0002-registry': m0002,
};
