import { z } from 'zod';
import { partialDateSchema } from '../person-record/person-record.schema';
import { birthInputSchema, nameInputSchema, photoUploadSchema } from './registry';

/**
 * Tracing requests: a relative at home asks the embassy to find one or more people. Each sought person is a
 * person record (`is_sought`), with the parents as the relative knows them (person records linked as mother
 * and father), so that every sought person can be written as a `homeward.person/1` record for the matching
 * engine: names, birth, parents' names, origin (district) and the date the family left home.
 */

const text = (max = 200) => z.string().trim().min(1).max(max);
const optionalText = (max = 200) => z.string().trim().max(max).nullable().optional().transform((v) => (v ? v : null));
/** In a change: absent = leave as it is, null or empty = clear it (never turned into null when absent). */
const patchText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v ? v : null));
/** When the family left home, as precisely as known: the `departed_home` of `homeward.person/1`. */
const partialDate = z.string().trim().pipe(partialDateSchema);

export const TRACING_STATUSES = ['open', 'found', 'closed'] as const;
export const tracingStatusSchema = z.enum(TRACING_STATUSES);
export type TracingStatus = z.infer<typeof tracingStatusSchema>;

/** Consent for tracing as it stands: given, never given (refused or not yet asked), or withdrawn. */
export const CONSENT_STATES = ['given', 'not_given', 'withdrawn'] as const;
export const consentStateSchema = z.enum(CONSENT_STATES);
export type ConsentState = z.infer<typeof consentStateSchema>;

/** Who the requester is to the sought person, in the requester's words reduced to a code. */
export const REQUESTER_RELATIONSHIPS = [
  'mother',
  'father',
  'grandmother',
  'grandfather',
  'sister',
  'brother',
  'aunt',
  'uncle',
  'spouse',
  'other_relative',
  'guardian',
] as const;
export const requesterRelationshipSchema = z.enum(REQUESTER_RELATIONSHIPS);

/** What the sought person is to the requester ("my granddaughter"). */
export const SOUGHT_RELATIONSHIPS = [
  'son',
  'daughter',
  'grandson',
  'granddaughter',
  'brother',
  'sister',
  'nephew',
  'niece',
  'daughter_in_law',
  'son_in_law',
  'spouse',
  'other_relative',
] as const;
export const soughtRelationshipSchema = z.enum(SOUGHT_RELATIONSHIPS);

/** A parent of a sought person as the relative knows them: names (any script, parts as known), birth year. */
export const tracingParentInputSchema = z.object({
  names: z.array(nameInputSchema).min(1, 'Give at least one name for the parent, or leave the parent out.').max(10),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
});
export type TracingParentInput = z.infer<typeof tracingParentInputSchema>;

/** One person the relative is looking for. */
export const soughtPersonInputSchema = z.object({
  relationshipToRequester: soughtRelationshipSchema,
  sex: z.enum(['F', 'M', 'U']).default('U'),
  names: z.array(nameInputSchema).min(1, 'Record at least one name of the sought person, even just a first name.').max(30),
  birth: birthInputSchema.nullable().optional(),
  mother: tracingParentInputSchema.nullable().optional(),
  father: tracingParentInputSchema.nullable().optional(),
  /** Photos the relative brought of this person (identification photos of the person record). */
  photos: z.array(photoUploadSchema).max(5).default([]),
});
export type SoughtPersonInput = z.infer<typeof soughtPersonInputSchema>;

/** A document the relative showed or handed over, noted (the document itself is kept elsewhere). */
export const tracingDocumentSchema = z.object({ description: text(300) });

export const createTracingRequestSchema = z.object({
  requester: z.object({
    name: text(200),
    relationship: requesterRelationshipSchema,
    /** Telephone, address or other way to reach the requester: the `contact` field category. */
    contact: optionalText(300),
  }),
  /** Must be answered: true when the relative consents to tracing, false when they do not (yet). */
  consentTracing: z.boolean({ error: 'Record whether the relative consents to tracing (yes or no).' }),
  /** The district at home the family comes from. */
  district: optionalText(120),
  /** Home country of the family, ISO 3166-1 alpha-2. */
  homeCountry: z.string().trim().regex(/^[A-Z]{2}$/, 'A country is a two-letter code such as AZ.').default('AZ'),
  /** When the family left home, as precisely as known. */
  familyLeftOn: partialDate.nullable().optional(),
  documents: z.array(tracingDocumentSchema).max(30).default([]),
  notes: optionalText(5000),
  soughtPeople: z.array(soughtPersonInputSchema).min(1, 'Add at least one sought person.').max(20),
});
export type CreateTracingRequest = z.infer<typeof createTracingRequestSchema>;

