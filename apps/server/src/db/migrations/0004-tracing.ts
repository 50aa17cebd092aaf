import type { Kysely } from 'kysely';
import { runStatements } from './statements';

/**
 * Family tracing and matching: tracing requests filed by relatives at home (who asks, with what consent, for
 * whom), and match suggestions between two person records with the reviewers' decisions, so that a rejected
 * pair is not proposed again unless one side gains new evidence.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE tracing_requests (
      id uuid PRIMARY KEY,
      mission_id uuid NOT NULL REFERENCES missions(id),
      team_id uuid REFERENCES teams(id),
      reference text NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'found', 'closed')),
      requester_name text NOT NULL,
      requester_relationship text NOT NULL,
      requester_contact text,
      requester_district text,
      family_left_on text CHECK (family_left_on ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
      consent_tracing boolean NOT NULL,
      consent_recorded_by uuid REFERENCES users(id),
      consent_recorded_at timestamptz,
      consent_withdrawn_at timestamptz,
      notes text,
      family_id uuid REFERENCES families(id),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX tracing_requests_reference ON tracing_requests (mission_id, reference);
    CREATE INDEX tracing_requests_status ON tracing_requests (mission_id, status, created_at DESC);

    -- Each sought person is a person record (people.is_sought = true) attached to the request. When a match
    -- is confirmed, found_person_id names the registry record that is the same person.
    CREATE TABLE tracing_request_people (
      tracing_request_id uuid NOT NULL REFERENCES tracing_requests(id),
      person_id uuid NOT NULL REFERENCES people(id),
      relationship_to_requester text NOT NULL,
      found_person_id uuid REFERENCES people(id),
      found_at timestamptz,
      PRIMARY KEY (tracing_request_id, person_id)
    );
    CREATE INDEX tracing_request_people_person ON tracing_request_people (person_id);
    CREATE INDEX tracing_request_people_found ON tracing_request_people (found_person_id) WHERE found_person_id IS NOT NULL;

    -- Records that may take part in matching: false for a sought person whose request has no (or withdrawn)
    -- consent. Kept on the person so the matching queries filter without a join.
    ALTER TABLE people ADD COLUMN matching_consent boolean NOT NULL DEFAULT true;

    -- A suggestion is an unordered pair stored with person_a < person_b. evidence_a/evidence_b fingerprint
    -- the identity facts of each side at the time of the decision: a rejected pair is proposed again only when a
    -- fingerprint changes.
    CREATE TABLE match_suggestions (
      id uuid PRIMARY KEY,
      mission_id uuid NOT NULL REFERENCES missions(id),
      kind text NOT NULL CHECK (kind IN ('tracing', 'duplicate')),
      person_a uuid NOT NULL REFERENCES people(id),
      person_b uuid NOT NULL REFERENCES people(id),
      probability double precision NOT NULL CHECK (probability >= 0 AND probability <= 1),
      score double precision NOT NULL,
      band text NOT NULL CHECK (band IN ('match', 'review')),
      explanation jsonb NOT NULL,
      status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'unsure', 'confirmed', 'rejected', 'superseded')),
      evidence_a text NOT NULL,
      evidence_b text NOT NULL,
      reviewed_by uuid REFERENCES users(id),
      reviewed_at timestamptz,
      reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (person_a < person_b)
    );
    CREATE UNIQUE INDEX match_suggestions_open_pair ON match_suggestions (person_a, person_b)
      WHERE status IN ('proposed', 'unsure');
    CREATE INDEX match_suggestions_pair ON match_suggestions (person_a, person_b, created_at DESC);
    CREATE INDEX match_suggestions_queue ON match_suggestions (mission_id, status, probability DESC);
    CREATE INDEX match_suggestions_b ON match_suggestions (person_b);
    `,
  );
}

export async function down(): Promise<void> {
  throw new Error('Homeward migrations are forward-only; restore a backup to go back.');
}
