import { z } from 'zod';
import { fieldCategorySchema } from '../access/roles';
import { caseKindSchema, requirementSchema } from '../registry/workflow';
import { AGE_BANDS } from '../registry/birth';

const text = (max = 200) => z.string().trim().min(1).max(max);
const optionalText = (max = 200) => z.string().trim().max(max).nullable().optional().transform((v) => (v ? v : null));
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.');

/** Where a fact came from: the sources of DOMAIN.md. */
export const SOURCES = ['child_statement', 'host_record', 'ngo_list', 'relative', 'document', 'dna', 'officer', 'medical', 'import'] as const;
export const sourceSchema = z.enum(SOURCES);
export const confidenceSchema = z.enum(['low', 'medium', 'high']);

export const nameInputSchema = z
  .object({
    given: optionalText(),
    father: optionalText(),
    grandfather: optionalText(),
    family: optionalText(),
    full: optionalText(300),
    script: z.enum(['Latn', 'Cyrl', 'Arab']).optional(),
    kind: z.enum(['official', 'reported', 'alias', 'kunya']).default('reported'),
    source: sourceSchema,
    confidence: confidenceSchema.default('medium'),
  })
  .refine((n) => n.given || n.father || n.grandfather || n.family || n.full, 'A name needs at least one part.');
export type NameInput = z.infer<typeof nameInputSchema>;

export const nameViewSchema = z.object({
  id: z.string(),
  given: z.string().nullable(),
  father: z.string().nullable(),
  grandfather: z.string().nullable(),
  family: z.string().nullable(),
  full: z.string().nullable(),
  script: z.enum(['Latn', 'Cyrl', 'Arab']),
  kind: z.enum(['official', 'reported', 'alias', 'kunya']),
  source: z.string(),
  confidence: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  supersededAt: z.string().nullable(),
});
export type NameView = z.infer<typeof nameViewSchema>;

export const birthInputSchema = z
  .object({
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Write the birth date as YYYY, YYYY-MM or YYYY-MM-DD — only as precisely as it is known.')
      .nullable()
      .optional(),
    estimatedAge: z
      .object({
        years: z.number().min(0).max(120),
        on: isoDate,
        method: z.enum(['stated', 'medical', 'dental', 'other']),
      })
      .nullable()
      .optional(),
    place: optionalText(),
    country: z.string().trim().regex(/^[A-Z]{2}$/, 'A country is a two-letter code such as IQ or AZ.').nullable().optional(),
    source: sourceSchema,
    confidence: confidenceSchema.default('medium'),
  })
  .refine((b) => b.date || b.estimatedAge || b.place, 'Give a birth date, an estimated age or a place of birth.');
export type BirthInput = z.infer<typeof birthInputSchema>;

export const birthViewSchema = z.object({
  id: z.string(),
  date: z.string().nullable(),
  precision: z.enum(['year', 'month', 'day']).nullable(),
  estimatedAge: z.object({ years: z.number(), on: z.string(), method: z.string() }).nullable(),
  place: z.string().nullable(),
  country: z.string().nullable(),
  source: z.string(),
  confidence: z.string(),
  recordedAt: z.string(),
  supersededAt: z.string().nullable(),
});
export type BirthView = z.infer<typeof birthViewSchema>;

export const RELATIONSHIP_KINDS = [
  'mother',
  'father',
  'child',
  'sibling',
  'half_sibling',
  'grandparent',
  'grandchild',
  'aunt_uncle',
  'niece_nephew',
  'cousin',
  'spouse',
  'guardian',
  'ward',
] as const;
export const relationshipKindSchema = z.enum(RELATIONSHIP_KINDS);
export type RelationshipKind = z.infer<typeof relationshipKindSchema>;
export const EVIDENCE_LEVELS = ['claimed', 'documented', 'dna_supported', 'confirmed'] as const;
export const evidenceLevelSchema = z.enum(EVIDENCE_LEVELS);

export const relationshipInputSchema = z.object({
  relatedPersonId: z.string().uuid(),
  /** What the related person is to this person: "mother" means the related person is this person's mother. */
  kind: relationshipKindSchema,
  evidenceLevel: evidenceLevelSchema.default('claimed'),
  source: sourceSchema,
  note: optionalText(1000),
});
export const relationshipViewSchema = z.object({
  id: z.string(),
  relatedPersonId: z.string(),
  relatedDisplayName: z.string().nullable(),
  relatedSex: z.enum(['F', 'M', 'U']),
  relatedOpenCaseId: z.string().nullable(),
  kind: relationshipKindSchema,
  evidenceLevel: evidenceLevelSchema,
  source: z.string(),
  recordedAt: z.string(),
});