export const updateTracingRequestSchema = z
  .object({
    requester: z
      .object({ name: text(200).optional(), relationship: requesterRelationshipSchema.optional(), contact: patchText(300) })
      .refine((r) => Object.values(r).some((x) => x !== undefined), 'Change at least one detail of the requester.')
      .optional(),
    district: patchText(120),
    familyLeftOn: partialDate.nullable().optional(),
    documents: z.array(tracingDocumentSchema).max(30).optional(),
    notes: patchText(5000),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'Change at least one field.');
export type UpdateTracingRequest = z.infer<typeof updateTracingRequestSchema>;

export const recordConsentSchema = z.object({ note: optionalText(1000) });
export const withdrawConsentSchema = z.object({ reason: optionalText(1000) });
export const closeTracingRequestSchema = z.object({ reason: text(1000) });

export const tracingRequestIdParamsSchema = z.object({ id: z.string().uuid('Not a valid tracing request id.') });

export const tracingListQuerySchema = z.object({
  status: tracingStatusSchema.optional(),
  consent: consentStateSchema.optional(),
  q: z.string().trim().max(200).optional(),
  /** Only the requests that name this person (as sought, or as a sought person's parent). */
  personId: z.string().uuid('Not a valid person id.').optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TracingListQuery = z.infer<typeof tracingListQuerySchema>;

const consentViewSchema = z.object({
  state: consentStateSchema,
  recordedAt: z.string().nullable(),
  recordedBy: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  /** Why the relative withdrew, as noted; absent when the caller's roles may not read notes. */
  withdrawalReason: z.string().nullable().optional(),
});

export const tracingRequestSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: tracingStatusSchema,
  requesterName: z.string(),
  requesterRelationship: z.string(),
  district: z.string().nullable(),
  consent: consentStateSchema,
  /** The sought people the caller may see, as display names. */
  soughtPeople: z.array(z.object({ id: z.string(), displayName: z.string().nullable(), found: z.boolean() })),
  createdAt: z.string(),
});
export type TracingRequestSummary = z.infer<typeof tracingRequestSummarySchema>;
export const tracingListResponseSchema = z.object({ requests: z.array(tracingRequestSummarySchema), nextAfter: z.string().nullable() });

const personRefSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  sex: z.enum(['F', 'M', 'U']),
  birthYears: z.object({ min: z.number(), max: z.number() }).nullable(),
});

export const soughtPersonViewSchema = personRefSchema.extend({
  relationshipToRequester: z.string(),
  matchingConsent: z.boolean(),
  mother: personRefSchema.nullable(),
  father: personRefSchema.nullable(),
  /** The registry record confirmed to be this person; `person` is null when it lies outside the caller's scope. */
  found: z.object({ at: z.string().nullable(), person: personRefSchema.nullable() }).nullable(),
});
export type SoughtPersonView = z.infer<typeof soughtPersonViewSchema>;

export const tracingRequestViewSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: tracingStatusSchema,
  requester: z.object({
    name: z.string(),
    relationship: z.string(),
    /** Absent when the caller's roles may not read contact details. */
    contact: z.string().nullable().optional(),
  }),
  district: z.string().nullable(),
  homeCountry: z.string().nullable(),
  familyLeftOn: z.string().nullable(),
  consent: consentViewSchema,
  documents: z.array(tracingDocumentSchema),
  /** Absent when the caller's roles may not read notes. */
  notes: z.string().nullable().optional(),
  familyId: z.string().nullable(),
  soughtPeople: z.array(soughtPersonViewSchema),
  closed: z.object({ at: z.string(), by: z.string().nullable(), reason: z.string() }).nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type TracingRequestView = z.infer<typeof tracingRequestViewSchema>;

export const tracingRequestCreatedSchema = z.object({ id: z.string(), reference: z.string(), soughtPersonIds: z.array(z.string()) });
