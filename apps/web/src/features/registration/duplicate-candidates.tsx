import { Anchor, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CandidateSummary } from '../registry/candidate-list';
import { usePersonSearchQuery } from '../registry/registry.queries';
import { ErrorAlert } from '../shell/error-alert';

/**
 * Search before create: while the officer types a name, the records that may be the same person, in any
 * script or spelling, so a child is not registered twice.
 */
export function DuplicateCandidates({ text }: { text: string }) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(text, 350);
  const search = usePersonSearchQuery(debounced);
  const candidates = search.data?.candidates ?? [];
  const searching = debounced.trim().length >= 2;

  return (
    <Card withBorder padding="md" component="aside" aria-labelledby="duplicates-title" data-testid="duplicate-candidates">
      <Title order={2} size="h5" id="duplicates-title" mb="xs">
        {t('registration.duplicates.title')}
      </Title>
      <div aria-live="polite">
        {!searching ? (
          <Text size="sm" c="dimmed">
            {t('registration.duplicates.hint')}
          </Text>
        ) : search.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : search.isError ? (
          <ErrorAlert error={search.error} />
        ) : candidates.length === 0 ? (
          <Text size="sm">{t('registration.duplicates.none')}</Text>
        ) : (
          <Stack gap="sm">
            <Text size="sm">{t('registration.duplicates.found')}</Text>
            {candidates.map((c) => (
              <Stack key={c.id} gap={2} data-testid="duplicate-candidate">
                <CandidateSummary candidate={c} />
                {c.openCaseId ? (
                  <Anchor component={Link} to={`/cases/${c.openCaseId}`} size="sm">
                    {t('registration.duplicates.openCase')}
                  </Anchor>
                ) : (
                  <Group gap="xs">
                    <Text size="xs" c="dimmed">
                      {t('registration.duplicates.noCase')}
                    </Text>
                    <Anchor component={Link} to={`/people/${c.id}`} size="sm">
                      {t('registration.duplicates.openRecord')}
                    </Anchor>
                  </Group>
                )}
              </Stack>
            ))}
          </Stack>
        )}
      </div>
    </Card>
  );
}
