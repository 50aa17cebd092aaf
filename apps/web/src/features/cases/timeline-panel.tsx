import type { CaseDetail, PersonRecord } from '@homeward/domain';
import { Card, Text, Timeline, Title } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { formatCalendarDate, formatDateTime } from '../../i18n/format';
import { useLabels } from '../registry/labels';
import { ByUser } from '../users/user-name';
import { wordEntry } from './timeline-wording';
import type { TimelineEntry, WordingContext } from './timeline-wording';

const SHOWN = 50;
const ISOLATE = { bdi: <bdi dir="auto" /> };

function EntryText({ entry, ctx }: { entry: TimelineEntry; ctx: WordingContext }) {
  const wording = wordEntry(entry, ctx);
  if (!wording) {
    // An entry this app cannot word (an older server): the server's English sentence, as written.
    return (
      <Text size="sm" lang="en">
        <bdi dir="auto">{entry.summary}</bdi>
      </Text>
    );
  }
  return (
    <>
      {wording.sentences.map((s) => (
        <Text size="sm" key={s.key}>
          <Trans i18nKey={`timeline.say.${s.key}`} values={s.values} components={ISOLATE} />
        </Text>
      ))}
      {wording.quote ? (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          <bdi dir="auto">{wording.quote}</bdi>
        </Text>
      ) : null}
    </>
  );
}

/**
 * Everything that happened on the case and its person, newest first, as far as this role may see: each
 * entry worded in the reader's language from its details, with who did it and when.
 */
export function TimelinePanel({ timeline, relatives }: { timeline: CaseDetail['timeline']; relatives?: PersonRecord['relationships'] }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const language = i18n.resolvedLanguage ?? 'en';
  const ctx: WordingContext = {
    labels,
    date: (value) => formatCalendarDate(value, language),
    relativeName: (id) => relatives?.find((r) => r.relatedPersonId === id)?.relatedDisplayName ?? null,
  };
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
              <EntryText entry={entry} ctx={ctx} />
              <Text size="xs" c="dimmed">
                {formatDateTime(entry.at, language)}
                {entry.byUser ? ' · ' : null}
                <ByUser id={entry.byUser} />
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
