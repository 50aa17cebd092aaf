import { z } from 'zod';

/**
 * Schemas for `homeward.kinship/1` (docs: shared/formats/kinship.md): STR profiles, kinship questions and
 * their answers. Objects are "loose" so that a lab's extra attributes survive a round trip.
 */

const text = z.string().trim().min(1);

/**
 * An allele exactly as the lab reports it (`9.3` is a microvariant, never a number to round). Its form is
 * checked by the profile parsers, which can say "decimal comma" rather than "invalid string".
 */
export const alleleSchema = z.string().trim().min(1);
export type Allele = z.infer<typeof alleleSchema>;

/** One or two alleles: a single peak is reported once and means homozygous. */
export const markerTypingSchema = z.array(alleleSchema).min(1).max(2);

/** A person's STR profile; markers absent from `markers` were not typed. */
export const strProfileSchema = z.looseObject({
  person: text,
  kit: text.optional(),
  lab: text.optional(),
  sample: text.optional(),
  markers: z.record(z.string(), markerTypingSchema),
});
export type StrProfile = z.infer<typeof strProfileSchema>;

/** Sex decides which mutation rate applies when this person transmits an allele. */
export const sexSchema = z.enum(['M', 'F']);
export type Sex = z.infer<typeof sexSchema>;

/** A member of a pedigree; untyped members carry the relationship between typed ones. */
export const pedigreePersonSchema = z.looseObject({
  id: text,
  sex: sexSchema,
  father: text.nullable().optional(),
  mother: text.nullable().optional(),
});
export type PedigreePerson = z.infer<typeof pedigreePersonSchema>;

/** Mutation models of pedmut/Familias; `stepwise` with `rate2` is the extended (microvariant) model. */
export const mutationModelNameSchema = z.enum(['none', 'equal', 'proportional', 'stepwise']);
export type MutationModelName = z.infer<typeof mutationModelNameSchema>;

const rate = z.number().min(0).max(1);

/** Rates are per meiosis and may differ by the sex of the transmitting parent. */
export const mutationSpecSchema = z.looseObject({
  model: mutationModelNameSchema,
  rate: z.union([rate, z.object({ female: rate, male: rate })]).optional(),
  range: z.number().gt(0).lt(1).optional(),
  rate2: rate.optional(),
});
export type MutationSpec = z.infer<typeof mutationSpecSchema>;

/** The common two-person relationships, answered by the pedigree engine or by κ coefficients. */
export const pairwiseRelationshipSchema = z.enum([
  'parent-child',
  'full-siblings',
  'half-siblings',
  'grandparent',
  'avuncular',
  'first-cousins',
  'unrelated',
]);
export type PairwiseRelationship = z.infer<typeof pairwiseRelationshipSchema>;

const questionCommon = {
  frequencies: text,
  theta: z.number().min(0).lt(1).default(0),
  mutation: mutationSpecSchema.optional(),
  profiles: z.array(strProfileSchema).min(1),
};

/** Two pedigrees over the same typed people: which one explains the profiles better? */
export const pedigreeQuestionSchema = z.looseObject({
  ...questionCommon,
  claimed: z.array(pedigreePersonSchema).min(1),
  alternative: z.union([z.literal('unrelated'), z.array(pedigreePersonSchema).min(1)]).default('unrelated'),
});
export type PedigreeQuestion = z.infer<typeof pedigreeQuestionSchema>;

/**
 * The two-person shorthand: `relationship` says what `b` is to `a` (`grandparent`: b is a's grandparent),
 * against "unrelated". `a_sex`/`b_sex` matter only for sex-specific mutation rates.
 */
export const pairwiseQuestionSchema = z.looseObject({
  ...questionCommon,
  a: text,
  b: text,
  relationship: pairwiseRelationshipSchema,
  a_sex: sexSchema.optional(),
  b_sex: sexSchema.optional(),
});
export type PairwiseQuestion = z.infer<typeof pairwiseQuestionSchema>;

/** Either form of question, as read from `homeward kinship LR QUESTION.json` or the API. */
export const kinshipQuestionSchema = z.union([pairwiseQuestionSchema, pedigreeQuestionSchema]);
export type KinshipQuestion = z.infer<typeof kinshipQuestionSchema>;

/** One marker's contribution; `note` says why a marker was skipped or treated specially. */
export const markerResultSchema = z.looseObject({
  marker: text,
  lr: z.number().min(0),
  note: z.string().nullable(),
});
export type MarkerResult = z.infer<typeof markerResultSchema>;

/** An allele that was not in the database and got the floor frequency. */
export const floorAlleleSchema = z.looseObject({ marker: text, allele: text, frequency: z.number() });
export type FloorAllele = z.infer<typeof floorAlleleSchema>;

/** What the evidence says under the configured policy. */
export const conclusionSchema = z.enum(['supports', 'inconclusive', 'excludes']);
export type Conclusion = z.infer<typeof conclusionSchema>;

/** One step of the verbal scale: an LR at or above `min_lr` earns `label`. */
export const verbalStepSchema = z.object({ min_lr: z.number().min(0), label: text });
export type VerbalStep = z.infer<typeof verbalStepSchema>;

/** The policy that turns an LR into words: configuration, shown with every result. */
export const kinshipPolicySchema = z.object({
  threshold: z.number().gt(1).default(10_000),
  max_inconsistent_without_mutation: z.number().int().min(0).default(2),
  verbal_scale: z.array(verbalStepSchema).min(1),
});
export type KinshipPolicy = z.infer<typeof kinshipPolicySchema>;

/**
 * The answer of formats/kinship.md. `log10_lr` is null only when `lr` is 0 (an exclusion without a
 * mutation model), because JSON has no -Infinity. `policy` echoes the thresholds and scale used.
 */
export const kinshipAnswerSchema = z.looseObject({
  lr: z.number().min(0),
  log10_lr: z.number().nullable(),
  markers: z.array(markerResultSchema),
  inconsistent_markers: z.array(text),
  floor_alleles: z.array(floorAlleleSchema),
  conclusion: conclusionSchema,
  verbal: text,
  policy: kinshipPolicySchema.optional(),
});
export type KinshipAnswer = z.infer<typeof kinshipAnswerSchema>;
