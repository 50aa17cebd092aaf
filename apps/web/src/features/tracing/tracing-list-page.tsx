import { Anchor, Badge, Button, Center, Group, Loader, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../i18n/format';
import { useCan } from '../auth/session-context';
import { isOneOf } from '../registry/labels';
import { PersonName } from '../registry/person-text';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeader } from '../shell/page-header';
import { CONSENT_COLOUR, CONSENT_STATES, STATUS_COLOUR, TRACING_STATUSES, useTracingLabels } from './tracing-labels';
import { useTracingListQuery } from './tracing.queries';

/** The tracing requests in the caller's scope, filtered by status, consent and a name in any script. */
export function TracingListPage() {
  const { t, i18n } = useTranslation();
  const labels = useTracingLabels();
  const can = useCan();
  const [status, setStatus] = useState<string | null>(null);
  const [consent, setConsent] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const list = useTracingListQuery({
    status: status && isOneOf(TRACING_STATUSES, status) ? status : undefined,
    consent: consent && isOneOf(CONSENT_STATES, consent) ? consent : undefined,
    q: q || undefined,
  });
  const requests = list.data?.pages.flatMap((p) => p.requests) ?? [];
  const language = i18n.resolvedLanguage ?? 'en';

  return (
    <>
      <PageHeader
        title={t('tracing.list.title')}
        intro={t('tracing.list.intro')}
        actions={
          can('tracing_request.create') ? (
            <Button component={Link} to="/tracing/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('tracing.list.newRequest')}
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end">
          <TextInput
            label={t('tracing.list.search')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden />}
            dir="auto"
            w={320}
            maxLength={200}
          />
          <Select
            label={t('tracing.list.status')}
            data={[{ value: '', label: t('tracing.list.any') }, ...TRACING_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))]}
            value={status ?? ''}
            onChange={(v) => setStatus(v || null)}
            allowDeselect={false}
            w={180}
          />
          <Select
            label={t('tracing.list.consent')}
            data={[{ value: '', label: t('tracing.list.any') }, ...CONSENT_STATES.map((s) => ({ value: s, label: labels.consent(s) }))]}
            value={consent ?? ''}
            onChange={(v) => setConsent(v || null)}
            allowDeselect={false}
            w={220}
          />
        </Group>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        {list.isPending ? (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : requests.length === 0 ? (
          <Paper withBorder p="lg">
            <Text c="dimmed" data-testid="tracing-empty">
              {t('tracing.list.empty')}
            </Text>
          </Paper>
        ) : (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={900}>
              <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('tracing.list.tableLabel')} data-testid="tracing-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('tracing.list.columns.reference')}</Table.Th>
                    <Table.Th scope="col">{t('tracing.list.columns.sought')}</Table.Th>
                    <Table.Th scope="col">{t('tracing.list.columns.requester')}</Table.Th>
                    <Table.Th scope="col">{t('tracing.list.columns.district')}</Table.Th>
                    <Table.Th scope="col">{t('tracing.list.columns.status')}</Table.Th>
                    <Table.Th scope="col">{t('tracing.list.columns.consent')}</Table.Th>
                    <Table.Th scope="col">{t('tracing.list.columns.filed')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {requests.map((r) => (
                    <Table.Tr key={r.id} data-testid={`tracing-row-${r.reference}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/tracing/${r.id}`} className="ltr-token" fw={600}>
                          {r.reference}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {r.soughtPeople.map((p, i) => (
                          <Fragment key={p.id}>
                            {i > 0 ? ', ' : null}
                            <PersonName name={p.displayName} />
                            {p.found ? (
                              <Text span size="xs" c="teal.8">
                                {' '}
                                ({t('tracing.list.foundMark')})
                              </Text>
                            ) : null}
                          </Fragment>
                        ))}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          <PersonName name={r.requesterName} />
                        </Text>
                        <Text size="xs" c="dimmed">
                          {labels.requester(r.requesterRelationship)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{r.district ? <bdi dir="auto">{r.district}</bdi> : '—'}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLOUR[r.status]} variant="light">
                          {labels.status(r.status)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={CONSENT_COLOUR[r.consent]} variant="light">
                          {labels.consent(r.consent)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(r.createdAt, language)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
        {list.hasNextPage ? (
          <Group justify="center">
            <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('tracing.list.more')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </>
  );
}
