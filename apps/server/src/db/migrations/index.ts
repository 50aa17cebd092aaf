import type { Migration } from 'kysely';
import * as m0001 from './0001-platform';
import * as m0002 from './0002-registry';
import * as m0003 from './0003-kinship';
import * as m0004 from './0004-tracing';
import * as m0005 from './0005-sheet-imports';
import * as m0006 from './0006-matching-keys';
import * as m0008 from './0008-tracing-details';
import * as m0009 from './0009-name-words';
import * as m0010 from './0010-case-events';
import * as m0011 from './0011-case-name-words';
import * as m0012 from './0012-name-skeletons';

/** Every migration, in order. Append only: a released migration is never edited. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-platform': m0001,
  '0002-registry': m0002,
  '0003-kinship': m0003,
  '0004-tracing': m0004,
  '0005-sheet-imports': m0005,
  '0006-matching-keys': m0006,
  '0008-tracing-details': m0008,
  '0009-name-words': m0009,
  '0010-case-events': m0010,
  '0011-case-name-words': m0011,
  '0012-name-skeletons': m0012,
};
