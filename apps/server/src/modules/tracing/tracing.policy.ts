import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Scope } from '@homeward/domain';
import type { Database } from '../../db/schema';
import type { Actor } from '../../lib/context';

/**
 * Which tracing requests an actor reaches with a permission held at `scope`, as a SQL condition on
 * `tracing_requests`. It mirrors the person scopes: `assigned` is a request the actor filed or one whose
 * people are assigned to them; `shared` one whose people were shared with the actor's organisation (ICRC
 * family links). Lists and single reads use the same rule, so a request outside scope answers 404.
 */
export function tracingRequestInScope(actor: Actor, scope: Scope) {
  return (eb: ExpressionBuilder<Database, 'tracing_requests'>): Expression<SqlBool> => {
    switch (scope) {
      case 'all':
        return sql<SqlBool>`true`;
      case 'mission':
        return actor.missionId ? eb('tracing_requests.mission_id', '=', actor.missionId) : sql<SqlBool>`false`;
      case 'team':
        return actor.teamId ? eb('tracing_requests.team_id', '=', actor.teamId) : sql<SqlBool>`false`;
      case 'assigned':
        return eb.or([
          eb('tracing_requests.created_by', '=', actor.userId),
          eb.exists(
            eb
              .selectFrom('tracing_request_people as trp')
              .innerJoin('person_assignments', 'person_assignments.person_id', 'trp.person_id')
              .select(sql`1`.as('one'))
              .whereRef('trp.tracing_request_id', '=', 'tracing_requests.id')
              .where('person_assignments.user_id', '=', actor.userId),
          ),
        ]);
      case 'shared':
        return actor.organisation
          ? eb.exists(
              eb
                .selectFrom('tracing_request_people as trp')
                .innerJoin('person_shares', 'person_shares.person_id', 'trp.person_id')
                .select(sql`1`.as('one'))
                .whereRef('trp.tracing_request_id', '=', 'tracing_requests.id')
                .where('person_shares.organisation', '=', actor.organisation),
            )
          : sql<SqlBool>`false`;
    }
  };
}
