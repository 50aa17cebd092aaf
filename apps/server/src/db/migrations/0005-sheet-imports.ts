import type { Kysely } from 'kysely';
import { runStatements } from './statements';

/**
 * Spreadsheet imports (CSV and XLSX lists from host-country ministries and NGOs): the uploaded sheet and its
 * rows until they are in the registry, each row's outcome with its reasons (nothing lost: rejected rows and
 * possible duplicates stay here to be downloaded, fixed and re-imported), and the column mapping saved per
 * source so the next list from the same source maps itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    CREATE TABLE sheet_mappings (
      mission_id uuid NOT NULL REFERENCES missions(id),
      source_name text NOT NULL,
      -- { normalised header: field }: applied by header to the next sheet from the source.
      columns jsonb NOT NULL,
      sex_values jsonb NOT NULL DEFAULT '{}',
      date_order text NOT NULL DEFAULT 'DMY' CHECK (date_order IN ('DMY', 'MDY', 'YMD')),
      updated_by uuid REFERENCES users(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (mission_id, source_name)
    );

    CREATE TABLE sheet_imports (
      id uuid PRIMARY KEY,
      mission_id uuid NOT NULL REFERENCES missions(id),
      team_id uuid REFERENCES teams(id),
      uploaded_by uuid REFERENCES users(id),
      file_name text NOT NULL,
      format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
      sheet_name text,
      headers jsonb NOT NULL,
      header_row integer NOT NULL,
      row_count integer NOT NULL,
      source_name text,
      mapping jsonb,
      status text NOT NULL DEFAULT 'uploaded' CHECK (status IN ('uploaded', 'importing', 'imported')),
      job_id uuid REFERENCES jobs(id),
      result jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX sheet_imports_mission ON sheet_imports (mission_id, created_at DESC);

    -- cells are the row as uploaded (header order), cleared once the row is in the registry, and
    -- kept for rejected rows and possible duplicates until someone decides.
    CREATE TABLE sheet_import_rows (
      sheet_import_id uuid NOT NULL REFERENCES sheet_imports(id) ON DELETE CASCADE,
      row_number integer NOT NULL,
      cells jsonb,
      status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'created', 'updated', 'unchanged', 'rejected', 'duplicate')),
      reasons jsonb NOT NULL DEFAULT '[]',
      person_id uuid REFERENCES people(id),
      duplicate_of uuid REFERENCES people(id),
      PRIMARY KEY (sheet_import_id, row_number)
    );
    CREATE INDEX sheet_import_rows_status ON sheet_import_rows (sheet_import_id, status, row_number);
    `,
  );
}

export async function down(): Promise<void> {
  throw new Error('Homeward migrations are forward-only; restore a backup to go back.');
}
