import { Badge, Center, Drawer, Group, Loader, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import { ErrorAlert } from '../../shell/error-alert';
import { useLabels } from '../../registry/labels';
import { BirthText, PersonName, nameTextOf } from '../../registry/person-text';
import { usePersonHistoryQuery } from '../../registry/registry.queries';

/**
 * Nothing in the registry is overwritten: every version of every name and birth, the superseded ones
 * marked, and every identity decision with the evidence it rests on.
 */
export function HistoryDrawer({ personId, opened, onClose }: { personId: string; opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const history = usePersonHistoryQuery(personId, opened);
  const language = i18n.resolvedLanguage ?? 'en';
  const when = (iso: string) => formatDateTime(iso, language);

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title={t('identity.history.title')}
      position="right"
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {history.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : history.isError ? (
        <ErrorAlert error={history.error} />
      ) : (
        <Stack gap="lg" data-testid="identity-history">
          <section>
            <Title order={3} size="h5" mb="xs">
              {t('identity.history.names')}
            </Title>
            <Timeline bulletSize={14} lineWidth={2}>
              {history.data.names.map((n) => (
                <Timeline.Item key={n.id} color={n.supersededAt ? 'gray' : 'blue'}>
                  <Group gap="xs">
                    <Text fw={600} td={n.supersededAt ? 'line-through' : undefined}>
                      <PersonName name={nameTextOf(n)} />
                    </Text>
                    {n.supersededAt ? (
                      <Badge size="sm" color="gray" variant="light" tt="none">
                        {t('identity.history.superseded', { at: when(n.supersededAt) })}
                      </Badge>
                    ) : (
                      <Badge size="sm" variant="light" tt="none">
                        {t('identity.history.current')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {labels.nameKind(n.kind)} · {labels.source(n.source)} · {labels.confidence(n.confidence)} · {labels.script(n.script)} · {when(n.recordedAt)}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </section>
          <section>
            <Title order={3} size="h5" mb="xs">
              {t('identity.history.births')}
            </Title>
            {history.data.births.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('identity.history.noBirths')}
              </Text>
            ) : (
              <Timeline bulletSize={14} lineWidth={2}>
                {history.data.births.map((b) => (
                  <Timeline.Item key={b.id} color={b.supersededAt ? 'gray' : 'blue'}>
                    <Text size="sm" td={b.supersededAt ? 'line-through' : undefined}>
                      <BirthText birth={b} />
                    </Text>
                    <Text size="xs" c="dimmed">
                      {labels.source(b.source)} · {when(b.recordedAt)}
                      {b.supersededAt ? ` · ${t('identity.history.superseded', { at: when(b.supersededAt) })}` : ''}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </section>
          <section>
            <Title order={3} size="h5" mb="xs">
              {t('identity.history.decisions')}
            </Title>
            {history.data.decisions.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('identity.history.noDecisions')}
              </Text>
            ) : (
              <Stack gap="sm">
                {history.data.decisions.map((d) => {
                  const confirmed = history.data.names.find((n) => n.id === d.confirmedNameId);
                  return (
                    <div key={d.id}>
                      <Text size="sm" fw={600}>
                        {when(d.decidedAt)}
                      </Text>
                      {confirmed ? (
                        <Text size="sm">
                          {t('identity.decide.confirmedName')}: <PersonName name={nameTextOf(confirmed)} />
                        </Text>
                      ) : null}
                      <Text size="sm">
                        {t('identity.decide.evidence')}: <bdi dir="auto">{d.evidence.join('; ')}</bdi>
                      </Text>
                      {d.note ? (
                        <Text size="sm" c="dimmed">
                          <bdi dir="auto">{d.note}</bdi>
                        </Text>
                      ) : null}
                    </div>
                  );
                })}
              </Stack>
            )}
          </section>
        </Stack>
      )}
    </Drawer>
  );
}
