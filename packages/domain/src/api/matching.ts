import { z } from 'zod';
import { MATCH_FIELDS } from '../matching/match.model';
import { birthViewSchema, evidenceLevelSchema, relationshipKindSchema } from './registry';

/**
 * Match suggestions and their review (tracing: a sought person ↔ a registry person; duplicate: two registry
 * records of one person), and search-before-create with the same engine.
 */

export const MATCH_KINDS = ['tracing', 'duplicate'] as const;
export const matchKindSchema = z.enum(MATCH_KINDS);
export type MatchKind = z.infer<typeof matchKindSchema>;

export const MATCH_STATUSES = ['proposed', 'unsure', 'confirmed', 'rejected', 'superseded'] as const;
export const matchStatusSchema = z.enum(MATCH_STATUSES);
export type MatchStatus = z.infer<typeof matchStatusSchema>;

export const matchBandSchema = z.enum(['match', 'review']);
export type MatchBand = z.infer<typeof matchBandSchema>;

export const matchFieldSchema = z.enum(MATCH_FIELDS);

/** The queue: open suggestions (proposed or not sure) by default, best first. */
export const matchQueueQuerySchema = z.object({
  kind: matchKindSchema.optional(),
  status: z.enum(['open', ...MATCH_STATUSES]).default('open'),
  band: matchBandSchema.optional(),
  /** Opaque cursor from the previous page's `nextAfter`. */
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type MatchQueueQuery = z.infer<typeof matchQueueQuerySchema>;

const sideSummarySchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  isSought: z.boolean(),
});

