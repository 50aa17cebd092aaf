import type { AuditEntryView, AuditVerifyResponse, Role } from '@homeward/domain';
import { ROLES } from '@homeward/domain';
import { Alert, Button, Center, Group, Loader, Paper, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconFilter, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { useCan } from '../auth/session-context';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeader } from '../shell/page-header';
import { useAuditQuery, useVerifyChainMutation } from './audit.queries';
import type { AuditFilter } from './audit.queries';

const HASH_PREFIX = 12;
const SHOWN_TARGET_IDS = 3;

function isRole(value: string): value is Role {
  return ROLES.some((r) => r === value);
}

/** An id shown in full on hover, shortened in the table; always laid out left-to-right. */
function Token({ value, short = 8 }: { value: string; short?: number }) {
  const shown = value.length > short + 1 ? `${value.slice(0, short)}…` : value;
  return (
    <Tooltip label={value} withinPortal openDelay={300}>
      <span className="ltr-token" title={value}>
        {shown}
      </span>
    </Tooltip>
  );
}

function VerifyResult({ result }: { result: AuditVerifyResponse }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <Alert color="green" icon={<IconShieldCheck aria-hidden />} title={t('audit.verifyOkTitle')} role="status" data-testid="verify-result">
        {t('audit.verifyOk', { checked: result.checked })}
      </Alert>
    );
  }
  return (
    <Alert color="red" icon={<IconShieldX aria-hidden />} title={t('audit.verifyBrokenTitle')} role="alert" data-testid="verify-result">
      {t('audit.verifyBroken', {
        seq: result.firstBroken?.seq ?? '?',
        reason: result.firstBroken?.reason ?? '',
        checked: result.checked,
      })}
    </Alert>
  );
}

function EntryRow({ entry, language }: { entry: AuditEntryView; language: string }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>
        <span className="ltr-token">{entry.seq}</span>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <time dateTime={entry.at}>{formatDateTime(entry.at, language, 'second')}</time>
      </Table.Td>
      <Table.Td>
        <span className="ltr-token">{entry.action}</span>
      </Table.Td>
      <Table.Td>
        {entry.targetType ? (
          <Stack gap={0}>
            <Text size="sm">
              <span className="ltr-token">{entry.targetType}</span>
            </Text>
            {entry.targetIds.slice(0, SHOWN_TARGET_IDS).map((id) => (
              <Text key={id} size="xs" c="dimmed">
                <Token value={id} />
              </Text>
            ))}
            {entry.targetIds.length > SHOWN_TARGET_IDS ? (
              <Tooltip label={<span className="ltr-token">{entry.targetIds.join(' ')}</span>} multiline w={320} withinPortal>
                <Text size="xs" c="dimmed" tabIndex={0}>
                  {t('audit.moreTargets', { n: entry.targetIds.length - SHOWN_TARGET_IDS })}
                </Text>
              </Tooltip>
            ) : null}
          </Stack>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>{entry.actorUserId ? <Token value={entry.actorUserId} /> : t('audit.system')}</Table.Td>
      <Table.Td>
        <Text size="sm">{entry.actorRoles.map((r) => (isRole(r) ? t(`roles.${r}`) : r === 'system' ? t('audit.system') : r)).join(', ') || '—'}</Text>
      </Table.Td>
      <Table.Td>
        <Token value={entry.hash} short={HASH_PREFIX} />
      </Table.Td>
    </Table.Tr>
  );
}

/** The data protection officer's view of the audit trail, with a check that the hash chain is unbroken. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [draft, setDraft] = useState<AuditFilter>({ action: '', targetId: '' });
  const [filter, setFilter] = useState<AuditFilter>({ action: '', targetId: '' });
  const audit = useAuditQuery(filter);
  const verify = useVerifyChainMutation();
  const language = i18n.resolvedLanguage ?? 'en';
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter({ ...draft });
  };

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        intro={t('audit.intro')}
        actions={
          can('audit.verify') ? (
            <Button
              leftSection={<IconCircleCheck size={18} aria-hidden />}
              loading={verify.isPending}
              onClick={() => verify.mutate()}
              data-testid="verify-chain"
            >
              {t('audit.verify')}
            </Button>
          ) : null
        }
      />
      <Stack>
        {verify.isSuccess ? <VerifyResult result={verify.data} /> : null}
        {verify.isError ? <ErrorAlert error={verify.error} /> : null}
        <form onSubmit={onFilter} role="search" aria-label={t('audit.applyFilter')}>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('audit.filterAction')}
              value={draft.action}
              onChange={(e) => setDraft((d) => ({ ...d, action: e.currentTarget.value }))}
              dir="ltr"
              maxLength={64}
              w={220}
            />
            <TextInput
              label={t('audit.filterTarget')}
              value={draft.targetId}
              onChange={(e) => setDraft((d) => ({ ...d, targetId: e.currentTarget.value }))}
              dir="ltr"
              maxLength={64}
              w={320}
            />
            <Button type="submit" variant="light" leftSection={<IconFilter size={16} aria-hidden />}>
              {t('audit.applyFilter')}
            </Button>
            {filter.action || filter.targetId ? (
              <Button
                variant="subtle"
                onClick={() => {
                  setDraft({ action: '', targetId: '' });
                  setFilter({ action: '', targetId: '' });
                }}
              >
                {t('audit.clearFilter')}
              </Button>
            ) : null}
          </Group>
        </form>
        {audit.isPending ? (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : entries.length === 0 ? (
          audit.isError ? null : <Text>{t('audit.empty')}</Text>
        ) : (
          <>
            <Paper withBorder>
              <Table.ScrollContainer minWidth={960}>
                <Table striped verticalSpacing="xs" aria-label={t('audit.tableLabel')} data-testid="audit-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('audit.columns.seq')}</Table.Th>
                      <Table.Th scope="col">{t('audit.columns.at')}</Table.Th>
                      <Table.Th scope="col">{t('audit.columns.action')}</Table.Th>
                      <Table.Th scope="col">{t('audit.columns.target')}</Table.Th>
                      <Table.Th scope="col">{t('audit.columns.actor')}</Table.Th>
                      <Table.Th scope="col">{t('audit.columns.roles')}</Table.Th>
                      <Table.Th scope="col">{t('audit.columns.hash')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {entries.map((entry) => (
                      <EntryRow key={entry.seq} entry={entry} language={language} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <Group justify="center">
              {audit.hasNextPage ? (
                <Button variant="default" loading={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
                  {t('audit.loadOlder')}
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('audit.noOlder')}
                </Text>
              )}
            </Group>
          </>
        )}
        {audit.isError ? <ErrorAlert error={audit.error} /> : null}
      </Stack>
    </>
  );
}
