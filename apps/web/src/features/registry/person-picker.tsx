import { Loader, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shell/error-alert';
import type { PersonCandidate } from './candidate-list';
import { CandidateSummary } from './candidate-list';
import { usePersonSearchQuery } from './registry.queries';

/**
 * Finds a person already in the registry by any spelling of their name, in any script, and lets the
 * officer choose one. `excludeId` leaves out the person being edited.
 */
export function PersonPicker({
  label,
  value,
  onChange,
  excludeId,
  error,
}: {
  label: string;
  value: PersonCandidate | null;
  onChange: (candidate: PersonCandidate | null) => void;
  excludeId?: string;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const search = usePersonSearchQuery(debounced);
  const candidates = (search.data?.candidates ?? []).filter((c) => c.id !== excludeId);
  const shown = value && !candidates.some((c) => c.id === value.id) ? [value, ...candidates] : candidates;

  return (
    <Stack gap="xs">
      <TextInput
        label={label}
        description={t('registry.picker.hint')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        rightSection={search.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
        dir="auto"
        autoComplete="off"
        error={error}
        data-autofocus
      />
      {search.isError ? <ErrorAlert error={search.error} /> : null}
      {shown.length > 0 ? (
        <Radio.Group
          value={value?.id ?? null}
          onChange={(id) => onChange(shown.find((c) => c.id === id) ?? null)}
          label={t('registry.picker.results')}
        >
          <Stack gap="xs" mt="xs">
            {shown.map((c) => (
              <Radio.Card key={c.id} value={c.id} p="sm" radius="md" withBorder aria-label={c.displayName ?? c.matchedName}>
                <CandidateSummary candidate={c} />
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
      ) : debounced.trim().length >= 2 && search.isSuccess ? (
        <Text size="sm" c="dimmed">
          {t('registry.picker.none')}
        </Text>
      ) : null}
    </Stack>
  );
}
