import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePersonSearchQuery } from './registry.queries';

/** A chosen person: id and the name to show for them. */
export interface ChosenPerson {
  id: string;
  name: string;
}

/**
 * A compact person chooser for tables and dense forms: type any spelling of a name, in any script, and
 * pick from the registry's candidates (the search is the server's, across scripts, so nothing is filtered
 * again here). `PersonPicker` is the roomy version with each candidate's details.
 */
export function PersonSearchSelect({
  label,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  value: ChosenPerson | null;
  onChange: (person: ChosenPerson | null) => void;
  error?: string | undefined;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const query = usePersonSearchQuery(value && search === value.name ? '' : debounced);
  const found = (query.data?.candidates ?? []).map((c) => ({
    value: c.id,
    label: `${c.displayName ?? c.matchedName}${c.birthYears ? ` (${c.birthYears.min === c.birthYears.max ? c.birthYears.min : `${c.birthYears.min}–${c.birthYears.max}`})` : ''}`,
  }));
  const data = value && !found.some((o) => o.value === value.id) ? [{ value: value.id, label: value.name }, ...found] : found;

  return (
    <Select
      label={label}
      placeholder={t('registry.picker.hint')}
      data={data}
      value={value?.id ?? null}
      onChange={(id, option) => onChange(id ? { id, name: option.label } : null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={debounced.trim().length >= 2 && query.isSuccess ? t('registry.picker.none') : undefined}
      rightSection={query.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
      error={error}
      clearable
      dir="auto"
      data-testid={testId}
    />
  );
}
