import { Button, Group, Select, Switch, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session-context';
import { usePlacesQuery } from '../places/places.queries';
import { AGE_BAND_CODES, CASE_FLAGS, SEXES, STAGE_CODES, isOneOf, optionsOf, useLabels } from '../registry/labels';
import type { CaseFilter } from './case-filter';

const KINDS = ['child', 'adult'] as const;

/** A select whose value is one of `codes` or nothing. */
function CodeSelect<T extends string>(props: {
  label: string;
  codes: readonly T[];
  value: T | null;
  labelOf: (code: T) => string;
  onChange: (value: T | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={props.label}
      data={optionsOf(props.codes, props.labelOf)}
      value={props.value}
      onChange={(v) => props.onChange(v !== null && isOneOf(props.codes, v) ? v : null)}
      placeholder={t('cases.filters.any')}
      clearable
      w={190}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** The filters of the case list. The name search applies on submit, the others as soon as they change. */
export function CaseFilters({ filter, onChange }: { filter: CaseFilter; onChange: (filter: CaseFilter) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const can = useCan();
  const places = usePlacesQuery(can('place.list'));
  const [q, setQ] = useState(filter.q);
  const [appliedQ, setAppliedQ] = useState(filter.q);
  if (appliedQ !== filter.q) {
    // A saved view was applied or the filters were cleared: the search box follows.
    setAppliedQ(filter.q);
    setQ(filter.q);
  }
  const set = <K extends keyof CaseFilter>(key: K, value: CaseFilter[K]) => onChange({ ...filter, [key]: value });

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    set('q', q);
  };

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <form onSubmit={onSearch} role="search" aria-label={t('cases.filters.searchLabel')}>
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('cases.filters.q')}
            description={t('cases.filters.qHint')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            maxLength={200}
            w={260}
            dir="auto"
            data-testid="case-search"
          />
          <Button type="submit" variant="light" leftSection={<IconSearch size={16} aria-hidden />}>
            {t('cases.filters.search')}
          </Button>
        </Group>
      </form>
      <CodeSelect label={t('cases.filters.stage')} codes={STAGE_CODES} value={filter.stage} labelOf={labels.stage} onChange={(v) => set('stage', v)} />
      <CodeSelect label={t('cases.filters.kind')} codes={KINDS} value={filter.kind} labelOf={labels.kind} onChange={(v) => set('kind', v)} />
      <CodeSelect label={t('cases.filters.ageBand')} codes={AGE_BAND_CODES} value={filter.ageBand} labelOf={labels.ageBand} onChange={(v) => set('ageBand', v)} />
      <CodeSelect label={t('cases.filters.sex')} codes={SEXES} value={filter.sex} labelOf={labels.sex} onChange={(v) => set('sex', v)} />
      <CodeSelect label={t('cases.filters.flag')} codes={CASE_FLAGS} value={filter.flag} labelOf={labels.flag} onChange={(v) => set('flag', v)} />
      {places.data ? (
        <Select
          label={t('cases.filters.place')}
          data={places.data.map((p) => ({ value: p.id, label: p.name }))}
          value={filter.placeId}
          onChange={(v) => set('placeId', v)}
          placeholder={t('cases.filters.any')}
          clearable
          searchable
          w={220}
        />
      ) : null}
      <Group gap="md" pb={6}>
        <Switch label={t('cases.filters.assignedToMe')} checked={filter.assignedToMe} onChange={(e) => set('assignedToMe', e.currentTarget.checked)} />
        <Switch label={t('cases.filters.includeClosed')} checked={filter.includeClosed} onChange={(e) => set('includeClosed', e.currentTarget.checked)} />
      </Group>
    </Group>
  );
}