export const registerPersonRequestSchema = z.object({
  sex: z.enum(['F', 'M', 'U']).default('U'),
  names: z.array(nameInputSchema).min(1, 'Record at least one name, even just a first name.').max(30),
  birth: birthInputSchema.nullable().optional(),
  vitalStatus: z.enum(['alive', 'deceased', 'unknown']).default('alive'),
  teamId: z.string().uuid().nullable().optional(),
  case: z
    .object({
      kind: caseKindSchema,
      priority: z.enum(['low', 'normal', 'high', 'urgent']).default('normal'),
      flags: z.array(z.enum(['urgent_medical', 'unaccompanied', 'orphan', 'security_sensitive_location'])).default([]),
    })
    .nullable()
    .optional(),
});
export type RegisterPersonRequest = z.infer<typeof registerPersonRequestSchema>;

/** A claim to a nationality and what it rests on (a determination comes later, under rules). */
export const nationalityClaimInputSchema = z.object({
  country: z.string().trim().regex(/^[A-Z]{2}$/, 'A country is a two-letter code such as AZ.'),
  basis: z.enum(['parent_citizen', 'born_in_country', 'document', 'stated']),
  source: sourceSchema,
});
export const nationalityClaimViewSchema = z.object({
  id: z.string(),
  country: z.string(),
  basis: z.string(),
  source: z.string(),
  recordedAt: z.string(),
});

/** Largest photo accepted, decoded. */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const photoUploadSchema = z.object({
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  dataBase64: z
    .string()
    .min(16, 'The photo is empty.')
    .max(Math.ceil((PHOTO_MAX_BYTES * 4) / 3) + 8, 'A photo may be at most 2 MB.')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'The photo must be base64-encoded.'),
  source: sourceSchema,
  takenOn: isoDate.nullable().optional(),
});
export const photoViewSchema = z.object({
  id: z.string(),
  contentType: z.string(),
  bytes: z.number(),
  source: z.string(),
  takenOn: z.string().nullable(),
  recordedAt: z.string(),
});
export const photoIdParamsSchema = z.object({ id: z.string().uuid('Not a valid person id.'), photoId: z.string().uuid('Not a valid photo id.') });

/** The registry's view of a person, beyond the free attributes: names, birth, relationships (identity category). */
export const personRecordSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  sex: z.enum(['F', 'M', 'U']),
  vitalStatus: z.string(),
  names: z.array(nameViewSchema),
  birth: birthViewSchema.nullable(),
  relationships: z.array(relationshipViewSchema),
  familyIds: z.array(z.string()),
  openCaseId: z.string().nullable(),
  nationalityClaims: z.array(nationalityClaimViewSchema),
  photos: z.array(photoViewSchema),
});
export type PersonRecord = z.infer<typeof personRecordSchema>;

export const identityHistorySchema = z.object({
  names: z.array(nameViewSchema),
  births: z.array(birthViewSchema),
  decisions: z.array(
    z.object({
      id: z.string(),
      confirmedNameId: z.string().nullable(),
      confirmedBirthId: z.string().nullable(),
      motherId: z.string().nullable(),
      fatherId: z.string().nullable(),
      evidence: z.array(z.string()),
      note: z.string().nullable(),
      decidedBy: z.string(),
      decidedAt: z.string(),
    }),
  ),
});

export const identityDecisionInputSchema = z.object({
  confirmedNameId: z.string().regex(/^\d+$/).nullable().optional(),
  confirmedBirthId: z.string().regex(/^\d+$/).nullable().optional(),
  motherId: z.string().uuid().nullable().optional(),
  fatherId: z.string().uuid().nullable().optional(),
  evidence: z.array(text(300)).min(1, 'Cite the evidence the decision rests on.').max(20),
  note: optionalText(2000),
});

export const nameIdParamsSchema = z.object({ id: z.string().uuid('Not a valid person id.'), nameId: z.string().regex(/^\d+$/, 'Not a valid name id.') });

export const personSearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'Type a name to search for.').max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const personCandidateSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  sex: z.enum(['F', 'M', 'U']),
  matchedName: z.string(),
  similarity: z.number(),
  birthYears: z.object({ min: z.number(), max: z.number() }).nullable(),
  openCaseId: z.string().nullable(),
});
export const personSearchResponseSchema = z.object({ candidates: z.array(personCandidateSchema) });

// ——— cases ———

export const CASE_FLAGS = ['urgent_medical', 'unaccompanied', 'orphan', 'security_sensitive_location'] as const;
export const caseFlagSchema = z.enum(CASE_FLAGS);
export const prioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);

export const createCaseRequestSchema = z.object({
  personId: z.string().uuid(),
  kind: caseKindSchema,
  priority: prioritySchema.default('normal'),
  flags: z.array(caseFlagSchema).default([]),
  familyId: z.string().uuid().nullable().optional(),
});
export const updateCaseRequestSchema = z
  .object({ priority: prioritySchema.optional(), flags: z.array(caseFlagSchema).optional(), familyId: z.string().uuid().nullable().optional() })
  .refine((v) => Object.keys(v).length > 0, 'Change at least one field.');

