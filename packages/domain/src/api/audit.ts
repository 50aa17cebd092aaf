import { z } from 'zod';

/** One audit entry as shown to a data protection officer: ids and hashes only, never personal data. */
export const auditEntryViewSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorRoles: z.array(z.string()),
  action: z.string(),
  targetType: z.string().nullable(),
  targetIds: z.array(z.string()),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

export const auditListQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  action: z.string().max(64).optional(),
  targetId: z.string().max(64).optional(),
});
export const auditListResponseSchema = z.object({
  entries: z.array(auditEntryViewSchema),
  nextBefore: z.number().int().nullable(),
});

/** Result of recomputing the hash chain; `firstBroken` names the first entry that does not fit. */
export const auditVerifyResponseSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
export type AuditVerifyResponse = z.infer<typeof auditVerifyResponseSchema>;
