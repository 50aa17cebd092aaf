import { markerAlleles } from './frequencies.parse';
import type { FrequencyDatabase } from './frequencies.parse';
import { kinshipPolicySchema, pairwiseQuestionSchema, pedigreeQuestionSchema } from './kinship.schemas';
import type {
  FloorAllele,
  KinshipAnswer,
  KinshipPolicy,
  KinshipQuestion,
  MarkerResult,
  MutationSpec,
  PedigreePerson,
  StrProfile,
} from './kinship.schemas';
import { markerLogLikelihood } from './marker.likelihood';
import type { Typing } from './marker.likelihood';
import { sexMatrices } from './mutation.model';
import { buildPedigree, PedigreeError } from './pedigree.model';
import type { Pedigree } from './pedigree.model';
import type { MarkerSystem } from './peeling.messages';
import { parseProfilesJson } from './profile.parse';
import { relationshipPedigree } from './relationship.pedigrees';

/**
 * LR = P(profiles | claimed) / P(profiles | alternative), marker by marker, and the answer object of
 * formats/kinship.md. Pure: the caller resolves `frequencies` to a loaded database.
 */

/** The default policy: "supports" at LR ≥ 10,000 and an ENFSI-style verbal scale. */
export const DEFAULT_KINSHIP_POLICY: KinshipPolicy = kinshipPolicySchema.parse({
  threshold: 10_000,
  max_inconsistent_without_mutation: 2,
  verbal_scale: [
    { min_lr: 1e6, label: 'extremely strong support' },
    { min_lr: 1e4, label: 'very strong support' },
    { min_lr: 1e3, label: 'strong support' },
    { min_lr: 1e2, label: 'moderately strong support' },
    { min_lr: 1e1, label: 'moderate support' },
    { min_lr: 1, label: 'limited support' },
  ],
});

/** Input the engine cannot use (bad profiles, a typed person missing from a pedigree, a loop). */
export class KinshipInputError extends Error {}

/** What a computation needs besides the question. */
export interface KinshipSettings {
  database: FrequencyDatabase;
  theta?: number;
  mutation?: MutationSpec | undefined;
  thetaEnumerationLimit?: number;
}

/** The detailed result of one comparison, before the policy is applied. */
export interface PedigreeComparison {
  log10Lr: number;
  markers: MarkerResult[];
  inconsistentMarkers: string[];
  floorAlleles: FloorAllele[];
}

/** A marker's alleles, frequencies and matrices for one set of observed alleles. */
export function markerSystem(
  database: FrequencyDatabase,
  marker: string,
  observed: Iterable<string>,
  mutation: MutationSpec | undefined,
): { sys: MarkerSystem; alleles: string[]; floored: string[] } | null {
  const table = markerAlleles(database, marker, observed);
  if (table === null) return null;
  const { male, female } = sexMatrices(mutation, table.alleles, table.freqs);
  return {
    sys: { n: table.alleles.length, freqs: table.freqs, male, female },
    alleles: table.alleles,
    floored: table.floored,
  };
}

/** Normalises profiles (marker names, alleles) or throws with every problem listed. */
export function normaliseProfiles(profiles: readonly StrProfile[], database: FrequencyDatabase): StrProfile[] {
  const parsed = parseProfilesJson(profiles, { extraMarkers: database.markers.keys() });
  if (!parsed.ok) {
    throw new KinshipInputError(
      parsed.errors.map((e) => [e.person, e.marker, e.message].filter(Boolean).join(': ')).join('; '),
    );
  }
  return parsed.profiles;
}

function pedigreeOf(persons: readonly PedigreePerson[], label: string): Pedigree {
  try {
    return buildPedigree(persons);
  } catch (error) {
    if (error instanceof PedigreeError) throw new KinshipInputError(`${label} pedigree: ${error.message}`);
    throw error;
  }
}

