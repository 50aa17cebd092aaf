import { CASE_FLAGS, DEFAULT_WORKFLOWS, EVIDENCE_LEVELS, FIELD_CATEGORIES, PLACE_KINDS, RELATIONSHIP_KINDS, REQUIREMENTS, SOURCES } from '@homeward/domain';
import type { PlaceKind, Requirement } from '@homeward/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { registryEn } from '../../i18n/locales/registry/en';
import type { RegistryTranslation } from '../../i18n/locales/registry/en';

/** A stage code that has a translation (the keys of `labels.stage`). */
export type StageCode = keyof RegistryTranslation['labels']['stage'];

function isStageCode(code: string): code is StageCode {
  return Object.hasOwn(registryEn.labels.stage, code);
}

/**
 * Every stage of the default child and adult workflows, in workflow order (the adult-only stages after the
 * stage they follow), taken from `@homeward/domain` so that the filters follow the workflows.
 */
export const STAGE_CODES: readonly StageCode[] = (() => {
  const order = DEFAULT_WORKFLOWS.child.stages.map((s) => s.code);
  const adult = DEFAULT_WORKFLOWS.adult.stages.map((s) => s.code);
  adult.forEach((code, i) => {
    if (order.includes(code)) return;
    const before = adult[i - 1];
    const at = before === undefined ? 0 : order.indexOf(before) + 1;
    order.splice(at, 0, code);
  });
  return order.filter(isStageCode);
})();

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
export const NATIONALITY_BASES = ['parent_citizen', 'born_in_country', 'document', 'stated'] as const;
export type NationalityBasis = (typeof NATIONALITY_BASES)[number];

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
      relationship: (code: string) => (isOneOf(RELATIONSHIP_KINDS, code) ? t(`labels.relationship.${code}`) : code),
      evidence: (code: string) => (isOneOf(EVIDENCE_LEVELS, code) ? t(`labels.evidence.${code}`) : code),
      source: (code: string) => (isOneOf(SOURCES, code) ? t(`labels.source.${code}`) : code),
      nameKind: (code: string) => (isOneOf(NAME_KINDS, code) ? t(`labels.nameKind.${code}`) : code),
      confidence: (code: string) => (isOneOf(CONFIDENCES, code) ? t(`labels.confidence.${code}`) : code),
      script: (code: string) => (isOneOf(SCRIPTS, code) ? t(`labels.script.${code}`) : code),
      sex: (code: Sex) => t(`labels.sex.${code}`),
      method: (code: string) => (isOneOf(AGE_METHODS, code) ? t(`labels.ageMethod.${code}`) : code),
      ageBand: (code: AgeBandCode) => t(`labels.ageBand.${code}`),
      placeKind: (code: PlaceKind) => t(`labels.placeKind.${code}`),
      category: (code: string) => (isOneOf(FIELD_CATEGORIES, code) ? t(`categories.${code}`) : code),
      basis: (code: string) => (isOneOf(NATIONALITY_BASES, code) ? t(`labels.nationalityBasis.${code}`) : code),
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
