import type { SoughtPersonView, TracingRequestView } from '@homeward/domain';
import { Anchor, Badge, Button, Card, Center, Grid, Group, List, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatCalendarDate, formatDateTime } from '../../i18n/format';
import { useCan } from '../auth/session-context';
import { useLabels } from '../registry/labels';
import { AgeText, PersonName, typedTextDir } from '../registry/person-text';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { ErrorAlert } from '../shell/error-alert';
import { notify } from '../shell/notify';
import { PageHeader } from '../shell/page-header';
import { CONSENT_COLOUR, STATUS_COLOUR, useTracingLabels } from './tracing-labels';
import { TracingRequestEditDialog } from './tracing-request-edit-dialog';
import { useCloseTracingRequestMutation, useRecordConsentMutation, useTracingRequestQuery, useWithdrawConsentMutation } from './tracing.queries';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

/** A link to a person's page, the name isolated in its own script direction. */
function PersonLink({ person }: { person: { id: string; displayName: string | null } }) {
  return (
    <Anchor component={Link} to={`/people/${person.id}`} fw={500}>
      <PersonName name={person.displayName} />
    </Anchor>
  );
}

function SoughtPersonCard({ person }: { person: SoughtPersonView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const tracingLabels = useTracingLabels();
  return (
    <Card withBorder padding="md" data-testid="sought-person">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h5">
              <PersonLink person={person} />
            </Title>
            <Text size="sm" c="dimmed">
              {tracingLabels.sought(person.relationshipToRequester)} · {labels.sex(person.sex)} · <AgeText birthYears={person.birthYears} />
            </Text>
          </div>
          <Badge color={person.matchingConsent ? 'teal' : 'red'} variant="outline" data-testid="matching-badge">
            {person.matchingConsent ? t('tracing.request.matching') : t('tracing.request.notMatching')}
          </Badge>
        </Group>
        {person.mother || person.father ? (
          <Group gap="lg">
            {person.mother ? (
              <Text size="sm">
                {t('tracing.request.motherOf')}: <PersonLink person={person.mother} />
              </Text>
            ) : null}
            {person.father ? (
              <Text size="sm">
                {t('tracing.request.fatherOf')}: <PersonLink person={person.father} />
              </Text>
            ) : null}
          </Group>
        ) : null}
        <Text size="sm" data-testid="found-status">
          {person.found ? (
            person.found.person ? (
              <Anchor component={Link} to={`/people/${person.found.person.id}`} fw={600} c="teal.9">
                <Trans i18nKey="tracing.request.found" values={{ name: person.found.person.displayName ?? '…' }} components={{ bdi: <bdi dir="auto" /> }} />
              </Anchor>
            ) : (
              t('tracing.request.foundOutsideScope')
            )
          ) : (
            <Text span c="dimmed" size="sm">
              {t('tracing.request.notFoundYet')}
            </Text>
          )}
        </Text>
      </Stack>
    </Card>
  );
}

function ConsentCard({ request }: { request: TracingRequestView }) {
  const { t, i18n } = useTranslation();
  const labels = useTracingLabels();
  const can = useCan();
  const language = i18n.resolvedLanguage ?? 'en';
  const record = useRecordConsentMutation(request.id);
  const withdraw = useWithdrawConsentMutation(request.id);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const { consent } = request;
  const mayChange = can('tracing_request.update');
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {t('tracing.request.consent')}
      </Title>
      <Stack gap="sm">
        <Group gap="sm">
          <Badge color={CONSENT_COLOUR[consent.state]} variant="light" size="lg" data-testid="consent-state">
            {labels.consent(consent.state)}
          </Badge>
        </Group>
        {consent.recordedAt ? <Text size="sm">{t('tracing.request.consentRecorded', { at: formatDateTime(consent.recordedAt, language) })}</Text> : null}
        {consent.withdrawnAt ? <Text size="sm">{t('tracing.request.consentWithdrawnAt', { at: formatDateTime(consent.withdrawnAt, language) })}</Text> : null}
        {consent.state === 'withdrawn' && consent.withdrawalReason ? (
          <Text size="sm" data-testid="withdrawal-reason">
            <bdi dir="auto">{consent.withdrawalReason}</bdi>
          </Text>
        ) : null}
        {record.isError ? <ErrorAlert error={record.error} /> : null}
        {mayChange ? (
          <Group>
            {consent.state === 'given' ? (
              <Button color="red" variant="light" onClick={() => setAsking(true)} data-testid="withdraw-consent">
                {t('tracing.request.withdrawConsent')}
              </Button>
            ) : request.status !== 'closed' ? (
              <Button
                variant="light"
                loading={record.isPending}
                onClick={() => record.mutate(undefined, { onSuccess: () => notify('success', t('tracing.request.consentSaved')) })}
                data-testid="record-consent"
              >
                {t('tracing.request.recordConsent')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={asking}
        title={t('tracing.request.withdrawTitle')}
        body={t('tracing.request.withdrawBody')}
        confirmLabel={t('tracing.request.withdrawConsent')}
        danger
        loading={withdraw.isPending}
        onClose={() => setAsking(false)}
        onConfirm={() =>
          withdraw.mutate(
            { reason },
            {
              onSuccess: () => {
                setAsking(false);
                setReason('');
                notify('success', t('tracing.request.withdrawn'));
              },
            },
          )
        }
      >
        <Textarea label={t('tracing.request.withdrawReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} maxLength={1000} dir="auto" />
        {withdraw.isError ? <ErrorAlert error={withdraw.error} /> : null}
      </ConfirmDialog>
    </Card>
  );
}

/** A tracing request: who asks, consent (with its withdrawal), the sought people and who was found for them. */
export function TracingRequestPage() {
  const { requestId } = useParams();
  const { t, i18n } = useTranslation();
  const labels = useTracingLabels();
  const can = useCan();
  const query = useTracingRequestQuery(requestId);
  const close = useCloseTracingRequestMutation(requestId ?? '');
  const [closing, setClosing] = useState(false);
  const [editing, setEditing] = useState(false);
  const [closeReason, setCloseReason] = useState('');
  const language = i18n.resolvedLanguage ?? 'en';

  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} />;
  const request = query.data;
  const unknown = <Text span c="dimmed" size="sm">{t('tracing.request.unknown')}</Text>;

  return (
    <>
      <PageHeader
        title={request.reference}
        actions={
          <Group gap="sm">
            <Badge color={STATUS_COLOUR[request.status]} variant="light" size="lg" data-testid="status-badge">
              {labels.status(request.status)}
            </Badge>
            {can('tracing_request.update') && request.status !== 'closed' ? (
              <Button variant="default" onClick={() => setEditing(true)} data-testid="edit-request">
                {t('tracing.edit.open')}
              </Button>
            ) : null}
            {can('tracing_request.close') && request.status !== 'closed' ? (
              <Button variant="default" onClick={() => setClosing(true)} data-testid="close-request">
                {t('tracing.request.close')}
              </Button>
            ) : null}
          </Group>
        }
      />
      {request.closed ? (
        <Text mb="md" data-testid="closed-note">
          <Trans i18nKey="tracing.request.closed" values={{ at: formatDateTime(request.closed.at, language), reason: request.closed.reason }} components={{ bdi: <bdi dir="auto" /> }} />
        </Text>
      ) : null}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Card withBorder padding="lg">
              <Title order={2} size="h4" mb="sm">
                {t('tracing.request.soughtPeople')}
              </Title>
              <Stack gap="sm" data-testid="sought-people">
                {request.soughtPeople.map((p) => (
                  <SoughtPersonCard key={p.id} person={p} />
                ))}
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <ConsentCard request={request} />
            <Card withBorder padding="lg">
              <Title order={2} size="h4" mb="sm">
                {t('tracing.request.requester')}
              </Title>
              <Stack gap="sm">
                <Fact label={t('tracing.request.requester')} testId="requester-name">
                  <PersonName name={request.requester.name} />
                </Fact>
                <Fact label={t('tracing.request.relationship')}>{labels.requester(request.requester.relationship)}</Fact>
                {request.requester.contact !== undefined ? (
                  <Fact label={t('tracing.request.contact')} testId="requester-contact">{request.requester.contact ? <bdi dir={typedTextDir(request.requester.contact)}>{request.requester.contact}</bdi> : unknown}</Fact>
                ) : null}
                <Fact label={t('tracing.request.district')}>{request.district ? <bdi dir="auto">{request.district}</bdi> : unknown}</Fact>
                <Fact label={t('tracing.request.leftOn')}>{request.familyLeftOn ? formatCalendarDate(request.familyLeftOn, language) : unknown}</Fact>
                <Fact label={t('tracing.request.filed')}>{formatDateTime(request.createdAt, language)}</Fact>
                <div>
                  <Text size="xs" c="dimmed" fw={500}>
                    {t('tracing.request.documents')}
                  </Text>
                  {request.documents.length > 0 ? (
                    <List size="sm">
                      {request.documents.map((d, i) => (
                        <List.Item key={i}>
                          <bdi dir="auto">{d.description}</bdi>
                        </List.Item>
                      ))}
                    </List>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('tracing.request.none')}
                    </Text>
                  )}
                </div>
                {request.notes ? (
                  <Fact label={t('tracing.request.notes')}>
                    <bdi dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                      {request.notes}
                    </bdi>
                  </Fact>
                ) : null}
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      {editing ? <TracingRequestEditDialog request={request} opened onClose={() => setEditing(false)} /> : null}
      <ConfirmDialog
        opened={closing}
        title={t('tracing.request.closeTitle')}
        body={t('tracing.request.closeBody')}
        confirmLabel={t('tracing.request.close')}
        loading={close.isPending}
        onClose={() => setClosing(false)}
        onConfirm={() => {
          if (!closeReason.trim()) return;
          close.mutate(
            { reason: closeReason.trim() },
            {
              onSuccess: () => {
                setClosing(false);
                notify('success', t('tracing.request.closedDone'));
              },
            },
          );
        }}
      >
        <Textarea label={t('tracing.request.closeReason')} value={closeReason} onChange={(e) => setCloseReason(e.currentTarget.value)} autosize minRows={2} maxLength={1000} withAsterisk dir="auto" />
        {close.isError ? <ErrorAlert error={close.error} /> : null}
      </ConfirmDialog>
    </>
  );
}
