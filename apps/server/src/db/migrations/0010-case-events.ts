import type { Kysely } from 'kysely';
import { runStatements } from './statements';

/**
 * Changes to a case that leave no row of their own: priority, flags, the family link, a task reassigned,
 * given a new due date, done, cancelled or reopened, and an officer assigned to the person. The timeline
 * shows them with who and when; the values are codes, user and case ids, and task titles. Also why a
 * placement ended.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE case_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id),
      task_id uuid REFERENCES tasks(id),
      kind text NOT NULL CHECK (kind IN ('priority', 'flags', 'family', 'task_assignee', 'task_due', 'task_status', 'officer_assigned')),
      details jsonb NOT NULL,
      by_user uuid REFERENCES users(id),
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_events_case ON case_events (case_id, at);

    -- Why a stay ended (released, returned home, left with a relative). A transfer leaves it empty: the next
    -- placement says why the person moved.
    ALTER TABLE placements ADD COLUMN end_reason text;
    `,
  );
}

export async function down(): Promise<void> {
  throw new Error('Homeward migrations are forward-only; restore a backup to go back.');
}
