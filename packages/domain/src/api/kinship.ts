import { z } from 'zod';
import {
  conclusionSchema,
  kinshipAnswerSchema,
  markerTypingSchema,
  mutationSpecSchema,
  pairwiseRelationshipSchema,
  pedigreePersonSchema,
  sexSchema,
} from '../kinship/kinship.schemas';

/**
 * Request and response schemas of the kinship API (one pair per operation), shared by the server's routes,
 * the OpenAPI document and the web app. People are person ids; profiles never travel from the client.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.');
const uuid = z.string().uuid();

/** `child`: a found child to screen against reference families; `reference`: a relative at home. */
export const profileKindSchema = z.enum(['child', 'reference']);
export type ProfileKind = z.infer<typeof profileKindSchema>;

/** A chain-of-custody step given with an import (collection and typing are recorded from the import itself). */
export const custodyEventInputSchema = z.object({
  kind: z.enum(['shipped', 'received']),
  on: isoDate,
  by: text(200).optional(),
});

/** `POST /api/kinship/profiles/import`: a lab file, the sample's facts, consent, and lab label → person id. */
export const profileImportRequestSchema = z.object({
  format: z.enum(['csv-long', 'csv-wide', 'json']),
  content: z.string().min(1),
  kit: text(100),
  lab: text(200),
  collectedOn: isoDate,
  collector: text(200),
  consentReference: text(200).describe('The signed consent for DNA use (document or register reference); required.'),
  people: z.record(z.string().trim().min(1), uuid).refine((m) => Object.keys(m).length > 0, 'Map at least one lab label to a person.'),
  kind: profileKindSchema.default('reference'),
  /** A kind for some lab labels, when one file holds a found child and the relatives typed with it. */
  kinds: z.record(z.string().trim().min(1), profileKindSchema).optional(),
  custody: z.array(custodyEventInputSchema).max(20).default([]),
});
export type ProfileImportRequest = z.infer<typeof profileImportRequestSchema>;

export const profileImportResponseSchema = z.object({
  profiles: z.array(z.object({ id: z.string(), personId: z.string(), label: z.string(), version: z.number().int(), markers: z.number().int() })),
});

/** `POST /api/kinship/profiles/:id/corrections`: markers to set (null removes one), and why. */
export const profileCorrectionRequestSchema = z.object({
  markers: z.record(z.string().trim().min(1), markerTypingSchema.nullable()).refine((m) => Object.keys(m).length > 0, 'Correct at least one marker.'),
  reason: text(1000),
});
export type ProfileCorrectionRequest = z.infer<typeof profileCorrectionRequestSchema>;

export const custodyEventViewSchema = z.object({
  kind: z.string(),
  on: z.string(),
  by: z.string().nullable(),
  reason: z.string().nullable(),
  profileVersion: z.number().int(),
  recordedAt: z.string(),
});

/** A person's current profile, its earlier versions and the sample's chain of custody (an audited read). */
export const profileViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  version: z.number().int(),
  kind: profileKindSchema,
  kit: z.string(),
  lab: z.string(),
  sampleId: z.string(),
  collectedOn: z.string(),
  collector: z.string(),
  consent: z.object({ reference: z.string(), recordedAt: z.string() }),
  markers: z.record(z.string(), z.array(z.string())),
  createdAt: z.string(),
  versions: z.array(z.object({ id: z.string(), version: z.number().int(), createdAt: z.string(), supersededAt: z.string().nullable() })),
  custody: z.array(custodyEventViewSchema),
});
export type ProfileView = z.infer<typeof profileViewSchema>;

/**
 * `GET /api/kinship/profiles`: who has a current profile, without the markers (an audited read). By
 * `people` (comma-separated ids: which of these are typed) or by `kind`, optionally narrowed by name.
 */
