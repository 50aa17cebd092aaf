import { z } from 'zod';

/**
 * Schemas for `homeward.person/1` (docs: shared/formats/person-records.md). Objects are "loose": keys we
 * do not know are kept as extra attributes, because an import must never lose what a partner sent us.
 */

/** ISO 15924 codes of the scripts names arrive in; absent means "detect it". */
export const nameScriptSchema = z.enum(['Latn', 'Cyrl', 'Arab']);
export type NameScript = z.infer<typeof nameScriptSchema>;

/** Where a recorded name came from; an official name outweighs a reported one in review screens. */
export const nameKindSchema = z.enum(['official', 'reported', 'alias', 'kunya']);
export type NameKind = z.infer<typeof nameKindSchema>;

const text = z.string().trim().min(1);

/** One way a person's name was recorded: split into parts, or `full` when nobody split it. */
export const personNameSchema = z.looseObject({
  given: text.optional(),
  father: text.optional(),
  grandfather: text.optional(),
  family: text.optional(),
  full: text.optional(),
  script: nameScriptSchema.optional(),
  kind: nameKindSchema.optional(),
});
export type PersonName = z.infer<typeof personNameSchema>;

/** A partial date written with the precision that is actually known (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`). */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
export type PartialDate = z.infer<typeof partialDateSchema>;

/** An age estimated on a date: kept as such, never turned into an invented birth date. */
export const estimatedAgeSchema = z.looseObject({
  years: z.number().min(0).max(130),
  on: partialDateSchema,
});
export type EstimatedAge = z.infer<typeof estimatedAgeSchema>;

/** What is known of the birth; every key may be absent (= unknown). */
export const birthSchema = z.looseObject({
  date: partialDateSchema.nullable().optional(),
  estimated_age: estimatedAgeSchema.nullable().optional(),
  place: text.nullable().optional(),
  country: z.string().trim().length(2).nullable().optional(),
});
export type Birth = z.infer<typeof birthSchema>;

/** A parent as far as the record knows them; the father may be known only by his kunya. */
export const parentSchema = z.looseObject({
  names: z.array(personNameSchema).optional(),
  birth_year: z.number().int().min(1850).max(2100).nullable().optional(),
  kunya: text.nullable().optional(),
});
export type Parent = z.infer<typeof parentSchema>;

/** Where the family comes from at home. */
export const originSchema = z.looseObject({
  country: z.string().trim().length(2).nullable().optional(),
  district: text.nullable().optional(),
});
export type Origin = z.infer<typeof originSchema>;

/** `F`, `M` or `U`; absent also means unknown. */
export const sexSchema = z.enum(['F', 'M', 'U']);
export type Sex = z.infer<typeof sexSchema>;

/** One person record of `homeward.person/1`. Only `id` and `names` are required. */
export const personRecordSchema = z.looseObject({
  id: z.string().trim().min(1),
  sex: sexSchema.optional(),
  names: z.array(personNameSchema).min(1),
  birth: birthSchema.optional(),
  mother: parentSchema.optional(),
  father: parentSchema.optional(),
  origin: originSchema.optional(),
  departed_home: partialDateSchema.nullable().optional(),
});
export type PersonRecord = z.infer<typeof personRecordSchema>;

/** The format tag, for files and API payloads that announce what they carry. */
export const PERSON_FORMAT = 'homeward.person/1' as const;
