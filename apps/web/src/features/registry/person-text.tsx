import type { BirthView, NameView } from '@homeward/domain';
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../i18n/format';
import { useLabels } from './labels';

/** The parts of a name as written: the full form when recorded, else own name, father's, grandfather's, family. */
export function nameTextOf(name: Pick<NameView, 'given' | 'father' | 'grandfather' | 'family' | 'full'>): string {
  return (name.full ?? [name.given, name.father, name.grandfather, name.family].filter(Boolean).join(' ')).trim();
}

/**
 * A person's name, isolated from the text around it and laid out by its own script: an Arabic name reads
 * right-to-left inside an English page, a Latin name left-to-right inside the Arabic one.
 */
export function PersonName({ name, fallback, fw }: { name: string | null | undefined; fallback?: ReactNode; fw?: number }) {
  const { t } = useTranslation();
  if (!name) return <>{fallback ?? t('registry.unnamed')}</>;
  return (
    <bdi dir="auto" style={fw ? { fontWeight: fw } : undefined}>
      {name}
    </bdi>
  );
}

/**
 * The direction for text someone typed: its own (`auto`) when it has letters, left-to-right when it has none
 * (a telephone number, a date, an id), which `auto` would lay out backwards inside a right-to-left page.
 */
export function typedTextDir(text: string): 'auto' | 'ltr' {
  return /\p{L}/u.test(text) ? 'auto' : 'ltr';
}

/** About how old someone is now, from the window of possible birth years; null when nothing is known. */
export function approximateAge(birthYears: { min: number; max: number } | null | undefined, now = new Date()): number | null {
  if (!birthYears) return null;
  const year = now.getFullYear();
  return Math.max(0, year - Math.round((birthYears.min + birthYears.max) / 2));
}

/** "about 4" from a birth-year window. */
export function AgeText({ birthYears }: { birthYears: { min: number; max: number } | null | undefined }) {
  const { t } = useTranslation();
  const age = approximateAge(birthYears);
  if (age === null) return <Text span c="dimmed" size="sm">{t('registry.ageUnknown')}</Text>;
  return <>{birthYears && birthYears.min === birthYears.max ? t('registry.ageExact', { n: age }) : t('registry.ageAbout', { n: age })}</>;
}

/** A birth as it is known: a date at its precision, or an age estimated on a date by a method. */
export function BirthText({ birth }: { birth: BirthView | null }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const language = i18n.resolvedLanguage ?? 'en';
  if (!birth) return <>{t('registry.birthUnknown')}</>;
  const parts: string[] = [];
  if (birth.date) {
    parts.push(
      t('registry.bornOn', {
        date: formatCalendarDate(birth.date, language),
        precision: t(`registry.precision.${birth.precision ?? 'day'}`),
      }),
    );
  }
  if (birth.estimatedAge) {
    parts.push(
      t('registry.estimatedAge', {
        n: birth.estimatedAge.years,
        on: formatCalendarDate(birth.estimatedAge.on, language),
        method: labels.method(birth.estimatedAge.method),
      }),
    );
  }
  if (birth.place) parts.push(t('registry.bornIn', { place: birth.place }));
  return <>{parts.join(' · ')}</>;
}
