import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconFilterOff, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../auth/session-context';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeader } from '../shell/page-header';
import { EMPTY_FILTER, isFiltered } from './case-filter';
import type { CaseFilter } from './case-filter';
import { CaseFilters } from './case-filters';
import { CaseTable } from './case-table';
import { useCaseListQuery } from './cases.queries';
import { SavedViews } from './saved-views';

/** Every case the person may see, filtered, with saved views and "load more". */
export function CaseListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [filter, setFilter] = useState<CaseFilter>(EMPTY_FILTER);
  const cases = useCaseListQuery(filter);
  const rows = cases.data?.pages.flatMap((p) => p.cases) ?? [];

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        intro={t('cases.intro')}
        actions={
          can('person.create') ? (
            <Button component={Link} to="/register" leftSection={<IconUserPlus size={18} aria-hidden />}>
              {t('registration.title')}
            </Button>
          ) : null
        }
      />
      <Stack>
        <Group justify="space-between" align="flex-end">
          <SavedViews filter={filter} onApply={setFilter} />
          {isFiltered(filter) ? (
            <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={() => setFilter(EMPTY_FILTER)}>
              {t('cases.filters.clear')}
            </Button>
          ) : null}
        </Group>
        <CaseFilters filter={filter} onChange={setFilter} />
        {cases.isPending ? (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : rows.length === 0 ? (
          cases.isError ? null : (
            <Text data-testid="cases-empty">{isFiltered(filter) ? t('cases.emptyFiltered') : t('cases.empty')}</Text>
          )
        ) : (
          <>
            <CaseTable cases={rows} />
            <Group justify="center">
              {cases.hasNextPage ? (
                <Button variant="default" loading={cases.isFetchingNextPage} onClick={() => void cases.fetchNextPage()}>
                  {t('cases.loadMore')}
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('cases.noMore')}
                </Text>
              )}
            </Group>
          </>
        )}
        {cases.isError ? <ErrorAlert error={cases.error} /> : null}
      </Stack>
    </>
  );
}