export const profileListQuerySchema = z.object({
  people: z
    .string()
    .optional()
    .transform((v) => (v ? [...new Set(v.split(',').map((id) => id.trim()).filter(Boolean))] : undefined))
    .pipe(z.array(uuid).max(200).optional()),
  kind: profileKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ProfileListQuery = z.infer<typeof profileListQuerySchema>;

/** A current profile's facts a chart or a picker needs: never the alleles. */
export const profileSummarySchema = z.object({
  profileId: z.string(),
  personId: z.string(),
  displayName: z.string().nullable(),
  sex: z.enum(['F', 'M', 'U']),
  kind: profileKindSchema,
  version: z.number().int(),
  kit: z.string(),
  lab: z.string(),
  markers: z.number().int(),
});
export type ProfileSummary = z.infer<typeof profileSummarySchema>;
export const profileListResponseSchema = z.object({ profiles: z.array(profileSummarySchema) });

export const frequencyDatabaseViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  population: z.string(),
  sourceNote: z.string(),
  synthetic: z.boolean(),
  isDefault: z.boolean(),
  floor: z.number(),
  sampleSize: z.number().int().nullable(),
  markers: z.number().int(),
  updatedAt: z.string(),
});
export type FrequencyDatabaseView = z.infer<typeof frequencyDatabaseViewSchema>;

/** `POST /api/kinship/frequencies`: a database in the list format or CSV `marker,allele,frequency`. */
export const frequencyImportRequestSchema = z.object({
  name: z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'Use a short lower-case name such as west-asia.'),
  format: z.enum(['list', 'csv']),
  content: z.string().min(1),
  population: text(200),
  sourceNote: text(2000).describe('Where the frequencies come from and under which licence.'),
  sampleSize: z.number().int().positive().optional(),
  floor: z.number().gt(0).lt(0.1).optional(),
  isDefault: z.boolean().default(false),
});
export type FrequencyImportRequest = z.infer<typeof frequencyImportRequestSchema>;

const questionCommon = {
  frequencies: text(100).optional().describe('A loaded database by name; the default database when absent.'),
  theta: z.number().min(0).lt(1).default(0),
  mutation: mutationSpecSchema.optional(),
  profiles: z.array(uuid).min(1).optional().describe('Typed people (person ids); by default every person id in the question that has a profile.'),
};

/** The two-person shorthand of formats/kinship.md with person ids for `a` and `b`. */
export const apiPairwiseQuestionSchema = z.object({
  ...questionCommon,
  a: uuid,
  b: uuid,
  relationship: pairwiseRelationshipSchema,
  a_sex: sexSchema.optional(),
  b_sex: sexSchema.optional(),
});

/** Two pedigrees; typed members are person ids, connecting members any label. */
export const apiPedigreeQuestionSchema = z.object({
  ...questionCommon,
  claimed: z.array(pedigreePersonSchema).min(1).max(200),
  alternative: z.union([z.literal('unrelated'), z.array(pedigreePersonSchema).min(1).max(200)]).default('unrelated'),
});

/** `POST /api/kinship/questions`: a question of formats/kinship.md over Homeward people. */
export const apiKinshipQuestionSchema = z.union([apiPairwiseQuestionSchema, apiPedigreeQuestionSchema]);
export type ApiKinshipQuestion = z.infer<typeof apiKinshipQuestionSchema>;

/** Which database a result used, and whether it is the synthetic one (not for casework). */
export const frequenciesUsedSchema = z.object({ name: z.string(), population: z.string(), synthetic: z.boolean() });

/** A typed person of an analysis: who, and their alleles at the markers of the answer's table (nothing else). */
export const analysisPersonSchema = z.object({
  personId: z.string(),
  displayName: z.string().nullable(),
  sex: z.enum(['F', 'M', 'U']),
  markers: z.record(z.string(), z.array(z.string())),
});

/**
 * A stored kinship analysis (`POST /api/kinship/questions` answers with it, `GET /api/kinship/analyses/:id`
 * reads it again): the question as asked, the answer, the database, and the typed people's alleles at the
 * markers of the answer only, for the per-marker table.
 */
export const kinshipAnalysisSchema = z.object({
  id: z.string(),
  question: apiKinshipQuestionSchema,
  answer: kinshipAnswerSchema,
  frequencies: frequenciesUsedSchema,
  typed: z.array(analysisPersonSchema),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type KinshipAnalysis = z.infer<typeof kinshipAnalysisSchema>;

/** One line of a person's earlier analyses. */
export const analysisSummarySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lr: z.number(),
  log10Lr: z.number().nullable(),
  conclusion: conclusionSchema,
  verbal: z.string(),
  people: z.array(z.string()),
  frequencies: z.string(),
});
export type AnalysisSummary = z.infer<typeof analysisSummarySchema>;

