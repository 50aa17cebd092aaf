import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFrequenciesQuery } from './kinship.queries';

/**
 * The frequency database a computation uses; shows the default until another is chosen (`value` null),
 * and says which one is synthetic.
 */
export function FrequencySelect({ value, onChange }: { value: string | null; onChange: (name: string | null) => void }) {
  const { t } = useTranslation();
  const frequencies = useFrequenciesQuery();
  const databases = frequencies.data?.databases ?? [];
  const shown = value ?? databases.find((d) => d.isDefault)?.name ?? databases[0]?.name ?? null;
  return (
    <Select
      label={t('kinship.builder.database')}
      data={databases.map((d) => ({ value: d.name, label: `${d.name} — ${d.synthetic ? t('kinship.builder.synthetic') : d.population}` }))}
      value={shown}
      onChange={onChange}
      allowDeselect={false}
    />
  );
}