export const matchQueueItemSchema = z.object({
  id: z.string(),
  kind: matchKindSchema,
  status: matchStatusSchema,
  band: matchBandSchema,
  probability: z.number(),
  a: sideSummarySchema,
  b: sideSummarySchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MatchQueueItem = z.infer<typeof matchQueueItemSchema>;

export const matchQueueResponseSchema = z.object({
  items: z.array(matchQueueItemSchema),
  nextAfter: z.string().nullable(),
  /** People whose changes wait for background matching (suggestions may still appear). */
  pendingPeople: z.number(),
});
export type MatchQueueResponse = z.infer<typeof matchQueueResponseSchema>;

/** One recorded name as written, with its Latin reading and phonetic key (what the engine compares). */
export const matchNameSchema = z.object({
  id: z.string(),
  text: z.string(),
  script: z.enum(['Latn', 'Cyrl', 'Arab']),
  kind: z.string(),
  source: z.string(),
  parts: z.array(
    z.object({
      role: z.enum(['given', 'father', 'grandfather', 'family', 'full']),
      text: z.string(),
      reading: z.string(),
      key: z.string(),
    }),
  ),
});
export type MatchName = z.infer<typeof matchNameSchema>;

const relativeSchema = z.object({
  personId: z.string(),
  kind: relationshipKindSchema,
  displayName: z.string().nullable(),
  evidenceLevel: evidenceLevelSchema,
});

/** One side of a pair with its family context. */
export const matchSideSchema = z.object({
  id: z.string(),
  isSought: z.boolean(),
  sex: z.enum(['F', 'M', 'U']),
  displayName: z.string().nullable(),
  names: z.array(matchNameSchema),
  birth: birthViewSchema.nullable(),
  origin: z.object({ country: z.string().nullable(), district: z.string().nullable() }).nullable(),
  relatives: z.array(relativeSchema),
  families: z.array(z.object({ id: z.string(), label: z.string() })),
  openCaseId: z.string().nullable(),
  tracingRequest: z
    .object({
      id: z.string(),
      reference: z.string(),
      status: z.enum(['open', 'found', 'closed']),
      requesterRelationship: z.string(),
      relationshipToRequester: z.string(),
      familyLeftOn: z.string().nullable(),
      foundPersonId: z.string().nullable(),
    })
    .nullable(),
});
export type MatchSide = z.infer<typeof matchSideSchema>;

/** A field as compared: its agreement level and its match weight (log2 m/u; positive speaks for the match). */
export const matchFieldExplanationSchema = z.object({
  field: matchFieldSchema,
  level: z.string(),
  weight: z.number(),
});
export type MatchFieldExplanation = z.infer<typeof matchFieldExplanationSchema>;

export const matchSuggestionSchema = z.object({
  id: z.string(),
  kind: matchKindSchema,
  status: matchStatusSchema,
  band: matchBandSchema,
  probability: z.number(),
  /** Total match weight (log2). */
  score: z.number(),
  fields: z.array(matchFieldExplanationSchema),
  modelVersion: z.string().nullable(),
  a: matchSideSchema,
  b: matchSideSchema,
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MatchSuggestion = z.infer<typeof matchSuggestionSchema>;

export const matchIdParamsSchema = z.object({ id: z.string().uuid('Not a valid suggestion id.') });

/** Confirming: an optional note (what convinced the reviewer). */
export const matchConfirmRequestSchema = z.object({
  reason: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
});
export type MatchConfirmRequest = z.input<typeof matchConfirmRequestSchema>;

/** Rejecting or "not sure": the reason is required, so the next reviewer knows what was weighed. */
export const matchReasonRequestSchema = z.object({
  reason: z.string().trim().min(1, 'Say why: a reason is required to reject a suggestion or to mark it "not sure".').max(2000),
});
export type MatchReasonRequest = z.input<typeof matchReasonRequestSchema>;

/** What a decision did, so the reviewer sees its effect. */
export const matchDecisionResponseSchema = z.object({
  id: z.string(),
  status: matchStatusSchema,
  effects: z.object({
    foundPersonId: z.string().nullable(),
    soughtPersonId: z.string().nullable(),
    tracingRequestId: z.string().nullable(),
    tracingRequestStatus: z.enum(['open', 'found', 'closed']).nullable(),
    familyId: z.string().nullable(),
    caseId: z.string().nullable(),
    taskId: z.string().nullable(),
    relationships: z.number(),
    supersededSuggestions: z.number(),
  }),
});
export type MatchDecisionResponse = z.infer<typeof matchDecisionResponseSchema>;

const candidateNameSchema = z
  .object({
    given: z.string().trim().max(200).nullable().optional(),
    father: z.string().trim().max(200).nullable().optional(),
    grandfather: z.string().trim().max(200).nullable().optional(),
    family: z.string().trim().max(200).nullable().optional(),
    full: z.string().trim().max(300).nullable().optional(),
    script: z.enum(['Latn', 'Cyrl', 'Arab']).optional(),
  })
  .refine((n) => n.given || n.father || n.grandfather || n.family || n.full, 'A name needs at least one part.');

/** Search before create: an unsaved person as far as the form knows them. */
export const matchCandidatesRequestSchema = z.object({
  sex: z.enum(['F', 'M', 'U']).default('U'),
  names: z.array(candidateNameSchema).min(1, 'Type at least one name.').max(30),
  birth: z
    .object({
      date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullable().optional(),
      estimatedAge: z.object({ years: z.number().min(0).max(120), on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).nullable().optional(),
      country: z.string().regex(/^[A-Z]{2}$/).nullable().optional(),
    })
    .nullable()
    .optional(),
  limit: z.number().int().min(1).max(25).default(8),
});
export type MatchCandidatesRequest = z.input<typeof matchCandidatesRequestSchema>;

export const matchCandidateSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  sex: z.enum(['F', 'M', 'U']),
  isSought: z.boolean(),
  /** The person's other recorded names, as written (how the typed name may have been found). */
  otherNames: z.array(z.string()),
  probability: z.number(),
  band: matchBandSchema.nullable(),
  why: z.array(z.object({ field: matchFieldSchema, weight: z.number() })),
  birthYears: z.object({ min: z.number(), max: z.number() }).nullable(),
  openCaseId: z.string().nullable(),
});
export type MatchCandidate = z.infer<typeof matchCandidateSchema>;

export const matchCandidatesResponseSchema = z.object({ candidates: z.array(matchCandidateSchema) });
