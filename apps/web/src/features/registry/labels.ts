import { CASE_FLAGS, EVIDENCE_LEVELS, FIELD_CATEGORIES, PLACE_KINDS, RELATIONSHIP_KINDS, REQUIREMENTS, SOURCES } from '@homeward/domain';
import type { FieldCategory, PlaceKind, RelationshipKind, Requirement } from '@homeward/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Every stage code of the default child and adult workflows, so each has a translation. */
export const STAGE_CODES = [
  'reported',
  'registered',
  'placed',
  'detained',
  'consular_access',
  'identified',
  'citizenship_established',
  'documents_issued',
  'clearances_obtained',
  'ready_to_travel',
  'returned',
  'followed_up',
  'closed',
] as const;
export type StageCode = (typeof STAGE_CODES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export type CaseFlag = (typeof CASE_FLAGS)[number];
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];
export type Source = (typeof SOURCES)[number];
export const NAME_KINDS = ['official', 'reported', 'alias', 'kunya'] as const;
export type NameKind = (typeof NAME_KINDS)[number];
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const SCRIPTS = ['Latn', 'Cyrl', 'Arab'] as const;
export const SEXES = ['F', 'M', 'U'] as const;
export type Sex = (typeof SEXES)[number];
export const AGE_METHODS = ['stated', 'medical', 'dental', 'other'] as const;
export type AgeMethod = (typeof AGE_METHODS)[number];
export const AGE_BAND_CODES = ['under_5', '5_to_11', '12_to_17', 'adult'] as const;
export type AgeBandCode = (typeof AGE_BAND_CODES)[number];

/** Whether a code sent by the server as a plain string is one of a known list (so it has a translation). */
export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** Translated words for the codes of the registry; an unknown code (a newer server) is shown as it is. */
export function useLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      stage: (code: string) => (isOneOf(STAGE_CODES, code) ? t(`labels.stage.${code}`) : code),
      requirement: (code: Requirement) => t(`labels.requirement.${code}`),
      flag: (code: CaseFlag) => t(`labels.flag.${code}`),
      priority: (code: Priority) => t(`labels.priority.${code}`),
      kind: (code: 'child' | 'adult') => t(`labels.caseKind.${code}`),
      relationship: (code: RelationshipKind) => t(`labels.relationship.${code}`),
      evidence: (code: EvidenceLevel) => t(`labels.evidence.${code}`),
      source: (code: string) => (isOneOf(SOURCES, code) ? t(`labels.source.${code}`) : code),
      nameKind: (code: string) => (isOneOf(NAME_KINDS, code) ? t(`labels.nameKind.${code}`) : code),
      confidence: (code: string) => (isOneOf(CONFIDENCES, code) ? t(`labels.confidence.${code}`) : code),
      script: (code: string) => (isOneOf(SCRIPTS, code) ? t(`labels.script.${code}`) : code),
      sex: (code: Sex) => t(`labels.sex.${code}`),
      method: (code: string) => (isOneOf(AGE_METHODS, code) ? t(`labels.ageMethod.${code}`) : code),
      ageBand: (code: AgeBandCode) => t(`labels.ageBand.${code}`),
      placeKind: (code: PlaceKind) => t(`labels.placeKind.${code}`),
      category: (code: FieldCategory) => t(`categories.${code}`),
    }),
    [t],
  );
}

export type Labels = ReturnType<typeof useLabels>;

/** Options for a Mantine Select from a list of codes and their labels. */
export function optionsOf<T extends string>(codes: readonly T[], label: (code: T) => string): { value: T; label: string }[] {
  return codes.map((value) => ({ value, label: label(value) }));
}

export { CASE_FLAGS, EVIDENCE_LEVELS, FIELD_CATEGORIES, PLACE_KINDS, RELATIONSHIP_KINDS, REQUIREMENTS, SOURCES };
