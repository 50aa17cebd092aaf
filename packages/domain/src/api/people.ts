import { z } from 'zod';
import { fieldCategorySchema } from '../access/roles';

/** One recorded fact about a person, with where it came from. Versions are kept; this is the current one. */
export const attributeViewSchema = z.object({
  value: z.unknown(),
  source: z.string().nullable(),
  recordedAt: z.string(),
});

/**
 * A person as one caller may see them: `fields` holds only the categories the caller's roles may read —
 * a category outside them is absent, not blanked. `sex` belongs to the identity category.
 */
export const personViewSchema = z.object({
  id: z.string(),
  teamId: z.string().nullable(),
  createdAt: z.string(),
  sex: z.enum(['F', 'M', 'U']).optional(),
  fields: z.partialRecord(fieldCategorySchema, z.record(z.string(), attributeViewSchema)),
});
export type PersonView = z.infer<typeof personViewSchema>;

export const attributeInputSchema = z.object({
  category: fieldCategorySchema,
  key: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z][a-z0-9_]*$/, 'A field key uses lower-case letters, digits and underscores.'),
  value: z.union([z.string().max(10_000), z.number(), z.boolean(), z.null(), z.record(z.string(), z.unknown()), z.array(z.unknown())]),
  source: z.string().trim().max(120).nullable().optional(),
});
export type AttributeInput = z.infer<typeof attributeInputSchema>;

export const createPersonRequestSchema = z.object({
  sex: z.enum(['F', 'M', 'U']).default('U'),
  teamId: z.string().uuid().nullable().optional(),
  attributes: z.array(attributeInputSchema).max(200).default([]),
});
export type CreatePersonRequest = z.infer<typeof createPersonRequestSchema>;

export const updatePersonRequestSchema = z.object({
  attributes: z.array(attributeInputSchema).min(1, 'Give at least one field to record.').max(200),
});

export const personIdParamsSchema = z.object({ id: z.string().uuid('Not a valid person id.') });

export const personListQuerySchema = z.object({
  after: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const personListResponseSchema = z.object({
  people: z.array(personViewSchema),
  nextAfter: z.string().nullable(),
});

export const assignPersonRequestSchema = z.object({ userId: z.string().uuid() });
export const sharePersonRequestSchema = z.object({
  organisation: z.string().trim().min(1).max(120),
  kind: z.enum(['family_links', 'handover']),
});
