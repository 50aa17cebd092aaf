import { z } from 'zod';

/**
 * Places where the people of a mission are (shelters, orphanages, camps, prisons, hospitals) and placements:
 * who was where, from when to when, and why. The current place of a person is the placement still open in
 * that history, never a separate field that could disagree with it.
 */

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
const calendarDate = (what: string) => z.iso.date(`Write the ${what} as a real calendar date, YYYY-MM-DD.`);

/** The kinds of place of the issue; the database checks the same list. */
export const PLACE_KINDS = ['shelter', 'orphanage', 'camp', 'prison', 'hospital', 'embassy_residence', 'other'] as const;
export const placeKindSchema = z.enum(PLACE_KINDS);
export type PlaceKind = z.infer<typeof placeKindSchema>;

const placeFields = {
  kind: placeKindSchema,
  name: z.string().trim().min(1, 'A place needs a name.').max(200),
  city: optionalText(120),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, 'A country is a two-letter code such as IQ or SY.')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  capacity: z.number().int('Capacity is a whole number of people.').min(0).max(100_000).nullable().optional().transform((v) => v ?? null),
  /** Who to contact there (a role or office, not a private person's details). */
  contact: optionalText(2000),
  /** Who may visit and on what terms (e.g. "ICRC only, by prior request to the ministry"). */
  visitRules: optionalText(2000),
};

/** Register a place of the mission. Names are unique within a mission. */
export const createPlaceRequestSchema = z.object(placeFields);
export type CreatePlaceRequest = z.infer<typeof createPlaceRequestSchema>;

/** Change some facts about a place; only the fields given change. */
export const updatePlaceRequestSchema = z
  .object({
    kind: placeKindSchema.optional(),
    name: placeFields.name.optional(),
    city: z.string().trim().max(120).nullable().optional(),
    country: z.string().trim().regex(/^[A-Z]{2}$/, 'A country is a two-letter code such as IQ or SY.').nullable().optional(),
    capacity: z.number().int('Capacity is a whole number of people.').min(0).max(100_000).nullable().optional(),
    contact: z.string().trim().max(2000).nullable().optional(),
    visitRules: z.string().trim().max(2000).nullable().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'Give at least one field to change.');
export type UpdatePlaceRequest = z.infer<typeof updatePlaceRequestSchema>;

/** A place with how full it is now: occupancy counts every open placement there, whoever may see the people. */
export const placeViewSchema = z.object({
  id: z.string(),
  kind: placeKindSchema,
  name: z.string(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  capacity: z.number().int().nullable(),
  contact: z.string().nullable(),
  visitRules: z.string().nullable(),
  createdAt: z.string(),
  occupancy: z.number().int(),
  /** Places left (never below zero); null when the capacity is not known. */
  free: z.number().int().nullable(),
  overCapacity: z.boolean(),
});
export type PlaceView = z.infer<typeof placeViewSchema>;

/** A person as a place list shows them: identity only. Name and sex are absent to a role that may not read identity. */
export const placedPersonSchema = z.object({
  id: z.string(),
  sex: z.enum(['F', 'M', 'U']).optional(),
  displayName: z.string().nullable().optional(),
  /** The person's open case, for a link from the board. */
  openCaseId: z.string().nullable().optional(),
});
export type PlacedPerson = z.infer<typeof placedPersonSchema>;

/**
 * One place with the people currently there. `people` holds only those within the caller's person.list
 * scope, and is absent when the caller may not read location data.
 */
export const placeDetailSchema = placeViewSchema.extend({ people: z.array(placedPersonSchema).optional() });
export type PlaceDetail = z.infer<typeof placeDetailSchema>;

/** The places of the mission, by name. */
export const placeListResponseSchema = z.object({ places: z.array(placeViewSchema) });
/** A place id in a path; a place of another mission answers 404. */
export const placeIdParamsSchema = z.object({ id: z.string().uuid('Not a valid place id.') });

/** A stay of a person at a place. An open stay (`endOn` null) is the current one; at most one is open. */
export const placementViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  place: z.object({ id: z.string(), name: z.string(), kind: placeKindSchema, city: z.string().nullable(), country: z.string().nullable() }),
  startOn: z.string(),
  endOn: z.string().nullable(),
  reason: z.string(),
  /** Why the stay ended; null while open and for a transfer (the next placement says why). */
  endReason: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});
