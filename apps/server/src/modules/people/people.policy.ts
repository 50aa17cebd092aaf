import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Scope } from '@homeward/domain';
import type { Database } from '../../db/schema';
import type { Actor } from '../../lib/context';

/**
 * Which people an actor may reach with a permission held at `scope`, as a SQL condition on `people`.
 * The same rule filters lists and guards single reads, so a record outside scope is simply not found (404).
 */
export function personInScope(actor: Actor, scope: Scope) {
  return (eb: ExpressionBuilder<Database, 'people'>): Expression<SqlBool> => {
    switch (scope) {
      case 'all':
        return sql<SqlBool>`true`;
      case 'mission':
        return actor.missionId ? eb('people.mission_id', '=', actor.missionId) : sql<SqlBool>`false`;
      case 'team':
        return actor.teamId ? eb('people.team_id', '=', actor.teamId) : sql<SqlBool>`false`;
      case 'assigned':
        return eb.exists(
          eb
            .selectFrom('person_assignments')
            .select(sql`1`.as('one'))
            .whereRef('person_assignments.person_id', '=', 'people.id')
            .where('person_assignments.user_id', '=', actor.userId),
        );
      case 'shared':
        return actor.organisation
          ? eb.exists(
              eb
                .selectFrom('person_shares')
                .select(sql`1`.as('one'))
                .whereRef('person_shares.person_id', '=', 'people.id')
                .where('person_shares.organisation', '=', actor.organisation),
            )
          : sql<SqlBool>`false`;
    }
  };
}
