import type { CaseDetail } from '@homeward/domain';
import { Card, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';

const SHOWN = 50;

/** Everything that happened on the case and its person, newest first, as far as this role may see. */
export function TimelinePanel({ timeline }: { timeline: CaseDetail['timeline'] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h4" mb="sm" id="timeline-title">
        {t('timeline.title')}
      </Title>
      {timeline.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('timeline.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} data-testid="case-timeline">
          {timeline.slice(0, SHOWN).map((entry, i) => (
            <Timeline.Item key={`${entry.kind}-${entry.refId ?? i}-${entry.at}`} title={t(`timeline.kind.${entry.kind}`)}>
              {/* The server writes the summary in English; it is shown as written, isolated from the page's direction. */}
              <Text size="sm" lang="en">
                <bdi dir="auto">{entry.summary}</bdi>
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(entry.at, language)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
