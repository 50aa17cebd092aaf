import type { Kysely } from 'kysely';
import { runStatements } from './statements';

/**
 * Tracing request details beyond 0004: the family's home country, the documents the relative brought (noted,
 * not stored), how a request was closed, and — for the people attached to a request — whether each is a sought
 * person or a parent of one as the relative described them (parents are person records too, so the matching
 * engine sees a sought child's father's and mother's names).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE tracing_requests ADD COLUMN home_country text CHECK (home_country ~ '^[A-Z]{2}$');
    ALTER TABLE tracing_requests ADD COLUMN documents jsonb NOT NULL DEFAULT '[]'::jsonb;
    ALTER TABLE tracing_requests ADD COLUMN closed_at timestamptz;
    ALTER TABLE tracing_requests ADD COLUMN closed_by uuid REFERENCES users(id);
    ALTER TABLE tracing_requests ADD COLUMN closed_reason text;
    ALTER TABLE tracing_requests ADD COLUMN consent_withdrawal_reason text;

    -- 'sought': a person the relative is looking for, 'mother'/'father': a parent of the sought person named in
    -- described_for, as the relative knows them. Consent applies to every person attached to the request.
    ALTER TABLE tracing_request_people ADD COLUMN described_as text NOT NULL DEFAULT 'sought'
      CHECK (described_as IN ('sought', 'mother', 'father'));
    ALTER TABLE tracing_request_people ADD COLUMN described_for uuid REFERENCES people(id);
    ALTER TABLE tracing_request_people ADD CONSTRAINT tracing_request_people_parent_of
      CHECK ((described_as = 'sought') = (described_for IS NULL));
    `,
  );
}

export async function down(): Promise<void> {
  throw new Error('Homeward migrations are forward-only; restore a backup to go back.');
}