export const caseSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  personId: z.string(),
  displayName: z.string().nullable(),
  sex: z.enum(['F', 'M', 'U']).optional(),
  birthYears: z.object({ min: z.number(), max: z.number() }).nullable().optional(),
  kind: caseKindSchema,
  stage: z.string(),
  stageEnteredAt: z.string(),
  daysInStage: z.number(),
  priority: prioritySchema,
  flags: z.array(caseFlagSchema),
  currentPlace: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
  openTasks: z.number(),
  closedAt: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  stage: z.string().max(40).optional(),
  kind: caseKindSchema.optional(),
  placeId: z.string().uuid().optional(),
  ageBand: z.enum(Object.keys(AGE_BANDS) as [keyof typeof AGE_BANDS, ...(keyof typeof AGE_BANDS)[]]).optional(),
  sex: z.enum(['F', 'M', 'U']).optional(),
  flag: caseFlagSchema.optional(),
  assignedToMe: z.enum(['true', 'false']).optional(),
  includeClosed: z.enum(['true', 'false']).optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
export const caseListResponseSchema = z.object({ cases: z.array(caseSummarySchema), nextAfter: z.string().nullable() });

export const transitionRequestSchema = z.object({ to: z.string().min(1).max(40), reason: text(2000) });
export const transitionViewSchema = z.object({
  id: z.string(),
  fromStage: z.string().nullable(),
  toStage: z.string(),
  reason: z.string(),
  byUser: z.string().nullable(),
  at: z.string(),
});

export const taskInputSchema = z.object({
  title: text(300),
  assigneeId: z.string().uuid().nullable().optional(),
  dueOn: isoDate.nullable().optional(),
});
export const taskUpdateSchema = z
  .object({ status: z.enum(['open', 'done', 'cancelled']).optional(), assigneeId: z.string().uuid().nullable().optional(), dueOn: isoDate.nullable().optional() })
  .refine((v) => Object.keys(v).length > 0, 'Change at least one field.');
export const taskViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string().optional(),
  title: z.string(),
  assigneeId: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
  overdue: z.boolean(),
  createdAt: z.string(),
});
export const myTasksResponseSchema = z.object({ tasks: z.array(taskViewSchema) });

export const noteInputSchema = z.object({ category: fieldCategorySchema.default('notes'), body: text(10_000) });
export const noteViewSchema = z.object({
  id: z.string(),
  category: fieldCategorySchema,
  body: z.string(),
  authorId: z.string().nullable(),
  createdAt: z.string(),
});

export const timelineEntrySchema = z.object({
  at: z.string(),
  kind: z.enum(['case_opened', 'transition', 'task', 'case_change', 'note', 'name', 'birth', 'relationship', 'identity_decision', 'placement']),
  /** An English sentence, for logs and exports; the app words the entry from `details` in the reader's language. */
  summary: z.string(),
  /** The entry's facts as codes and values (stage codes, evidence level, place name, the name as written…). */
  details: z.record(z.string(), z.string().nullable()),
  byUser: z.string().nullable(),
  refId: z.string().nullable(),
});

export const caseDetailSchema = z.object({
  case: caseSummarySchema,
  transitions: z.array(transitionViewSchema),
  options: z.array(z.object({ to: z.string(), missing: z.array(requirementSchema) })),
  tasks: z.array(taskViewSchema),
  notes: z.array(noteViewSchema),
  timeline: z.array(timelineEntrySchema),
  assignees: z.array(z.object({ id: z.string(), displayName: z.string() })),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseIdParamsSchema = z.object({ id: z.string().uuid('Not a valid case id.') });
export const taskIdParamsSchema = z.object({ id: z.string().uuid('Not a valid task id.') });

export const workflowsResponseSchema = z.object({
  workflows: z.array(z.object({ kind: caseKindSchema, version: z.number(), definition: z.unknown() })),
});

// ——— families ———
export const createFamilyRequestSchema = z.object({ label: text(200), memberIds: z.array(z.string().uuid()).max(100).default([]) });
export const familyMemberInputSchema = z.object({ personId: z.string().uuid() });
export const familyViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  members: z.array(
    z.object({ id: z.string(), displayName: z.string().nullable(), sex: z.enum(['F', 'M', 'U']), birthYears: z.object({ min: z.number(), max: z.number() }).nullable() }),
  ),
  /** Relationships among the members only (what the family chart draws). */
  links: z.array(z.object({ from: z.string(), to: z.string(), kind: relationshipKindSchema, evidenceLevel: evidenceLevelSchema })),
});
export const familyIdParamsSchema = z.object({ id: z.string().uuid('Not a valid family id.') });
