import type { Kysely, Transaction } from 'kysely';
import { DEFAULT_WORKFLOWS, workflowDefinitionSchema, type CaseKind, type WorkflowDefinition } from '@homeward/domain';
import type { Database } from '../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Seed the default workflows once; after that they are reference data an administrator may change. */
export async function ensureWorkflows(db: Db): Promise<void> {
  for (const definition of Object.values(DEFAULT_WORKFLOWS)) {
    await db
      .insertInto('workflows')
      .values({ kind: definition.kind, version: definition.version, definition: JSON.stringify(definition) })
      .onConflict((oc) => oc.column('kind').doNothing())
      .execute();
  }
}

export async function loadWorkflow(db: Db, kind: CaseKind): Promise<WorkflowDefinition> {
  const row = await db.selectFrom('workflows').select('definition').where('kind', '=', kind).executeTakeFirst();
  return workflowDefinitionSchema.parse(row?.definition ?? DEFAULT_WORKFLOWS[kind]);
}

export async function listWorkflows(db: Db) {
  return db.selectFrom('workflows').select(['kind', 'version', 'definition']).orderBy('kind').execute();
}