/** Compares two pedigrees over the same typed people, marker by marker, in log space. */
export function comparePedigrees(
  claimedPersons: readonly PedigreePerson[],
  alternativePersons: readonly PedigreePerson[] | 'unrelated',
  profilesIn: readonly StrProfile[],
  settings: KinshipSettings,
): PedigreeComparison {
  const profiles = normaliseProfiles(profilesIn, settings.database);
  const claimed = pedigreeOf(claimedPersons, 'claimed');
  const sexOf = (id: string) => claimedPersons.find((p) => p.id === id)?.sex;
  const alternative = pedigreeOf(
    alternativePersons === 'unrelated'
      ? profiles.map((p) => ({ id: p.person, sex: sexOf(p.person) ?? 'M' }))
      : alternativePersons,
    'alternative',
  );
  for (const profile of profiles) {
    for (const [label, ped] of [
      ['claimed', claimed],
      ['alternative', alternative],
    ] as const) {
      if (!ped.index.has(profile.person))
        throw new KinshipInputError(`typed person ${profile.person} is not in the ${label} pedigree`);
    }
  }
  const theta = settings.theta ?? 0;
  const markerNames = [...new Set(profiles.flatMap((p) => Object.keys(p.markers)))];
  const markers: MarkerResult[] = [];
  const inconsistentMarkers: string[] = [];
  const floorAlleles: FloorAllele[] = [];
  let log10Lr = 0;
  const mutating = settings.mutation !== undefined && settings.mutation.model !== 'none';
  for (const marker of markerNames) {
    const typed = profiles.filter((p) => p.markers[marker] !== undefined);
    const built = markerSystem(
      settings.database,
      marker,
      typed.flatMap((p) => p.markers[marker] ?? []),
      settings.mutation,
    );
    if (built === null) {
      markers.push({ marker, lr: 1, note: `not in database ${settings.database.name}; left out` });
      continue;
    }
    for (const allele of built.floored) floorAlleles.push({ marker, allele, frequency: settings.database.floor });
    const typingsFor = (ped: Pedigree): Typing[] => {
      const typings: Typing[] = ped.ids.map(() => null);
      for (const p of typed) {
        const [a, b] = p.markers[marker] as [string, string];
        typings[ped.index.get(p.person) as number] = [built.alleles.indexOf(a), built.alleles.indexOf(b ?? a)];
      }
      return typings;
    };
    const options = {
      theta,
      ...(settings.thetaEnumerationLimit !== undefined
        ? { thetaEnumerationLimit: settings.thetaEnumerationLimit }
        : {}),
    };
    const c = markerLogLikelihood(claimed, built.sys, typingsFor(claimed), options);
    const a = markerLogLikelihood(alternative, built.sys, typingsFor(alternative), options);
    const withoutMutation = mutating
      ? markerLogLikelihood(claimed, { ...built.sys, male: null, female: null }, typingsFor(claimed), options).log
      : c.log;
    if (withoutMutation === Number.NEGATIVE_INFINITY) inconsistentMarkers.push(marker);
    const notes: string[] = [];
    if (c.approximateTheta || a.approximateTheta)
      notes.push('θ: untyped founders drawn independently given typed founders (approximation)');
    if (built.floored.length > 0) notes.push(`floor frequency for ${built.floored.join(', ')}`);
    let markerLog10: number;
    if (a.log === Number.NEGATIVE_INFINITY) {
      notes.push('impossible under the alternative');
      markerLog10 = c.log === Number.NEGATIVE_INFINITY ? 0 : Number.POSITIVE_INFINITY;
    } else {
      markerLog10 = (c.log - a.log) / Math.LN10;
    }
    if (typed.length < 2) notes.push('typed in one person only');
    log10Lr += markerLog10;
    markers.push({ marker, lr: 10 ** markerLog10, note: notes.length > 0 ? notes.join('; ') : null });
  }
  return { log10Lr, markers, inconsistentMarkers, floorAlleles };
}

/** The verbal expression of an LR on the policy's scale (mirrored for LR < 1). */
export function verbalFor(lr: number, policy: KinshipPolicy): string {
  const steps = [...policy.verbal_scale].sort((x, y) => y.min_lr - x.min_lr);
  const value = lr >= 1 ? lr : lr === 0 ? Number.POSITIVE_INFINITY : 1 / lr;
  const step = steps.find((s) => value >= s.min_lr);
  if (step === undefined) return 'no support either way';
  return lr >= 1 ? step.label : `${step.label} for the alternative`;
}

/** Turns a comparison into the answer object, applying the policy. */
export function toAnswer(result: PedigreeComparison, policy: KinshipPolicy, mutating: boolean): KinshipAnswer {
  const lr = 10 ** result.log10Lr;
  const tooManyInconsistent = !mutating && result.inconsistentMarkers.length > policy.max_inconsistent_without_mutation;
  const conclusion =
    lr >= policy.threshold
      ? 'supports'
      : lr < 1 / policy.threshold || tooManyInconsistent
        ? 'excludes'
        : 'inconclusive';
  return {
    lr,
    log10_lr: Number.isFinite(result.log10Lr) ? result.log10Lr : null,
    markers: result.markers,
    inconsistent_markers: result.inconsistentMarkers,
    floor_alleles: result.floorAlleles,
    conclusion: tooManyInconsistent && lr >= policy.threshold ? 'inconclusive' : conclusion,
    verbal: verbalFor(lr, policy),
    policy,
  };
}

/**
 * Answers a question object of formats/kinship.md (either form). `database` is the loaded database named
 * by `question.frequencies`.
 */
export function answerKinshipQuestion(
  questionIn: KinshipQuestion | unknown,
  options: { database: FrequencyDatabase; policy?: KinshipPolicy; thetaEnumerationLimit?: number },
): KinshipAnswer {
  const policy = options.policy ?? DEFAULT_KINSHIP_POLICY;
  const pairwise = pairwiseQuestionSchema.safeParse(questionIn);
  const settingsOf = (q: { theta: number; mutation?: MutationSpec | undefined }): KinshipSettings => ({
    database: options.database,
    theta: q.theta,
    mutation: q.mutation,
    ...(options.thetaEnumerationLimit !== undefined ? { thetaEnumerationLimit: options.thetaEnumerationLimit } : {}),
  });
  const mutatingOf = (q: { mutation?: MutationSpec | undefined }) =>
    q.mutation !== undefined && q.mutation.model !== 'none';
  if (pairwise.success) {
    const q = pairwise.data;
    const claimed = relationshipPedigree(q.a, q.b, q.relationship, q.a_sex ?? 'M', q.b_sex ?? 'M');
    const result = comparePedigrees(claimed, 'unrelated', q.profiles, settingsOf(q));
    return toAnswer(result, policy, mutatingOf(q));
  }
  const parsed = pedigreeQuestionSchema.safeParse(questionIn);
  if (!parsed.success)
    throw new KinshipInputError(
      `not a kinship question: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const q = parsed.data;
  const result = comparePedigrees(q.claimed, q.alternative, q.profiles, settingsOf(q));
  return toAnswer(result, policy, mutatingOf(q));
}
