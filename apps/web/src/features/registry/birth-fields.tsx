import { birthInputSchema } from '@homeward/domain';
import type { BirthInput } from '@homeward/domain';
import { Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../i18n/format';
import type { AgeMethod, Source } from './labels';
import { AGE_METHODS, SOURCES, isOneOf, optionsOf, useLabels } from './labels';

const MODES = ['unknown', 'date', 'estimate'] as const;
type BirthMode = (typeof MODES)[number];

/** What is known of a birth, as typed: a date at any precision, or an age estimated on a date by a method. */
export interface BirthDraft {
  mode: BirthMode;
  date: string;
  years: number | '';
  on: string;
  method: AgeMethod;
  place: string;
  source: Source;
}

export function emptyBirth(mode: BirthMode = 'unknown'): BirthDraft {
  return { mode, date: '', years: '', on: todayIso(), method: 'stated', place: '', source: 'child_statement' };
}

/**
 * The draft checked against the shared schema: `null` when nothing is known (mode "unknown"), `'invalid'`
 * when what was typed does not pass.
 */
export function birthInputOf(draft: BirthDraft): BirthInput | null | 'invalid' {
  if (draft.mode === 'unknown') return null;
  const parsed = birthInputSchema.safeParse({
    date: draft.mode === 'date' ? draft.date.trim() : null,
    estimatedAge: draft.mode === 'estimate' ? { years: draft.years === '' ? Number.NaN : draft.years, on: draft.on, method: draft.method } : null,
    place: draft.place,
    source: draft.source,
  });
  return parsed.success ? parsed.data : 'invalid';
}

/** Birth as exact as it is known, never a made-up date. */
export function BirthFields({ value, onChange, error, allowUnknown = true }: { value: BirthDraft; onChange: (draft: BirthDraft) => void; error?: string | undefined; allowUnknown?: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const modeLabelId = useId();
  const set = <K extends keyof BirthDraft>(key: K, v: BirthDraft[K]) => onChange({ ...value, [key]: v });
  const modes = allowUnknown ? MODES : MODES.filter((m) => m !== 'unknown');
  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={500} mb={4} id={modeLabelId}>
          {t('registry.birth.what')}
        </Text>
        <SegmentedControl
          aria-labelledby={modeLabelId}
          data={modes.map((m) => ({ value: m, label: t(`registry.birth.mode.${m}`) }))}
          value={value.mode}
          onChange={(v) => isOneOf(MODES, v) && set('mode', v)}
        />
      </div>
      {value.mode === 'date' ? (
        <TextInput
          label={t('registry.birth.date')}
          description={t('registry.birth.dateHint')}
          placeholder="YYYY-MM-DD"
          value={value.date}
          onChange={(e) => set('date', e.currentTarget.value)}
          error={error}
          dir="ltr"
          maxLength={10}
          w={240}
        />
      ) : null}
      {value.mode === 'estimate' ? (
        <Group gap="sm" align="flex-start" grow>
          <NumberInput
            label={t('registry.birth.years')}
            value={value.years}
            onChange={(v) => set('years', typeof v === 'number' ? v : '')}
            min={0}
            max={120}
            error={error}
            allowDecimal
            decimalScale={1}
          />
          <TextInput label={t('registry.birth.on')} type="date" value={value.on} onChange={(e) => set('on', e.currentTarget.value)} dir="ltr" />
          <Select
            label={t('registry.birth.method')}
            data={optionsOf(AGE_METHODS, labels.method)}
            value={value.method}
            onChange={(v) => v && isOneOf(AGE_METHODS, v) && set('method', v)}
            allowDeselect={false}
          />
        </Group>
      ) : null}
      {value.mode !== 'unknown' ? (
        <Group gap="sm" grow align="flex-start">
          <TextInput label={t('registry.birth.place')} value={value.place} onChange={(e) => set('place', e.currentTarget.value)} dir="auto" maxLength={200} />
          <Select
            label={t('registry.birth.source')}
            data={optionsOf(SOURCES, labels.source)}
            value={value.source}
            onChange={(v) => v && isOneOf(SOURCES, v) && set('source', v)}
            allowDeselect={false}
          />
        </Group>
      ) : null}
    </Stack>
  );
}
