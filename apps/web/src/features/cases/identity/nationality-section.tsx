import type { PersonRecord } from '@homeward/domain';
import { nationalityClaimInputSchema } from '@homeward/domain';
import { Button, Group, List, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import type { NationalityBasis, Source } from '../../registry/labels';
import { NATIONALITY_BASES, SOURCES, isOneOf, optionsOf, useLabels } from '../../registry/labels';
import { useAddNationalityClaimMutation } from '../../registry/registry.queries';
import { ErrorAlert } from '../../shell/error-alert';
import { notify } from '../../shell/notify';

/** A country code as the country's name in the reader's language ("AZ" → "Azerbaijan", "Азербайджан"). */
function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The nationality claims of a person, each with its basis and source, and the form that records one. */
export function NationalitySection({ person, canEdit }: { person: PersonRecord; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [adding, setAdding] = useState(false);
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Title order={3} size="h6">
          {t('nationality.title')}
        </Title>
        {canEdit ? (
          <Button size="xs" variant="subtle" leftSection={<IconFlag size={14} aria-hidden />} onClick={() => setAdding(true)}>
            {t('nationality.add')}
          </Button>
        ) : null}
      </Group>
      {person.nationalityClaims.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('nationality.none')}
        </Text>
      ) : (
        <List size="sm" spacing={2} data-testid="nationality-claims">
          {person.nationalityClaims.map((claim) => (
            <List.Item key={claim.id}>
              {t('nationality.claim', { country: countryName(claim.country, language), basis: labels.basis(claim.basis) })}
              <Text span size="xs" c="dimmed">
                {' '}
                ({labels.source(claim.source)} · {formatDateTime(claim.recordedAt, language)})
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('nationality.add')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        {adding ? <ClaimForm personId={person.id} onDone={() => setAdding(false)} /> : null}
      </Modal>
    </div>
  );
}

function ClaimForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const add = useAddNationalityClaimMutation(personId);
  const [country, setCountry] = useState('AZ');
  const [basis, setBasis] = useState<NationalityBasis>('parent_citizen');
  const [source, setSource] = useState<Source>('relative');
  const [problem, setProblem] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = nationalityClaimInputSchema.safeParse({ country: country.trim().toUpperCase(), basis, source });
    if (!parsed.success) return setProblem(t('nationality.countryInvalid'));
    setProblem(null);
    add.mutate(
      { country: parsed.data.country, basis, source },
      {
        onSuccess: () => {
          notify('success', t('nationality.done'));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <TextInput
          label={t('nationality.country')}
          description={t('nationality.countryHint')}
          value={country}
          onChange={(e) => setCountry(e.currentTarget.value)}
          maxLength={2}
          dir="ltr"
          withAsterisk
          error={problem ?? undefined}
          data-autofocus
        />
        <Select
          label={t('nationality.basis')}
          data={optionsOf(NATIONALITY_BASES, labels.basis)}
          value={basis}
          onChange={(v) => v && isOneOf(NATIONALITY_BASES, v) && setBasis(v)}
          allowDeselect={false}
        />
        <Select label={t('registry.source')} data={optionsOf(SOURCES, labels.source)} value={source} onChange={(v) => v && isOneOf(SOURCES, v) && setSource(v)} allowDeselect={false} />
        {add.isError ? <ErrorAlert error={add.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