export type PlacementView = z.infer<typeof placementViewSchema>;

/**
 * Place a person somewhere from a date, with a reason. If the person is placed elsewhere, this is a
 * transfer: the current placement ends the day this one starts.
 */
export const recordPlacementRequestSchema = z.object({
  placeId: z.string().uuid('Not a valid place id.'),
  startOn: calendarDate('start date'),
  reason: z.string().trim().min(1, 'Say why the person is placed here.').max(2000),
});
export type RecordPlacementRequest = z.infer<typeof recordPlacementRequestSchema>;

/** A warning that does not stop the change but must be seen, e.g. a place now holding more than its capacity. */
export const placementWarningSchema = z.object({
  code: z.enum(['over_capacity']),
  message: z.string(),
});

/** The new placement, the one it ended (a transfer), and warnings to show rather than errors. */
export const recordPlacementResponseSchema = z.object({
  placement: placementViewSchema,
  /** The placement this one ended (a transfer), or null. */
  endedPlacementId: z.string().nullable(),
  warnings: z.array(placementWarningSchema),
});
export type RecordPlacementResponse = z.infer<typeof recordPlacementResponseSchema>;

/** End the current placement (the person left, was released, died, returned home); today when no date is given. */
export const endPlacementRequestSchema = z
  .object({
    endOn: calendarDate('end date').optional(),
    reason: z.string().trim().min(1, 'Say why the stay ended, or leave the reason out.').max(2000).optional(),
  })
  .nullish();
export type EndPlacementRequest = z.infer<typeof endPlacementRequestSchema>;

/** A person and one of their placements in a path. */
export const placementIdParamsSchema = z.object({
  id: z.string().uuid('Not a valid person id.'),
  placementId: z.string().uuid('Not a valid placement id.'),
});

/**
 * A person's placements, newest first, and the current one derived from them. Both are absent when the
 * caller may not read location data.
 */
export const placementHistorySchema = z.object({
  personId: z.string(),
  current: placementViewSchema.nullable().optional(),
  placements: z.array(placementViewSchema).optional(),
});
export type PlacementHistory = z.infer<typeof placementHistorySchema>;

/** The places board, optionally planning the gathering of children into one target place. */
export const placesBoardQuerySchema = z.object({ target: z.string().uuid('Not a valid place id.').optional() });

/** A place on the board: counts of everyone and of children; `children` as the caller may see them. */
export const boardPlaceSchema = placeViewSchema.extend({
  childCount: z.number().int(),
  children: z.array(placedPersonSchema).optional(),
});

/**
 * How many children would move into the target from each other place, and whether it can take them.
 * `targetHasCapacity` is null when the target's capacity is not known.
 */
export const gatheringPlanSchema = z.object({
  target: z.object({ id: z.string(), name: z.string(), capacity: z.number().int().nullable(), occupancy: z.number().int(), free: z.number().int().nullable() }),
  moves: z.array(z.object({ placeId: z.string(), placeName: z.string(), children: z.number().int() })),
  childrenToMove: z.number().int(),
  targetHasCapacity: z.boolean().nullable(),
  /** Children who would not fit (0 when they all fit or the capacity is unknown). */
  shortfall: z.number().int(),
});
export type GatheringPlan = z.infer<typeof gatheringPlanSchema>;

export const placesBoardResponseSchema = z.object({
  places: z.array(boardPlaceSchema),
  /** Children of the mission not placed anywhere: all of them counted, those within scope listed. */
  unplacedChildCount: z.number().int(),
  unplacedChildren: z.array(placedPersonSchema).optional(),
  gathering: gatheringPlanSchema.nullable(),
});
export type PlacesBoard = z.infer<typeof placesBoardResponseSchema>;
