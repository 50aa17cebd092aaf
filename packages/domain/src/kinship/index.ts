/**
 * The DNA kinship engine: pure functions from profiles, pedigrees and frequencies to likelihood ratios.
 * No I/O, so the server, a worker thread, the CLI and the benchmarks run it unchanged.
 */
export * from './kinship.schemas';
export { KNOWN_MARKERS, MarkerNames, markerKey } from './marker-names.normalise';
export { splitCsv } from './csv.split';
export type { CsvRecord } from './csv.split';
export { normaliseAllele, parseProfilesCsvLong, parseProfilesCsvWide, parseProfilesJson } from './profile.parse';
export type { ProfileParseError, ProfileParseOptions, ProfileParseResult } from './profile.parse';
export {
  DEFAULT_FLOOR,
  frequencyDatabase,
  markerAlleles,
  parseFrequencyCsv,
  parseFrequencyList,
} from './frequencies.parse';
export type {
  FrequencyDatabase,
  FrequencyParseError,
  FrequencyParseOptions,
  FrequencyParseResult,
  MarkerAlleles,
} from './frequencies.parse';
export {
  DEFAULT_STEPWISE_RANGE,
  identityMatrix,
  mutationMatrix,
  MutationModelError,
  rateFor,
  sexMatrices,
} from './mutation.model';
export type { MutationParameters, SexMatrices } from './mutation.model';
export { buildPedigree, PedigreeError, unrelatedPedigree } from './pedigree.model';
export type { Couple, Pedigree } from './pedigree.model';
export type { MarkerSystem } from './peeling.messages';
export { logSumExp, lumpSystem, markerLogLikelihood, relevantPeople, targetGenotypeWeights } from './marker.likelihood';
export type { LikelihoodOptions, MarkerLikelihood, Typing } from './marker.likelihood';
export { KAPPA, pairwiseMarkerLr } from './pairwise.kappa';
export { relationshipPedigree } from './relationship.pedigrees';
export { layoutPedigree } from './pedigree.layout';
export type { LayoutMember, LayoutPoint, LayoutSegment, PedigreeLayout } from './pedigree.layout';
export {
  answerKinshipQuestion,
  comparePedigrees,
  DEFAULT_KINSHIP_POLICY,
  KinshipInputError,
  markerSystem,
  normaliseProfiles,
  toAnswer,
  verbalFor,
} from './kinship.lr';
export type { KinshipSettings, PedigreeComparison } from './kinship.lr';
export { prepareScreening, screenBlock, screenFamilies, summariseScreening } from './screening.engine';
export type {
  PreparedScreening,
  ReferenceFamily,
  ScreeningBlock,
  ScreeningCandidate,
  ScreeningInput,
  ScreeningOptions,
  ScreeningSummary,
} from './screening.engine';
export { pairwiseScreen, pairwiseScreenBlock, preparePairwiseScreen } from './pairwise.screen';
export type { PairwiseScreenInput, PairwiseScreenResult, PreparedPairwiseScreen } from './pairwise.screen';