/** `GET /api/people/:id/kinship-analyses`: the analyses a person was typed in, newest first. */
export const personAnalysesResponseSchema = z.object({ analyses: z.array(analysisSummarySchema) });

/** An explicit reference family: a pedigree over person ids (typed) and labels, and the missing positions. */
export const referenceFamilyInputSchema = z.object({
  id: text(100),
  pedigree: z.array(pedigreePersonSchema).min(1).max(100),
  missing: z.array(z.string().trim().min(1)).min(1).max(20),
});

/** `POST /api/kinship/screens`: children (default: every `child` profile in scope) × reference families. */
export const screenRequestSchema = z.object({
  children: z.array(uuid).max(100_000).optional(),
  familyIds: z.array(uuid).max(100_000).optional().describe('Households to build reference pedigrees from (default: every household in scope with a typed member).'),
  families: z.array(referenceFamilyInputSchema).max(100_000).optional(),
  frequencies: text(100).optional(),
  theta: z.number().min(0).lt(1).default(0),
  threshold: z.number().gt(1).default(10_000),
  top: z.number().int().min(1).max(20).default(5),
});
export type ScreenRequest = z.infer<typeof screenRequestSchema>;

export const screenStartedSchema = z.object({ screenId: z.string(), jobId: z.string() });

/** A screening candidate; `log10Lr` null means LR 0 (excluded: JSON has no -Infinity). */
export const screenCandidateSchema = z.object({ child: z.string(), family: z.string(), position: z.string(), log10Lr: z.number().nullable() });

export const matchViewSchema = z.object({
  id: z.string(),
  childPersonId: z.string(),
  family: z.string(),
  familyId: z.string().nullable(),
  position: z.string(),
  relatives: z.array(z.object({ personId: z.string(), kind: z.string() })),
  log10Lr: z.number(),
  undisputed: z.boolean(),
  status: z.enum(['proposed', 'confirmed', 'rejected']),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});
export type MatchView = z.infer<typeof matchViewSchema>;

export const screenViewSchema = z.object({
  id: z.string(),
  jobId: z.string().nullable(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
  error: z.string().nullable(),
  parameters: z.unknown(),
  frequencies: frequenciesUsedSchema,
  summary: z
    .object({
      children: z.number().int(),
      families: z.number().int(),
      markers: z.array(z.string()),
      floorAlleles: z.array(z.object({ marker: z.string(), allele: z.string(), frequency: z.number() })),
      bestPerChild: z.array(z.array(screenCandidateSchema)),
      bestPerFamily: z.array(z.array(screenCandidateSchema)),
      undisputed: z.array(screenCandidateSchema),
      workers: z.number().int(),
      seconds: z.number(),
    })
    .nullable(),
  matches: z.array(matchViewSchema),
  /** Display names of the children and relatives named above (null where unnamed or not readable). */
  people: z.record(z.string(), z.string().nullable()),
  /** Labels of the reference families: the household's label, or the id given with an explicit family. */
  families: z.record(z.string(), z.string()),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ScreenView = z.infer<typeof screenViewSchema>;

/** One screen of the mission in `GET /api/kinship/screens`, newest first. */
export const screenListItemSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  children: z.number().int().nullable(),
  families: z.number().int().nullable(),
  undisputed: z.number().int().nullable(),
  frequencies: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const screenListResponseSchema = z.object({ screens: z.array(screenListItemSchema) });

/** `POST /api/kinship/matches/:id/confirm` and `/reject`: the reviewer's note (required to reject). */
export const matchReviewRequestSchema = z.object({ note: z.string().trim().max(1000).optional() });
export const matchRejectRequestSchema = z.object({ note: text(1000) });

/** `:id` of a kinship profile, analysis, screen or match. */
export const kinshipIdParamsSchema = z.object({ id: uuid });
