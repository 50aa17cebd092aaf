import type { Migration } from 'kysely';
import * as m0001 from './0001-platform';
import * as m0002 from './0002-registry';
import * as m0003 from './0003-kinship';
import * as m0004 from './0004-tracing';
import * as m0006 from './0006-matching-keys';

/** Every migration, in order. Append only: a released migration is never edited. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-platform': m0001,
  '0002-registry': m0002,
  '0003-kinship': m0003,
  '0004-tracing': m0004,
  '0006-matching-keys': m0006,
};
